import { ssText, type SsOptions } from '../format/ss';
import { shellNetns, stderr, stdout } from '../format/shellContext';
import type { CommandOutput, CommandSpec } from '../types';

/** ss's long options and the short letter each stands for (misc/ss.c long_opts). */
const LONG: Readonly<Record<string, string>> = {
  tcp: 't', udp: 'u', listening: 'l', all: 'a', numeric: 'n', processes: 'p', ipv4: '4', ipv6: '6', 'no-header': 'H', 'no-queues': 'Q',
  help: 'h', version: 'V', resolve: 'r', extended: 'e', options: 'o', memory: 'm', info: 'i', summary: 's', unix: 'x', raw: 'w',
  threads: 'T', oneline: 'O', packet: '0', dccp: 'd', sctp: 'S', mptcp: 'M', family: 'f', events: 'E', kill: 'K',
};
/** getopt's option string of ss 6.15 (letters taking a value are followed by ':'). */
const SHORT = 'dhalBetuwxnro460spTbEf:mMiA:D:F:vVzZN:KHQSO';

const USAGE = `Usage: ss [ OPTIONS ]
       ss [ OPTIONS ] [ FILTER ]
   -h, --help          this message
   -V, --version       output version information
   -n, --numeric       don't resolve service names
   -r, --resolve       resolve host names
   -a, --all           display all sockets
   -l, --listening     display listening sockets
   -o, --options       show timer information
   -e, --extended      show detailed socket information
   -p, --processes     show process using socket
   -t, --tcp           display only TCP sockets
   -u, --udp           display only UDP sockets
   -4, --ipv4          display only IP version 4 sockets
   -6, --ipv6          display only IP version 6 sockets
   -H, --no-header     Suppress header line
   -Q, --no-queues     Suppress sending and receiving queue columns
`;

/**
 * `ss` (iproute2 6.15): the host's listening sockets — docker-proxy, sshd, host-mode servers —
 * or a container's own when its image ships iproute2. getopt rules: letters combine (`-tulpn`);
 * an unknown one prints getopt's complaint and the usage (exit 255). Filters (`sport = :80`)
 * are supported for the source port only. The usage text is abridged to the options the lab has.
 */
export const ss: CommandSpec = {
  path: ['ss'],
  usage: 'ss [ OPTIONS ] [ FILTER ]',
  short: 'another utility to investigate sockets',
  flags: [],
  args: { min: 0 },
  rawArgs: true,
  where: ['host', 'container', 'laptop'],
  tool: 'ss',
  run(ctx, flags): CommandOutput {
    const set = new Set<string>();
    const filter: string[] = [];
    for (const a of flags.args) {
      if (a.startsWith('--')) {
        const name = a.slice(2).split('=')[0] ?? '';
        const letter = LONG[name];
        if (!letter) return stderr(`ss: unrecognized option '${a}'\n${USAGE}`, 255);
        set.add(letter);
      } else if (a.startsWith('-') && a.length > 1) {
        for (const ch of a.slice(1)) {
          if (!SHORT.includes(ch) || ch === ':') return stderr(`ss: invalid option -- '${ch}'\n${USAGE}`, 255);
          set.add(ch);
        }
      } else filter.push(a);
    }
    if (set.has('h')) return stdout(USAGE);
    if (set.has('V')) return stdout('ss utility, iproute2-6.15.0\n');
    for (const ch of ['s', 'x', 'w', '0', 'd', 'S', 'M', 'K', 'E', 'f', 'A', 'D', 'F', 'N']) {
      if (set.has(ch)) return stderr(`ss: -${ch} is not simulated in this lab\n`, 1);
    }
    let port: number | undefined;
    if (filter.length) {
      const m = /^\(?\s*sport\s*(?:=|==|eq)?\s*:(\d+)\s*\)?$/.exec(filter.join(' '));
      if (!m) return stderr(`ss: filter "${filter.join(' ')}" is not simulated in this lab (only "sport = :PORT")\n`, 1);
      port = Number(m[1]);
    }
    const both = !set.has('t') && !set.has('u');
    const o: SsOptions = {
      tcp: both || set.has('t'),
      udp: both || set.has('u'),
      listening: set.has('l'),
      all: set.has('a'),
      numeric: set.has('n'),
      processes: set.has('p'),
      ...(set.has('4') && !set.has('6') ? { family: 'inet' as const } : set.has('6') && !set.has('4') ? { family: 'inet6' as const } : {}),
      noHeader: set.has('H'),
      noQueues: set.has('Q'),
      ...(port !== undefined ? { port } : {}),
    };
    const ns = shellNetns(ctx.world, ctx.shell);
    if (!ns) return stdout('');
    const c = ctx.shell.at === 'container' ? ctx.world.docker.containers.get(ctx.shell.id) : undefined;
    // Inside a container ss -p names processes by their PID in the container's PID namespace.
    const pidOf = (pid: number) => (c && pid === c.pid ? 1 : pid);
    return stdout(ssText(ctx.world, ns, o, { pidOf }));
  },
};
