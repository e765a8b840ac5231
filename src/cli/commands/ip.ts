import type { NetnsId } from '../../engine/ids';
import type { World } from '../../engine/world';
import { ipAddrText, ipLinkText, type Family, type IpShowOptions } from '../format/iproute';
import { ipRoute6Text, ipRouteGetText, ipRouteText, lookup, parseGetTarget } from '../format/iprouteRoute';
import { shellImage, shellNetns, stderr, stdout } from '../format/shellContext';
import type { CommandContext, CommandOutput, CommandSpec } from '../types';
import { addrModify, linkSet, routeModify } from './ipChange';
import { busyboxIp } from './ipBusybox';

/**
 * `ip` — iproute2 6.15 on the host, the laptop and in images that ship it (python, node);
 * BusyBox's applet in alpine/busybox (see ipBusybox.ts); dispatch answers `not found` for images
 * without it (nginx, redis…). Parsing follows ip/ip.c main and do_ipaddr / do_iplink /
 * do_iproute / do_netns: options before the object, every keyword matched by prefix in
 * iproute2's own order (`ip a s`, `ip r`, `ip -br l`; `ip link s` is `set`).
 * Changing commands: `link set|change DEV up|down`, `route add|replace|delete`, `addr add|delete`
 * (ipChange.ts, with the permission each needs); the others (link add, route flush, addr
 * flush…) are not simulated and say so.
 */
export const ip: CommandSpec = {
  path: ['ip'],
  usage: 'ip [ OPTIONS ] OBJECT { COMMAND | help }',
  short: 'show / manipulate routing, network devices, interfaces and tunnels',
  flags: [],
  args: { min: 0 },
  rawArgs: true,
  where: ['host', 'container', 'laptop'],
  tool: 'ip',
  run(ctx, flags) {
    const ns = shellNetns(ctx.world, ctx.shell);
    if (!ns) return stderr('ip: the container has no network namespace\n', 1);
    if (shellImage(ctx.world, ctx.shell)?.tools.ip === 'busybox') return busyboxIp(ctx, ns, flags.args);
    return iproute2(ctx, ns, flags.args);
  },
};

export const IP_USAGE = `Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
       ip [ -force ] -batch filename
where  OBJECT := { address | addrlabel | fou | help | ila | ioam | l2tp | link |
                   macsec | maddress | monitor | mptcp | mroute | mrule |
                   neighbor | neighbour | netconf | netns | nexthop | ntable |
                   ntbl | route | rule | sr | stats | tap | tcpmetrics |
                   token | tunnel | tuntap | vrf | xfrm }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |
                    -h[uman-readable] | -iec | -j[son] | -p[retty] |
                    -f[amily] { inet | inet6 | mpls | bridge | link } |
                    -4 | -6 | -M | -B | -0 |
                    -l[oops] { maximum-addr-flush-attempts } | -echo | -br[ief] |
                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |
                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |
                    -c[olor]}
`;

/** lib/utils.c matches(): the word is a non-empty prefix of the keyword. */
export const matches = (word: string, keyword: string): boolean => word !== '' && keyword.startsWith(word);

const usage = (): CommandOutput => stderr(IP_USAGE, 255);
const notSimulated = (what: string): CommandOutput => stderr(`ip ${what}: changing the network by hand is not simulated in this lab\n`, 1);

/** ip.c's object table, in its order (first prefix match wins). */
const OBJECTS = ['address', 'addrlabel', 'maddress', 'route', 'rule', 'neighbor', 'neighbour', 'ntable', 'ntbl', 'link', 'l2tp', 'fou', 'ila', 'macsec', 'tunnel', 'tunl', 'tuntap', 'tap', 'token', 'tcpmetrics', 'tcp_metrics', 'monitor', 'xfrm', 'mroute', 'mrule', 'netns', 'netconf', 'vrf', 'sr', 'nexthop', 'mptcp', 'ioam', 'help', 'stats'];

interface Globals {
  family?: Family;
  brief: boolean;
  oneline: boolean;
}

