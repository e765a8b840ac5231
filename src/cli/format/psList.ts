/**
 * Process listings: procps-ng 4.0 (`ps aux`, `ps -ef`, `ps`) on the host and in Debian/Ubuntu
 * images that ship it, BusyBox `ps` in alpine/busybox. The processes and their parents come
 * from World.processes; what the model does not track (memory, CPU time, states) takes fixed,
 * plausible values per program so the same world always prints the same listing.
 */
import type { ContainerId } from '../../engine/ids';
import type { Process } from '../../engine/net/types';
import type { World } from '../../engine/world';

/** The task name (`comm`, 15 characters) the kernel reports, from the command line. */
export function commOf(cmd: string): string {
  const words = cmd.split(' ').filter(Boolean);
  let first = words[0] ?? '';
  // Image entrypoint scripts exec the real program, which then owns the process.
  if (/docker-entrypoint\.sh$/.test(first) && words[1]) first = words[1];
  const base = (first.split('/').pop() ?? first).replace(/:$/, '');
  return base.slice(0, 15);
}

/**
 * The command line ps reads from /proc/PID/cmdline: entrypoint scripts exec the real program,
 * and some programs rewrite their title (nginx's setproctitle, redis's "*:6379"), as on a real host.
 */
export function displayCmd(cmd: string): string {
  const c = cmd.replace(/^\S*docker-entrypoint\.sh /, '');
  if (/^nginx( |$)/.test(c)) return `nginx: master process ${c}`;
  if (c === 'httpd-foreground') return 'httpd -DFOREGROUND';
  if (c === 'redis-server') return 'redis-server *:6379';
  return c;
}

interface Look {
  readonly vsz: number;
  readonly rss: number;
  readonly stat: string;
  readonly time: number; // CPU seconds
}

/** Typical sizes (kB) and states of these programs on a small Debian VM. */
const LOOKS: Readonly<Record<string, Look>> = {
  init: { vsz: 168008, rss: 12896, stat: 'Ss', time: 1 },
  'systemd-journal': { vsz: 41260, rss: 15104, stat: 'Ss', time: 0 },
  'systemd-udevd': { vsz: 26940, rss: 7168, stat: 'Ss', time: 0 },
  sshd: { vsz: 11996, rss: 7808, stat: 'Ss', time: 0 },
  containerd: { vsz: 1875648, rss: 46720, stat: 'Ssl', time: 1 },
  dockerd: { vsz: 2322764, rss: 83396, stat: 'Ssl', time: 2 },
  'docker-proxy': { vsz: 1745624, rss: 3840, stat: 'Sl', time: 0 },
  'containerd-shim': { vsz: 1238752, rss: 13312, stat: 'Sl', time: 0 },
  nginx: { vsz: 11404, rss: 7424, stat: 'Ss', time: 0 },
  httpd: { vsz: 5712, rss: 4352, stat: 'Ss', time: 0 },
  'redis-server': { vsz: 139908, rss: 11776, stat: 'Ssl', time: 0 },
  postgres: { vsz: 216404, rss: 28932, stat: 'Ss', time: 0 },
  mysqld: { vsz: 1822340, rss: 402944, stat: 'Ssl', time: 1 },
  python3: { vsz: 13200, rss: 9216, stat: 'Ss', time: 0 },
  python: { vsz: 13200, rss: 9216, stat: 'Ss', time: 0 },
  node: { vsz: 1002908, rss: 45312, stat: 'Ssl', time: 0 },
  bash: { vsz: 4608, rss: 3584, stat: 'Ss', time: 0 },
  sh: { vsz: 1712, rss: 1024, stat: 'Ss', time: 0 },
  sleep: { vsz: 1612, rss: 896, stat: 'Ss', time: 0 },
};
const DEFAULT_LOOK: Look = { vsz: 2480, rss: 1280, stat: 'Ss', time: 0 };
/** MemTotal of the lab's VM (4 GB), for %MEM. */
const MEM_TOTAL_KB = 4005888;

function look(p: Process): Look {
  return LOOKS[commOf(p.cmd)] ?? DEFAULT_LOOK;
}

/** One row of the listing, as a column-independent record. */
export interface PsRow {
  readonly user: string;
  readonly pid: number;
  readonly ppid: number;
  readonly tty: string;
  readonly stat: string;
  readonly start: string; // HH:MM
  readonly time: number;
  readonly vsz: number;
  readonly rss: number;
  readonly cmd: string;
}

function hhmm(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}

/** When a process started: its container's start, or the host's boot (the lab's first clock). */
function startOf(w: World, p: Process, boot: number): number {
  const owner = p.containerId ? w.docker.containers.get(p.containerId as ContainerId) : undefined;
  if (owner) return owner.startedAt || boot;
  for (const c of w.docker.containers.values()) {
    if (c.ports.some((b) => b.proxyPid === p.pid) || p.cmd.includes(` -id ${c.id} `)) return c.startedAt || boot;
  }
  return boot;
}

/** Container main processes with a terminal (-t) sit on a pty; pts/0 is the student's own login. */
function ttyOf(w: World, p: Process): string {
  const c = p.containerId ? w.docker.containers.get(p.containerId as ContainerId) : undefined;
  if (!c?.tty || c.pid !== p.pid) return '?';
  const ttys = [...w.docker.containers.values()].filter((x) => x.tty && x.state === 'running').sort((a, b) => a.pid - b.pid);
  return `pts/${ttys.findIndex((x) => x.id === c.id) + 1}`;
}

