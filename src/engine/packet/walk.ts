/**
 * One packet's path from a local socket to the namespace that receives it, in the order of the
 * kernel's IPv4 stack (net/ipv4/ip_output.c, ip_input.c, ip_forward.c) and its netfilter hooks:
 *
 *   output:  route → raw OUTPUT → mangle OUTPUT → nat OUTPUT (DNAT, then reroute) → filter OUTPUT
 *            → mangle POSTROUTING → nat POSTROUTING (SNAT/MASQUERADE) → xmit
 *   input:   raw PREROUTING → mangle PREROUTING → nat PREROUTING (DNAT) → route decision
 *            → local: mangle INPUT → filter INPUT → nat INPUT → socket
 *            → forward (ip_forward=1): mangle FORWARD → filter FORWARD → POSTROUTING → xmit
 *
 * Bridged traffic between two ports of one Linux bridge goes through the same IPv4 hooks with
 * `-i br -o br` because Docker loads br_netfilter (bridge-nf-call-iptables=1;
 * net/bridge/br_netfilter_hooks.c br_nf_pre_routing / br_nf_forward_ip / br_nf_post_routing).
 * The nat chains are only consulted by the first packet of a connection; answers are NATed back
 * by conntrack (see Conn in walker.ts).
 */
import type { IfaceId, NetnsId } from '../ids';
import type { Iface } from '../net/types';
import { isLocalAddress, localOwner, routeLookup, type RouteResult } from './route';
import type { RejectWith } from '../netfilter/types';
import type { DropBy, PacketError } from './types';
import { endpointText, type CtInfo, type Flow, type HookIo, type Pkt, type Walker } from './walker';

/**
 * A REJECT's verdict, for the caller to send its answer (nf_send_unreach / nf_send_reset): the
 * packet as the rejecting rule saw it, and whether it was addressed to this namespace (the
 * route's RTCF_LOCAL, which decides the ICMP error's source address in __icmp_send).
 */
export interface Rejection {
  readonly with: RejectWith;
  readonly pkt: Pkt;
  readonly local: boolean;
}

export type Outcome =
  | { readonly kind: 'arrived'; readonly netns: NetnsId; readonly iface: IfaceId; readonly pkt: Pkt }
  | { readonly kind: 'dropped'; readonly netns: NetnsId; readonly error: PacketError; readonly reject?: Rejection };

type Step =
  | Outcome
  /** Leave `netns` through `dev` towards `nexthop`. */
  | { readonly kind: 'xmit'; readonly netns: NetnsId; readonly dev: IfaceId; readonly nexthop: string; readonly pkt: Pkt; readonly ttl: number }
  /** Arrive on `dev` (not a bridge port) and enter the IP stack. */
  | { readonly kind: 'ingress'; readonly netns: NetnsId; readonly dev: IfaceId; readonly nexthop: string; readonly pkt: Pkt; readonly ttl: number }
  /** Arrive on a port of a Linux bridge. */
  | { readonly kind: 'port'; readonly netns: NetnsId; readonly port: IfaceId; readonly bridge: IfaceId; readonly nexthop: string; readonly pkt: Pkt; readonly ttl: number };

/** The segment createWorld plugs the router's uplink and every internet host into. */
const INTERNET_SEGMENT = 'wan';

/** IPDEFTTL: a loop ends in "Time to live exceeded" after 64 forwards. */
const DEFAULT_TTL = 64;

function drop(w: Walker, netns: NetnsId, reason: string, error: PacketError, by?: DropBy, reject?: Rejection): Outcome {
  w.hop({ kind: 'drop', netns, reason, ...(by ? { by } : {}) });
  return { kind: 'dropped', netns, error, ...(reject ? { reject } : {}) };
}

/** The Rejection of a REJECT verdict on `p` in `netns`, or undefined for a plain DROP. */
function rejection(w: Walker, netns: NetnsId, p: Pkt, r: RejectWith | undefined): Rejection | undefined {
  return r ? { with: r, pkt: p, local: isLocalAddress(w.world, netns, p.dst) } : undefined;
}

