/**
 * Changes made by hand: the rtnetlink requests behind `ip link set`, `ip route add|del|replace`
 * and `ip addr add|del`, answered the way Linux 6.12 (Debian 13's kernel) answers them.
 *
 * - Link down (dev_close → NETDEV_DOWN → fib_disable_ip → fib_sync_down_dev + fib_flush): every
 *   route whose nexthop is the device is deleted, the kernel's connected routes and the static
 *   ones added by hand or by Docker alike. Link up (NETDEV_UP → fib_add_ifaddr per address)
 *   re-adds only the connected (`proto kernel`) routes of the device's addresses: a static route
 *   such as a container's `default via 172.17.0.1` is gone for good. Carrier loss (a veth whose
 *   peer went down) only flags routes `linkdown` (NETDEV_CHANGE), it deletes nothing.
 * - Route add (fib_table_insert): the prefix must have no host bits (fib_valid_key_len), the
 *   nexthop must check out (fib_check_nh: a gateway must be reached by a route of scope link or
 *   host — a connected route or a local address — on `dev` if given; a device route needs its
 *   device up), and an alias with the same prefix and metric makes `add` fail with EEXIST while
 *   `replace` takes its place.
 * - Route del (fib_table_delete): the first route of that prefix whose gateway, device and
 *   metric match what was given (unspecified ones match anything), else ESRCH.
 * - Address add (__inet_insert_ifa): EEXIST for the same address and prefix on the device; a
 *   second address in the subnet of an existing one is a secondary (no route of its own); a
 *   primary on an up device brings its prefix route (fib_add_ifaddr).
 * - Address del (inet_rtm_deladdr): "ipv4: Address not found" when nothing matches; deleting it
 *   removes the routes using it as source (fib_del_ifaddr / fib_sync_down_addr), and deleting
 *   the device's last address flushes every route of the device (fib_disable_ip, force).
 *
 * Errors carry the errno and, where the kernel sets one, the extended-ack message: iproute2
 * prints `Error: MSG.` when there is a message and `RTNETLINK answers: STRERROR` otherwise;
 * BusyBox never asks for extended acks and always prints the strerror text.
 */
import type { IfaceId, NetnsId } from '../ids';
import { err, ok, type Result } from '../result';
import { Tx } from '../tx';
import type { World } from '../world';
import type { EngineEvent } from '../events';
import { contains, formatCidr, mask, parseIp, type Prefix } from './ipv4';
import type { Addr, Route } from './types';

export type Errno = 'EEXIST' | 'ESRCH' | 'ENETUNREACH' | 'ENETDOWN' | 'ENODEV' | 'EINVAL' | 'EADDRNOTAVAIL';

export interface Changed {
  readonly world: World;
  readonly events: readonly EngineEvent[];
}

/** A kernel refusal: `netlink-error` with the errno and the extended-ack message, if any. */
function nlErr(errno: Errno, msg?: string): Result<never> {
  return err('netlink-error', { errno, ...(msg !== undefined ? { msg } : {}) });
}

/** The routes of the main table in a namespace that go through `dev`. */
function routesOf(w: World, ns: NetnsId, dev: IfaceId): Route[] {
  return (w.netns.get(ns)?.routes ?? []).filter((r) => r.dev === dev);
}

function connectedRoute(a: Addr, dev: IfaceId): Route | undefined {
  if (a.scope === 'host' || a.prefix >= 32 || a.secondary) return undefined;
  return { dst: formatCidr({ addr: parseIp(a.ip) ?? 0, bits: a.prefix }), dev, proto: 'kernel', scope: 'link', src: a.ip };
}

const sameRoute = (a: Route, b: Route): boolean => a.dst === b.dst && a.dev === b.dev && a.proto === b.proto && a.src === b.src && a.via === b.via;

/** `ip link set DEV up|down` (dev_change_flags with IFF_UP). Setting the state it has is a no-op. */
export function setLinkUp(w: World, id: IfaceId, up: boolean): Result<Changed> {
  const i = w.ifaces.get(id);
  if (!i) return nlErr('ENODEV');
  if (i.up === up) return ok({ world: w, events: [] });
  const tx = new Tx(w);
  tx.updateIface(id, (x) => ({ ...x, up }));
  if (!up) {
    tx.updateNetns(i.netns, (n) => ({ ...n, routes: n.routes.filter((r) => r.dev !== id) }));
  } else {
    for (const a of i.addrs) {
      const r = connectedRoute(a, id);
      if (r && !routesOf(tx.world, i.netns, id).some((x) => sameRoute(x, r))) tx.updateNetns(i.netns, (n) => ({ ...n, routes: [...n.routes, r] }));
    }
  }
  tx.emit({ type: up ? 'link-up' : 'link-down', iface: id, netns: i.netns, name: i.name });
  return ok(tx.commit());
}

