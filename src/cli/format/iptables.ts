/**
 * The `iptables` command as iptables 1.8.9 (nf_tables) behaves for listing — the version the
 * 28.5.2 reference transcripts were captured with (protocols print as numbers with -n).
 * Argument handling follows iptables/xshared.c do_parse (getopt_long with optstring
 * IPT_OPTSTRING, xs_has_arg for the optional chain / rule number of -L and -S,
 * generic_opt_check's option table) and xtables-standalone.c for the error wording.
 * Output comes from engine/netfilter/listing.ts.
 *
 * The commands that change the tables (-P, -Z, and the rule editors -A -C -D -I -R -F -N -X -E,
 * see edit() and iptablesRule.ts) return the new tables in `nf`.
 */
import { listTable, saveTable } from '../../engine/netfilter/listing';
import { SIM_NAMES, type ListFormat, type NameResolver } from '../../engine/netfilter/ruleText';
import {
  appendRule,
  chainNames,
  chainReferences,
  deleteChain,
  deleteRule,
  deleteRuleAt,
  emptyNetfilter,
  flushChain,
  getChain,
  insertRule,
  isBuiltinChain,
  newChain,
  renameChain,
  replaceRule,
  ruleExists,
  setPolicy,
  zeroCounters,
} from '../../engine/netfilter/tables';
import type { Netfilter, RuleSpec, TableName } from '../../engine/netfilter/types';
import { iptablesHelp as help } from './iptablesHelp';
import { isTargetName, RuleBuilder, RuleParseError } from './iptablesRule';

export { nvlRuleRow, saveRuleText, listRuleRow } from '../../engine/netfilter/ruleText';

export interface IptablesOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  /** The tables after -P / -Z. */
  readonly nf?: Netfilter;
}

const PROG = 'iptables';
const VERSION = '1.8.9 (nf_tables)';
const TRY_HELP = `Try \`${PROG} -h' or '${PROG} --help' for more information.\n`;

/** getopt arity: 0 none, 1 required, 2 optional (attached only). From IPT_OPTSTRING. */
const SHORT: Readonly<Record<string, 0 | 1 | 2>> = {
  A: 1, C: 1, D: 1, E: 1, F: 2, I: 1, L: 2, M: 1, N: 1, P: 1, V: 0, X: 2, Z: 2, c: 1, d: 1, i: 1, j: 1,
  o: 1, p: 1, s: 1, t: 1, R: 1, S: 2, W: 2, '4': 0, '6': 0, f: 0, g: 1, h: 2, m: 1, n: 0, v: 0, w: 2, x: 0,
};
/** xtables.c original_opts: long name → [short code, arity]. */
const LONG: Readonly<Record<string, readonly [string, 0 | 1 | 2]>> = {
  append: ['A', 1], delete: ['D', 1], check: ['C', 1], insert: ['I', 1], replace: ['R', 1], list: ['L', 2],
  'list-rules': ['S', 2], flush: ['F', 2], zero: ['Z', 2], 'new-chain': ['N', 1], 'delete-chain': ['X', 2],
  'rename-chain': ['E', 1], policy: ['P', 1], source: ['s', 1], destination: ['d', 1], src: ['s', 1],
  dst: ['d', 1], protocol: ['p', 1], 'in-interface': ['i', 1], jump: ['j', 1], table: ['t', 1], match: ['m', 1],
  numeric: ['n', 0], 'out-interface': ['o', 1], verbose: ['v', 0], wait: ['w', 2], 'wait-interval': ['W', 2],
  exact: ['x', 0], fragments: ['f', 0], version: ['V', 0], help: ['h', 2], 'line-numbers': ['0', 0],
  modprobe: ['M', 1], 'set-counters': ['c', 1], goto: ['g', 1], ipv4: ['4', 0], ipv6: ['6', 0],
};
/** generic_opt_check's option letters, and those legal with each command (commands_v_options). */
const OPTFLAGS = ['n', 's', 'd', 'p', 'j', 'v', 'x', 'i', 'o', '0', 'c', 'f'];
type Command = 'L' | 'S' | 'P' | 'A' | 'C' | 'D' | 'I' | 'R' | 'F' | 'N' | 'X' | 'E';
const RULE_OPTS = 'sdpjviof';
const LEGAL: Readonly<Record<Command | 'Z' | 'Dnum', string>> = {
  L: 'nvx0', S: 'v', P: 'vc', Z: 'v', A: RULE_OPTS + 'c', I: RULE_OPTS + 'c', R: RULE_OPTS + 'c', C: RULE_OPTS, D: RULE_OPTS,
  Dnum: 'v', F: 'v', N: 'v', X: 'v', E: 'v',
};
const RULE_COMMANDS = 'ACDIR';

