import type { Process } from '../../engine/net/types';
import type { World } from '../../engine/world';
import { EPOCH_MS } from '../../engine/createWorld';
import { busyboxPs, psAux, psEf, psShort, rowOf, type PsRow } from '../format/psList';
import { shellContainer, shellImage, stderr, stdout } from '../format/shellContext';
import type { CommandOutput, CommandSpec, Shell } from '../types';

const PROCPS_USAGE = `
Usage:
 ps [options]

 Try 'ps --help <simple|list|output|threads|misc|all>'
  or 'ps --help <s|l|o|t|m|a>'
 for additional help text.

For more details see ps(1).
`;

/**
 * `ps`: procps-ng on the host (and in ubuntu/python/node images), BusyBox's applet in
 * alpine/busybox, absent from Debian slim images (nginx, redis… — dispatch says not found).
 * Inside a container ps sees its PID namespace: the main process is PID 1 and other containers,
 * even one sharing the network namespace (`container:X`), are invisible.
 * Approximations: the student's login shell and `ps` itself are shown with the next free PIDs
 * (the model does not track them), and CPU/memory figures are fixed per program.
 */
export const ps: CommandSpec = {
  path: ['ps'],
  usage: 'ps [options]',
  short: 'report a snapshot of the current processes',
  flags: [],
  args: { min: 0 },
  rawArgs: true,
  where: ['host', 'container'],
  tool: 'ps',
  run(ctx, flags): CommandOutput {
    const argv = flags.args;
    const self = ['ps', ...argv].join(' ');
    const boot = EPOCH_MS;
    if (ctx.shell.at === 'container') {
      const rows = containerRows(ctx.world, ctx.shell, boot, self);
      if (shellImage(ctx.world, ctx.shell)?.tools.ps === 'busybox') return stdout(busyboxPs(rows));
      return procps(argv, rows, rows.filter((r) => r.tty !== '?'));
    }
    const w = ctx.world;
    const rows = [...w.processes.values()].sort((a, b) => a.pid - b.pid).map((p) => rowOf(w, p, boot));
    // The console is root's ssh login on pts/0: its bash and this ps run there.
    const now = new Date(w.clock).toISOString().slice(11, 16);
    const bash: PsRow = { user: 'root', pid: w.nextPid, ppid: 1, tty: 'pts/0', stat: 'Ss', start: now, time: 0, vsz: 7204, rss: 4224, cmd: '-bash' };
    const me: PsRow = { user: 'root', pid: w.nextPid + 1, ppid: w.nextPid, tty: 'pts/0', stat: 'R+', start: now, time: 0, vsz: 11084, rss: 4608, cmd: self };
    return procps(argv, [...rows, bash, me], [bash, me]);
  },
};

/** The container's processes as its PID namespace numbers them, then `ps` itself. */
function containerRows(w: World, shell: Extract<Shell, { at: 'container' }>, boot: number, self: string): PsRow[] {
  const c = shellContainer(w, shell);
  const own = [...w.processes.values()].filter((p: Process) => p.containerId === shell.id).sort((a, b) => a.pid - b.pid);
  const rows = own.map((p, n) => {
    const r = rowOf(w, p, boot);
    return { ...r, pid: p.pid === c?.pid ? 1 : n + 2, ppid: p.pid === c?.pid ? 0 : 1, tty: c?.tty && p.pid === c.pid ? 'pts/0' : '?' };
  });
  const now = new Date(w.clock).toISOString().slice(11, 16);
  // runc's exec'd processes get the next PIDs of the namespace; 7 is what a fresh container shows.
  const pid = Math.max(7, ...rows.map((r) => r.pid + 1));
  rows.push({ user: 'root', pid, ppid: 0, tty: c?.tty ? 'pts/0' : '?', stat: c?.tty ? 'R+' : 'Rs', start: now, time: 0, vsz: 8092, rss: 4096, cmd: self });
  return rows;
}

/**
 * procps option handling for the forms students type: BSD `aux`/`ax`/`-aux`, System V
 * `-ef`/`-e`/`-A`/`-f`; anything else is refused with procps's usage.
 */
function procps(argv: readonly string[], all: readonly PsRow[], mine: readonly PsRow[]): CommandOutput {
  let every = false;
  let user = false;
  let full = false;
  for (const a of argv) {
    const sysv = a.startsWith('-');
    const letters = sysv ? a.slice(1) : a;
    if (a === '--help') return stdout(PROCPS_USAGE.slice(1));
    for (const ch of letters) {
      if (ch === 'a' || ch === 'x' || ch === 'e' || ch === 'A') every = true;
      else if (ch === 'u' && !sysv) user = true;
      else if (ch === 'u' && sysv && letters === 'aux') user = true;
      else if (ch === 'f' && sysv) full = true;
      else if (ch === 'w') continue;
      else return stderr(`error: unsupported ${sysv ? 'SysV' : 'BSD'} option\n${PROCPS_USAGE}`, 1);
    }
  }
  const rows = every ? all : mine;
  if (user) return stdout(psAux(rows));
  if (full) return stdout(psEf(rows));
  return stdout(psShort(rows));
}