function iproute2(ctx: CommandContext, ns: NetnsId, argv: readonly string[]): CommandOutput {
  const w = ctx.world;
  const g: Globals = { brief: false, oneline: false };
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-')) break;
    const opt = a.startsWith('--') ? a.slice(1) : a;
    if (matches(opt, '-loops')) i++;
    else if (matches(opt, '-family')) {
      const f = argv[++i];
      if (f === undefined) return stderr('Error: argument "family type" is required\n', 255);
      if (f === 'help') return usage();
      if (f === 'inet' || f === 'inet6' || f === 'link') g.family = f;
      else return stderr(`Error: argument "${f}" is wrong: invalid protocol family\n`, 255);
    } else if (opt === '-4') g.family = 'inet';
    else if (opt === '-6') g.family = 'inet6';
    else if (opt === '-0') g.family = 'link';
    else if (matches(opt, '-oneline')) g.oneline = true;
    else if (matches(opt, '-Version')) return stdout('ip utility, iproute2-6.15.0, libbpf 1.5.0\n');
    else if (matches(opt, '-brief')) g.brief = true;
    else if (matches(opt, '-help')) return usage();
    else if (matches(opt, '-netns')) {
      const name = argv[i + 1];
      if (name === undefined) return stderr('Command line is not complete. Try option "help"\n', 255);
      // Docker keeps its namespaces in /var/run/docker/netns, not /var/run/netns: no names here.
      return stderr(`Cannot open network namespace "${name}": No such file or directory\n`, 255);
    } else if (['-M', '-B', '-echo'].includes(opt) || ['-human', '-human-readable', '-iec', '-stats', '-statistics', '-details', '-resolve', '-timestamp', '-tshort', '-force', '-json', '-pretty', '-Numeric', '-all'].some((k) => matches(opt, k)) || /^-c(olou?r)?(=.*)?$/.test(opt)) {
      // Accepted; the simulator has no counters, details, JSON or colours to add (approximation).
    } else return stderr(`Option "${opt}" is unknown, try "ip -help".\n`, 255);
  }
  const obj = argv[i];
  if (obj === undefined) return usage();
  const rest = argv.slice(i + 1);
  const found = OBJECTS.find((o) => matches(obj, o));
  switch (found) {
    case 'address':
      return ipAddress(ctx, ns, g, rest);
    case 'link':
      return ipLink(ctx, ns, g, rest);
    case 'route':
      return ipRoute(ctx, ns, g, rest);
    case 'netns':
      return ipNetns(rest);
    case 'help':
      return usage();
    case 'neighbor':
    case 'neighbour':
      // The model keeps no neighbour (ARP) cache; an empty table is what a quiet host shows.
      return stdout('');
    case undefined:
      return stderr(`Object "${obj}" is unknown, try "ip help".\n`, 1);
    default:
      return stderr(`ip ${found}: not simulated in this lab\n`, 1);
  }
}

/** The selectors of ipaddr_list_flush_or_save. */
function parseShow(argv: readonly string[], base: IpShowOptions): IpShowOptions | CommandOutput {
  const o: { -readonly [K in keyof IpShowOptions]: IpShowOptions[K] } = { ...base };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k] ?? '';
    const next = (): string | undefined => argv[++k];
    if (a === 'up') o.up = true;
    else if (a === 'scope') {
      const s = next();
      if (s === undefined) return stderr('Command line is not complete. Try option "help"\n', 255);
      if (!['host', 'link', 'global', 'all'].includes(s)) return stderr(`Error: argument "${s}" is wrong: invalid "scope"\n\n`, 255);
      o.scope = s;
    } else if (a === 'master' || a === 'type') {
      const v = next();
      if (v === undefined) return stderr('Command line is not complete. Try option "help"\n', 255);
      if (a === 'master') o.master = v;
      else o.type = v;
    } else {
      let dev = a;
      if (a === 'dev') {
        const v = next();
        if (v === undefined) return stderr('Command line is not complete. Try option "help"\n', 255);
        dev = v;
      } else if (matches(a, 'help')) return usage();
      if (o.dev !== undefined) return stderr(`Error: either "dev" is duplicate, or "${dev}" is garbage.\n`, 255);
      o.dev = dev;
    }
  }
  return o;
}