class Exit {
  constructor(readonly out: IptablesOutput) {}
}
const fail = (stderr: string, exitCode: number): Exit => new Exit({ stdout: '', stderr, exitCode });
/** xtables_error → basic_exit_err: PARAMETER_PROBLEM (2) adds the "Try" line. */
const paramProblem = (msg: string): Exit => fail(`${PROG} v${VERSION}: ${msg}\n${TRY_HELP}`, 2);

interface Parsed {
  command?: Command;
  /** -Z, alone or with -L (CMD_ZERO | CMD_LIST: list, then zero). */
  zero?: true;
  chain?: string;
  rulenum?: number;
  policy?: string;
  /** -E's new name. */
  newname?: string;
  table: string;
  options: Set<string>;
  rule: RuleBuilder;
  /** The finished rule of -A -C -D -I -R (absent for -D CHAIN NUM). */
  spec?: RuleSpec;
}

/** Runs a rule-parsing step, turning its failure into iptables' exit. */
function ruleStep<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof RuleParseError)) throw e;
    // Simulator difference (marked): an extension iptables has and the lab does not model.
    if (e.err.kind === 'note') throw fail(`${PROG}: ${e.err.msg}.\n`, 1);
    throw paramProblem(e.err.msg);
  }
}

/** assert_valid_chain_name (-N). */
function validChainName(name: string): void {
  if (name.length >= 29) throw paramProblem(`chain name \`${name}' too long (must be under 29 chars)`);
  if (name.startsWith('-') || name.startsWith('!')) throw paramProblem(`chain name not allowed to start with \`${name[0] ?? ''}'`);
  if (isTargetName(name)) throw paramProblem('chain name may not clash with target name');
  if (/\s/.test(name)) throw paramProblem(`Invalid chain name \`${name}'`);
}

function parseRuleNumber(s: string): number {
  const n = /^[0-9]+$/.test(s) ? Number(s) : 0;
  if (n < 1 || n > 2147483647) throw paramProblem(`Invalid rule number \`${s}'`);
  return n;
}