export interface RouteSpec {
  /** The destination; 0.0.0.0/0 is `default`. */
  readonly dst: Prefix;
  readonly via?: string;
  readonly dev?: IfaceId;
  readonly metric?: number;
}

/** fib_valid_key_len: no host bits past the prefix length. */
function keyOk(p: Prefix): boolean {
  return p.bits === 32 || ((p.addr & ~mask(p.bits)) >>> 0) === 0;
}

const dstText = (p: Prefix): string => (p.bits === 0 ? 'default' : formatCidr(p));

/**
 * fib_check_nh_v4_gw without `onlink`: the gateway is looked up with scope ≥ link, so only a
 * local address or a route of scope link (a connected route, a device route) can reach it, on
 * `dev` when one was given. Returns the device the nexthop resolves to.
 */
function gatewayDev(w: World, ns: NetnsId, gw: string, dev: IfaceId | undefined): IfaceId | undefined {
  const n = parseIp(gw);
  const netns = w.netns.get(ns);
  if (n === null || !netns) return undefined;
  for (const id of netns.ifaces) {
    const i = w.ifaces.get(id);
    if (i?.up && (dev === undefined || dev === id) && i.addrs.some((a) => a.ip === gw)) return id;
  }
  let best: Route | undefined;
  let bestBits = -1;
  for (const r of netns.routes) {
    if (r.scope === 'global' || (dev !== undefined && r.dev !== dev)) continue;
    const bits = r.dst === 'default' ? 0 : Number(r.dst.split('/')[1]);
    const p: Prefix = r.dst === 'default' ? { addr: 0, bits: 0 } : { addr: parseIp(r.dst.split('/')[0] ?? '') ?? 0, bits };
    if (contains(p, n) && bits > bestBits) {
      best = r;
      bestBits = bits;
    }
  }
  return best?.dev;
}

/** `ip route add` (NLM_F_CREATE|NLM_F_EXCL) or `ip route replace` (NLM_F_CREATE|NLM_F_REPLACE). */
export function routeAdd(w: World, ns: NetnsId, spec: RouteSpec, mode: 'add' | 'replace'): Result<Changed> {
  const netns = w.netns.get(ns);
  if (!netns) return nlErr('ENODEV');
  if (!keyOk(spec.dst)) return nlErr('EINVAL', 'Invalid prefix for given prefix length');
  let dev: IfaceId;
  if (spec.via !== undefined) {
    const d = gatewayDev(w, ns, spec.via, spec.dev);
    if (d === undefined) return nlErr('ENETUNREACH', 'Nexthop has invalid gateway');
    if (!w.ifaces.get(d)?.up) return nlErr('ENETDOWN');
    dev = d;
  } else {
    // fib_check_nh_nongw: inetdev_by_index(0) finds nothing without `dev`.
    if (spec.dev === undefined) return nlErr('ENODEV');
    if (!w.ifaces.get(spec.dev)?.up) return nlErr('ENETDOWN', 'Device for nexthop is not up');
    dev = spec.dev;
  }
  const dst = dstText(spec.dst);
  const route: Route = {
    dst,
    ...(spec.via !== undefined ? { via: spec.via } : {}),
    dev,
    proto: 'boot',
    // iproute2: a unicast route without a gateway gets scope link, with one scope universe.
    scope: spec.via !== undefined ? 'global' : 'link',
    ...(spec.metric ? { metric: spec.metric } : {}),
  };
  const at = netns.routes.findIndex((r) => r.dst === dst && (r.metric ?? 0) === (spec.metric ?? 0));
  if (at >= 0 && mode === 'add') return nlErr('EEXIST');
  const tx = new Tx(w);
  tx.updateNetns(ns, (n) => ({ ...n, routes: at >= 0 ? n.routes.map((r, k) => (k === at ? route : r)) : [...n.routes, route] }));
  if (at >= 0) tx.emit({ type: 'route-deleted', netns: ns, dst });
  tx.emit({ type: 'route-added', netns: ns, dst });
  return ok(tx.commit());
}

