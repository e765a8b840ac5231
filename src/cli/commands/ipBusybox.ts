import type { NetnsId } from '../../engine/ids';
import type { World } from '../../engine/world';
import { BUSYBOX_IP_USAGE, bbAddrText, bbLinkText, bbRouteGetText, bbRouteText } from '../format/busyboxIp';
import type { Family, IpShowOptions } from '../format/iproute';
import { lookup, parseGetTarget } from '../format/iprouteRoute';
import { stderr, stdout } from '../format/shellContext';
import type { CommandContext, CommandOutput } from '../types';
import { addrModify, bbLinkSet, routeModify } from './ipChange';

/**
 * BusyBox's `ip` applet (networking/ip.c, libiproute/ip_parse_common_args.c, ipaddress.c,
 * iproute.c, iplink.c). Options: only -o[neline], -f[amily], -4, -6, -0 (anything else, such as
 * iproute2's `-br`, prints the usage); objects and commands are matched as abbreviations
 * (index_in_substrings). Errors are `ip: …` and exit 1 (bb_error_msg_and_die).
 */

/** index_in_substrings: the first keyword the word abbreviates. */
function abbrev(word: string, keywords: readonly string[]): string | undefined {
  return word === '' ? undefined : keywords.find((k) => k.startsWith(word));
}

const usage = (): CommandOutput => stderr(BUSYBOX_IP_USAGE, 1);
const die = (msg: string): CommandOutput => stderr(`ip: ${msg}\n`, 1);
const notSimulated = (what: string): CommandOutput => die(`${what}: changing the network by hand is not simulated in this lab`);

export function busyboxIp(ctx: CommandContext, ns: NetnsId, argv: readonly string[]): CommandOutput {
  const w = ctx.world;
  let family: Family | undefined;
  let oneline = false;
  let i = 0;
  for (; i < argv.length; i++) {
    let opt = argv[i] ?? '';
    if (!opt.startsWith('-')) break;
    opt = opt.slice(1);
    if (opt.startsWith('-')) {
      opt = opt.slice(1);
      if (opt === '') {
        i++;
        break;
      }
    }
    const k = abbrev(opt, ['oneline', 'family', '4', '6', '0']);
    if (k === undefined) return usage();
    if (k === 'oneline') oneline = true;
    else if (k === 'family') {
      const f = argv[++i];
      if (f === undefined) return usage();
      if (f !== 'inet' && f !== 'inet6' && f !== 'link') return die(`invalid argument '${f}' to 'family'`);
      family = f;
    } else family = k === '4' ? 'inet' : k === '6' ? 'inet6' : 'link';
  }
  const obj = argv[i];
  const rest = argv.slice(i + 1);
  const o: IpShowOptions = { ...(family ? { family } : {}), oneline };
  switch (obj === undefined ? undefined : abbrev(obj, ['address', 'route', 'r', 'link', 'tunnel', 'tunl', 'rule', 'neigh'])) {
    case 'address':
      return addr(ctx, ns, o, rest);
    case 'route':
    case 'r':
      return route(ctx, ns, rest, family === 'inet');
    case 'link':
      return link(ctx, ns, o, rest);
    case 'neigh':
      return stdout('');
    case 'tunnel':
    case 'tunl':
    case 'rule':
      return die(`${obj ?? ''}: not simulated in this lab`);
    default:
      return usage();
  }
}

/** `[dev] IFACE` plus the other selectors busybox accepts (to, scope, up, label). */
function selectDev(w: World, ns: NetnsId, argv: readonly string[], o: IpShowOptions): IpShowOptions | CommandOutput {
  let dev: string | undefined;
  let up = false;
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k] ?? '';
    if (a === 'up') up = true;
    else if (a === 'to' || a === 'scope' || a === 'label') k++;
    else {
      const d = a === 'dev' ? argv[++k] : a;
      if (d === undefined) return die(`option requires an argument -- 'dev'`);
      if (dev !== undefined) return die(`duplicate "dev": "${d}" is the second value`);
      dev = d;
    }
  }
  if (dev !== undefined && !w.netns.get(ns)?.byName.has(dev)) return die(`can't find device '${dev}'`);
  return { ...o, ...(dev !== undefined ? { dev } : {}), ...(up ? { up } : {}) };
}

const isOut = (x: IpShowOptions | CommandOutput): x is CommandOutput => 'exitCode' in x;

function addr(ctx: CommandContext, ns: NetnsId, o: IpShowOptions, argv: readonly string[]): CommandOutput {
  const w = ctx.world;
  const [cmd, ...rest] = argv;
  if (cmd !== undefined) {
    const k = abbrev(cmd, ['add', 'change', 'chg', 'replace', 'delete', 'list', 'flush', 'show', 'lst']);
    if (k === undefined) return die(`invalid argument '${cmd}' to 'ip'`);
    if (k === 'add' || k === 'delete') return addrModify(ctx, ns, k, rest, o.family === 'inet', usage, 'busybox');
    if (k !== 'list' && k !== 'show' && k !== 'lst') return notSimulated(`address ${k}`);
  }
  const sel = selectDev(w, ns, cmd === undefined ? [] : rest, o);
  if (isOut(sel)) return sel;
  return stdout(o.family === 'link' ? bbLinkText(w, ns, sel) : bbAddrText(w, ns, sel));
}

function link(ctx: CommandContext, ns: NetnsId, o: IpShowOptions, argv: readonly string[]): CommandOutput {
  const w = ctx.world;
  const [cmd, ...rest] = argv;
  if (cmd !== undefined) {
    const k = abbrev(cmd, ['add', 'delete', 'list', 'show', 'lst', 'set', 'change']);
    if (k === undefined) return die(`invalid argument '${cmd}' to 'ip'`);
    if (k === 'set' || k === 'change') return bbLinkSet(ctx, ns, rest);
    if (k !== 'list' && k !== 'show' && k !== 'lst') return notSimulated(`link ${k}`);
  }
  const sel = selectDev(w, ns, cmd === undefined ? [] : rest, o);
  if (isOut(sel)) return sel;
  return stdout(bbLinkText(w, ns, sel));
}

function route(ctx: CommandContext, ns: NetnsId, argv: readonly string[], inet: boolean): CommandOutput {
  const w = ctx.world;
  const [cmd, ...rest] = argv;
  const k = cmd === undefined ? 'list' : abbrev(cmd, ['add', 'append', 'change', 'chg', 'delete', 'get', 'list', 'show', 'prepend', 'replace', 'test', 'flush']);
  if (k === undefined) return die(`invalid argument '${cmd ?? ''}' to 'ip'`);
  if (k === 'get') {
    const word = rest[0] === 'to' ? rest[1] : rest[0];
    if (word === undefined) return die('need at least a destination address');
    const t = parseGetTarget(word);
    if (!t) return die(`invalid argument '${word}' to 'to'`);
    const r = lookup(w, ns, t.ip);
    if (r.kind === 'unreachable') return die('RTNETLINK answers: Network is unreachable');
    return stdout(bbRouteGetText(w, r));
  }
  if (k === 'add' || k === 'replace' || k === 'delete') return routeModify(ctx, ns, k, rest, inet, usage, 'busybox');
  if (k !== 'list' && k !== 'show') return notSimulated(`route ${k}`);
  return stdout(bbRouteText(w, ns));
}
