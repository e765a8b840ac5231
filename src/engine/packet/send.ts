/**
 * sendPacket: one request and its answer, walked through the simulated kernels.
 *
 * Packet model (kept simple and the same everywhere, so `iptables -nvL` agrees with traces):
 * each call is ONE request packet and ONE answer packet.
 * - ping: ICMP echo request and echo reply, 84 bytes each (56 data + 8 ICMP + 20 IP); the CLI
 *   calls sendPacket once per echo.
 * - TCP (curl, nc): the SYN stands for the connection (the caller passes 60 bytes); it is the
 *   only packet conntrack sees as NEW, so it is what the nat table and `--ctstate NEW` rules
 *   count. The answer is the SYN-ACK (60 bytes), ESTABLISHED; a closed port answers a RST
 *   (40 bytes). The rest of the exchange is not walked.
 * - UDP (DNS): query and response; a closed port answers ICMP port unreachable (56 bytes, RELATED).
 * The answer retraces the connection with every NAT undone by conntrack; a walk that is not
 * answered (DROP anywhere, on either way) is a timeout, because Docker's rules drop silently.
 *
 * docker-proxy: a socket owned by the userland proxy accepts the connection in the host's
 * namespace and opens its own connection to containerIp:containerPort (a second exchange from
 * the host), which is why the container sees the bridge gateway as the client (moby
 * cmd/docker-proxy/tcp_proxy.go: net.DialTCP to the backend, then io.Copy both ways).
 */
import type { NetnsId } from '../ids';
import type { Socket } from '../net/types';
import type { World } from '../world';
import { routeLookup } from './route';
import type { RejectWith } from '../netfilter/types';
import type { PacketError, PacketInput, PacketReply, PacketResult, RejectAnswer, Tuple, UnreachCode } from './types';
import { rejectError, walk, type Rejection } from './walk';
import { Conn, endpointText, tupleOf, Walker, type Pkt } from './walker';

const EPHEMERAL_LO = 32768;
const EPHEMERAL_HI = 60999;
/** docker-proxy → container → … cannot nest deeper than this (it never does in Docker). */
const MAX_PROXY_DEPTH = 4;

/**
 * The source port a connect() without bind gets: Linux picks it from ip_local_port_range
 * (32768–60999). Here it is a hash of the connection and the logical clock, so it is stable
 * for a given World and differs from one command line to the next.
 */
