/**
 * Walk one built-in chain of one table for one packet, as the kernel's ipt_do_table does:
 * rules in order, a jump pushes the chain, RETURN (or the end of a user chain) pops it, RETURN
 * or the end of the built-in chain applies its policy. Counters go up on every rule that
 * matched (jumps and RETURN included) and on the policy when it decided.
 *
 * The nat table only sees the first packet of a connection (ctstate NEW); later packets follow
 * the conntrack entry, so walking nat for them matches nothing here, like in the kernel.
 */
import { inCidr, parseIp } from '../net/ipv4';
import { saveRuleText, targetName } from './ruleText';
import { getChain, updateChain } from './tables';
import type { Cidr, Match, Netfilter, RejectWith, RuleSpec, TableName } from './types';

export interface Packet {
  readonly src: string;
  readonly dst: string;
  readonly proto: 'tcp' | 'udp' | 'icmp';
  readonly sport?: number;
  readonly dport?: number;
  /** Absent for locally generated packets (OUTPUT, POSTROUTING of local traffic). */
  readonly inIface?: string;
  /** Absent before routing (PREROUTING, INPUT). */
  readonly outIface?: string;
  /** Size on the wire for the byte counters (84 for a default ping). */
  readonly bytes: number;
  readonly ctstate: 'NEW' | 'ESTABLISHED' | 'RELATED';
  /** conntrack's direction of this packet (`--ctdir`); ORIGINAL when absent. */
  readonly ctdir?: 'ORIGINAL' | 'REPLY';
  /** The destination port of the connection's original tuple, before any DNAT (`--ctorigdstport`); `dport` when absent. */
  readonly origDport?: number;
}

export interface EvalContext {
  /** addrtype LOCAL: an address configured on any interface of this namespace. */
  isLocal(ip: string): boolean;
  /** The source address MASQUERADE picks: the primary address of the outgoing interface. */
  masqueradeSource?(outIface: string | undefined): string | undefined;
}

export interface MatchedRule {
  readonly table: TableName;
  readonly chain: string;
  /** 1-based, as `--line-numbers` shows it. */
  readonly num: number;
  /** The rule as `iptables -S` prints it. */
  readonly ruleText: string;
  readonly target: string;
}

export type NatRewrite =
  | { readonly kind: 'DNAT'; readonly ip: string; readonly port?: number }
  | { readonly kind: 'SNAT' | 'MASQUERADE'; readonly ip: string | undefined; readonly port?: number };

export interface EvalResult {
  readonly verdict: 'ACCEPT' | 'DROP';
  /** Set when a REJECT rule decided (verdict DROP): what the kernel answers the sender. */
  readonly reject?: RejectWith;
  /** Set when the chain policy decided (no terminating rule matched). */
  readonly policy?: { readonly table: TableName; readonly chain: string; readonly policy: 'ACCEPT' | 'DROP' };
  readonly nat?: NatRewrite;
  readonly matched: readonly MatchedRule[];
  readonly nf: Netfilter;
}

function cidrMatch(c: Cidr | undefined, neg: boolean | undefined, ip: string): boolean {
  if (!c) return true;
  return inCidr(ip, `${c.ip}/${c.prefix}`) !== Boolean(neg);
}

/** Interface names compare exactly, or by prefix with a trailing `+`; no interface never matches. */
function ifaceMatch(name: string | undefined, neg: boolean | undefined, actual: string | undefined): boolean {
  if (name === undefined) return true;
  const hit = actual !== undefined && (name.endsWith('+') ? actual.startsWith(name.slice(0, -1)) : actual === name);
  return hit !== Boolean(neg);
}

function inRange(v: number | undefined, lo: number | undefined, hi: number | undefined): boolean {
  if (lo === undefined) return true;
  return v !== undefined && v >= lo && v <= (hi ?? lo);
}

function matchOk(m: Match, p: Packet, ctx: EvalContext): boolean {
  switch (m.m) {
    case 'addrtype': {
      const ok = (m.srcType === undefined || ctx.isLocal(p.src) !== Boolean(m.neg)) && (m.dstType === undefined || ctx.isLocal(p.dst) !== Boolean(m.neg));
      return ok;
    }
    case 'conntrack':
      return (
        (m.ctstate === undefined || m.ctstate.includes(p.ctstate)) &&
        (m.origDstPort === undefined || inRange(p.origDport ?? p.dport, m.origDstPort, m.origDstPortEnd)) &&
        (m.ctdir === undefined || m.ctdir === (p.ctdir ?? 'ORIGINAL'))
      );
    case 'iprange':
      return (!m.src || ipInRange(p.src, m.src) !== Boolean(m.srcNeg)) && (!m.dst || ipInRange(p.dst, m.dst) !== Boolean(m.dstNeg));
    case 'tcp':
    case 'udp':
      return p.proto === m.m && inRange(p.sport, m.sport, m.sportEnd) && inRange(p.dport, m.dport, m.dportEnd);
  }
}