function routeHop(w: Walker, netns: NetnsId, r: RouteResult): void {
  if (r.kind === 'unreachable') w.hop({ kind: 'route', netns, dst: r.dst, route: 'no route', result: 'unreachable' });
  else w.hop({ kind: 'route', netns, dst: r.dst, route: r.text, dev: r.dev, ...(r.kind === 'unicast' && r.via ? { via: r.via } : {}), result: 'ok' });
}

/**
 * The connection as `-m conntrack` sees it in this namespace: the packet's direction and the
 * destination port of the original tuple (before DNAT; for an answer, the port it came from
 * before un-DNAT).
 */
function ctInfo(flow: Flow, netns: NetnsId, p: Pkt): CtInfo {
  const e = flow.conn.entry(netns, flow.dir);
  const orig = e.owner === flow.dir;
  const origDport = e.dnat?.from.port ?? (orig ? p.dport : p.sport);
  return { dir: orig ? 'ORIGINAL' : 'REPLY', ...(origDport !== undefined ? { origDport } : {}) };
}

/**
 * How the sender's socket takes a REJECT's answer once it has come back (net/ipv4/icmp.c
 * icmp_err_convert; tcp_v4_err ends a connect() in SYN_SENT on any unreachable): RST and port
 * unreachable are ECONNREFUSED, protocol unreachable ENOPROTOOPT, net unreachable and net
 * prohibited ENETUNREACH, host unreachable, host prohibited and admin prohibited (code 13,
 * ICMP_PKT_FILTERED) EHOSTUNREACH. The answer is walked back by the caller (send.ts), which
 * turns this into a timeout when it is lost on the way.
 */
export function rejectError(r: RejectWith): PacketError {
  switch (r) {
    case 'tcp-reset':
    case 'icmp-port-unreachable':
      return 'refused';
    case 'icmp-proto-unreachable':
      return 'proto-unreachable';
    case 'icmp-net-unreachable':
    case 'icmp-net-prohibited':
      return 'no-route';
    default:
      return 'unreachable';
  }
}

/** Walks raw/mangle/filter hooks in order; the first DROP (or REJECT) ends the walk. */
function hooks(w: Walker, netns: NetnsId, list: readonly (readonly ['raw' | 'mangle' | 'filter', string])[], p: Pkt, io: HookIo, flow: Flow): Outcome | null {
  const ctstate = flow.conn.ctstate(netns, flow.dir);
  const ct = ctInfo(flow, netns, p);
  for (const [table, hook] of list) {
    const r = w.runHook(netns, table, hook, p, io, ctstate, ct);
    if (r.verdict === 'DROP') return drop(w, netns, r.reason ?? `${table} ${hook}`, r.reject ? rejectError(r.reject) : 'timeout', r.by, rejection(w, netns, p, r.reject));
  }
  return null;
}

/**
 * A reverse translation that leaves the outer header as it was (a REJECT's ICMP error already
 * leaves from the address the sender talked to) is not worth a line in the trace.
 */
function natHop(w: Walker, netns: NetnsId, what: 'un-SNAT' | 'un-DNAT', from: string, to: string): void {
  if (from !== to) w.hop({ kind: 'nat', netns, what, from, to });
}