/** getopt_long as glibc runs it for iptables (optstring starts with "-:": in-order, ':' on a missing argument). */
function parse(argv: readonly string[]): Parsed | IptablesOutput {
  const args = [PROG, ...argv];
  const p: Parsed = { table: 'filter', options: new Set(), rule: new RuleBuilder() };
  let optind = 1;
  let next = ''; // rest of a short-option cluster
  let invert = false;
  const hasArg = (): boolean => optind < args.length && !(args[optind] ?? '').startsWith('-') && !(args[optind] ?? '').startsWith('!');
  const setOption = (c: string): void => {
    if (p.options.has(c)) throw paramProblem(`multiple -${c} flags not allowed`);
    // inverse_for_options: only -s -d -p -i -o -f take a '!'.
    if (invert && !'sdpiof'.includes(c)) throw paramProblem(`cannot have ! before -${c}`);
    p.options.add(c);
  };
  for (;;) {
    let c: string;
    let optarg: string | undefined;
    if (next === '') {
      if (optind >= args.length) break;
      const tok = args[optind] ?? '';
      if (tok === '--') {
        optind++;
        break;
      }
      if (!tok.startsWith('-') || tok === '-') {
        optind++;
        c = '\u0001';
        optarg = tok;
      } else if (tok.startsWith('--')) {
        optind++;
        const eq = tok.indexOf('=');
        const name = tok.slice(2, eq < 0 ? undefined : eq);
        const exact = LONG[name];
        const cands = exact ? [name] : Object.keys(LONG).filter((k) => k.startsWith(name));
        const found = cands.length === 1 && cands[0] !== undefined ? LONG[cands[0]] : undefined;
        if (!found && cands.length === 0) {
          // An extension's option (--dport, --ctstate, --reject-with…): command_default.
          const arg = (): string | undefined => (eq >= 0 ? tok.slice(eq + 1) : optind < args.length ? args[optind++] : undefined);
          if (!ruleStep(() => p.rule.extensionOption(name, arg, invert))) throw paramProblem(`unknown option "${tok}"`);
          invert = false;
          continue;
        }
        if (!found || (found[1] === 0 && eq >= 0)) throw paramProblem(`unknown option "${tok}"`);
        c = found[0];
        if (eq >= 0) optarg = tok.slice(eq + 1);
        else if (found[1] === 1) {
          if (optind >= args.length) throw paramProblem(`option "${tok}" requires an argument`);
          optarg = args[optind++];
        }
      } else {
        next = tok.slice(1);
        continue;
      }
    } else {
      c = next[0] ?? '';
      next = next.slice(1);
      if (next === '') optind++;
      const arity = SHORT[c];
      if (arity === undefined) throw paramProblem(`unknown option "${args[optind - 1] ?? ''}"`);
      if (arity === 1) {
        if (next !== '') optarg = next;
        else if (optind < args.length) optarg = args[optind++];
        else throw paramProblem(`option "${args[optind - 1] ?? ''}" requires an argument`);
        if (next !== '') optind++;
        next = '';
      } else if (arity === 2) {
        if (next !== '') {
          optarg = next;
          optind++;
        }
        next = '';
      }
    }
    const command = (k: Command): void => {
      // add_command
      if (invert) throw paramProblem("unexpected '!' flag");
      if (p.command || p.zero) throw paramProblem(`Cannot use -${k} with -${p.command ?? 'Z'}`);
      p.command = k;
    };
    switch (c) {
      case 'A':
      case 'C':
        command(c);
        p.chain = optarg;
        break;
      case 'D':
        command('D');
        p.chain = optarg;
        if (hasArg()) p.rulenum = parseRuleNumber(args[optind++] ?? '');
        break;
      case 'R':
        command('R');
        p.chain = optarg;
        if (!hasArg()) throw paramProblem('-R requires a rule number');
        p.rulenum = parseRuleNumber(args[optind++] ?? '');
        break;
      case 'I':
        command('I');
        p.chain = optarg;
        p.rulenum = hasArg() ? parseRuleNumber(args[optind++] ?? '') : 1;
        break;
      case 'F':
      case 'X':
        command(c);
        if (optarg !== undefined) p.chain = optarg;
        else if (hasArg()) p.chain = args[optind++];
        break;
      case 'N':
        validChainName(optarg ?? '');
        command('N');
        p.chain = optarg;
        break;
      case 'E':
        command('E');
        p.chain = optarg;
        if (!hasArg()) throw paramProblem('-E requires old-chain-name and new-chain-name');
        p.newname = args[optind++];
        break;
      case 's':
      case 'd':
      case 'i':
      case 'o': {
        setOption(c);
        const v = optarg ?? '';
        if (c === 's') [p.rule.src, p.rule.srcNeg] = [v, invert];
        else if (c === 'd') [p.rule.dst, p.rule.dstNeg] = [v, invert];
        else if (c === 'i') [p.rule.in, p.rule.inNeg] = [v, invert];
        else [p.rule.out, p.rule.outNeg] = [v, invert];
        break;
      }
      case 'p':
        setOption('p');
        ruleStep(() => p.rule.setProto(optarg ?? '', invert));
        break;
      case 'j':
        setOption('j');
        ruleStep(() => p.rule.setJump(optarg ?? '', false));
        break;
      case 'c':
        // Simulator difference: -c PKTS BYTES is accepted; the new rule's counters start at 0.
        setOption('c');
        if (!(optarg ?? '').includes(',')) {
          if (!hasArg()) throw paramProblem('-c requires packet and byte counter');
          optind++;
        }
        break;
      case 'L':
      case 'S':
        if (invert) throw paramProblem("unexpected '!' flag");
        if (p.command) throw paramProblem(`Cannot use -${c} with -${p.command}`);
        p.command = c;
        if (optarg !== undefined) p.chain = optarg;
        else if (hasArg()) p.chain = args[optind++];
        if (hasArg()) p.rulenum = parseRuleNumber(args[optind++] ?? '');
        break;
      case 'Z':
        // add_command: -Z combines with -L only.
        if (invert) throw paramProblem("unexpected '!' flag");
        if (p.zero || (p.command && p.command !== 'L')) throw paramProblem(`Cannot use -Z with -${p.command ?? 'Z'}`);
        p.zero = true;
        if (optarg !== undefined) p.chain = optarg;
        else if (hasArg()) p.chain = args[optind++];
        if (hasArg()) p.rulenum = parseRuleNumber(args[optind++] ?? '');
        break;
      case 'P':
        if (invert) throw paramProblem("unexpected '!' flag");
        if (p.command || p.zero) throw paramProblem(`Cannot use -P with -${p.command ?? 'Z'}`);
        p.command = 'P';
        p.chain = optarg;
        if (!hasArg()) throw paramProblem('-P requires a chain and a policy');
        p.policy = args[optind++];
        break;
      case 'h':
        return { stdout: help(), stderr: '', exitCode: 0 };
      case 'V':
        return { stdout: `${PROG} v${VERSION}\n`, stderr: '', exitCode: 0 };
      case 't':
        if (invert) throw paramProblem('unexpected ! flag before --table');
        p.table = optarg ?? '';
        break;
      case 'v':
        if (!p.options.has('v')) setOption('v');
        break;
      case 'w':
      case 'W':
        if (optarg === undefined && hasArg() && !/^[0-9]+$/.test(args[optind++] ?? '')) throw paramProblem('wait seconds not numeric');
        break;
      case 'g':
        setOption('j');
        ruleStep(() => p.rule.setJump(optarg ?? '', true));
        break;
      case 'm':
        ruleStep(() => p.rule.loadMatch(optarg ?? '', invert));
        break;
      case '4':
      case 'M':
        break;
      case '6':
        throw fail(TRY_HELP, 2);
      case '\u0001':
        if (optarg === '!') {
          if (invert) throw paramProblem('multiple consecutive ! not allowed');
          invert = true;
          continue;
        }
        throw fail(`Bad argument \`${optarg ?? ''}'\n${TRY_HELP}`, 2);
      default:
        setOption(c);
    }
    invert = false;
  }
  if (p.table === 'nat' && (p.policy === 'DROP' || p.rule.jump === 'DROP')) {
    throw paramProblem('\nThe "nat" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n');
  }
  if (p.command !== undefined && RULE_COMMANDS.includes(p.command) && !(p.command === 'D' && p.rulenum !== undefined)) {
    const b = p.rule;
    p.spec = ruleStep(() => b.build());
  }
  if (optind < args.length) throw paramProblem('unknown arguments found on commandline');
  if (!p.command && !p.zero) throw paramProblem('no command specified');
  if (invert) throw paramProblem('nothing appropriate following !');
  // generic_opt_check: with -L -Z an option is legal when either command allows it.
  const legal = (p.command ? LEGAL[p.command === 'D' && p.rulenum !== undefined ? 'Dnum' : p.command] : '') + (p.zero ? LEGAL.Z : '');
  for (const o of OPTFLAGS) {
    if (p.options.has(o) && !legal.includes(o)) throw paramProblem(`Illegal option \`-${o}' with this command`);
  }
  if (p.chain !== undefined && p.chain.length >= 29) throw paramProblem(`chain name \`${p.chain}' too long (must be under 29 chars)`);
  if (p.command !== undefined && RULE_COMMANDS.includes(p.command)) {
    if ((p.chain === 'PREROUTING' || p.chain === 'INPUT') && p.options.has('o')) throw paramProblem(`Can't use -o with ${p.chain}\n`);
    if ((p.chain === 'POSTROUTING' || p.chain === 'OUTPUT') && p.options.has('i')) throw paramProblem(`Can't use -i with ${p.chain}\n`);
  }
  return p;
}