function isOutput(x: IpShowOptions | CommandOutput): x is CommandOutput {
  return 'exitCode' in x;
}

function devMissing(w: World, ns: NetnsId, o: IpShowOptions): CommandOutput | undefined {
  const nsObj = w.netns.get(ns);
  if (o.dev !== undefined && !nsObj?.byName.has(o.dev)) return stderr(`Device "${o.dev}" does not exist.\n`, 1);
  if (o.master !== undefined && !nsObj?.byName.has(o.master)) return stderr(`Error: argument "${o.master}" is wrong: Device does not exist\n\n`, 255);
  return undefined;
}

function ipAddress(ctx: CommandContext, ns: NetnsId, g: Globals, argv: readonly string[]): CommandOutput {
  const w = ctx.world;
  const [cmd, ...rest] = argv;
  if (cmd !== undefined && !['list', 'show', 'lst'].some((k) => matches(cmd, k))) {
    // do_ipaddr's order: add, change/chg, replace, delete.
    if (matches(cmd, 'add')) return addrModify(ctx, ns, 'add', rest, g.family === 'inet', usage, 'iproute2');
    for (const k of ['change', 'replace']) if (matches(cmd, k) || (k === 'change' && cmd === 'chg')) return notSimulated(`address ${k}`);
    if (matches(cmd, 'delete')) return addrModify(ctx, ns, 'delete', rest, g.family === 'inet', usage, 'iproute2');
    for (const k of ['flush', 'save', 'showdump', 'restore']) if (matches(cmd, k)) return notSimulated(`address ${k}`);
    if (matches(cmd, 'help')) return usage();
    return stderr(`Command "${cmd}" is unknown, try "ip address help".\n`, 255);
  }
  const o = parseShow(cmd === undefined ? [] : rest, { ...(g.family ? { family: g.family } : {}), brief: g.brief, oneline: g.oneline });
  if (isOutput(o)) return o;
  const missing = devMissing(w, ns, o);
  if (missing) return missing;
  return stdout(ipAddrText(w, ns, o));
}

function ipLink(ctx: CommandContext, ns: NetnsId, g: Globals, argv: readonly string[]): CommandOutput {
  const w = ctx.world;
  const [cmd, ...rest] = argv;
  if (cmd !== undefined) {
    // do_iplink's order: add, set/change, replace, delete.
    if (matches(cmd, 'add')) return notSimulated('link add');
    if (matches(cmd, 'set') || matches(cmd, 'change')) return linkSet(ctx, ns, rest, usage);
    for (const k of ['replace', 'delete']) if (matches(cmd, k)) return notSimulated(`link ${k}`);
    if (!['show', 'lst', 'list'].some((k) => matches(cmd, k))) {
      if (['xstats', 'afstats', 'property'].some((k) => matches(cmd, k))) return notSimulated(`link ${cmd}`);
      if (matches(cmd, 'help')) return usage();
      return stderr(`Command "${cmd}" is unknown, try "ip link help".\n`, 255);
    }
  }
  const o = parseShow(cmd === undefined ? [] : rest, { brief: g.brief, oneline: g.oneline });
  if (isOutput(o)) return o;
  const missing = devMissing(w, ns, o);
  if (missing) return missing;
  return stdout(ipLinkText(w, ns, o));
}

