/**
 * The rule-specification half of `iptables` (1.8.9, nf_tables): -s -d -i -o -p -j -g -m and the
 * options of the extensions the lab simulates, turned into the engine's RuleSpec. Follows
 * iptables/xshared.c do_parse and command_default (an unknown option first loads the match
 * named by -p, which is why `-p tcp --dport 80` is saved as `-p tcp -m tcp --dport 80`), and
 * extensions/libxt_{tcp,udp,conntrack,iprange,addrtype,NAT}.c, libipt_REJECT.c for the option
 * names and error texts.
 *
 * Simulator difference: real iptables knows many more extensions; those listed in
 * NOT_SIMULATED are recognised and refused with a note rather than mistaken for errors.
 */
import { formatIp, mask, parseIp } from '../../engine/net/ipv4';
import type { Cidr, CtState, Match, RejectWith, RuleSpec, Target } from '../../engine/netfilter/types';

/** A failure while parsing: `param` ones are PARAMETER_PROBLEMs (exit 2, with the "Try" line). */
export type RuleError = { readonly kind: 'param'; readonly msg: string } | { readonly kind: 'note'; readonly msg: string };

export class RuleParseError extends Error {
  constructor(readonly err: RuleError) {
    super(err.msg);
  }
}
const param = (msg: string): RuleParseError => new RuleParseError({ kind: 'param', msg });
/** Simulator difference: something iptables accepts that the lab does not model. */
const notSimulated = (what: string): RuleParseError => new RuleParseError({ kind: 'note', msg: `${what} is not simulated in this lab` });

/** Targets built into iptables or loaded as extensions (xtables_find_target): not chain names. */
export const STANDARD_TARGETS = ['ACCEPT', 'DROP', 'RETURN', 'QUEUE'] as const;
const SIMULATED_TARGETS = ['ACCEPT', 'DROP', 'RETURN', 'REJECT', 'DNAT', 'SNAT', 'MASQUERADE'];
const NOT_SIMULATED_TARGETS = [
  'QUEUE', 'LOG', 'NFLOG', 'NFQUEUE', 'MARK', 'CONNMARK', 'TCPMSS', 'CT', 'NOTRACK', 'REDIRECT', 'TPROXY', 'CLASSIFY',
  'TRACE', 'AUDIT', 'CHECKSUM', 'TEE', 'SET', 'TOS', 'DSCP', 'TTL', 'NETMAP', 'SECMARK', 'CONNSECMARK', 'ULOG',
];
/** True when `name` is a target rather than a chain (assert_valid_chain_name's clash check). */
export function isTargetName(name: string): boolean {
  return SIMULATED_TARGETS.includes(name) || NOT_SIMULATED_TARGETS.includes(name);
}
const NOT_SIMULATED_MATCHES = [
  'state', 'multiport', 'comment', 'mark', 'limit', 'mac', 'icmp', 'physdev', 'set', 'string', 'recent', 'connlimit',
  'owner', 'length', 'ttl', 'pkttype', 'hashlimit', 'policy', 'socket', 'u32', 'time', 'tos', 'dscp', 'esp', 'ah',
  'sctp', 'connmark', 'connbytes', 'helper', 'limit', 'statistic', 'devgroup', 'cgroup', 'bpf', 'nfacct', 'quota',
];

interface LoadedMatch {
  readonly name: 'tcp' | 'udp' | 'conntrack' | 'iprange' | 'addrtype';
  opts: Record<string, string>;
  neg: Record<string, boolean>;
}