export function rowOf(w: World, p: Process, boot: number): PsRow {
  const l = look(p);
  const tty = ttyOf(w, p);
  return { user: p.user, pid: p.pid, ppid: p.ppid, tty, stat: tty === '?' ? l.stat : `${l.stat}+`, start: hhmm(startOf(w, p, boot)), time: l.time, vsz: l.vsz, rss: l.rss, cmd: displayCmd(p.cmd) };
}

/**
 * Lays out fixed-width columns the procps way: a field wider than its column pushes the rest of
 * the line right, and the following columns give back that overflow from their padding.
 */
export function procpsLine(fields: readonly { text: string; width: number; right?: boolean }[]): string {
  let out = '';
  let debt = 0;
  fields.forEach((f, n) => {
    if (n > 0) out += ' ';
    let pad = Math.max(0, f.width - f.text.length);
    debt += Math.max(0, f.text.length - f.width);
    const give = n === fields.length - 1 ? pad : Math.min(pad, debt);
    if (n !== fields.length - 1) {
      pad -= give;
      debt -= give;
    } else pad = 0;
    out += f.right ? ' '.repeat(pad) + f.text : f.text + ' '.repeat(pad);
  });
  return out;
}

const mmss = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
const hhmmss = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;

/** `ps aux`: USER PID %CPU %MEM VSZ RSS TTY STAT START TIME COMMAND (pid_max 4194304 → PID width 7). */
export function psAux(rows: readonly PsRow[]): string {
  const head = procpsLine([
    { text: 'USER', width: 8 }, { text: 'PID', width: 7, right: true }, { text: '%CPU', width: 4, right: true }, { text: '%MEM', width: 4, right: true },
    { text: 'VSZ', width: 6, right: true }, { text: 'RSS', width: 5, right: true }, { text: 'TTY', width: 8 }, { text: 'STAT', width: 4 },
    { text: 'START', width: 5 }, { text: 'TIME', width: 6, right: true }, { text: 'COMMAND', width: 0 },
  ]);
  const lines = rows.map((r) =>
    procpsLine([
      { text: r.user, width: 8 }, { text: String(r.pid), width: 7, right: true }, { text: '0.0', width: 4, right: true },
      { text: ((r.rss * 100) / MEM_TOTAL_KB).toFixed(1), width: 4, right: true }, { text: String(r.vsz), width: 6, right: true },
      { text: String(r.rss), width: 5, right: true }, { text: r.tty, width: 8 }, { text: r.stat, width: 4 }, { text: r.start, width: 5 },
      { text: mmss(r.time), width: 6, right: true }, { text: r.cmd, width: 0 },
    ]),
  );
  return [head, ...lines].map((l) => `${l}\n`).join('');
}

/** `ps -ef`: UID PID PPID C STIME TTY TIME CMD. */
export function psEf(rows: readonly PsRow[]): string {
  const head = procpsLine([
    { text: 'UID', width: 8 }, { text: 'PID', width: 7, right: true }, { text: 'PPID', width: 7, right: true }, { text: 'C', width: 2, right: true },
    { text: 'STIME', width: 5 }, { text: 'TTY', width: 8 }, { text: 'TIME', width: 8, right: true }, { text: 'CMD', width: 0 },
  ]);
  const lines = rows.map((r) =>
    procpsLine([
      { text: r.user, width: 8 }, { text: String(r.pid), width: 7, right: true }, { text: String(r.ppid), width: 7, right: true }, { text: '0', width: 2, right: true },
      { text: r.start, width: 5 }, { text: r.tty, width: 8 }, { text: hhmmss(r.time), width: 8, right: true }, { text: r.cmd, width: 0 },
    ]),
  );
  return [head, ...lines].map((l) => `${l}\n`).join('');
}

/** `ps` with no options: the processes of this terminal, PID TTY TIME CMD (CMD is the comm). */
export function psShort(rows: readonly PsRow[]): string {
  const head = procpsLine([{ text: 'PID', width: 7, right: true }, { text: 'TTY', width: 8 }, { text: 'TIME', width: 8, right: true }, { text: 'CMD', width: 0 }]);
  const lines = rows.map((r) => procpsLine([{ text: String(r.pid), width: 7, right: true }, { text: r.tty, width: 8 }, { text: hhmmss(r.time), width: 8, right: true }, { text: commOf(r.cmd), width: 0 }]));
  return [head, ...lines].map((l) => `${l}\n`).join('');
}

/**
 * BusyBox `ps` (procps/ps.c, DESKTOP build): `-o pid,user,time,args` by default whatever BSD or
 * System V options are given; fields "%5u", "%-8s", "%2u:%02u", each followed by one space; lines
 * cut at 79 columns when stdout is not a terminal (get_terminal_width falls back to 80, minus one).
 */
export function busyboxPs(rows: readonly PsRow[], width = 79): string {
  const cut = (s: string) => s.slice(0, width);
  const lines = ['PID   USER     TIME  COMMAND', ...rows.map((r) => `${String(r.pid).padStart(5)} ${r.user.padEnd(8)} ${mmss(r.time).padStart(5)} ${r.cmd}`)];
  return lines.map((l) => `${cut(l)}\n`).join('');
}
