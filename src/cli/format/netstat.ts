import type { NetnsId } from '../../engine/ids';
import type { World } from '../../engine/world';
import { displayCmd } from './psList';

/**
 * net-tools `netstat -tulpn` (the command Docker's host-networking tutorial uses), for the
 * listening sockets of a namespace: net-tools 2.10 netstat.c prints each row with
 * "%-5s %6ld %6ld %-*s %-*s %-11s" (23-wide addresses) and, with -p, "PID/Program name"
 * where the program is the basename of argv[0] from /proc/PID/cmdline — the whole title for
 * programs that rewrite it (nginx: master process …) — the field cut to 20 characters.
 */
export interface NetstatOptions {
  readonly tcp: boolean;
  readonly udp: boolean;
  readonly listening: boolean;
  readonly programs: boolean;
  readonly numeric: boolean;
}

const SERVICES: Readonly<Record<number, string>> = { 22: 'ssh', 53: 'domain', 80: 'http', 443: 'https', 3306: 'mysql', 5432: 'postgresql', 6379: 'redis', 8080: 'http-alt' };

export function netstat(w: World, ns: NetnsId, o: NetstatOptions): string {
  const sockets = w.netns.get(ns)?.sockets ?? [];
  const tcp = o.tcp || !o.udp;
  const udp = o.udp || !o.tcp;
  let s = o.listening ? 'Active Internet connections (only servers)\n' : 'Active Internet connections (servers and established)\n';
  s += `Proto Recv-Q Send-Q Local Address           Foreign Address         State      ${o.programs ? ' PID/Program name    ' : ''}\n`;
  const rows = [...sockets].filter((k) => (k.proto === 'tcp' ? tcp : udp)).sort((a, b) => Number(a.addr.includes(':')) - Number(b.addr.includes(':')) || (a.proto === b.proto ? a.port - b.port : a.proto === 'tcp' ? -1 : 1));
  for (const k of rows) {
    const v6 = k.addr.includes(':');
    const proto = `${k.proto}${v6 ? '6' : ''}`;
    const port = o.numeric ? String(k.port) : (SERVICES[k.port] ?? String(k.port));
    const local = `${v6 ? (k.addr === '::' ? '::' : k.addr) : k.addr}:${port}`;
    const foreign = v6 ? ':::*' : '0.0.0.0:*';
    const state = k.proto === 'tcp' ? 'LISTEN' : '';
    const p = w.processes.get(k.pid);
    const prog = p ? `${k.pid}/${argv0(p.cmd)}`.slice(0, 20) : '-';
    s += `${proto.padEnd(5)} ${'0'.padStart(6)} ${'0'.padStart(6)} ${local.padEnd(23)} ${foreign.padEnd(23)} ${state.padEnd(11)}${o.programs ? ` ${prog.padEnd(20)}` : ''}\n`;
  }
  return s;
}

function argv0(cmd: string): string {
  const title = displayCmd(cmd);
  if (/^(nginx|sshd|redis-server|postgres|mysqld):? /.test(title) && title.includes(': ')) return title;
  const first = title.split(' ')[0] ?? title;
  return first.split('/').pop() ?? first;
}