/** nat at PREROUTING/OUTPUT: DNAT for a new connection, un-SNAT for its answers. */
function dstManip(w: Walker, netns: NetnsId, hook: 'PREROUTING' | 'OUTPUT', p: Pkt, io: HookIo, flow: Flow): Pkt | Outcome {
  const e = flow.conn.entry(netns, flow.dir);
  if (e.owner !== flow.dir) {
    if (!e.snat || e.replyDstDone) return p;
    e.replyDstDone = true;
    // An ICMP error about the connection has no ports: conntrack rewrites its inner header and
    // only the outer address here (nf_nat_icmp_reply_translation).
    const q = { ...p, dst: e.snat.from.ip, ...(e.snat.from.port !== undefined && p.dport !== undefined ? { dport: e.snat.from.port } : {}) };
    natHop(w, netns, 'un-SNAT', endpointText(p.dst, p.dport), endpointText(q.dst, q.dport));
    return q;
  }
  if (e.dstDone) return p;
  e.dstDone = true;
  const r = w.runHook(netns, 'nat', hook, p, io, 'NEW');
  if (r.verdict === 'DROP') return drop(w, netns, r.reason ?? `nat ${hook}`, 'timeout', r.by);
  if (r.nat?.kind !== 'DNAT' || r.nat.ip === undefined) return p;
  const q = { ...p, dst: r.nat.ip, ...(r.nat.port !== undefined ? { dport: r.nat.port } : {}) };
  e.dnat = { from: { ip: p.dst, ...(p.dport !== undefined ? { port: p.dport } : {}) }, to: { ip: q.dst, ...(q.dport !== undefined ? { port: q.dport } : {}) } };
  w.hop({ kind: 'nat', netns, what: 'DNAT', from: endpointText(p.dst, p.dport), to: endpointText(q.dst, q.dport) });
  return q;
}

/** nat at POSTROUTING/INPUT: SNAT/MASQUERADE for a new connection, un-DNAT for its answers. */
function srcManip(w: Walker, netns: NetnsId, hook: 'POSTROUTING' | 'INPUT', p: Pkt, io: HookIo, flow: Flow): Pkt | Outcome {
  const e = flow.conn.entry(netns, flow.dir);
  if (e.owner !== flow.dir) {
    if (!e.dnat || e.replySrcDone) return p;
    e.replySrcDone = true;
    const q = { ...p, src: e.dnat.from.ip, ...(e.dnat.from.port !== undefined && p.sport !== undefined ? { sport: e.dnat.from.port } : {}) };
    natHop(w, netns, 'un-DNAT', endpointText(p.src, p.sport), endpointText(q.src, q.sport));
    return q;
  }
  if (e.srcDone) return p;
  e.srcDone = true;
  const r = w.runHook(netns, 'nat', hook, p, io, 'NEW');
  if (r.verdict === 'DROP') return drop(w, netns, r.reason ?? `nat ${hook}`, 'timeout', r.by);
  if (!r.nat || r.nat.kind === 'DNAT') return p;
  // MASQUERADE with no address on the outgoing device drops the packet (nf_nat_masquerade_ipv4).
  if (r.nat.ip === undefined || r.nat.ip === '0.0.0.0') return drop(w, netns, 'MASQUERADE: no address on the outgoing interface', 'timeout');
  const q = { ...p, src: r.nat.ip, ...(r.nat.port !== undefined ? { sport: r.nat.port } : {}) };
  e.snat = { from: { ip: p.src, ...(p.sport !== undefined ? { port: p.sport } : {}) }, to: { ip: q.src, ...(q.sport !== undefined ? { port: q.sport } : {}) } };
  w.hop({ kind: 'nat', netns, what: r.nat.kind, from: endpointText(p.src, p.sport), to: endpointText(q.src, q.sport) });
  return q;
}

const isOutcome = (x: Pkt | Outcome): x is Outcome => 'kind' in x;

/** POSTROUTING then transmission (shared by local output and forwarding). */
function postrouting(w: Walker, netns: NetnsId, dev: IfaceId, nexthop: string, p0: Pkt, flow: Flow, ttl: number): Step {
  // The kernel passes no input device to POSTROUTING (iptables refuses -i there).
  const io: HookIo = { out: dev, nexthop };
  const blocked = hooks(w, netns, [['mangle', 'POSTROUTING']], p0, io, flow);
  if (blocked) return blocked;
  const p = srcManip(w, netns, 'POSTROUTING', p0, io, flow);
  if (isOutcome(p)) return p;
  return { kind: 'xmit', netns, dev, nexthop, pkt: p, ttl };
}