/** The options each simulated extension takes (long name → canonical key). */
const MATCH_OPTS: Readonly<Record<LoadedMatch['name'], Readonly<Record<string, string>>>> = {
  tcp: { sport: 'sport', 'source-port': 'sport', dport: 'dport', 'destination-port': 'dport', syn: '-syn', 'tcp-flags': '-tcp-flags', 'tcp-option': '-tcp-option' },
  udp: { sport: 'sport', 'source-port': 'sport', dport: 'dport', 'destination-port': 'dport' },
  conntrack: {
    ctstate: 'ctstate', ctorigdstport: 'ctorigdstport', ctdir: 'ctdir', ctproto: '-ctproto', ctorigsrc: '-ctorigsrc', ctorigdst: '-ctorigdst',
    ctreplsrc: '-ctreplsrc', ctrepldst: '-ctrepldst', ctorigsrcport: '-ctorigsrcport', ctreplsrcport: '-ctreplsrcport',
    ctrepldstport: '-ctrepldstport', ctstatus: '-ctstatus', ctexpire: '-ctexpire',
  },
  iprange: { 'src-range': 'src-range', 'dst-range': 'dst-range' },
  addrtype: { 'src-type': 'src-type', 'dst-type': 'dst-type', 'limit-iface-in': '-limit-iface-in', 'limit-iface-out': '-limit-iface-out' },
};
/** Options that take no argument. */
const FLAG_OPTS = new Set(['syn', 'limit-iface-in', 'limit-iface-out']);
/** Which options accept a leading `!` (XTOPT_INVERT); of those, the lab models these. */
const INVERTIBLE = new Set(['src-range', 'dst-range', 'sport', 'dport', 'ctstate', 'ctorigdstport', 'src-type', 'dst-type']);
const NEG_SIMULATED = new Set(['src-range', 'dst-range', 'src-type', 'dst-type']);
const TARGET_OPTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  REJECT: { 'reject-with': 'reject-with' },
  DNAT: { 'to-destination': 'to-destination', random: '-random', persistent: '-persistent' },
  SNAT: { 'to-source': 'to-source', random: '-random', 'random-fully': '-random-fully', persistent: '-persistent' },
  MASQUERADE: { 'to-ports': '-to-ports', random: '-random', 'random-fully': '-random-fully' },
};

const REJECT_TYPES: readonly (readonly [RejectWith, string])[] = [
  ['icmp-net-unreachable', 'net-unreach'],
  ['icmp-host-unreachable', 'host-unreach'],
  ['icmp-proto-unreachable', 'proto-unreach'],
  ['icmp-port-unreachable', 'port-unreach'],
  ['icmp-net-prohibited', 'net-prohib'],
  ['icmp-host-prohibited', 'host-prohib'],
  ['tcp-reset', 'tcp-rst'],
  ['icmp-admin-prohibited', 'admin-prohib'],
];

const SERVICES: Readonly<Record<string, number>> = {
  'ftp-data': 20, ftp: 21, ssh: 22, telnet: 23, smtp: 25, domain: 53, http: 80, pop3: 110, imap2: 143, https: 443,
  mysql: 3306, postgresql: 5432, 'http-alt': 8080, bootps: 67, bootpc: 68, ntp: 123, snmp: 161,
};

/** The state of one rule being parsed, option by option, in argv order. */
export class RuleBuilder {
  src?: string;
  srcNeg = false;
  dst?: string;
  dstNeg = false;
  in?: string;
  inNeg = false;
  out?: string;
  outNeg = false;
  proto?: 'tcp' | 'udp' | 'icmp' | 'all';
  private protoUsed = false;
  readonly matches: LoadedMatch[] = [];
  jump?: string;
  goto = false;
  targetOpts: Record<string, string> = {};

  setProto(text: string, invert: boolean): void {
    const p = text.toLowerCase();
    const byNum: Record<string, 'tcp' | 'udp' | 'icmp' | 'all'> = { '0': 'all', '1': 'icmp', '6': 'tcp', '17': 'udp' };
    const v = p === 'tcp' || p === 'udp' || p === 'icmp' || p === 'all' ? p : byNum[p];
    if (!v) {
      if (/^[0-9]+$/.test(p) && Number(p) <= 255) throw notSimulated(`-p ${text}`);
      if (['sctp', 'gre', 'esp', 'ah', 'udplite', 'dccp', 'icmpv6', 'ipv6', 'igmp', 'ospf', 'ipip', 'mh'].includes(p)) throw notSimulated(`-p ${text}`);
      throw param(`unknown protocol "${text}" specified`);
    }
    if (invert && v === 'all') throw param('rule would never match protocol');
    if (invert) throw notSimulated('! -p');
    this.proto = v;
  }

