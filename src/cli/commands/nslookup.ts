import { resolve, startProbe } from '../net/probe';
import { flavour, shellNetns } from '../net/where';
import type { CommandSpec } from '../types';

/**
 * nslookup: busybox's in alpine/busybox (asks the nameserver from resolv.conf, A then AAAA),
 * bind9's on the host and the laptop. The lab's names have no IPv6 records, so busybox's AAAA
 * query ends in "No answer", as on a real IPv4-only network.
 */
export const nslookup: CommandSpec = {
  path: ['nslookup'],
  usage: 'nslookup [-opt ...] host [server]',
  short: 'query Internet name servers interactively',
  flags: [],
  args: { min: 0 },
  rawArgs: true,
  where: ['host', 'container', 'laptop'],
  tool: 'nslookup',
  run(ctx, flags) {
    const busybox = flavour(ctx.world, ctx.shell, 'nslookup') === 'busybox';
    const name = flags.args.find((a) => !a.startsWith('-')) ?? '';
    if (name === '') return { out: [{ stream: 'err', text: busybox ? 'BusyBox v1.37.0 (2025-08-05 16:40:33 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n' : '> ' }], exitCode: busybox ? 1 : 0 };
    const ns = shellNetns(ctx.world, ctx.shell);
    if (!ns) return { out: [], exitCode: 1 };
    const p = startProbe(ctx.world);
    const r = resolve(p, ns, name, false);
    const server = r.server ?? (ctx.shell.at === 'container' ? '127.0.0.11' : ctx.world.host.dnsServer);
    const head = busybox ? `Server:\t\t${server}\nAddress:\t${server}:53\n\n` : `Server:\t\t${server}\nAddress:\t${server}#53\n\n`;
    if (r.error === 'timeout' || r.error === 'no-route' || r.error === 'unreachable' || r.error === 'refused') {
      return { world: p.world, events: p.events, out: [{ stream: 'out', text: ';; connection timed out; no servers could be reached\n\n' }], exitCode: 1 };
    }
    if (r.addresses.length === 0) {
      const why = r.error === 'servfail' ? 'SERVFAIL' : 'NXDOMAIN';
      const text = busybox ? `${head}** server can't find ${name}: ${why}\n\n** server can't find ${name}: ${why}\n\n` : `${head}** server can't find ${name}: ${why}\n\n`;
      return { world: p.world, events: p.events, out: [{ stream: 'out', text }], exitCode: 1 };
    }
    const answers = r.addresses.map((a) => `Name:\t${name}\nAddress: ${a}\n`).join('');
    const text = busybox ? `${head}Non-authoritative answer:\n${answers}\nNon-authoritative answer:\n*** Can't find ${name}: No answer\n\n` : `${head}Non-authoritative answer:\n${answers}\n`;
    return { world: p.world, events: p.events, out: [{ stream: 'out', text }], exitCode: 0 };
  },
};