/** A locally generated packet: route, OUTPUT hooks, POSTROUTING. `p.src` may be '' (choose). */
export function output(w: Walker, netns: NetnsId, p0: Pkt, flow: Flow): Step {
  let r = routeLookup(w.world, netns, p0.dst);
  routeHop(w, netns, r);
  if (r.kind === 'unreachable') return drop(w, netns, 'connect: Network is unreachable (no route)', 'no-route');
  let p: Pkt = p0.src ? p0 : { ...p0, src: r.src };
  let io: HookIo = { out: r.dev };
  const ctstate = flow.conn.ctstate(netns, flow.dir);
  const raw = hooks(w, netns, [['raw', 'OUTPUT'], ['mangle', 'OUTPUT']], p, io, flow);
  if (raw) return raw;
  const before = p.dst;
  const d = dstManip(w, netns, 'OUTPUT', p, io, flow);
  if (isOutcome(d)) return d;
  p = d;
  if (p.dst !== before) {
    // ip_route_me_harder: a DNATed local packet is routed again.
    r = routeLookup(w.world, netns, p.dst);
    routeHop(w, netns, r);
    if (r.kind === 'unreachable') return drop(w, netns, 'no route after DNAT', 'no-route');
    io = { out: r.dev };
  }
  const f = w.runHook(netns, 'filter', 'OUTPUT', p, io, ctstate, ctInfo(flow, netns, p));
  if (f.verdict === 'DROP') return drop(w, netns, f.reason ?? 'filter OUTPUT', f.reject ? rejectError(f.reject) : 'timeout', f.by, rejection(w, netns, p, f.reject));
  const nexthop = r.kind === 'local' ? p.dst : r.nexthop;
  return postrouting(w, netns, r.dev, nexthop, p, flow, DEFAULT_TTL);
}

/** Whoever owns `ip` behind a device: the peer end of a veth, or a NIC on the same segment (ARP). */
function segmentOwner(w: Walker, from: Iface, ip: string): Iface | undefined {
  for (const ns of w.world.netns.values()) {
    if (ns.kind === 'sandbox') continue;
    for (const id of ns.ifaces) {
      const i = w.world.ifaces.get(id);
      if (i && i.id !== from.id && i.up && i.segment === from.segment && i.addrs.some((a) => a.ip === ip)) return i;
    }
  }
  return undefined;
}

/** The port of `bridge` whose veth peer answers ARP for `ip` (the bridge's forwarding database). */
function bridgePortFor(w: Walker, bridge: Iface, ip: string, except?: IfaceId): Iface | undefined {
  const ns = w.world.netns.get(bridge.netns);
  for (const id of ns?.ifaces ?? []) {
    const port = w.world.ifaces.get(id);
    if (!port || port.master !== bridge.id || port.id === except || !port.up || !port.peer) continue;
    const peer = w.world.ifaces.get(port.peer);
    if (peer?.up && peer.addrs.some((a) => a.ip === ip)) return port;
  }
  return undefined;
}

/** Arrival at the far end of a veth: on a bridge port, or straight into a namespace. */
function intoPeer(w: Walker, from: Iface, p: Pkt, nexthop: string, ttl: number): Step {
  const peer = from.peer ? w.world.ifaces.get(from.peer) : undefined;
  if (!peer) return drop(w, from.netns, `${from.name} has no peer`, 'unreachable');
  // veth_xmit → __dev_forward_skb drops what the peer cannot receive (is_skb_forwardable: the
  // peer is down, `ip link set … down`): ARP gets no answer, so the symptom is an unreachable host.
  if (!peer.up) return drop(w, from.netns, `${peer.name} is down (${from.name} has no carrier)`, 'unreachable');
  w.hop({ kind: 'xmit', from: from.id, to: peer.id, via: 'veth' });
  if (peer.master) return { kind: 'port', netns: peer.netns, port: peer.id, bridge: peer.master, nexthop, pkt: p, ttl };
  return { kind: 'ingress', netns: peer.netns, dev: peer.id, nexthop, pkt: p, ttl };
}

