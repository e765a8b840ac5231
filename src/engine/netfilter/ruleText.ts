/**
 * Text of one rule, exactly as iptables 1.8.9 (nf_tables) prints it:
 * - `-S` (save) form: nft_ipv4_save_rule → save_ipv4_addr, save_rule_details,
 *   save_matches_and_target (iptables/nft-ipv4.c, iptables/xshared.c @ v1.8.9);
 * - `-L` row form: nft_ipv4_print_rule → print_rule_details, print_fragment, print_ifaces,
 *   print_ipv4_addresses, print_matches_and_target.
 * Match/target texts follow extensions/libxt_{addrtype,conntrack,iprange,tcp,udp,NAT}.c and
 * libipt_REJECT.c.
 */
import { formatIp, mask, parseIp } from '../net/ipv4';
import type { Cidr, CtState, Match, Rule, RuleSpec, Target } from './types';

export interface ListFormat {
  /** -n: no name lookups, protocols as numbers. */
  readonly numeric: boolean;
  /** -v: counters and in/out columns. */
  readonly verbose: boolean;
  /** -x: exact counters (no K/M/G). */
  readonly expanded: boolean;
  /** --line-numbers */
  readonly lineNumbers: boolean;
}

/** The format of `iptables -nvL --line-numbers`, the one packet traces quote. */
export const NVL_FORMAT: ListFormat = { numeric: true, verbose: true, expanded: false, lineNumbers: true };

/**
 * Name lookups `iptables -L` (without -n) does: gethostbyaddr, getnetbyaddr, getservbyport.
 * The simulated host has no reverse DNS, so only its files answer: /etc/hosts, /etc/networks
 * and /etc/services as Debian/Ubuntu's netbase ships them (a subset). That is why a real
 * Ubuntu host prints `!loopback/8` for Docker's nat OUTPUT rule and `dpt:http-alt` for 8080.
 */
export interface NameResolver {
  host(ip: string): string | undefined;
  network(ip: string): string | undefined;
  service(port: number, proto: 'tcp' | 'udp'): string | undefined;
}

const NETWORKS: Readonly<Record<string, string>> = {
  '0.0.0.0': 'default',
  '127.0.0.0': 'loopback',
  '169.254.0.0': 'link-local',
};
const TCP_SERVICES: Readonly<Record<number, string>> = {
  20: 'ftp-data', 21: 'ftp', 22: 'ssh', 23: 'telnet', 25: 'smtp', 53: 'domain', 80: 'http',
  110: 'pop3', 143: 'imap2', 443: 'https', 3306: 'mysql', 5432: 'postgresql', 8080: 'http-alt',
};
const UDP_SERVICES: Readonly<Record<number, string>> = {
  53: 'domain', 67: 'bootps', 68: 'bootpc', 123: 'ntp', 161: 'snmp',
};

export const SIM_NAMES: NameResolver = {
  host: (ip) => (ip === '127.0.0.1' ? 'localhost' : undefined),
  network: (ip) => NETWORKS[ip],
  service: (port, proto) => (proto === 'tcp' ? TCP_SERVICES[port] : UDP_SERVICES[port]),
};

const PROTO_NUM = { tcp: 6, udp: 17, icmp: 1 } as const;
const CT_ORDER: readonly CtState[] = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED'];

/** A CIDR with host bits cleared, as the kernel stores it. */
export function cidr(text: string): Cidr {
  const [ipText, bitsText] = text.split('/');
  const ip = parseIp(ipText ?? '');
  const prefix = bitsText === undefined ? 32 : Number(bitsText);
  if (ip === null || !(prefix >= 0 && prefix <= 32)) throw new Error(`bug: bad CIDR ${text}`);
  return { ip: formatIp((ip & mask(prefix)) >>> 0), prefix };
}

export function targetName(t: Target): string {
  return t.t === 'JUMP' ? t.chain : t.t;
}

function ctstates(states: readonly CtState[] = []): string {
  return CT_ORDER.filter((s) => states.includes(s)).join(',');
}

function portText(lo: number, hi: number | undefined, sep: string, name: (p: number) => string): string {
  return hi === undefined || hi === lo ? name(lo) : `${name(lo)}${sep}${name(hi)}`;
}

// ---------------------------------------------------------------------------------- -S form