  /** -m NAME (command_match). */
  loadMatch(name: string, invert: boolean): void {
    if (invert) throw param('unexpected ! flag before --match');
    const n = name.toLowerCase() === name ? name : name;
    if (n === 'tcp' || n === 'udp' || n === 'conntrack' || n === 'iprange' || n === 'addrtype') {
      if (n === this.proto) this.protoUsed = true;
      this.matches.push({ name: n, opts: {}, neg: {} });
      return;
    }
    if (NOT_SIMULATED_MATCHES.includes(n)) throw notSimulated(`-m ${n}`);
    throw param(`Couldn't load match \`${name}':No such file or directory\n`);
  }

  setJump(name: string, isGoto: boolean): void {
    if (name.length < 1) throw param('Invalid target name (too short)');
    if (name.length >= 29) throw param(`Invalid target name \`${name}' (28 chars max)`);
    if (/\s/.test(name)) throw param(`Invalid target name \`${name}'`);
    if (NOT_SIMULATED_TARGETS.includes(name)) throw notSimulated(`-j ${name}`);
    this.jump = name;
    this.goto = isGoto;
  }

  /**
   * A long option the base parser does not know: the target's, then a loaded match's, then
   * (command_default's load_proto) the match named by -p, loaded on the spot. Returns false when
   * nothing takes it (the caller reports "unknown option").
   */
  extensionOption(name: string, arg: () => string | undefined, invert: boolean): boolean {
    const t = this.jump !== undefined ? TARGET_OPTS[this.jump] : undefined;
    const tk = t ? lookup(t, name) : undefined;
    if (tk !== undefined && t) {
      if (tk.startsWith('-')) throw notSimulated(`--${tk.slice(1)}`);
      const v = arg();
      if (v === undefined) throw param(`option "--${name}" requires an argument`);
      if (invert) throw param(`${this.jump ?? ''}: option "--${tk}" cannot be inverted.\n`);
      this.targetOpts[tk] = v;
      return true;
    }
    for (let i = this.matches.length - 1; i >= 0; i--) {
      const m = this.matches[i];
      if (!m) continue;
      const key = lookup(MATCH_OPTS[m.name], name);
      if (key === undefined) continue;
      if (key.startsWith('-')) throw notSimulated(`--${key.slice(1)}`);
      if (invert && !INVERTIBLE.has(key)) throw param(`${m.name}: option "--${key}" cannot be inverted.\n`);
      if (invert && !NEG_SIMULATED.has(key)) throw notSimulated(`! --${key}`);
      if (m.opts[key] !== undefined) throw param(`${m.name}: "--${key}" option may only be specified once`);
      const v = FLAG_OPTS.has(key) ? '' : arg();
      if (v === undefined) throw param(`option "--${name}" requires an argument`);
      m.opts[key] = v;
      if (invert) m.neg[key] = true;
      return true;
    }
    // load_proto: -p tcp|udp loads its match once, for an option nothing else took.
    if ((this.proto === 'tcp' || this.proto === 'udp') && !this.protoUsed && lookup(MATCH_OPTS[this.proto], name) !== undefined) {
      this.protoUsed = true;
      this.matches.push({ name: this.proto, opts: {}, neg: {} });
      return this.extensionOption(name, arg, invert);
    }
    return false;
  }

  /** The finished spec (xtables_option_mfcall / tfcall checks included). */
  build(): RuleSpec {
    const matches = this.matches.map((m) => buildMatch(m));
    const spec: RuleSpec = {
      ...(this.src !== undefined ? { src: address(this.src), ...(this.srcNeg ? { srcNeg: true } : {}) } : {}),
      ...(this.dst !== undefined ? { dst: address(this.dst), ...(this.dstNeg ? { dstNeg: true } : {}) } : {}),
      ...(this.in !== undefined ? { in: this.in, ...(this.inNeg ? { inNeg: true } : {}) } : {}),
      ...(this.out !== undefined ? { out: this.out, ...(this.outNeg ? { outNeg: true } : {}) } : {}),
      ...(this.proto && this.proto !== 'all' ? { proto: this.proto } : {}),
      matches,
      target: this.target(),
    };
    return spec;
  }

