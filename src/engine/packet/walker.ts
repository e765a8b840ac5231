/**
 * The mutable cursor of one packet exchange: the World being updated (netfilter counters), the
 * hops recorded so far, and the transient conntrack of each connection. Like a Tx, it is local
 * to one call; the World it started from is never modified.
 */
import type { IfaceId, NetnsId } from '../ids';
import { evaluateHook, type Packet as NfPacket } from '../netfilter/evaluate';
import type { RejectWith, TableName } from '../netfilter/types';
import type { World } from '../world';
import { isLocalAddress, selectSource } from './route';
import type { DropBy, Hop, PacketProto, Tuple } from './types';

/** A packet in flight. */
export interface Pkt {
  readonly src: string;
  readonly dst: string;
  readonly proto: PacketProto;
  readonly sport?: number;
  readonly dport?: number;
  readonly bytes: number;
}

export type Dir = 'orig' | 'reply';
interface Endpoint {
  readonly ip: string;
  readonly port?: number;
}

/**
 * One namespace's conntrack entry for the connection (nf_conntrack is per netns). `owner` is the
 * direction that created it: packets going the other way are replies (ESTABLISHED, or RELATED for
 * an ICMP error). NAT bindings are made once per direction and manip type (nf_nat_inet_fn:
 * DST manips at PREROUTING/OUTPUT, SRC manips at POSTROUTING/INPUT), which is also why a
 * connection looping through lo is not NATed twice.
 */
export interface CtEntry {
  readonly owner: Dir;
  dstDone: boolean;
  srcDone: boolean;
  replyDstDone: boolean;
  replySrcDone: boolean;
  dnat?: { readonly from: Endpoint; readonly to: Endpoint };
  snat?: { readonly from: Endpoint; readonly to: Endpoint };
}

/** One connection, as conntrack tracks it across every namespace it crosses. */
export class Conn {
  readonly entries = new Map<NetnsId, CtEntry>();
  /** State of the answer packets: ESTABLISHED, or RELATED for ICMP port unreachable. */
  replyState: 'ESTABLISHED' | 'RELATED' = 'ESTABLISHED';
  /**
   * The namespace whose REJECT made the answer: there the answer carries the connection's entry
   * as RELATED (nf_ct_attach → nf_conntrack_attach, IP_CT_RELATED_REPLY), even a TCP RST, which
   * every other namespace tracks as the connection's reply (ESTABLISHED).
   */
  relatedIn?: NetnsId;

  entry(ns: NetnsId, dir: Dir): CtEntry {
    let e = this.entries.get(ns);
    if (!e) {
      e = { owner: dir, dstDone: false, srcDone: false, replyDstDone: false, replySrcDone: false };
      this.entries.set(ns, e);
    }
    return e;
  }

  ctstate(ns: NetnsId, dir: Dir): 'NEW' | 'ESTABLISHED' | 'RELATED' {
    if (ns === this.relatedIn) return 'RELATED';
    return this.entry(ns, dir).owner === dir ? 'NEW' : this.replyState;
  }
}

export interface Flow {
  readonly conn: Conn;
  readonly dir: Dir;
}

export interface HookIo {
  readonly in?: IfaceId;
  readonly out?: IfaceId;
  /** For MASQUERADE's source selection. */
  readonly nexthop?: string;
}

/** What `-m conntrack --ctdir / --ctorigdstport` see of a packet (see ctInfo in walk.ts). */
export interface CtInfo {
  readonly dir: 'ORIGINAL' | 'REPLY';
  readonly origDport?: number;
}

export interface HookResult {
  readonly verdict: 'ACCEPT' | 'DROP';
  /** A REJECT rule decided: the kernel answers with this instead of dropping silently. */
  readonly reject?: RejectWith;
  readonly reason?: string;
  readonly by?: DropBy;
  readonly nat?: { readonly kind: 'DNAT' | 'SNAT' | 'MASQUERADE'; readonly ip: string | undefined; readonly port?: number };
}