export function ephemeralPort(w: World, from: NetnsId, input: PacketInput): number {
  const key = `${from}|${input.dst}|${input.proto}|${input.dport ?? 0}|${w.clock}|${w.seq}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return EPHEMERAL_LO + (h % (EPHEMERAL_HI - EPHEMERAL_LO + 1));
}

/**
 * The socket a packet to dst:dport is delivered to (inet_lookup_listener): an exact address
 * beats 0.0.0.0, which beats '::' (a dual-stack socket also takes IPv4).
 */
export function findListener(w: World, netns: NetnsId, proto: 'tcp' | 'udp', dst: string, dport: number | undefined): Socket | undefined {
  const socks = (w.netns.get(netns)?.sockets ?? []).filter((s) => s.proto === proto && s.port === dport);
  return socks.find((s) => s.addr === dst) ?? socks.find((s) => s.addr === '0.0.0.0') ?? socks.find((s) => s.addr === '::');
}

/** The program behind each kind of service, as `ss -p` names it. */
const PROGRAM: Readonly<Record<Socket['service']['kind'], string>> = {
  http: 'httpd',
  redis: 'redis-server',
  postgres: 'postgres',
  mysql: 'mysqld',
  dns: 'dnsmasq',
  sshd: 'sshd',
  'docker-proxy': 'docker-proxy',
};

/** `tcp 0.0.0.0:8080 docker-proxy (pid 57)`, for hops. */
export function socketText(s: Socket): string {
  const addr = s.addr.includes(':') ? `[${s.addr}]` : s.addr;
  const who = s.service.kind === 'http' ? s.service.server : PROGRAM[s.service.kind];
  return `${s.proto} ${addr}:${s.port} ${who}${s.pid ? ` (pid ${s.pid})` : ''}`;
}

function describe(p: Pkt): string {
  const what = p.proto === 'icmp' ? 'ICMP echo request' : p.proto === 'tcp' ? 'TCP SYN' : 'UDP';
  return `${what} ${endpointText(p.src, p.sport)} → ${endpointText(p.dst, p.dport)}, ${p.bytes} bytes`;
}

interface Exchange {
  readonly delivered: boolean;
  readonly reply?: PacketReply;
  readonly answeredBy?: { readonly netns: NetnsId; readonly socket: Socket | null };
  readonly seen?: Tuple;
  readonly error?: PacketError;
  readonly answer?: RejectAnswer;
}

/** The ICMP error each --reject-with sends (ipt_REJECT → nf_send_unreach's code). */
const UNREACH: Readonly<Record<Exclude<RejectWith, 'tcp-reset'>, UnreachCode>> = {
  'icmp-net-unreachable': 'net-unreachable',
  'icmp-host-unreachable': 'host-unreachable',
  'icmp-proto-unreachable': 'proto-unreachable',
  'icmp-port-unreachable': 'port-unreachable',
  'icmp-net-prohibited': 'net-prohibited',
  'icmp-host-prohibited': 'host-prohibited',
  'icmp-admin-prohibited': 'admin-prohibited',
};

/** icmp_send quotes as much of the offending packet as fits in 576 bytes (20 IP + 8 ICMP + the rest). */
const icmpErrorBytes = (offending: number): number => 28 + Math.min(offending, 576 - 28);

/**
 * Walks an answer from `at` back to the sender; the packet as it arrived when it reached the
 * socket that sent `sent` in `from` (hop `deliver` with `socket`), else null (dropped on the way,
 * or arrived somewhere that has no such connection).
 */
function walkHome(w: Walker, at: NetnsId, back: Pkt, conn: Conn, from: NetnsId, sent: Pkt, socket: string): Pkt | null {
  const ret = walk(w, at, back, { conn, dir: 'reply' });
  if (ret.kind !== 'arrived') return null;
  if (ret.netns === from && ret.pkt.dst === sent.src) {
    w.hop({ kind: 'deliver', netns: from, iface: ret.iface, socket });
    return ret.pkt;
  }
  w.hop({ kind: 'drop', netns: ret.netns, reason: `answer for ${endpointText(ret.pkt.dst, ret.pkt.dport)} matches no connection here` });
  return null;
}

/**
 * A REJECT rule's answer, generated in the rejecting namespace and walked back to the sender
 * like any locally generated packet (OUTPUT, POSTROUTING, then the wires):
 * - tcp-reset (nf_reject_ipv4.c nf_send_reset): a 40-byte RST from the rejected segment's
 *   destination address and port to its source, carrying the connection's entry (RELATED in
 *   the rejecting namespace, via nf_ct_attach; the reply elsewhere), so conntrack undoes the
 *   DNAT on its way out. Anything but TCP gets no RST: the packet is only dropped.
 * - icmp-* (nf_send_unreach → icmp_send): an ICMP destination unreachable whose source is, in
 *   __icmp_send, the rejected packet's destination when it was addressed to this namespace
 *   (RTCF_LOCAL), else the address the route back to the sender picks (saddr 0 →
 *   icmp_route_lookup); RELATED to the connection in every namespace it crosses.
 * The sender's socket fails at once with the answer's errno; an answer lost on the way back
 * leaves the sender waiting (timeout).
 *
 * Simplifications: bridged traffic's RST is walked through the host's OUTPUT like the rest
 * (the kernel queues it straight out of the bridge port, nf_bridge_info_exists); a REJECT of
 * the answer packet (reply direction) stays a silent drop; icmp_send's rate limit is ignored.
 */
function rejectAnswer(w: Walker, at: NetnsId, rej: Rejection, conn: Conn, sent: Pkt, from: NetnsId): Exchange {
  const q = rej.pkt;
  let back: Pkt;
  let kind: RejectAnswer['kind'];
  if (rej.with === 'tcp-reset') {
    if (q.proto !== 'tcp') return { delivered: false, error: 'timeout' };
    kind = 'rst';
    back = { src: q.dst, dst: q.src, proto: 'tcp', ...(q.dport !== undefined ? { sport: q.dport } : {}), ...(q.sport !== undefined ? { dport: q.sport } : {}), bytes: 40 };
    conn.relatedIn = at;
  } else {
    kind = UNREACH[rej.with];
    let src = q.dst;
    if (!rej.local) {
      const r = routeLookup(w.world, at, q.src);
      if (r.kind === 'unreachable') return { delivered: false, error: 'timeout' };
      src = r.src;
    }
    back = { src, dst: q.src, proto: 'icmp', bytes: icmpErrorBytes(q.bytes) };
    conn.replyState = 'RELATED';
  }
  const what = kind === 'rst' ? 'TCP RST' : `ICMP ${kind.replace(/-/g, ' ')}`;
  w.hop({ kind: 'reply', reject: what, summary: `REJECT answers ${what} ${endpointText(back.src, back.sport)} → ${endpointText(back.dst, back.dport)}, ${back.bytes} bytes` });
  const got = walkHome(w, at, back, conn, from, sent, `${what} for ${endpointText(sent.src, sent.sport)}`);
  if (!got) return { delivered: false, error: 'timeout' };
  return { delivered: false, error: rejectError(rej.with), answer: { kind, from: got.src, by: at } };
}

export function sendPacket(world: World, from: NetnsId, input: PacketInput): PacketResult {
  const w = new Walker(world);
  const r = exchange(w, from, input, 0);
  return { world: w.world, hops: w.hops, ...r };
}

/** Same as sendPacket, on a Walker that is already recording (DNS lookups, the proxy's leg). */
export function exchange(w: Walker, from: NetnsId, input: PacketInput, depth: number, who?: string): Exchange {
  const route = routeLookup(w.world, from, input.dst);
  const src = input.src ?? (route.kind === 'unreachable' ? '' : route.src);
  const ports = input.proto === 'icmp' ? {} : { sport: input.sport ?? ephemeralPort(w.world, from, input), ...(input.dport !== undefined ? { dport: input.dport } : {}) };
  const p: Pkt = { src, dst: input.dst, proto: input.proto, ...ports, bytes: input.bytes };
  w.hop({ kind: 'send', netns: from, summary: who ? `${who}: ${describe(p)}` : describe(p) });
  const conn = new Conn();
  const out = walk(w, from, p, { conn, dir: 'orig' });
  if (out.kind === 'dropped') return out.reject ? rejectAnswer(w, out.netns, out.reject, conn, p, from) : { delivered: false, error: out.error };
  const at = out.netns;
  const seen = out.pkt;

  let kind: PacketReply['kind'];
  let answeredBy: Exchange['answeredBy'];
  let inner: Exchange | undefined;
  if (seen.proto === 'icmp') {
    // icmp_echo (net/ipv4/icmp.c): the kernel itself answers, no socket involved.
    kind = 'echo-reply';
    answeredBy = { netns: at, socket: null };
    w.hop({ kind: 'deliver', netns: at, iface: out.iface, socket: 'kernel (ICMP echo reply)' });
  } else {
    const sock = findListener(w.world, at, seen.proto, seen.dst, seen.dport);
    if (!sock) {
      kind = seen.proto === 'tcp' ? 'rst' : 'port-unreachable';
      const answer = kind === 'rst' ? 'the kernel answers RST' : 'the kernel answers ICMP port unreachable';
      w.hop({ kind: 'drop', netns: at, reason: `nothing listens on ${seen.proto} ${endpointText(seen.dst, seen.dport)}: ${answer}` });
      answeredBy = { netns: at, socket: null };
    } else {
      kind = seen.proto === 'tcp' ? 'syn-ack' : 'udp';
      answeredBy = { netns: at, socket: sock };
      w.hop({ kind: 'deliver', netns: at, iface: out.iface, socket: socketText(sock) });
      if (sock.service.kind === 'docker-proxy' && depth < MAX_PROXY_DEPTH) {
        const { containerIp, containerPort } = sock.service;
        const next: PacketInput = { dst: containerIp, proto: seen.proto, dport: containerPort, bytes: input.bytes, ...(input.replyBytes !== undefined ? { replyBytes: input.replyBytes } : {}) };
        inner = exchange(w, at, next, depth + 1, `docker-proxy${sock.pid ? ` (pid ${sock.pid})` : ''} connects to the container`);
      }
    }
  }

  const bytes = input.replyBytes !== undefined && (kind === 'echo-reply' || kind === 'syn-ack' || kind === 'udp')
    ? input.replyBytes
    : { 'echo-reply': input.bytes, 'syn-ack': 60, rst: 40, udp: input.bytes, 'port-unreachable': 56 }[kind];
  const back: Pkt = {
    src: seen.dst,
    dst: seen.src,
    proto: kind === 'port-unreachable' ? 'icmp' : seen.proto,
    ...(kind !== 'port-unreachable' && seen.dport !== undefined ? { sport: seen.dport } : {}),
    ...(kind !== 'port-unreachable' && seen.sport !== undefined ? { dport: seen.sport } : {}),
    bytes,
  };
  // An ICMP error about a tracked connection is RELATED to it (nf_conntrack_proto_icmp.c).
  conn.replyState = kind === 'port-unreachable' ? 'RELATED' : 'ESTABLISHED';
  w.hop({ kind: 'reply', summary: `${kind} ${endpointText(back.src, back.sport)} → ${endpointText(back.dst, back.dport)}, ${bytes} bytes` });
  const got = walkHome(w, at, back, conn, from, p, `reply to ${endpointText(p.src, p.sport)}`);
  const home = got !== null;
  const reply: PacketReply = { kind, sent: tupleOf(back), ...(got ? { received: tupleOf(got) } : {}), bytes };
  const refused = kind === 'rst' || kind === 'port-unreachable';
  const base = { reply, ...(answeredBy ? { answeredBy } : {}), seen: tupleOf(seen) };
  if (inner) {
    const error = inner.error ?? (home ? undefined : 'timeout');
    // A REJECT's answer to the proxy's own connection stays with the proxy.
    const { answer: _toProxy, ...rest } = inner;
    return { ...base, ...rest, reply, delivered: inner.delivered && home, ...(error ? { error } : {}) };
  }
  if (!home) return { ...base, delivered: false, error: 'timeout' };
  return refused ? { ...base, delivered: false, error: 'refused' } : { ...base, delivered: true };
}