  private target(): Target {
    const j = this.jump;
    if (j === undefined) throw notSimulated('a rule without -j');
    if (this.goto) return { t: 'JUMP', chain: j, goto: true };
    switch (j) {
      case 'ACCEPT':
      case 'DROP':
      case 'RETURN':
      case 'MASQUERADE':
        return { t: j };
      case 'REJECT': {
        const w = this.targetOpts['reject-with'];
        if (w === undefined) return { t: 'REJECT', with: 'icmp-port-unreachable' };
        // REJECT_parse: a case-insensitive prefix of a name or its alias.
        const hit = REJECT_TYPES.find(([n, a]) => w !== '' && (n.startsWith(w.toLowerCase()) || a.startsWith(w.toLowerCase())));
        if (!hit) throw param(`unknown reject type "${w}"`);
        return { t: 'REJECT', with: hit[0] };
      }
      case 'DNAT':
      case 'SNAT': {
        const opt = j === 'DNAT' ? 'to-destination' : 'to-source';
        const to = this.targetOpts[opt];
        if (to === undefined) throw param(`${j}: option "--${opt}" must be specified\n`);
        return { t: j, to: natTo(to, this.proto === 'tcp' || this.proto === 'udp') };
      }
      default:
        return { t: 'JUMP', chain: j };
    }
  }
}

function lookup(table: Readonly<Record<string, string>>, name: string): string | undefined {
  if (table[name] !== undefined) return table[name];
  // getopt_long: a unique prefix of a long option is that option.
  const cands = Object.keys(table).filter((k) => k.startsWith(name));
  return cands.length === 1 && cands[0] !== undefined ? table[cands[0]] : undefined;
}

/** xtables_ipparse_multiple for one address: `a.b.c.d[/len]`; host bits cleared, as the kernel keeps it. */
export function address(text: string): Cidr {
  if (text.includes(',')) throw notSimulated('a list of addresses');
  const [ipText = '', maskText] = text.split('/');
  const ip = parseIp(ipText);
  if (ip === null) throw param(`host/network \`${ipText}' not found`);
  let prefix = 32;
  if (maskText !== undefined) {
    if (/^[0-9]+$/.test(maskText) && Number(maskText) <= 32) prefix = Number(maskText);
    else throw param(`invalid mask \`${maskText}' specified`);
  }
  return { ip: formatIp((ip & mask(prefix)) >>> 0), prefix };
}

function port(text: string): number {
  if (/^[0-9]+$/.test(text) && Number(text) <= 65535) return Number(text);
  const p = SERVICES[text];
  if (p === undefined) throw param(`invalid port/service \`${text}' specified`);
  return p;
}

/** `80`, `8000:8080`, `:1024`, `1024:` (parse_tcp_ports / XTTYPE_PORTRC). */
function portRange(text: string): [number, number | undefined] {
  const i = text.indexOf(':');
  if (i < 0) return [port(text), undefined];
  const lo = i === 0 ? 0 : port(text.slice(0, i));
  const hi = i === text.length - 1 ? 65535 : port(text.slice(i + 1));
  return [lo, hi];
}

function ipRange(text: string, opt: string): { lo: string; hi: string } {
  const [a = '', b] = text.split('-');
  const lo = parseIp(a);
  const hi = parseIp(b ?? a);
  if (lo === null || hi === null) throw param(`iprange: Bad value for "${opt}" option: "${text}"`);
  return { lo: formatIp(lo >>> 0), hi: formatIp(hi >>> 0) };
}

const CT_STATES: readonly CtState[] = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED'];

