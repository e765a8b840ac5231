/**
 * The state-changing `ip` commands: `ip link set DEV up|down`, `ip route add|replace|del`,
 * `ip addr add|del`, for iproute2 6.15 (ip/iplink.c iplink_parse, ip/iproute.c iproute_modify,
 * ip/ipaddress.c ipaddr_modify, lib/utils.c) and BusyBox 1.36 (networking/libiproute). The
 * kernel's side is engine/net/manual.ts.
 *
 * Permission: rtnetlink changes need CAP_NET_ADMIN in the namespace's owning user namespace
 * (netlink_net_capable). The host's console is root; the laptop's user is `student`, who gets it
 * only through `sudo` (the lab's laptop lets `sudo` through without a password prompt, as with a
 * cached sudo timestamp); a container has it only with `--cap-add NET_ADMIN` (or ALL) or
 * `--privileged` (Docker's default set has NET_RAW but not NET_ADMIN). The check happens when the
 * request reaches the kernel, so iproute2's own parse errors and `Cannot find device` come first.
 * BusyBox's `ip link set` uses ioctls (SIOCGIFFLAGS, then SIOCSIFFLAGS only when the flags
 * change), so setting a link to the state it already has succeeds even without the capability.
 */
import type { IfaceId, NetnsId } from '../../engine/ids';
import { addrAdd, addrDel, routeAdd, routeDel, setLinkUp, type Changed, type RouteSpec } from '../../engine/net/manual';
import { broadcastFor, parseCidr, parseIp, type Prefix } from '../../engine/net/ipv4';
import type { Result } from '../../engine/result';
import type { World } from '../../engine/world';
import { stderr } from '../format/shellContext';
import type { CommandContext, CommandOutput } from '../types';

/** Whether the shell's user holds CAP_NET_ADMIN over its network namespace. */
export function netAdmin(ctx: CommandContext): boolean {
  const s = ctx.shell;
  if (s.at === 'host') return true;
  if (s.at === 'laptop') return ctx.sudo === true;
  const c = ctx.world.docker.containers.get(s.id);
  return !!c && (c.privileged === true || (c.capAdd ?? []).some((k) => k === 'CAP_NET_ADMIN' || k === 'ALL'));
}

const STRERROR: Readonly<Record<string, string>> = {
  EPERM: 'Operation not permitted',
  EEXIST: 'File exists',
  ESRCH: 'No such process',
  ENETUNREACH: 'Network is unreachable',
  ENETDOWN: 'Network is down',
  ENODEV: 'No such device',
  EINVAL: 'Invalid argument',
  EADDRNOTAVAIL: 'Cannot assign requested address',
};

export type Flavor = 'iproute2' | 'busybox';

/** lib/libnetlink.c: the extended ack's message when there is one, else perror's text. BusyBox: always perror. */
function nlError(flavor: Flavor, errno: string, msg?: string): CommandOutput {
  if (flavor === 'iproute2' && msg) return stderr(`Error: ${msg}.\n`, 2);
  const text = `RTNETLINK answers: ${STRERROR[errno] ?? errno}`;
  return stderr(flavor === 'busybox' ? `ip: ${text}\n` : `${text}\n`, 2);
}

function apply(ctx: CommandContext, flavor: Flavor, op: () => Result<Changed>): CommandOutput {
  if (!netAdmin(ctx)) return nlError(flavor, 'EPERM');
  const r = op();
  if (!r.ok) return nlError(flavor, String(r.error.data.errno ?? 'EINVAL'), r.error.data.msg === undefined ? undefined : String(r.error.data.msg));
  return { world: r.value.world, events: r.value.events, out: [], exitCode: 0 };
}

const incomplete = (): CommandOutput => stderr('Command line is not complete. Try option "help"\n', 255);
const notSimulated = (flavor: Flavor, what: string): CommandOutput =>
  stderr(`${flavor === 'busybox' ? 'ip: ' : ''}ip ${what}: not simulated in this lab\n`, 1);

function devId(w: World, ns: NetnsId, name: string): IfaceId | undefined {
  return w.netns.get(ns)?.byName.get(name);
}

/** iproute2 `matches`: a non-empty prefix of the keyword. */
const matches = (word: string, keyword: string): boolean => word !== '' && keyword.startsWith(word);

// ---------------------------------------------------------------------------------------------
// ip link set