function ipRoute(ctx: CommandContext, ns: NetnsId, g: Globals, argv: readonly string[]): CommandOutput {
  const w = ctx.world;
  const [cmd, ...rest] = argv;
  if (cmd !== undefined) {
    // do_iproute's order: add, change/chg, replace, prepend, append, test, delete.
    const inet = g.family === 'inet';
    if (matches(cmd, 'add')) return routeModify(ctx, ns, 'add', rest, inet, usage, 'iproute2');
    for (const k of ['change', 'replace', 'prepend', 'append', 'test', 'delete']) {
      if (!(matches(cmd, k) || (k === 'change' && cmd === 'chg'))) continue;
      if (k === 'replace' || k === 'delete') return routeModify(ctx, ns, k, rest, inet, usage, 'iproute2');
      return notSimulated(`route ${k}`);
    }
    if (matches(cmd, 'get')) return ipRouteGet(w, ns, rest);
    if (!['list', 'show', 'lst'].some((k) => matches(cmd, k))) {
      if (['flush', 'save', 'restore', 'showdump'].some((k) => matches(cmd, k))) return notSimulated(`route ${cmd}`);
      if (matches(cmd, 'help')) return usage();
      return stderr(`Command "${cmd}" is unknown, try "ip route help".\n`, 255);
    }
  }
  let dev: string | undefined;
  let only: string | undefined;
  const sel = cmd === undefined ? [] : rest;
  for (let k = 0; k < sel.length; k++) {
    const a = sel[k] ?? '';
    if (a === 'dev' || a === 'oif') {
      dev = sel[++k];
      if (dev === undefined) return stderr('Command line is not complete. Try option "help"\n', 255);
      if (!w.netns.get(ns)?.byName.has(dev)) return stderr(`Cannot find device "${dev}"\n`, 1);
    } else if (a === 'table' && ['main', '254'].includes(sel[k + 1] ?? '')) k++;
    else if (a === 'default' || /^\d+\.\d+\.\d+\.\d+(\/\d+)?$/.test(a)) only = a;
    else return stderr(`Error: any valid prefix is expected rather than "${a}".\n`, 1);
  }
  const text = g.family === 'inet6' ? ipRoute6Text(w, ns, dev) : ipRouteText(w, ns, dev);
  if (only === undefined) return stdout(text);
  // A bare prefix selects that exact destination (iproute2's default `root`/`exact` match is close enough here).
  return stdout(text.split('\n').filter((l) => l.startsWith(`${only} `)).map((l) => `${l}\n`).join(''));
}

function ipRouteGet(w: World, ns: NetnsId, argv: readonly string[]): CommandOutput {
  let target: string | undefined;
  let warn = '';
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k] ?? '';
    if (['from', 'iif', 'oif', 'dev', 'mark', 'tos', 'uid', 'sport', 'dport', 'ipproto', 'vrf'].some((x) => a === x || (x !== 'dev' && matches(a, x)))) {
      k++;
      continue;
    }
    if (matches(a, 'connected') || matches(a, 'fibmatch') || matches(a, 'notify')) continue;
    const word = a === 'to' ? argv[++k] ?? '' : a;
    if (matches(word, 'help')) return usage();
    const t = parseGetTarget(word);
    if (!t) return stderr(`Error: any valid prefix is expected rather than "${word}".\n`, 1);
    if (t.bits !== 32) warn = `Warning: /${t.bits} as prefix is invalid, only /32 (or none) is supported.\n`;
    target = t.ip;
  }
  if (target === undefined) return stderr('need at least a destination address\n', 1);
  const r = lookup(w, ns, target);
  if (r.kind === 'unreachable') return stderr(`${warn}RTNETLINK answers: Network is unreachable\n`, 2);
  const text = ipRouteGetText(w, r);
  return warn ? { out: [{ stream: 'err', text: warn }, { stream: 'out', text }], exitCode: 0 } : stdout(text);
}

/**
 * `ip netns` lists /var/run/netns. Docker never links its namespaces there (they are bind mounts
 * under /var/run/docker/netns, named after the sandbox id), so on a Docker host the list is empty.
 */
function ipNetns(argv: readonly string[]): CommandOutput {
  const [cmd, name] = argv;
  if (cmd === undefined || ['list', 'show', 'lst'].some((k) => matches(cmd, k))) return stdout('');
  if (matches(cmd, 'list-id')) return stdout('');
  if (matches(cmd, 'exec') || matches(cmd, 'pids')) {
    if (name === undefined) return stderr('No netns name specified\n', 255);
    return stderr(`Cannot open network namespace "${name}": No such file or directory\n`, 1);
  }
  if (['add', 'attach', 'set', 'delete', 'identify', 'monitor'].some((k) => matches(cmd, k))) return notSimulated(`netns ${cmd}`);
  if (matches(cmd, 'help')) return usage();
  return stderr(`Command "${cmd}" is unknown, try "ip netns help".\n`, 255);
}