function buildMatch(m: LoadedMatch): Match {
  const o = m.opts;
  switch (m.name) {
    case 'tcp':
    case 'udp': {
      const d = o['dport'] !== undefined ? portRange(o['dport']) : undefined;
      const s = o['sport'] !== undefined ? portRange(o['sport']) : undefined;
      return {
        m: m.name,
        ...(s ? { sport: s[0], ...(s[1] !== undefined && s[1] !== s[0] ? { sportEnd: s[1] } : {}) } : {}),
        ...(d ? { dport: d[0], ...(d[1] !== undefined && d[1] !== d[0] ? { dportEnd: d[1] } : {}) } : {}),
      };
    }
    case 'conntrack': {
      if (Object.keys(o).length === 0) throw param('conntrack: At least one option is required');
      let ctstate: CtState[] | undefined;
      if (o['ctstate'] !== undefined) {
        ctstate = [];
        for (const s of o['ctstate'].split(',')) {
          const up = s.toUpperCase();
          if (['UNTRACKED', 'SNAT', 'DNAT'].includes(up)) throw notSimulated(`--ctstate ${s}`);
          if (!(CT_STATES as readonly string[]).includes(up)) throw param(`Bad ctstate "${s}"`);
          ctstate.push(up as CtState);
        }
      }
      const dir = o['ctdir'];
      if (dir !== undefined && !['ORIGINAL', 'REPLY'].includes(dir.toUpperCase())) throw param(`conntrack: Bad value for "--ctdir" option: "${dir}"`);
      const odp = o['ctorigdstport'] !== undefined ? portRange(o['ctorigdstport']) : undefined;
      return {
        m: 'conntrack',
        ...(ctstate ? { ctstate } : {}),
        ...(odp ? { origDstPort: odp[0], ...(odp[1] !== undefined && odp[1] !== odp[0] ? { origDstPortEnd: odp[1] } : {}) } : {}),
        ...(dir ? { ctdir: dir.toUpperCase() as 'ORIGINAL' | 'REPLY' } : {}),
      };
    }
    case 'iprange': {
      if (o['src-range'] === undefined && o['dst-range'] === undefined) throw param("iprange match: You must specify `--src-range' or `--dst-range'");
      return {
        m: 'iprange',
        ...(o['src-range'] !== undefined ? { src: ipRange(o['src-range'], '--src-range'), ...(m.neg['src-range'] ? { srcNeg: true } : {}) } : {}),
        ...(o['dst-range'] !== undefined ? { dst: ipRange(o['dst-range'], '--dst-range'), ...(m.neg['dst-range'] ? { dstNeg: true } : {}) } : {}),
      };
    }
    case 'addrtype': {
      const st = o['src-type'];
      const dt = o['dst-type'];
      for (const v of [st, dt]) if (v !== undefined && v.toUpperCase() !== 'LOCAL') throw notSimulated(`addrtype ${v}`);
      if (st !== undefined && dt !== undefined && Boolean(m.neg['src-type']) !== Boolean(m.neg['dst-type'])) throw notSimulated('addrtype with one of two types inverted');
      return {
        m: 'addrtype',
        ...(st !== undefined ? { srcType: 'LOCAL' as const } : {}),
        ...(dt !== undefined ? { dstType: 'LOCAL' as const } : {}),
        ...(m.neg['src-type'] || m.neg['dst-type'] ? { neg: true } : {}),
      };
    }
  }
}

/** DNAT/SNAT `ip[:port]` as iptables prints it back (`to:` / `--to-destination`). */
function natTo(text: string, portok: boolean): string {
  const [ipText = '', portText] = text.split(':');
  if (ipText.includes('-') || (portText ?? '').includes('-')) throw notSimulated('a NAT range');
  if (parseIp(ipText) === null) throw param(`Bad IP address "${ipText}"`);
  if (portText === undefined) return ipText;
  if (!portok) throw param('Need TCP, UDP, SCTP or DCCP with port specification');
  if (!/^[0-9]+$/.test(portText) || Number(portText) > 65535) throw param(`Port \`${portText}' not valid`);
  return `${ipText}:${Number(portText)}`;
}