/** `ip link set|change ARGS` (iplink_parse: a bare word is the device; a second one is garbage). */
export function linkSet(ctx: CommandContext, ns: NetnsId, argv: readonly string[], usage: () => CommandOutput): CommandOutput {
  let dev: string | undefined;
  let up: boolean | undefined;
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k] ?? '';
    if (a === 'up') up = true;
    else if (a === 'down') up = false;
    else if (['name', 'mtu', 'address', 'broadcast', 'brd', 'peer', 'netns', 'master', 'nomaster', 'promisc', 'arp', 'multicast', 'allmulticast', 'txqueuelen', 'txqlen', 'qlen', 'alias', 'group', 'vrf', 'type'].includes(a) || matches(a, 'mtu')) {
      return notSimulated('iproute2', `link set ${a}`);
    } else {
      if (matches(a, 'help')) return usage();
      let name = a;
      if (a === 'dev') {
        const v = argv[++k];
        if (v === undefined) return incomplete();
        name = v;
      }
      if (dev !== undefined) return stderr(`Error: either "dev" is duplicate, or "${name}" is garbage.\n`, 255);
      dev = name;
    }
  }
  if (dev === undefined) return stderr('Not enough information: "dev" argument is required.\n', 255);
  const id = devId(ctx.world, ns, dev);
  if (!id) return stderr(`Cannot find device "${dev}"\n`, 1);
  if (up === undefined) return netAdmin(ctx) ? { out: [], exitCode: 0 } : nlError('iproute2', 'EPERM');
  return apply(ctx, 'iproute2', () => setLinkUp(ctx.world, id, up));
}

/** BusyBox `ip link set`: SIOCGIFFLAGS, then SIOCSIFFLAGS when the flags change. */
export function bbLinkSet(ctx: CommandContext, ns: NetnsId, argv: readonly string[]): CommandOutput {
  let dev: string | undefined;
  let up: boolean | undefined;
  const die = (m: string): CommandOutput => stderr(`ip: ${m}\n`, 1);
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k] ?? '';
    if (a === 'up') up = true;
    else if (a === 'down') up = false;
    else if (['name', 'mtu', 'qlen', 'multicast', 'arp', 'promisc', 'address', 'netns', 'master', 'nomaster'].some((x) => x.startsWith(a) && a !== '' && a !== 'dev' && !'dev'.startsWith(a))) {
      return notSimulated('busybox', `link set ${a}`);
    } else {
      let name = a;
      if (a === 'dev') {
        const v = argv[++k];
        if (v === undefined) return die(`option requires an argument -- 'dev'`);
        name = v;
      }
      if (dev !== undefined) return die(`either "dev" is duplicate, or "${name}" is garbage`);
      dev = name;
    }
  }
  if (dev === undefined) return die('"dev" requires an argument');
  const id = devId(ctx.world, ns, dev);
  if (!id) return die('SIOCGIFFLAGS: No such device');
  const iface = ctx.world.ifaces.get(id);
  if (up === undefined || iface?.up === up) return { out: [], exitCode: 0 };
  if (!netAdmin(ctx)) return die('SIOCSIFFLAGS: Operation not permitted');
  const r = setLinkUp(ctx.world, id, up);
  if (!r.ok) return die(`SIOCSIFFLAGS: ${STRERROR[String(r.error.data.errno)] ?? 'Invalid argument'}`);
  return { world: r.value.world, events: r.value.events, out: [], exitCode: 0 };
}

// ---------------------------------------------------------------------------------------------
// ip route add|replace|del

/** get_prefix_1 for IPv4: default/all/any, ADDR (a /32) or ADDR/LEN. */
function parsePrefix(arg: string): Prefix | null {
  if (arg === 'default' || arg === 'all' || arg === 'any') return { addr: 0, bits: 0 };
  if (!arg.includes('/')) {
    const n = parseIp(arg);
    return n === null ? null : { addr: n, bits: 32 };
  }
  return parseCidr(arg);
}

type RouteCmd = 'add' | 'replace' | 'delete';

/**
 * iproute_modify: keywords in its order of checks; a bare word is the destination (a route type
 * such as `blackhole` before it is not simulated). The family starts unspecified ("any valid")
 * unless -4 was given, and becomes inet with the first IPv4 address or prefix read.
 */