export function endpointText(ip: string, port: number | undefined): string {
  return port === undefined ? ip : `${ip}:${port}`;
}

export function tupleOf(p: Pkt): Tuple {
  return { src: p.src, dst: p.dst, ...(p.sport !== undefined ? { sport: p.sport } : {}), ...(p.dport !== undefined ? { dport: p.dport } : {}) };
}

export class Walker {
  world: World;
  readonly hops: Hop[] = [];

  constructor(world: World) {
    this.world = world;
  }

  hop(h: Hop): void {
    this.hops.push(h);
  }

  ifaceName(id: IfaceId | undefined): string | undefined {
    return id === undefined ? undefined : this.world.ifaces.get(id)?.name;
  }

  /**
   * Walks one table's built-in chain through the netfilter evaluator, stores the bumped counters
   * in the World and records every matched rule as a hop.
   */
  runHook(ns: NetnsId, table: TableName, hook: string, p: Pkt, io: HookIo, ctstate: NfPacket['ctstate'], ct?: CtInfo): HookResult {
    const netns = this.world.netns.get(ns);
    if (!netns) return { verdict: 'DROP', reason: `namespace ${ns} is gone` };
    const inIface = this.ifaceName(io.in);
    const outIface = this.ifaceName(io.out);
    const pkt: NfPacket = {
      src: p.src,
      dst: p.dst,
      proto: p.proto,
      ...(p.sport !== undefined ? { sport: p.sport } : {}),
      ...(p.dport !== undefined ? { dport: p.dport } : {}),
      ...(inIface !== undefined ? { inIface } : {}),
      ...(outIface !== undefined ? { outIface } : {}),
      bytes: p.bytes,
      ctstate,
      ...(ct ? { ctdir: ct.dir, ...(ct.origDport !== undefined ? { origDport: ct.origDport } : {}) } : {}),
    };
    const res = evaluateHook(netns.nf, table, hook, pkt, {
      isLocal: (ip) => isLocalAddress(this.world, ns, ip),
      masqueradeSource: () => (io.out ? selectSource(this.world, ns, io.out, io.nexthop ?? p.dst) : undefined),
    });
    this.world = { ...this.world, netns: this.world.netns.set(ns, { ...netns, nf: res.nf }) };
    for (const m of res.matched) {
      this.hop({ kind: 'rule', netns: ns, table: m.table, chain: m.chain, num: m.num, rule: m.ruleText, target: m.target, hook });
    }
    const chain = netns.nf.tables[table].chains[hook];
    // Policies that merely let a packet through an empty chain are noise in a trace.
    if (res.policy && (res.policy.policy === 'DROP' || (chain?.rules.length ?? 0) > 0)) {
      this.hop({ kind: 'policy', netns: ns, table, chain: hook, policy: res.policy.policy });
    }
    let reason: string | undefined;
    let by: DropBy | undefined;
    if (res.verdict === 'DROP') {
      const last = res.matched[res.matched.length - 1];
      reason = res.policy ? `${table} ${hook}: policy DROP` : `${table} ${hook}: ${last?.ruleText ?? 'DROP'}`;
      if (res.reject) reason += ` (the kernel answers ${res.reject === 'tcp-reset' ? 'TCP RST' : `ICMP ${res.reject.replace(/^icmp-/, '').replace(/-/g, ' ')}`})`;
      by = res.policy || !last ? { table, chain: hook, policy: 'DROP' } : { table, chain: last.chain, num: last.num, rule: last.ruleText, hook };
    }
    return {
      verdict: res.verdict,
      ...(res.reject ? { reject: res.reject } : {}),
      ...(reason ? { reason } : {}),
      ...(by ? { by } : {}),
      ...(res.nat ? { nat: { kind: res.nat.kind, ip: res.nat.ip, ...(res.nat.port !== undefined ? { port: res.nat.port } : {}) } } : {}),
    };
  }
}