function saveMatch(m: Match): string {
  switch (m.m) {
    case 'addrtype': {
      const inv = m.neg ? ' !' : '';
      return ' -m addrtype' + (m.srcType ? `${inv} --src-type ${m.srcType}` : '') + (m.dstType ? `${inv} --dst-type ${m.dstType}` : '');
    }
    case 'conntrack':
      // conntrack_dump with prefix "--": ctstate, …, ctorigdstport, …, ctdir.
      return ' -m conntrack' + conntrackText(m, '--');
    case 'iprange':
      return (
        ' -m iprange' +
        (m.src ? `${m.srcNeg ? ' !' : ''} --src-range ${m.src.lo}-${m.src.hi}` : '') +
        (m.dst ? `${m.dstNeg ? ' !' : ''} --dst-range ${m.dst.lo}-${m.dst.hi}` : '')
      );
    case 'tcp':
    case 'udp':
      return (
        ` -m ${m.m}` +
        (m.sport !== undefined ? ` --sport ${portText(m.sport, m.sportEnd, ':', String)}` : '') +
        (m.dport !== undefined ? ` --dport ${portText(m.dport, m.dportEnd, ':', String)}` : '')
      );
  }
}

/** libxt_conntrack.c conntrack_dump: `prefix` is "--" for -S, "" for -L. */
function conntrackText(m: Extract<Match, { m: 'conntrack' }>, prefix: string): string {
  let s = '';
  if (m.ctstate) s += ` ${prefix}ctstate ${ctstates(m.ctstate)}`;
  if (m.origDstPort !== undefined) s += ` ${prefix}ctorigdstport ${portText(m.origDstPort, m.origDstPortEnd, ':', String)}`;
  if (m.ctdir) s += ` ${prefix}ctdir ${m.ctdir}`;
  return s;
}

function saveTarget(t: Target): string {
  switch (t.t) {
    case 'REJECT':
      return ` -j REJECT --reject-with ${t.with}`;
    case 'JUMP':
      return ` ${t.goto ? '-g' : '-j'} ${t.chain}`;
    case 'DNAT':
      return ` -j DNAT --to-destination ${t.to}`;
    case 'SNAT':
      return ` -j SNAT --to-source ${t.to}`;
    default:
      return ` -j ${targetName(t)}`;
  }
}

/** The rule's arguments in `-S` order, with a leading space: ` -s 10.0.0.0/8 -o br0 -j DROP`. */
/**
 * Rule specs are immutable values, so their -S text is computed once per spec object: rule
 * searches (-D, "already there?") compare texts across chains that hold one rule per container.
 */
const savedText = new WeakMap<RuleSpec, string>();

export function saveArgs(spec: RuleSpec, counters?: { readonly pkts: number; readonly bytes: number }): string {
  if (counters) return computeSaveArgs(spec, counters);
  let t = savedText.get(spec);
  if (t === undefined) {
    t = computeSaveArgs(spec);
    savedText.set(spec, t);
  }
  return t;
}

function computeSaveArgs(spec: RuleSpec, counters?: { readonly pkts: number; readonly bytes: number }): string {
  let s = '';
  if (spec.src) s += `${spec.srcNeg ? ' !' : ''} -s ${spec.src.ip}/${spec.src.prefix}`;
  if (spec.dst) s += `${spec.dstNeg ? ' !' : ''} -d ${spec.dst.ip}/${spec.dst.prefix}`;
  if (spec.in !== undefined) s += `${spec.inNeg ? ' !' : ''} -i ${spec.in}`;
  if (spec.out !== undefined) s += `${spec.outNeg ? ' !' : ''} -o ${spec.out}`;
  if (spec.proto) s += ` -p ${spec.proto}`;
  for (const m of spec.matches) s += saveMatch(m);
  // `-S -v` puts the counters between the matches and the target (save_matches_and_target).
  if (counters) s += ` -c ${counters.pkts} ${counters.bytes}`;
  return s + saveTarget(spec.target);
}

/** One rule as `iptables -S` prints it, without the newline: `-A DOCKER -i docker0 -j RETURN`. */
export function saveRuleText(chain: string, spec: RuleSpec, counters?: { readonly pkts: number; readonly bytes: number }): string {
  return `-A ${chain}${saveArgs(spec, counters)}`;
}

// ---------------------------------------------------------------------------------- -L form

function padEnd(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}
function padStart(s: string, n: number): string {
  return s.length >= n ? s : ' '.repeat(n - s.length) + s;
}

/**
 * xtables_print_num: `%8llu ` with -x; else `%5llu ` up to 99999, then K/M/G/T rounding by
 * 1000 (`%4lluK `). `notable` drops the padding (the chain header's policy counters).
 */
