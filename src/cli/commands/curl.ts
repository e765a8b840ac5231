import { byteLength } from '../format/bytes';
import { serve } from '../net/http';
import { resolve, send, startProbe } from '../net/probe';
import { parseUrl } from '../net/url';
import { shellNetns } from '../net/where';
import type { CommandSpec, OutChunk } from '../types';

/**
 * curl 8.14 (Debian 13, and the Debian-based images that ship it). The request is a real walk:
 * a refused, dropped or unroutable connection fails the way curl reports it.
 */
const UA = 'curl/8.14.1';
const USAGE = "curl: try 'curl --help' or 'curl --manual' for more information\n";

export const curl: CommandSpec = {
  path: ['curl'],
  usage: 'curl [options...] <url>',
  short: 'transfer a URL',
  flags: [],
  args: { min: 0 },
  rawArgs: true,
  where: ['host', 'container', 'laptop'],
  tool: 'curl',
  run(ctx, flags) {
    let include = false;
    let head = false;
    let verbose = false;
    let silent = false;
    let showErr = false;
    let connectTimeout = 0;
    /** -o FILE / -O: the body goes to a file (the lab keeps no files), not to the console. */
    let toFile = false;
    let target = '';
    const a = expandShort(flags.args);
    for (let i = 0; i < a.length; i++) {
      const x = a[i] ?? '';
      if (x === '-i' || x === '--include') include = true;
      else if (x === '-I' || x === '--head') head = true;
      else if (x === '-v' || x === '--verbose') verbose = true;
      else if (x === '-s' || x === '--silent') silent = true;
      else if (x === '-S' || x === '--show-error') showErr = true;
      else if (x === '--connect-timeout' || x === '-m' || x === '--max-time') connectTimeout = Number(a[++i] ?? '0');
      else if (x === '-o' || x === '--output') toFile = (a[++i] ?? '-') !== '-';
      else if (x === '-O' || x === '--remote-name') toFile = true;
      else if (x === '-H' || x === '-X' || x === '-A' || x === '-d' || x === '-w') i++;
      else if (x.startsWith('-')) continue;
      else target = x;
    }
    if (target === '') return { out: [{ stream: 'err', text: USAGE }], exitCode: 2 };
    const url = parseUrl(target);
    if (!url) return { out: [{ stream: 'err', text: `curl: (3) URL rejected: Malformed input to a URL function\n` }], exitCode: 3 };
    const ns = shellNetns(ctx.world, ctx.shell);
    if (!ns) return { out: [], exitCode: 1 };
    const p = startProbe(ctx.world);
    const fail = (code: number, msg: string) => ({ world: p.world, events: p.events, out: silent && !showErr ? [] : [{ stream: 'err' as const, text: `curl: (${code}) ${msg}\n` }], exitCode: code });
    const res = resolve(p, ns, url.host);
    const ip = res.addresses[0];
    if (!ip) return fail(6, `Could not resolve host: ${url.host}`);
    const out: OutChunk[] = [];
    if (verbose) out.push({ stream: 'err', text: `*   Trying ${ip}:${url.port}...\n` });
    // The lab's internet sites terminate TLS like any web server; the exchange is the same TCP walk.
    const r = send(p, ns, { dst: ip, proto: 'tcp', dport: url.port, bytes: 60 });
    if (!r.delivered) {
      const where = `Failed to connect to ${url.host} port ${url.port}`;
      if (r.error === 'timeout') {
        // curl 8's connect filters report the timeout with the address (curl/curl#18484 shows 8.x's wording).
        if (connectTimeout > 0) return fail(28, `${where} after ${Math.round(connectTimeout * 1000) + 2} ms: Timeout was reached`);
        // Linux gives up a connect() after 6 SYN retransmissions (tcp_syn_retries): about 2 min 15 s.
        return fail(28, `${where} after 135238 ms: Could not connect to server`);
      }
      // curl 8 words every failed connect() the same (curl_easy_strerror(CURLE_COULDNT_CONNECT));
      // only the time differs: a REJECT's answer (RST or ICMP error) ends it at once, a next hop
      // that never answers ARP after the kernel's three solicitations (about 3 s).
      const after = r.error === 'unreachable' && !r.answer ? 3072 : 0;
      return fail(7, `${where} after ${after} ms: Could not connect to server`);
    }
    const served = serve(p.world, r, url, UA, head);
    if (served.kind === 'not-http') {
      return served.service === 'postgres' ? fail(52, 'Empty reply from server') : fail(1, 'Received HTTP/0.9 when not allowed');
    }
    p.world = served.world;
    const ans = served.answer;
    if (verbose) {
      out.push({ stream: 'err', text: `* Connected to ${url.host} (${ip}) port ${url.port}\n* using HTTP/1.x\n> ${head ? 'HEAD' : 'GET'} ${url.path} HTTP/1.1\n> Host: ${url.host}${url.port === 80 ? '' : `:${url.port}`}\n> User-Agent: ${UA}\n> Accept: */*\n>\n* Request completely sent off\n` });
    }
    const length = ans.headers.some((h) => h.startsWith('Content-Length:')) ? [] : [`Content-Length: ${byteLength(ans.body)}`];
    const headers = [`HTTP/1.1 ${ans.status} ${ans.reason}`, ...ans.headers.slice(0, 1), `Date: ${httpDate(p.world.clock)}`, ...ans.headers.slice(1), ...length];
    if (verbose) out.push({ stream: 'err', text: headers.map((h) => `< ${h}\n`).join('') + '<\n' });
    if (include || head) out.push({ stream: 'out', text: headers.map((h) => `${h}\r\n`).join('') + '\r\n' });
    if (!head && !toFile) out.push({ stream: 'out', text: ans.body });
    if (verbose) out.push({ stream: 'err', text: `* Connection #0 to host ${url.host} left intact\n` });
    return { world: p.world, events: p.events, out, exitCode: 0 };
  },
};

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 7231 IMF-fixdate. */
export function httpDate(ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} GMT`;
}

/** Short options that take a value; the others can be grouped (`-sSI`), as curl allows. */
const WITH_VALUE = new Set(['o', 'H', 'X', 'A', 'd', 'w', 'm', 'u', 'e']);

/** `-sSo file` → `-s -S -o file`: curl reads grouped short options left to right. */
export function expandShort(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const x of args) {
    if (!/^-[a-zA-Z]{2,}$/.test(x)) {
      out.push(x);
      continue;
    }
    for (let k = 1; k < x.length; k++) {
      const ch = x[k] ?? '';
      if (WITH_VALUE.has(ch) && k < x.length - 1) {
        out.push(`-${ch}`, x.slice(k + 1));
        break;
      }
      out.push(`-${ch}`);
    }
  }
  return out;
}