const TABLES: readonly string[] = ['filter', 'nat', 'mangle', 'raw', 'security'];

/**
 * Runs `iptables ARGS…` (argv without the program name) against a namespace's tables.
 * `names` answers the lookups `-L` does without -n (see ruleText.ts SIM_NAMES).
 */
export function runIptables(argv: readonly string[], nf: Netfilter, names: NameResolver = SIM_NAMES): IptablesOutput {
  let p: Parsed | IptablesOutput;
  try {
    p = parse(argv[0] === PROG ? argv.slice(1) : argv);
  } catch (e) {
    if (e instanceof Exit) return e.out;
    throw e;
  }
  if (!('options' in p)) return p;
  if (!TABLES.includes(p.table)) {
    return fail(`${PROG} v${VERSION}: table '${p.table}' does not exist\nPerhaps ${PROG} or your kernel needs to be upgraded.\n`, 3).out;
  }
  // The security table exists in iptables but nothing here uses it: its empty built-ins are
  // filter's (INPUT, FORWARD, OUTPUT).
  const [src, table]: [Netfilter, TableName] = p.table === 'security' ? [emptyNetfilter(), 'filter'] : [nf, p.table as TableName];
  // The security table is a stand-in (see above): changing it changes nothing the lab keeps.
  const keep = (r: IptablesOutput): IptablesOutput => (p.table === 'security' ? { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode } : r);
  if (p.command === 'P') return keep(policy(src, table, p.chain ?? '', p.policy ?? ''));
  if (p.command !== undefined && 'ACDIRFNXE'.includes(p.command)) return keep(edit(src, table, p));
  const o = p.options;
  if (!p.command) return keep(zero(src, table, p.chain, ''));
  const text =
    p.command === 'L'
      ? listTable(src, table, { numeric: o.has('n'), verbose: o.has('v'), expanded: o.has('x'), lineNumbers: o.has('0') } satisfies ListFormat, p.chain, p.rulenum, names)
      : saveTable(src, table, o.has('v'), p.chain, p.rulenum);
  if (text === null) return { stdout: '', stderr: `${PROG}: No chain/target/match by that name.\n`, exitCode: 1 };
  if (p.zero) return keep(zero(src, table, p.chain, text));
  return { stdout: text, stderr: '', exitCode: 0 };
}