/** `ip route del PREFIX [via GW] [dev DEV] [metric N]`. */
export function routeDel(w: World, ns: NetnsId, spec: RouteSpec): Result<Changed> {
  const netns = w.netns.get(ns);
  if (!netns) return nlErr('ENODEV');
  if (!keyOk(spec.dst)) return nlErr('EINVAL', 'Invalid prefix for given prefix length');
  const dst = dstText(spec.dst);
  // The FIB keeps a prefix's aliases ordered by metric; the first that matches goes.
  const candidates = netns.routes
    .map((r, k) => ({ r, k }))
    .filter(({ r }) => r.dst === dst && (spec.via === undefined || r.via === spec.via) && (spec.dev === undefined || r.dev === spec.dev) && (spec.metric === undefined || (r.metric ?? 0) === spec.metric))
    .sort((a, b) => (a.r.metric ?? 0) - (b.r.metric ?? 0) || a.k - b.k);
  const hit = candidates[0];
  if (!hit) return nlErr('ESRCH');
  const tx = new Tx(w);
  tx.updateNetns(ns, (n) => ({ ...n, routes: n.routes.filter((_, k) => k !== hit.k) }));
  tx.emit({ type: 'route-deleted', netns: ns, dst });
  return ok(tx.commit());
}

export interface AddrSpec {
  readonly ip: string;
  readonly prefix: number;
  /** Only with `brd +` or `brd ADDR`: iproute2 sets no broadcast by default. */
  readonly brd?: string;
}

/** `ip addr add ADDR/PFX dev DEV` (scope host for 127/8, global otherwise: iproute2 default_scope). */
export function addrAdd(w: World, id: IfaceId, spec: AddrSpec): Result<Changed> {
  const i = w.ifaces.get(id);
  if (!i) return nlErr('ENODEV');
  if (i.addrs.some((a) => a.ip === spec.ip && a.prefix === spec.prefix)) return nlErr('EEXIST');
  const n = parseIp(spec.ip) ?? 0;
  const scope: Addr['scope'] = n >>> 24 === 127 ? 'host' : 'global';
  const secondary = i.addrs.some((a) => a.prefix === spec.prefix && contains({ addr: parseIp(a.ip) ?? 0, bits: a.prefix }, n));
  const addr: Addr = { ip: spec.ip, prefix: spec.prefix, scope, ...(spec.brd ? { brd: spec.brd } : {}), ...(secondary ? { secondary: true } : {}) };
  const tx = new Tx(w);
  tx.updateIface(id, (x) => ({ ...x, addrs: [...x.addrs, addr] }));
  tx.emit({ type: 'addr-added', iface: id, ip: spec.ip, prefix: spec.prefix });
  const r = i.up ? connectedRoute(addr, id) : undefined;
  if (r && !routesOf(tx.world, i.netns, id).some((x) => sameRoute(x, r))) tx.updateNetns(i.netns, (nn) => ({ ...nn, routes: [...nn.routes, r] }));
  return ok(tx.commit());
}

/** `ip addr del ADDR[/PFX] dev DEV`: without a prefix length, the first address with that IP. */
export function addrDel(w: World, id: IfaceId, ip: string, prefix?: number): Result<Changed> {
  const i = w.ifaces.get(id);
  if (!i) return nlErr('ENODEV', 'ipv4: Device not found');
  const at = i.addrs.findIndex((a) => a.ip === ip && (prefix === undefined || a.prefix === prefix));
  const gone = i.addrs[at];
  if (!gone) return nlErr('EADDRNOTAVAIL', 'ipv4: Address not found');
  const tx = new Tx(w);
  let rest = i.addrs.filter((_, k) => k !== at);
  // A deleted primary hands its subnet to its first secondary: Debian's systemd sets
  // net.ipv4.conf.all.promote_secondaries=1 (50-default.conf); the promoted address brings the route.
  const heir = gone.secondary ? -1 : rest.findIndex((a) => a.secondary && a.prefix === gone.prefix && contains({ addr: parseIp(gone.ip) ?? 0, bits: gone.prefix }, parseIp(a.ip) ?? 0));
  if (heir >= 0) rest = rest.map((a, k) => (k === heir ? { ip: a.ip, prefix: a.prefix, scope: a.scope, ...(a.brd ? { brd: a.brd } : {}) } : a));
  tx.updateIface(id, (x) => ({ ...x, addrs: rest }));
  tx.updateNetns(i.netns, (n) => ({
    ...n,
    routes: n.routes.filter((r) => (rest.length === 0 ? r.dev !== id : r.src !== ip)),
  }));
  const promoted = rest[heir];
  const r = promoted && i.up ? connectedRoute(promoted, id) : undefined;
  if (r) tx.updateNetns(i.netns, (n) => ({ ...n, routes: [...n.routes, r] }));
  tx.emit({ type: 'addr-deleted', iface: id, ip: gone.ip, prefix: gone.prefix });
  return ok(tx.commit());
}
