/**
 * iproute2 6.15 `ss` for the sockets the model has (TCP listeners and bound UDP sockets), laid
 * out by ss's own column renderer (misc/ss.c: columns[], field_flush, render_calc_width, render):
 * each field is a token; a column is as wide as its longest token (header included) plus its
 * left delimiter; "Local Address:" and "Peer Address:" are right-aligned, the rest left-aligned.
 * Output is the compact form ss prints when stdout is not a terminal (what `ss … | cat` and most
 * pastes show). On a terminal ss also spreads the spare screen width over the columns
 * (render_calc_width's second pass); the console's width is not known to commands, so the
 * simulator always prints the compact form.
 */
import type { NetnsId } from '../../engine/ids';
import type { Socket } from '../../engine/net/types';
import type { World } from '../../engine/world';
import { commOf } from './psList';

export interface SsOptions {
  readonly tcp: boolean;
  readonly udp: boolean;
  /** -l: LISTEN (and UNCONN for UDP); -a: every state; neither: connected sockets only. */
  readonly listening: boolean;
  readonly all: boolean;
  readonly numeric: boolean;
  readonly processes: boolean;
  readonly family?: 'inet' | 'inet6';
  readonly noHeader?: boolean;
  readonly noQueues?: boolean;
  /** `sport = :N`. */
  readonly port?: number;
}

export interface SsLayout {
  /** How the reader's PID namespace numbers a process. */
  readonly pidOf?: (pid: number) => number;
}

interface Column {
  readonly header: string;
  readonly ldelim: string;
  readonly right: boolean;
  disabled: boolean;
}

/** /etc/services names ss prints without -n (netbase, Debian 13), for the ports the lab uses. */
const SERVICES: Readonly<Record<number, string>> = { 22: 'ssh', 53: 'domain', 80: 'http', 443: 'https', 3306: 'mysql', 5432: 'postgresql', 6379: 'redis', 8080: 'http-alt' };

/** listen(2) backlogs as the servers ask for them, capped by net.core.somaxconn (4096). */
function backlog(w: World, s: Socket): number {
  const k = s.service.kind;
  if (k === 'docker-proxy') return 4096; // Go's net.Listen uses somaxconn
  if (k === 'sshd') return 128;
  if (k === 'postgres') return 200;
  if (k === 'mysql') return 151;
  if (k === 'http' && s.service.server === 'python') return w.processes.get(s.pid)?.cmd.includes('http.server') ? 5 : 128;
  return 511; // nginx, httpd, redis, node
}

/** The fd a socket has in its process: docker-proxy gets the daemon's listener as fd 4 (fd 3 is its status pipe). */
function fdOf(ns: readonly Socket[], s: Socket, comm: string): number {
  if (s.service.kind === 'docker-proxy') return 4;
  const own = ns.filter((x) => x.pid === s.pid);
  return (comm === 'nginx' ? 6 : 3) + own.indexOf(s);
}

function addr(s: Socket): string {
  return s.addr.includes(':') ? `[${s.addr}]` : s.addr;
}

/** The socket rows in ss's order: udp_show before tcp_show, each dumping AF_INET then AF_INET6. */
export function ssSockets(w: World, nsId: NetnsId, o: SsOptions): Socket[] {
  const socks = w.netns.get(nsId)?.sockets ?? [];
  // The kernel dumps listeners in hash-bucket order, which looks random; the lab sorts by port.
  const pick = (proto: 'tcp' | 'udp', v6: boolean) =>
    socks.filter((s) => s.proto === proto && s.addr.includes(':') === v6 && (o.port === undefined || s.port === o.port)).sort((a, b) => a.port - b.port);
  const out: Socket[] = [];
  for (const proto of ['udp', 'tcp'] as const) {
    if (proto === 'udp' ? !o.udp : !o.tcp) continue;
    if (o.family !== 'inet6') out.push(...pick(proto, false));
    if (o.family !== 'inet') out.push(...pick(proto, true));
  }
  // Listening TCP and unconnected UDP sockets are all the model has: shown with -l or -a only.
  return o.listening || o.all ? out : [];
}

export function ssText(w: World, nsId: NetnsId, o: SsOptions, layout: SsLayout = {}): string {
  const pidOf = layout.pidOf ?? ((p: number) => p);
  const cols: Column[] = [
    { header: 'Netid', ldelim: '', right: false, disabled: !(o.tcp && o.udp) },
    // -l asks for LISTEN|UNCONN and -a for all: more than one state, so the column stays.
    { header: 'State', ldelim: ' ', right: false, disabled: false },
    { header: 'Recv-Q', ldelim: ' ', right: false, disabled: !!o.noQueues },
    { header: 'Send-Q', ldelim: ' ', right: false, disabled: !!o.noQueues },
    { header: 'Local Address:', ldelim: ' ', right: true, disabled: false },
    { header: 'Port', ldelim: '', right: false, disabled: false },
    { header: 'Peer Address:', ldelim: ' ', right: true, disabled: false },
    { header: 'Port', ldelim: '', right: false, disabled: false },
    { header: 'Process', ldelim: '', right: false, disabled: !o.processes },
    { header: '', ldelim: '', right: false, disabled: false },
  ];
  const socks = w.netns.get(nsId)?.sockets ?? [];
  const rows: string[][] = [];
  if (!o.noHeader) rows.push(cols.map((c, k) => (k === cols.length - 1 ? '' : c.header)));
  for (const s of ssSockets(w, nsId, o)) {
    const comm = commOf(w.processes.get(s.pid)?.cmd ?? '');
    const users = o.processes && s.pid && comm ? ` users:(("${comm}",pid=${pidOf(s.pid)},fd=${fdOf(socks, s, comm)}))` : '';
    const port = o.numeric ? String(s.port) : (SERVICES[s.port] ?? String(s.port));
    const listen = s.proto === 'tcp';
    rows.push([
      s.proto,
      listen ? 'LISTEN' : 'UNCONN',
      '0'.padEnd(6),
      String(listen ? backlog(w, s) : 0).padEnd(6),
      `${addr(s)}:`,
      port,
      `${s.addr.includes(':') ? '[::]' : '0.0.0.0'}:`,
      '*',
      users,
      '',
    ]);
  }
  return render(cols, rows);
}

/** ss's render(): widths from the longest token, then delimiters and alignment. */
function render(cols: readonly Column[], rows: readonly (readonly string[])[]): string {
  const live = cols.map((c, k) => ({ c, k })).filter((x) => !x.c.disabled);
  const maxLen = live.map((x) => Math.max(0, ...rows.map((r) => (r[x.k] ?? '').length)));
  const width: number[] = [];
  let first = true;
  live.forEach((x, n) => {
    const m = maxLen[n] ?? 0;
    width[n] = !first && m ? m + x.c.ldelim.length : m;
    if (width[n]) first = false;
  });
  let out = '';
  for (const r of rows) {
    let line = '';
    live.forEach((x, n) => {
      const tok = r[x.k] ?? '';
      const wd = width[n] ?? 0;
      let printed = 0;
      if (n > 0) {
        line += x.c.ldelim;
        printed = x.c.ldelim.length;
      }
      if (wd && x.c.right && wd - tok.length - printed > 0) {
        const pad = wd - tok.length - printed;
        line += ' '.repeat(pad);
        printed += pad;
      }
      line += tok;
      printed += tok.length;
      if (wd && !x.c.right && wd - printed > 0) line += ' '.repeat(wd - printed);
    });
    out += `${line}\n`;
  }
  return out;
}