export function routeModify(ctx: CommandContext, ns: NetnsId, cmd: RouteCmd, argv: readonly string[], inet: boolean, usage: () => CommandOutput, flavor: Flavor): CommandOutput {
  let family = inet ? 'inet' : 'any valid';
  let dst: Prefix | undefined;
  let via: string | undefined;
  let dev: string | undefined;
  let metric: number | undefined;
  const bb = flavor === 'busybox';
  const badPrefix = (a: string): CommandOutput => (bb ? stderr(`ip: an inet prefix is expected rather than "${a}"\n`, 1) : stderr(`Error: ${family} prefix is expected rather than "${a}".\n`, 1));
  const badAddr = (a: string): CommandOutput => (bb ? stderr(`ip: an inet address is expected rather than "${a}"\n`, 1) : stderr(`Error: ${family} address is expected rather than "${a}".\n`, 1));
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k] ?? '';
    const next = (): string | undefined => argv[++k];
    if (a === 'via') {
      if (via !== undefined && !bb) return stderr(`Error: argument "via" is wrong: use nexthop syntax to specify multiple via\n\n`, 255);
      let v = next();
      if (v === 'inet') v = next();
      if (v === undefined) return bb ? stderr(`ip: option requires an argument -- 'via'\n`, 1) : incomplete();
      if (v.includes(':')) return notSimulated(flavor, 'route via an IPv6 gateway');
      if (parseIp(v) === null) return badAddr(v);
      via = v;
      family = 'inet';
    } else if (a === 'dev' || a === 'oif') {
      const v = next();
      if (v === undefined) return bb ? stderr(`ip: option requires an argument -- '${a}'\n`, 1) : incomplete();
      dev = v;
    } else if (matches(a, 'metric') || matches(a, 'priority') || matches(a, 'preference')) {
      const v = next();
      if (v === undefined) return bb ? stderr(`ip: option requires an argument -- 'metric'\n`, 1) : incomplete();
      // get_u32 with base 0 (decimal, 0x hex or 0 octal; the lab reads decimal).
      if (!/^\d+$/.test(v) || Number(v) > 0xffffffff) return bb ? stderr(`ip: invalid argument '${v}' to 'metric'\n`, 1) : stderr(`Error: argument "${v}" is wrong: "metric" value is invalid\n\n`, 255);
      metric = Number(v);
    } else if (a === 'table') {
      const v = next();
      if (v === undefined) return incomplete();
      if (v !== 'main' && v !== '254') return notSimulated(flavor, `route ${cmd} table ${v}`);
    } else if (['src', 'from', 'scope', 'proto', 'protocol', 'mtu', 'advmss', 'nexthop', 'nhid', 'onlink', 'realm', 'realms', 'tos', 'dsfield', 'expires', 'encap', 'as', 'window', 'rtt', 'initcwnd', 'hoplimit', 'pref'].includes(a)) {
      return notSimulated(flavor, `route ${cmd} … ${a}`);
    } else {
      let word = a;
      if (a === 'to') {
        const v = next();
        if (v === undefined) return incomplete();
        word = v;
      }
      if (['unicast', 'local', 'broadcast', 'multicast', 'throw', 'unreachable', 'prohibit', 'blackhole', 'nat', 'anycast'].includes(word)) {
        if (word !== 'unicast') return notSimulated(flavor, `route ${cmd} ${word}`);
        const v = next();
        if (v === undefined) return incomplete();
        word = v;
      }
      if (!bb && matches(word, 'help')) return usage();
      if (dst !== undefined) return bb ? stderr(`ip: either "to" is duplicate, or "${word}" is garbage\n`, 1) : stderr(`Error: either "to" is duplicate, or "${word}" is garbage.\n`, 255);
      if (word.includes(':')) return notSimulated(flavor, 'route (IPv6 routes)');
      const p = parsePrefix(word);
      if (!p) return badPrefix(word);
      dst = p;
      if (p.bits !== 0 || word !== 'default') family = 'inet';
    }
  }
  if (dst === undefined) return bb ? stderr('ip: need at least a destination address\n', 1) : usage();
  let id: IfaceId | undefined;
  if (dev !== undefined) {
    id = devId(ctx.world, ns, dev);
    if (!id) return bb ? stderr(`ip: can't find device '${dev}'\n`, 1) : stderr(`Cannot find device "${dev}"\n`, 1);
  }
  const spec: RouteSpec = { dst, ...(via !== undefined ? { via } : {}), ...(id ? { dev: id } : {}), ...(metric !== undefined ? { metric } : {}) };
  return apply(ctx, flavor, () => (cmd === 'delete' ? routeDel(ctx.world, ns, spec) : routeAdd(ctx.world, ns, spec, cmd)));
}

// ---------------------------------------------------------------------------------------------
// ip addr add|del

/**
 * ipaddr_modify: `[local] ADDR[/LEN] dev DEV [brd +|-|ADDR] [label L]`. Without `brd` iproute2
 * sends no broadcast at all (unlike Docker's netlink library, which computes one).
 */