/**
 * -P: nft_chain_set refuses a chain that is not a built-in of the table (ENOENT) and a policy
 * other than ACCEPT or DROP (EINVAL); xtables_main words the errno with nft_strerror
 * (iptables 1.8.9 nft-shared / xtables-standalone.c).
 */
function policy(nf: Netfilter, table: TableName, chain: string, target: string): IptablesOutput {
  if (target !== 'ACCEPT' && target !== 'DROP') return { stdout: '', stderr: `${PROG}: Bad policy name. Run \`dmesg' for more information.\n`, exitCode: 1 };
  if (!isBuiltinChain(table, chain)) return { stdout: '', stderr: `${PROG}: Bad built-in chain name.\n`, exitCode: 1 };
  return { stdout: '', stderr: '', exitCode: 0, nf: setPolicy(nf, table, chain, target).nf };
}

/** -Z [chain]: every rule's and policy's counters back to 0 (after the listing, for -L -Z). */
function zero(nf: Netfilter, table: TableName, chain: string | undefined, listed: string): IptablesOutput {
  if (chain !== undefined && !getChain(nf, table, chain)) return { stdout: '', stderr: `${PROG}: No chain/target/match by that name.\n`, exitCode: 1 };
  return { stdout: listed, stderr: '', exitCode: 0, nf: zeroCounters(nf, table, chain) };
}

const ok = (nf: Netfilter): IptablesOutput => ({ stdout: '', stderr: '', exitCode: 0, nf });
/** xtables_main: nft_strerror(errno), " Run `dmesg'…" for EINVAL; exit 1. */
const nftError = (msg: string): IptablesOutput => ({ stdout: '', stderr: `${PROG}: ${msg}.\n`, exitCode: 1 });
/** nft_action: the kernel refused an object of the batch (mnl_append_error); RESOURCE_PROBLEM, exit 4. */
const batchError = (what: string): IptablesOutput => ({ stdout: '', stderr: `${PROG} v${VERSION}: ${what}\n`, exitCode: 4 });
const NO_CHAIN = 'No chain/target/match by that name';
const BAD_RULE = 'Bad rule (does a matching rule exist in that chain?)';

/** Hooks each built-in chain is (nat's are where NAT targets may go; REJECT: ipt_REJECT's hooks). */
const NAT_HOOKS: Readonly<Record<string, readonly string[]>> = { DNAT: ['PREROUTING', 'OUTPUT'], SNAT: ['POSTROUTING', 'INPUT'], MASQUERADE: ['POSTROUTING'] };

/**
 * What the kernel's checkentry refuses when the rule is committed (-A -I -R): REJECT outside
 * INPUT/FORWARD/OUTPUT or `tcp-reset` without `-p tcp` (ipt_REJECT.c reject_tg_check), NAT
 * targets outside the nat table or their hooks (xt_check_target). Only rules in built-in chains
 * are checked here: for a user chain the kernel checks when a jump makes it reachable, which the
 * lab does not model.
 */
function kernelRefuses(table: TableName, chain: string, spec: RuleSpec): boolean {
  const t = spec.target;
  if (t.t === 'REJECT' && t.with === 'tcp-reset' && spec.proto !== 'tcp') return true;
  if (!isBuiltinChain(table, chain)) return t.t in NAT_HOOKS && table !== 'nat';
  if (t.t === 'REJECT') return !['INPUT', 'FORWARD', 'OUTPUT'].includes(chain);
  const hooks = NAT_HOOKS[t.t];
  return hooks !== undefined && (table !== 'nat' || !hooks.includes(chain));
}

