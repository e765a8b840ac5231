/**
 * `ip route` and `ip route get` as iproute2 6.15 prints them (ip/iproute.c print_route): every
 * field is "%s " so lines end in a space; `proto boot` and `scope global` are implicit; the
 * kernel flags a route whose device has no carrier RTNH_F_LINKDOWN (`linkdown`).
 */
import type { NetnsId } from '../../engine/ids';
import { parseCidr, parseIp } from '../../engine/net/ipv4';
import type { Route } from '../../engine/net/types';
import { routeLookup, type RouteResult } from '../../engine/packet/route';
import type { World } from '../../engine/world';
import { carrier, ipv6Addrs, nsIfaces } from './linkState';

/** A route of the main table as the kernel dumps it, with what print_route needs resolved. */
export interface ShownRoute {
  readonly route: Route;
  readonly dev: string;
  readonly linkdown: boolean;
}

/**
 * The main table in dump order. The FIB trie is walked in key order, so routes come sorted by
 * destination address (default, 0.0.0.0/0, first); shorter prefixes of the same address first.
 * Routes of a device that is down are gone (fib_sync_down_dev deletes them).
 */
export function mainRoutes(w: World, ns: NetnsId): ShownRoute[] {
  const routes = w.netns.get(ns)?.routes ?? [];
  const key = (r: Route): [number, number] => {
    if (r.dst === 'default') return [0, 0];
    const p = parseCidr(r.dst);
    return p ? [p.addr, p.bits] : [0, 0];
  };
  const out: ShownRoute[] = [];
  for (const r of routes) {
    const dev = w.ifaces.get(r.dev);
    if (!dev || !dev.up) continue;
    out.push({ route: r, dev: dev.name, linkdown: !carrier(w, dev) });
  }
  return out
    .map((s, n) => ({ s, n, k: key(s.route) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || (a.s.route.metric ?? 0) - (b.s.route.metric ?? 0) || a.n - b.n)
    .map((x) => x.s);
}

/** One route line; `hideDev` when the listing was filtered by `dev X` (filter.oifmask). */
export function routeLine(s: ShownRoute, hideDev = false): string {
  const r = s.route;
  return (
    `${r.dst} ` +
    (r.via ? `via ${r.via} ` : '') +
    (hideDev ? '' : `dev ${s.dev} `) +
    (r.proto !== 'boot' ? `proto ${r.proto} ` : '') +
    (r.scope !== 'global' ? `scope ${r.scope} ` : '') +
    (r.src ? `src ${r.src} ` : '') +
    (r.metric !== undefined ? `metric ${r.metric} ` : '') +
    (s.linkdown ? 'linkdown ' : '')
  );
}

/** `ip route [show] [dev X]`. */
export function ipRouteText(w: World, ns: NetnsId, dev?: string): string {
  return mainRoutes(w, ns)
    .filter((s) => dev === undefined || s.dev === dev)
    .map((s) => `${routeLine(s, dev !== undefined)}\n`)
    .join('');
}

/**
 * `ip -6 route`: the kernel's own IPv6 routes (the model has no IPv6 routing): `::1` for an
 * IPv6-enabled lo and `fe80::/64` per device holding a link-local, metric 256, `pref medium`.
 */
export function ipRoute6Text(w: World, ns: NetnsId, dev?: string): string {
  const lines: string[] = [];
  const ifs = nsIfaces(w, ns).filter((i) => dev === undefined || i.name === dev);
  const d = (name: string) => (dev === undefined ? `dev ${name} ` : '');
  for (const i of ifs) if (i.kind === 'loopback' && ipv6Addrs(w, i).length) lines.push(`::1 ${d(i.name)}proto kernel metric 256 pref medium`);
  for (const i of ifs) if (i.kind !== 'loopback' && ipv6Addrs(w, i).length) lines.push(`fe80::/64 ${d(i.name)}proto kernel metric 256 pref medium`);
  return lines.map((l) => `${l}\n`).join('');
}

/** The kernel's answer to RTM_GETROUTE for an IPv4 address, or why there is none. */
export function lookup(w: World, ns: NetnsId, dst: string): RouteResult {
  return routeLookup(w, ns, dst);
}

/**
 * iproute2's `ip route get` text: a cloned route (no proto/scope), `uid 0` and the `cache` line.
 * Local addresses are `local` routes of table local (both printed, type ≠ unicast and table ≠ main).
 */
export function ipRouteGetText(w: World, r: RouteResult): string {
  if (r.kind === 'unreachable') return '';
  if (r.kind === 'local') return `local ${r.dst} dev lo table local src ${r.src} uid 0 \n    cache <local> \n`;
  const dev = w.ifaces.get(r.dev)?.name ?? '?';
  return `${r.dst} ${r.via ? `via ${r.via} ` : ''}dev ${dev} src ${r.src} uid 0 \n    cache \n`;
}

/** get_prefix's check on the `ip route get` argument (a bare IPv4 address or ADDR/32). */
export function parseGetTarget(arg: string): { ip: string; bits: number } | null {
  const [ip = '', bits] = arg.split('/');
  if (parseIp(ip) === null) return null;
  if (bits === undefined) return { ip, bits: 32 };
  if (!/^\d+$/.test(bits) || Number(bits) > 32) return null;
  return { ip, bits: Number(bits) };
}
