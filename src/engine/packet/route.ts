/**
 * Addresses and routing as the kernel's FIB sees them (net/ipv4/fib_frontend.c, fib_trie.c):
 * the `local` table first (every address configured on an interface of the namespace, and all
 * of 127.0.0.0/8 because lo carries 127.0.0.1/8), then the `main` table by longest prefix,
 * ties broken by the lowest metric. Source selection follows inet_select_addr (devinet.c): the
 * route's `src`, else an address of the outgoing device in the next hop's subnet, else the
 * device's primary address, else any global address of the namespace.
 */
import type { IfaceId, NetnsId } from '../ids';
import { contains, parseCidr, parseIp } from '../net/ipv4';
import type { Iface, Netns, Route } from '../net/types';
import type { World } from '../world';

function nsOf(w: World, id: NetnsId): Netns | undefined {
  return w.netns.get(id);
}

function ifacesOf(w: World, ns: Netns): Iface[] {
  const out: Iface[] = [];
  for (const id of ns.ifaces) {
    const i = w.ifaces.get(id);
    if (i) out.push(i);
  }
  return out;
}

/** Every IPv4 address configured on an interface that is up, in ifindex order (`hostname -I` minus lo). */
export function localAddresses(w: World, netns: NetnsId): string[] {
  const ns = nsOf(w, netns);
  if (!ns) return [];
  return ifacesOf(w, ns).filter((i) => i.up).flatMap((i) => i.addrs.map((a) => a.ip));
}

/** The interface holding `ip` as a local address, if any (127/8 belongs to lo as a whole). */
export function localOwner(w: World, netns: NetnsId, ip: string): Iface | undefined {
  const ns = nsOf(w, netns);
  const n = parseIp(ip);
  if (!ns || n === null) return undefined;
  for (const i of ifacesOf(w, ns)) {
    if (!i.up) continue;
    for (const a of i.addrs) {
      if (a.ip === ip) return i;
      // `ip addr add 127.0.0.1/8 dev lo` installs `local 127.0.0.0/8` (host scope covers the prefix).
      if (a.scope === 'host') {
        const p = parseCidr(`${a.ip}/${a.prefix}`);
        if (p && contains(p, n)) return i;
      }
    }
  }
  return undefined;
}

export function isLocalAddress(w: World, netns: NetnsId, ip: string): boolean {
  return localOwner(w, netns, ip) !== undefined;
}

export type RouteResult =
  | {
      readonly kind: 'local';
      readonly dst: string;
      /** Locally delivered packets travel over lo (`ip route get` says `dev lo`). */
      readonly dev: IfaceId;
      readonly owner: IfaceId;
      readonly src: string;
      /** The matching route as `ip route show table local` prints it. */
      readonly text: string;
    }
  | {
      readonly kind: 'unicast';
      readonly dst: string;
      readonly route: Route;
      readonly dev: IfaceId;
      readonly via?: string;
      /** The address ARP must resolve on `dev`: the gateway, or the destination when on-link. */
      readonly nexthop: string;
      readonly src: string;
      /** The matching route as `ip route` prints it. */
      readonly text: string;
    }
  | { readonly kind: 'unreachable'; readonly dst: string; readonly text: string };

function prefixLen(r: Route): number {
  if (r.dst === 'default') return 0;
  return parseCidr(r.dst)?.bits ?? -1;
}

function routeMatches(r: Route, n: number): boolean {
  if (r.dst === 'default') return true;
  const p = parseCidr(r.dst);
  return p !== null && contains(p, n);
}

/** A route line as iproute2 prints it (`ip route`): proto boot and scope universe are implicit. */
export function routeText(w: World, r: Route): string {
  const dev = w.ifaces.get(r.dev)?.name ?? '?';
  let s = r.dst;
  if (r.via) s += ` via ${r.via}`;
  s += ` dev ${dev}`;
  if (r.proto !== 'boot') s += ` proto ${r.proto}`;
  if (r.scope !== 'global') s += ` scope ${r.scope}`;
  if (r.src) s += ` src ${r.src}`;
  if (r.metric !== undefined) s += ` metric ${r.metric}`;
  return s;
}

/** inet_select_addr: an address of `dev` in the next hop's subnet, else its first, else any. */
export function selectSource(w: World, netns: NetnsId, dev: IfaceId, nexthop: string): string {
  const i = w.ifaces.get(dev);
  const nh = parseIp(nexthop);
  const globals = (i?.addrs ?? []).filter((a) => a.scope !== 'host');
  const same = globals.find((a) => {
    const p = parseCidr(`${a.ip}/${a.prefix}`);
    return p !== null && nh !== null && contains(p, nh);
  });
  if (same) return same.ip;
  if (globals[0]) return globals[0].ip;
  const ns = nsOf(w, netns);
  for (const o of ns ? ifacesOf(w, ns) : []) {
    const a = o.up ? o.addrs.find((x) => x.scope === 'global') : undefined;
    if (a) return a.ip;
  }
  return '0.0.0.0';
}

/**
 * `ip route get DST` in namespace `netns`: the local table, then the main table. Routes whose
 * device is down are skipped (the kernel flushes them with the link).
 */
export function routeLookup(w: World, netns: NetnsId, dst: string): RouteResult {
  const n = parseIp(dst);
  const ns = nsOf(w, netns);
  if (n === null || !ns) return { kind: 'unreachable', dst, text: 'RTNETLINK answers: Network is unreachable' };
  const owner = localOwner(w, netns, dst);
  if (owner) {
    const lo = ns.byName.get('lo') ?? owner.id;
    const a = owner.addrs.find((x) => x.ip === dst);
    const text = a
      ? `local ${dst} dev ${owner.name} table local proto kernel scope host src ${dst}`
      : `local 127.0.0.0/8 dev lo table local proto kernel scope host src 127.0.0.1`;
    return { kind: 'local', dst, dev: lo, owner: owner.id, src: a ? dst : '127.0.0.1', text };
  }
  let best: Route | undefined;
  for (const r of ns.routes) {
    const dev = w.ifaces.get(r.dev);
    if (!dev || !dev.up || !routeMatches(r, n)) continue;
    if (!best) best = r;
    else {
      const a = prefixLen(r);
      const b = prefixLen(best);
      if (a > b || (a === b && (r.metric ?? 0) < (best.metric ?? 0))) best = r;
    }
  }
  if (!best) return { kind: 'unreachable', dst, text: 'RTNETLINK answers: Network is unreachable' };
  const nexthop = best.via ?? dst;
  const src = best.src ?? selectSource(w, netns, best.dev, nexthop);
  return {
    kind: 'unicast',
    dst,
    route: best,
    dev: best.dev,
    ...(best.via ? { via: best.via } : {}),
    nexthop,
    src,
    text: routeText(w, best),
  };
}

/**
 * The iproute2 text of `ip route get DST` (iproute2 ≥ 4.x prints the uid and a `cache` line, each
 * with a trailing space). busybox's `ip route get` formats differently; the CLI words that.
 */
export function ipRouteGetText(w: World, r: RouteResult): string {
  if (r.kind === 'unreachable') return r.text;
  if (r.kind === 'local') return `local ${r.dst} dev lo src ${r.src} uid 0 \n    cache <local> `;
  const dev = w.ifaces.get(r.dev)?.name ?? '?';
  return `${r.dst}${r.via ? ` via ${r.via}` : ''} dev ${dev} src ${r.src} uid 0 \n    cache `;
}