/**
 * -A -C -D -I -R -F -N -X -E, in nft_prepare's order of checks (iptables 1.8.9 nft.c): the jump
 * target must exist (assert_chain_exists, a PARAMETER_PROBLEM), then the chain, then the rule or
 * index. Rules added here are marked as the user's (they survive a daemon restart).
 */
function edit(nf: Netfilter, table: TableName, p: Parsed): IptablesOutput {
  const chain = p.chain ?? '';
  const spec = p.spec;
  const c = p.chain === undefined ? undefined : getChain(nf, table, chain);
  if (spec && spec.target.t === 'JUMP' && !getChain(nf, table, spec.target.chain)) {
    return fail(`${PROG} v${VERSION}: Chain '${spec.target.chain}' does not exist\n${TRY_HELP}`, 2).out;
  }
  const op = { A: 'RULE_APPEND', I: 'RULE_INSERT', R: 'RULE_REPLACE' } as const;
  switch (p.command) {
    case 'A':
    case 'I':
    case 'R': {
      if (!c || !spec) return nftError(NO_CHAIN);
      const n = p.rulenum ?? 1;
      if (p.command === 'I' && n > c.rules.length + 1) return nftError('Index of insertion too big');
      if (p.command === 'R' && n > c.rules.length) return nftError('Index of replacement too big');
      if (kernelRefuses(table, chain, spec)) return batchError(` ${op[p.command]} failed (Invalid argument): rule in chain ${chain}`);
      if (p.command === 'A') return ok(appendRule(nf, table, chain, spec, true).nf);
      if (p.command === 'I') return ok(insertRule(nf, table, chain, spec, n, true).nf);
      return ok(replaceRule(nf, table, chain, n, spec, true));
    }
    case 'C':
      // nft_rule_check: a missing chain is the same ENOENT as a missing rule.
      return spec && c && ruleExists(nf, table, chain, spec) ? { stdout: '', stderr: '', exitCode: 0 } : nftError(BAD_RULE);
    case 'D':
      if (p.rulenum !== undefined) {
        if (!c) return nftError(NO_CHAIN);
        if (p.rulenum > c.rules.length) return nftError('Index of deletion too big');
        return ok(deleteRuleAt(nf, table, chain, p.rulenum));
      }
      if (!spec || !c || !ruleExists(nf, table, chain, spec)) return nftError(BAD_RULE);
      return ok(deleteRule(nf, table, chain, spec).nf);
    case 'F': {
      if (p.chain !== undefined && !c) return nftError(NO_CHAIN);
      let out = nf;
      for (const name of p.chain !== undefined ? [chain] : chainNames(nf, table)) out = flushChain(out, table, name);
      return ok(out);
    }
    case 'N':
      if (c || isBuiltinChain(table, chain)) return nftError('Chain already exists');
      return ok(newChain(nf, table, chain).nf);
    case 'X': {
      if (p.chain !== undefined) {
        if (!c) return nftError(NO_CHAIN);
        // __nft_chain_del: a built-in chain may go only when empty with policy ACCEPT (and the
        // listing shows it all the same); else EBUSY, which nft_strerror words so.
        if (c.policy !== null) return c.policy === 'ACCEPT' && c.rules.length === 0 ? ok(nf) : nftError('Directory not empty');
      }
      // The kernel refuses to delete a chain that has rules or is jumped to (EBUSY); the batch
      // is all or nothing and every refusal is reported.
      const names = p.chain !== undefined ? [chain] : chainNames(nf, table).filter((n) => !isBuiltinChain(table, n));
      const busy = names.filter((n) => (getChain(nf, table, n)?.rules.length ?? 0) > 0 || chainReferences(nf, table, n) > 0);
      if (busy.length > 0) return batchError(busy.map((n) => ` CHAIN_DEL failed (Device or resource busy): chain ${n}`).join(''));
      let out = nf;
      for (const n of names) out = deleteChain(out, table, n).nf;
      return ok(out);
    }
    case 'E': {
      const to = p.newname ?? '';
      if (getChain(nf, table, to) || isBuiltinChain(table, to)) return nftError('File exists');
      if (!c) return nftError(NO_CHAIN);
      // Simulator difference: renaming a built-in chain is not modelled.
      if (c.policy !== null) return { stdout: '', stderr: `${PROG}: renaming a built-in chain is not simulated in this lab.\n`, exitCode: 1 };
      return ok(renameChain(nf, table, chain, to));
    }
    default:
      return { stdout: '', stderr: '', exitCode: 0 };
  }
}
