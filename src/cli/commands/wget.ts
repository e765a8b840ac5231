import { byteLength } from '../format/bytes';
import { serve } from '../net/http';
import { resolve, send, startProbe } from '../net/probe';
import { parseUrl } from '../net/url';
import { flavour, shellNetns } from '../net/where';
import type { CommandSpec, OutChunk } from '../types';

/**
 * wget as busybox (alpine, busybox) and GNU wget (Debian-based images with it) print it.
 * `-qO-` / `-O -` writes the page to the console; otherwise it is "saved" as index.html.
 */
export const wget: CommandSpec = {
  path: ['wget'],
  usage: 'wget [OPTIONS] URL',
  short: 'retrieve files via HTTP',
  flags: [],
  args: { min: 0 },
  rawArgs: true,
  where: ['host', 'container', 'laptop'],
  tool: 'wget',
  run(ctx, flags) {
    const busybox = flavour(ctx.world, ctx.shell, 'wget') === 'busybox';
    let quiet = false;
    let toStdout = false;
    let spider = false;
    let target = '';
    const a = flags.args;
    for (let i = 0; i < a.length; i++) {
      const x = a[i] ?? '';
      if (x === '-O') toStdout = a[++i] === '-';
      else if (x === '-qO-') {
        quiet = true;
        toStdout = true;
      } else if (x === '-qO') {
        quiet = true;
        toStdout = a[++i] === '-';
      }
      else if (x === '-O-') toStdout = true;
      else if (x === '-q') quiet = true;
      else if (x === '--spider') spider = true;
      else if (x === '-T' || x === '--timeout') i++;
      else if (!x.startsWith('-')) target = x;
    }
    if (target === '') {
      return { out: [{ stream: 'err', text: busybox ? 'BusyBox v1.37.0 (2025-08-05 16:40:33 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n' : "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n" }], exitCode: 1 };
    }
    const url = parseUrl(target);
    if (!url) return { out: [{ stream: 'err', text: `wget: bad address '${target}'\n` }], exitCode: 1 };
    const ns = shellNetns(ctx.world, ctx.shell);
    if (!ns) return { out: [], exitCode: 1 };
    const p = startProbe(ctx.world);
    const out: OutChunk[] = [];
    const err = (text: string) => out.push({ stream: 'err', text });
    const res = resolve(p, ns, url.host);
    const ip = res.addresses[0];
    if (!ip) {
      err(busybox ? `wget: bad address '${url.host}'\n` : `--2026-11-27 09:00:00--  ${target}\nResolving ${url.host} (${url.host})... failed: Name or service not known.\nwget: unable to resolve host address ‘${url.host}’\n`);
      return { world: p.world, events: p.events, out: quiet && !busybox ? [] : out, exitCode: busybox ? 1 : 4 };
    }
    if (!quiet && busybox) err(`Connecting to ${url.host} (${ip}:${url.port})\n`);
    const r = send(p, ns, { dst: ip, proto: 'tcp', dport: url.port, bytes: 60 });
    if (!r.delivered) {
      const why = r.error === 'refused' ? 'Connection refused' : r.error === 'proto-unreachable' ? 'Protocol not available' : r.error === 'timeout' ? 'Connection timed out' : r.error === 'no-route' ? 'Network unreachable' : 'No route to host';
      err(busybox ? `wget: can't connect to remote host (${ip}): ${why}\n` : `Connecting to ${url.host} (${url.host})|${ip}|:${url.port}... failed: ${why}.\n`);
      return { world: p.world, events: p.events, out, exitCode: busybox ? 1 : 4 };
    }
    const served = serve(p.world, r, url, busybox ? 'Wget' : 'Wget/1.25.0', spider);
    if (served.kind === 'not-http') {
      err(busybox ? 'wget: error getting response: Connection reset by peer\n' : 'HTTP request sent, awaiting response... No data received.\n');
      return { world: p.world, events: p.events, out, exitCode: busybox ? 1 : 4 };
    }
    p.world = served.world;
    const body = served.answer.body;
    const len = byteLength(body);
    if (spider) {
      if (!quiet) err('remote file exists\n');
    } else if (toStdout) {
      if (!quiet && busybox) err('writing to stdout\n');
      out.push({ stream: 'out', text: body });
      if (!quiet && busybox) err(`-                    100% |********************************|   ${len}  0:00:00 ETA\nwritten to stdout\n`);
    } else if (!quiet) {
      err(busybox ? `saving to 'index.html'\nindex.html           100% |********************************|   ${len}  0:00:00 ETA\n'index.html' saved\n` : `HTTP request sent, awaiting response... ${served.answer.status} ${served.answer.reason}\nLength: ${len} [text/html]\nSaving to: ‘index.html’\n\nindex.html          100%[===================>]     ${len}  --.-KB/s    in 0s\n\n2026-11-27 09:00:00 (54.2 MB/s) - ‘index.html’ saved [${len}/${len}]\n\n`);
    }
    return { world: p.world, events: p.events, out, exitCode: 0 };
  },
};
