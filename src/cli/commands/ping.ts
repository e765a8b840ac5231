import type { CommandSpec, OutChunk } from '../types';
import { distance, replyTtl, resolve, send, startProbe } from '../net/probe';
import { flavour, rttMs, shellNetns } from '../net/where';

/**
 * ping, as iputils (host, laptop, Debian-based images that ship it) or busybox (alpine,
 * busybox) print it. Without -c a real ping runs until Ctrl-C: the lab sends four echo requests
 * and then shows the ^C and the statistics, as if the student had pressed it.
 */
interface Opts {
  count: number;
  interrupted: boolean;
  size: number;
  quiet: boolean;
  target: string;
}

function parse(args: readonly string[]): Opts | string {
  let count = 0;
  let size = 56;
  let quiet = false;
  let target = '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-c' || a === '-s' || a === '-W' || a === '-w' || a === '-i' || a === '-I' || a === '-t') {
      const v = args[++i];
      if (v === undefined) return `option requires an argument -- '${a.slice(1)}'`;
      if (a === '-c') count = Number(v);
      if (a === '-s') size = Number(v);
      if ((a === '-c' || a === '-s') && !Number.isInteger(Number(v))) return `invalid argument: '${v}'`;
    } else if (/^-c\d+$/.test(a)) count = Number(a.slice(2));
    else if (a === '-q') quiet = true;
    else if (a === '-4' || a === '-n' || a === '-v') continue;
    else if (a.startsWith('-')) return `invalid option -- '${a.slice(1, 2)}'`;
    else target = a;
  }
  return { count: count > 0 ? count : 4, interrupted: count <= 0, size, quiet, target };
}

export const ping: CommandSpec = {
  path: ['ping'],
  usage: 'ping [options] <destination>',
  short: 'send ICMP ECHO_REQUEST to network hosts',
  flags: [],
  args: { min: 0 },
  rawArgs: true,
  where: ['host', 'container', 'laptop'],
  tool: 'ping',
  run(ctx, flags) {
    const busybox = flavour(ctx.world, ctx.shell, 'ping') === 'busybox';
    const o = parse(flags.args);
    if (typeof o === 'string' || o.target === '') {
      const msg = typeof o === 'string' ? `ping: ${o}\n` : busybox ? 'BusyBox v1.37.0 (2025-08-05 16:40:33 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n' : 'ping: usage error: Destination address required\n';
      return { out: [{ stream: 'err', text: msg }], exitCode: busybox ? 1 : 2 };
    }
    const ns = shellNetns(ctx.world, ctx.shell);
    if (!ns) return { out: [], exitCode: 1 };
    const p = startProbe(ctx.world);
    const res = resolve(p, ns, o.target);
    const ip = res.addresses[0];
    if (!ip) {
      const why = res.error === 'nxdomain' ? 'Name or service not known' : 'Temporary failure in name resolution';
      const text = busybox ? `ping: bad address '${o.target}'\n` : `ping: ${o.target}: ${why}\n`;
      return { world: p.world, events: p.events, out: [{ stream: 'err', text }], exitCode: busybox ? 1 : 2 };
    }
    const out: OutChunk[] = [];
    const say = (text: string) => out.push({ stream: 'out', text });
    const bytes = o.size + 28;
    say(busybox ? `PING ${o.target} (${ip}): ${o.size} data bytes\n` : `PING ${o.target} (${ip}) ${o.size}(${bytes}) bytes of data.\n`);
    let received = 0;
    let errors = 0;
    const times: number[] = [];
    for (let seq = 0; seq < o.count; seq++) {
      const r = send(p, ns, { dst: ip, proto: 'icmp', bytes });
      if (r.answer) {
        // A REJECT's ICMP error (a RST never answers ICMP). busybox counts nothing and prints
        // nothing: unpack4 drops an error shorter than datalen + 8 and one whose icmp_id is not
        // its own (an unreachable's id field is unused, 0), so only its statistics show the loss.
        if (!busybox) {
          errors++;
          if (!o.quiet) say(`From ${r.answer.from} icmp_seq=${seq + 1} ${UNREACH_TEXT[r.answer.kind] ?? 'Destination Host Unreachable'}\n`);
        }
        continue;
      }
      if (r.error === 'no-route' && seq === 0) {
        // connect()/sendto() fails at once: nothing was sent.
        out.push({ stream: 'err', text: busybox ? 'ping: sendto: Network unreachable\n' : 'ping: connect: Network is unreachable\n' });
        if (busybox) return { world: p.world, events: p.events, out, exitCode: 1 };
        return { world: p.world, events: p.events, out: out.slice(1), exitCode: 2 };
      }
      if (r.delivered) {
        received++;
        const t = rttMs(p.world, seq, distance(p.world, r.hops));
        times.push(t);
        const ttl = replyTtl(r.hops);
        if (!o.quiet) say(busybox ? `${o.size + 8} bytes from ${ip}: seq=${seq} ttl=${ttl} time=${t.toFixed(3)} ms\n` : `${o.size + 8} bytes from ${ip}: icmp_seq=${seq + 1} ttl=${ttl} time=${fmtIputils(t)} ms\n`);
      } else if (r.error === 'unreachable' && !busybox) {
        errors++;
        if (!o.quiet) say(`From ${gatewayOf(r.hops) ?? ip} icmp_seq=${seq + 1} Destination Host Unreachable\n`);
      }
    }
    if (o.interrupted) say('^C\n');
    const loss = Math.round(((o.count - received) / o.count) * 100);
    say(`\n--- ${o.target} ping statistics ---\n`);
    if (busybox) {
      say(`${o.count} packets transmitted, ${received} packets received, ${loss}% packet loss\n`);
      if (times.length) say(`round-trip min/avg/max = ${stats(times).map((x) => x.toFixed(3)).slice(0, 3).join('/')} ms\n`);
    } else {
      const time = (o.count - 1) * 1000 + (o.count > 1 ? 2 + (o.count % 7) : 0);
      say(`${o.count} packets transmitted, ${received} received, ${errors ? `+${errors} errors, ` : ''}${loss}% packet loss, time ${time}ms\n`);
      if (times.length) say(`rtt min/avg/max/mdev = ${stats(times).map((x) => x.toFixed(3)).join('/')} ms\n`);
    }
    return { world: p.world, events: p.events, out, exitCode: received > 0 ? 0 : 1 };
  },
};