function ipInRange(ip: string, r: { readonly lo: string; readonly hi: string }): boolean {
  const v = parseIp(ip);
  const lo = parseIp(r.lo);
  const hi = parseIp(r.hi);
  return v !== null && lo !== null && hi !== null && v >>> 0 >= lo >>> 0 && v >>> 0 <= hi >>> 0;
}

export function ruleMatches(spec: RuleSpec, p: Packet, ctx: EvalContext): boolean {
  return (
    cidrMatch(spec.src, spec.srcNeg, p.src) &&
    cidrMatch(spec.dst, spec.dstNeg, p.dst) &&
    ifaceMatch(spec.in, spec.inNeg, p.inIface) &&
    ifaceMatch(spec.out, spec.outNeg, p.outIface) &&
    (spec.proto === undefined || spec.proto === p.proto) &&
    spec.matches.every((m) => matchOk(m, p, ctx))
  );
}

function parseTo(to: string): { ip: string; port?: number } {
  const i = to.indexOf(':');
  return i < 0 ? { ip: to } : { ip: to.slice(0, i), port: Number(to.slice(i + 1)) };
}

const MAX_DEPTH = 32;

type Outcome =
  | { readonly kind: 'verdict'; readonly verdict: 'ACCEPT' | 'DROP'; readonly nat?: NatRewrite; readonly reject?: RejectWith }
  | { readonly kind: 'return' };

export function evaluateHook(nf: Netfilter, table: TableName, chain: string, pkt: Packet, ctx: EvalContext): EvalResult {
  const base = getChain(nf, table, chain);
  if (!base || base.policy === null) throw new Error(`bug: ${table}/${chain} is not a built-in chain`);
  if (table === 'nat' && pkt.ctstate !== 'NEW') return { verdict: 'ACCEPT', matched: [], nf };

  const matched: MatchedRule[] = [];
  const hits: { chain: string; index: number }[] = [];

  const walk = (name: string, depth: number): Outcome => {
    const c = getChain(nf, table, name);
    if (!c) throw new Error(`bug: jump to missing chain ${name}`);
    if (depth > MAX_DEPTH) throw new Error(`bug: chain loop through ${name}`);
    for (let i = 0; i < c.rules.length; i++) {
      const r = c.rules[i];
      if (!r || !ruleMatches(r.spec, pkt, ctx)) continue;
      const t = r.spec.target;
      hits.push({ chain: name, index: i });
      matched.push({ table, chain: name, num: i + 1, ruleText: saveRuleText(name, r.spec), target: targetName(t) });
      switch (t.t) {
        case 'ACCEPT':
        case 'DROP':
          return { kind: 'verdict', verdict: t.t };
        case 'REJECT':
          return { kind: 'verdict', verdict: 'DROP', reject: t.with };
        case 'RETURN':
          return { kind: 'return' };
        case 'JUMP': {
          const o = walk(t.chain, depth + 1);
          if (o.kind === 'verdict') return o;
          // -g: the chain gone to returns to whoever called this one.
          if (t.goto) return { kind: 'return' };
          break; // the jumped-to chain returned: carry on with the next rule here
        }
        case 'DNAT':
          return { kind: 'verdict', verdict: 'ACCEPT', nat: { kind: 'DNAT', ...parseTo(t.to) } };
        case 'SNAT':
          return { kind: 'verdict', verdict: 'ACCEPT', nat: { kind: 'SNAT', ...parseTo(t.to) } };
        case 'MASQUERADE':
          return { kind: 'verdict', verdict: 'ACCEPT', nat: { kind: 'MASQUERADE', ip: ctx.masqueradeSource?.(pkt.outIface) } };
      }
    }
    return { kind: 'return' };
  };

  const outcome = walk(chain, 0);
  let out = nf;
  for (const h of hits) {
    out = updateChain(out, table, h.chain, (c) => ({
      ...c,
      rules: c.rules.map((r, j) => (j === h.index ? { ...r, pkts: r.pkts + 1, bytes: r.bytes + pkt.bytes } : r)),
    }));
  }
  if (outcome.kind === 'verdict') {
    return { verdict: outcome.verdict, ...(outcome.nat ? { nat: outcome.nat } : {}), ...(outcome.reject ? { reject: outcome.reject } : {}), matched, nf: out };
  }
  const policy = base.policy;
  out = updateChain(out, table, chain, (c) => ({ ...c, pkts: c.pkts + 1, bytes: c.bytes + pkt.bytes }));
  return { verdict: policy, policy: { table, chain, policy }, matched, nf: out };
}