export function addrModify(ctx: CommandContext, ns: NetnsId, cmd: 'add' | 'delete', argv: readonly string[], inet: boolean, usage: () => CommandOutput, flavor: Flavor): CommandOutput {
  const family = inet ? 'inet' : 'any valid';
  const bb = flavor === 'busybox';
  let local: { ip: string; bits?: number; arg: string } | undefined;
  let dev: string | undefined;
  let brd: string | undefined;
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k] ?? '';
    const next = (): string | undefined => argv[++k];
    if (a === 'dev') {
      const v = next();
      if (v === undefined) return bb ? stderr(`ip: option requires an argument -- 'dev'\n`, 1) : incomplete();
      dev = v;
    } else if (a === 'brd' || matches(a, 'broadcast')) {
      const v = next();
      if (v === undefined) return incomplete();
      brd = v;
    } else if (a === 'label') {
      if (next() === undefined) return incomplete();
    } else if (['peer', 'remote', 'scope', 'valid_lft', 'preferred_lft', 'metric', 'priority', 'proto', 'anycast', 'noprefixroute', 'secondary', 'home', 'nodad', 'autojoin', 'mngtmpaddr', 'optimistic', 'dadfailed', 'tentative', 'permanent'].includes(a)) {
      return notSimulated(flavor, `address ${cmd} … ${a}`);
    } else {
      let word = a;
      if (a === 'local') {
        const v = next();
        if (v === undefined) return incomplete();
        word = v;
      }
      if (!bb && matches(word, 'help')) return usage();
      if (local !== undefined) return bb ? stderr(`ip: either "local" is duplicate, or "${word}" is garbage\n`, 1) : stderr(`Error: either "local" is duplicate, or "${word}" is garbage.\n`, 255);
      if (word.includes(':')) return notSimulated(flavor, 'address (IPv6 addresses)');
      const [ip = '', bitsText] = word.split('/');
      const bits = bitsText === undefined ? undefined : /^\d+$/.test(bitsText) && Number(bitsText) <= 32 ? Number(bitsText) : NaN;
      if (parseIp(ip) === null || Number.isNaN(bits)) return bb ? stderr(`ip: an inet prefix is expected rather than "${word}"\n`, 1) : stderr(`Error: ${family} prefix is expected rather than "${word}".\n`, 1);
      local = { ip, ...(bits !== undefined ? { bits } : {}), arg: word };
    }
  }
  if (dev === undefined) return bb ? stderr('ip: need "dev" argument\n', 1) : stderr('Not enough information: "dev" argument is required.\n', 1);
  let warn = '';
  if (local && local.bits === undefined && cmd === 'delete' && !bb) {
    warn = `Warning: Executing wildcard deletion to stay compatible with old scripts.\n         Explicitly specify the prefix length (${local.arg}/32) to avoid this warning.\n         This special behaviour is likely to disappear in further releases,\n         fix your scripts!\n`;
  }
  const bits = local?.bits ?? 32;
  let brdIp: string | undefined;
  if (brd !== undefined && local) {
    if (brd === '+') brdIp = bits <= 30 ? broadcastFor(local.ip, bits) : undefined;
    else if (brd === '-') brdIp = undefined;
    else if (parseIp(brd) !== null) brdIp = brd;
    else return bb ? stderr(`ip: an inet address is expected rather than "${brd}"\n`, 1) : stderr(`Error: inet address is expected rather than "${brd}".\n`, 1);
  }
  const id = devId(ctx.world, ns, dev);
  if (!id) return { out: [...(warn ? [{ stream: 'err' as const, text: warn }] : []), { stream: 'err', text: bb ? `ip: can't find device '${dev}'\n` : `Cannot find device "${dev}"\n` }], exitCode: 1 };
  const r = apply(ctx, flavor, () => {
    if (!local && cmd === 'add') return { ok: false, error: { code: 'netlink-error', data: { errno: 'EINVAL', msg: 'ipv4: Local address is not supplied' } } };
    // inet_rtm_deladdr with no IFA_LOCAL matches the device's first address.
    if (!local) {
      const first = ctx.world.ifaces.get(id)?.addrs[0];
      if (!first) return { ok: false, error: { code: 'netlink-error', data: { errno: 'EADDRNOTAVAIL', msg: 'ipv4: Address not found' } } };
      return addrDel(ctx.world, id, first.ip, first.prefix);
    }
    return cmd === 'add' ? addrAdd(ctx.world, id, { ip: local.ip, prefix: bits, ...(brdIp ? { brd: brdIp } : {}) }) : addrDel(ctx.world, id, local.ip, local.bits);
  });
  return warn ? { ...r, out: [{ stream: 'err', text: warn }, ...r.out] } : r;
}