/**
 * iputils ping4.c pr_icmph's words for ICMP_DEST_UNREACH codes 0, 1, 2, 3, 9, 10 and 13
 * (ICMP_PKT_FILTERED, what `--reject-with icmp-admin-prohibited` sends).
 */
const UNREACH_TEXT: Readonly<Record<string, string>> = {
  'net-unreachable': 'Destination Net Unreachable',
  'host-unreachable': 'Destination Host Unreachable',
  'proto-unreachable': 'Destination Protocol Unreachable',
  'port-unreachable': 'Destination Port Unreachable',
  'net-prohibited': 'Destination Net Prohibited',
  'host-prohibited': 'Destination Host Prohibited',
  'admin-prohibited': 'Packet filtered',
};

/** iputils prints three significant digits: 0.0452, 0.612, 11.5. */
function fmtIputils(ms: number): string {
  if (ms < 1) return ms.toFixed(3);
  if (ms < 10) return ms.toFixed(2);
  if (ms < 100) return ms.toFixed(1);
  return ms.toFixed(0);
}

function stats(t: readonly number[]): number[] {
  const min = Math.min(...t);
  const max = Math.max(...t);
  const avg = t.reduce((a, b) => a + b, 0) / t.length;
  const mdev = Math.sqrt(t.reduce((a, b) => a + (b - avg) ** 2, 0) / t.length);
  return [min, avg, max, mdev];
}

/** The address that reported the host unreachable: the sender's own source on its first hop. */
function gatewayOf(hops: readonly { kind: string; summary?: string }[]): string | undefined {
  const s = hops.find((h) => h.kind === 'send')?.summary;
  const m = s ? /request ([0-9.]+)/.exec(s) : null;
  return m?.[1];
}