function xmit(w: Walker, s: Extract<Step, { kind: 'xmit' }>): Step {
  const dev = w.world.ifaces.get(s.dev);
  if (!dev) return drop(w, s.netns, 'device vanished', 'unreachable');
  const arpFail = (where: string): Outcome => drop(w, s.netns, `no ARP reply for ${s.nexthop} on ${where}`, 'unreachable');
  switch (dev.kind) {
    case 'loopback':
      w.hop({ kind: 'xmit', from: dev.id, to: dev.id, via: 'lo' });
      return { kind: 'ingress', netns: s.netns, dev: dev.id, nexthop: s.nexthop, pkt: s.pkt, ttl: s.ttl };
    case 'veth':
      return intoPeer(w, dev, s.pkt, s.nexthop, s.ttl);
    case 'bridge': {
      // The bridge device transmits into its own forwarding: to the port that owns the next hop.
      const port = bridgePortFor(w, dev, s.nexthop);
      if (!port) return arpFail(dev.name);
      w.hop({ kind: 'bridge', bridge: dev.id, inPort: dev.id, outPort: port.id });
      return intoPeer(w, port, s.pkt, s.nexthop, s.ttl);
    }
    case 'ether': {
      const to = segmentOwner(w, dev, s.nexthop);
      // The router's uplink reaches the ISP, not a LAN: an address nobody on the internet has
      // (172.17.0.2 is private, RFC 1918) is forwarded upstream and lost there, silently.
      if (!to && dev.segment === INTERNET_SEGMENT) return drop(w, s.netns, `no host on the internet has ${s.pkt.dst} (private addresses are not routed there)`, 'timeout');
      if (!to) return arpFail(`${dev.name} (segment ${dev.segment ?? 'none'})`);
      w.hop({ kind: 'xmit', from: dev.id, to: to.id, via: 'wire' });
      return { kind: 'ingress', netns: to.netns, dev: to.id, nexthop: s.nexthop, pkt: s.pkt, ttl: s.ttl };
    }
  }
}

/** PREROUTING then the routing decision, for a packet entering the IP stack on `dev`. */
function ingress(w: Walker, s: Extract<Step, { kind: 'ingress' }>, flow: Flow): Step {
  const io: HookIo = { in: s.dev };
  const blocked = hooks(w, s.netns, [['raw', 'PREROUTING'], ['mangle', 'PREROUTING']], s.pkt, io, flow);
  if (blocked) return blocked;
  const p = dstManip(w, s.netns, 'PREROUTING', s.pkt, io, flow);
  if (isOutcome(p)) return p;
  return routeDecision(w, s.netns, s.dev, p, flow, s.ttl);
}

/** ip_route_input: local delivery, forwarding, or a drop. */
function routeDecision(w: Walker, netns: NetnsId, inDev: IfaceId, p: Pkt, flow: Flow, ttl: number): Step {
  const owner = localOwner(w.world, netns, p.dst);
  if (owner) {
    const io: HookIo = { in: inDev };
    w.hop({ kind: 'route', netns, dst: p.dst, route: routeLookup(w.world, netns, p.dst).text, dev: owner.id, result: 'ok' });
    const blocked = hooks(w, netns, [['mangle', 'INPUT'], ['filter', 'INPUT']], p, io, flow);
    if (blocked) return blocked;
    const q = srcManip(w, netns, 'INPUT', p, io, flow);
    if (isOutcome(q)) return q;
    return { kind: 'arrived', netns, iface: inDev, pkt: q };
  }
  const ns = w.world.netns.get(netns);
  if (!ns?.forwarding) return drop(w, netns, `not for this host and net.ipv4.ip_forward=0`, 'timeout');
  const r = routeLookup(w.world, netns, p.dst);
  routeHop(w, netns, r);
  if (r.kind !== 'unicast') return drop(w, netns, 'no route to forward it (ICMP net unreachable)', 'no-route');
  if (ttl <= 1) return drop(w, netns, 'Time to live exceeded', 'timeout');
  const io: HookIo = { in: inDev, out: r.dev, nexthop: r.nexthop };
  const blocked = hooks(w, netns, [['mangle', 'FORWARD'], ['filter', 'FORWARD']], p, io, flow);
  if (blocked) return blocked;
  return postrouting(w, netns, r.dev, r.nexthop, p, flow, ttl - 1);
}