export function printNum(n: number, expanded: boolean, notable = false): string {
  if (expanded) return (notable ? String(n) : padStart(String(n), 8)) + ' ';
  if (n <= 99999) return (notable ? String(n) : padStart(String(n), 5)) + ' ';
  let v = n;
  for (const suffix of ['K', 'M', 'G']) {
    v = Math.floor((v + 500) / 1000);
    if (v <= 9999) return (notable ? String(v) : padStart(String(v), 4)) + suffix + ' ';
  }
  v = Math.floor((v + 500) / 1000);
  return (notable ? String(v) : padStart(String(v), 4)) + 'T ';
}

function addrText(c: Cidr | undefined, numeric: boolean, names: NameResolver): string {
  if (!c || c.prefix === 0) {
    if (!numeric) return 'anywhere';
    return c ? `${c.ip}/0` : '0.0.0.0/0';
  }
  const name = numeric ? c.ip : (names.host(c.ip) ?? names.network(c.ip) ?? c.ip);
  // xtables_ipmask_to_numeric prints nothing for /32.
  return c.prefix === 32 ? name : `${name}/${c.prefix}`;
}

function printMatch(m: Match, numeric: boolean, names: NameResolver): string {
  switch (m.m) {
    case 'addrtype': {
      const inv = m.neg ? '!' : '';
      return ' ADDRTYPE match' + (m.srcType ? ` src-type ${inv}${m.srcType}` : '') + (m.dstType ? ` dst-type ${inv}${m.dstType}` : '');
    }
    case 'conntrack':
      return conntrackText(m, '');
    case 'iprange':
      return (
        (m.src ? ` source IP range${m.srcNeg ? ' !' : ''} ${m.src.lo}-${m.src.hi}` : '') +
        (m.dst ? ` destination IP range${m.dstNeg ? ' !' : ''} ${m.dst.lo}-${m.dst.hi}` : '')
      );
    case 'tcp':
    case 'udp': {
      const proto = m.m;
      const name = (p: number): string => (numeric ? undefined : names.service(p, proto)) ?? String(p);
      const ports = (label: string, lo: number | undefined, hi: number | undefined): string =>
        lo === undefined ? '' : hi === undefined || hi === lo ? ` ${label}:${name(lo)}` : ` ${label}s:${name(lo)}:${name(hi)}`;
      return ` ${proto}${ports('spt', m.sport, m.sportEnd)}${ports('dpt', m.dport, m.dportEnd)}`;
    }
  }
}

function printTarget(t: Target): string {
  if (t.t === 'REJECT') return ` reject-with ${t.with}`;
  return t.t === 'DNAT' || t.t === 'SNAT' ? ` to:${t.to}` : '';
}

/** One row of `iptables -L` in the given format, without the newline. */
export function listRuleRow(rule: Rule, num: number, f: ListFormat, names: NameResolver = SIM_NAMES): string {
  const spec = rule.spec;
  let s = '';
  if (f.lineNumbers) s += padEnd(String(num), 4) + ' ';
  if (f.verbose) s += printNum(rule.pkts, f.expanded) + printNum(rule.bytes, f.expanded);
  s += padEnd(targetName(spec.target), 9) + ' ';
  // print_rule_details: numbers with -n (iptables ≥ 1.8.9), names otherwise; 0 is "all".
  s += ' ' + padEnd(f.numeric ? String(spec.proto ? PROTO_NUM[spec.proto] : 0) : (spec.proto ?? 'all'), 4) + ' ';
  s += '-- ';
  if (f.verbose) {
    const any = f.numeric ? '*' : 'any';
    s += ' ' + padEnd((spec.inNeg ? '!' : '') + (spec.in ?? any), 6) + ' ';
    s += padEnd((spec.outNeg ? '!' : '') + (spec.out ?? any), 6) + ' ';
  }
  s += (spec.srcNeg ? '!' : ' ') + padEnd(addrText(spec.src, f.numeric, names), 19) + ' ';
  s += (spec.dstNeg ? '!' : ' ') + padEnd(addrText(spec.dst, f.numeric, names), 19) + ' ';
  if (spec.target.t === 'JUMP' && spec.target.goto) s += '[goto] ';
  for (const m of spec.matches) s += printMatch(m, f.numeric, names);
  return s + printTarget(spec.target);
}

/** The `-nvL --line-numbers` row of a rule, for packet traces. */
export function nvlRuleRow(rule: Rule, num: number): string {
  return listRuleRow(rule, num, NVL_FORMAT);
}