/**
 * A frame arriving on a bridge port: for one of the host's own addresses it goes up into the
 * host's stack with the bridge as input device; for another port's address it is bridged, and
 * br_netfilter runs the IPv4 PREROUTING, FORWARD and POSTROUTING hooks with `-i br -o br`.
 */
function bridgeIn(w: Walker, s: Extract<Step, { kind: 'port' }>, flow: Flow): Step {
  const br = w.world.ifaces.get(s.bridge);
  if (!br?.up) return drop(w, s.netns, 'bridge is down', 'unreachable');
  if (localOwner(w.world, s.netns, s.nexthop)) {
    w.hop({ kind: 'bridge', bridge: br.id, inPort: s.port, outPort: null });
    return { kind: 'ingress', netns: s.netns, dev: br.id, nexthop: s.nexthop, pkt: s.pkt, ttl: s.ttl };
  }
  const out = bridgePortFor(w, br, s.nexthop, s.port);
  if (!out) return drop(w, s.netns, `no ARP reply for ${s.nexthop} on ${br.name}`, 'unreachable');
  w.hop({ kind: 'bridge', bridge: br.id, inPort: s.port, outPort: out.id });
  const io: HookIo = { in: br.id };
  const blocked = hooks(w, s.netns, [['raw', 'PREROUTING'], ['mangle', 'PREROUTING']], s.pkt, io, flow);
  if (blocked) return blocked;
  const p = dstManip(w, s.netns, 'PREROUTING', s.pkt, io, flow);
  if (isOutcome(p)) return p;
  // br_nf_pre_routing_finish: a DNATed frame is routed instead of bridged.
  if (p.dst !== s.pkt.dst) return routeDecision(w, s.netns, br.id, p, flow, s.ttl);
  const fio: HookIo = { in: br.id, out: br.id, nexthop: s.nexthop };
  const fwd = hooks(w, s.netns, [['mangle', 'FORWARD'], ['filter', 'FORWARD']], p, fio, flow);
  if (fwd) return fwd;
  const pio: HookIo = { out: br.id, nexthop: s.nexthop };
  const post = hooks(w, s.netns, [['mangle', 'POSTROUTING']], p, pio, flow);
  if (post) return post;
  const q = srcManip(w, s.netns, 'POSTROUTING', p, pio, flow);
  if (isOutcome(q)) return q;
  return intoPeer(w, out, q, s.nexthop, s.ttl);
}

/** Sends `p` from a socket in `from` until it arrives somewhere or is dropped. */
export function walk(w: Walker, from: NetnsId, p: Pkt, flow: Flow): Outcome {
  let step: Step = output(w, from, p, flow);
  // Each iteration is one device crossing; TTL bounds forwarding loops, this bounds the rest.
  for (let guard = 0; guard < 4 * DEFAULT_TTL; guard++) {
    switch (step.kind) {
      case 'arrived':
      case 'dropped':
        return step;
      case 'xmit':
        step = xmit(w, step);
        break;
      case 'ingress':
        step = ingress(w, step, flow);
        break;
      case 'port':
        step = bridgeIn(w, step, flow);
        break;
    }
  }
  return drop(w, from, 'routing loop', 'timeout');
}
