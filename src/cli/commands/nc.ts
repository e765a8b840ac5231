import { resolve, send, startProbe } from '../net/probe';
import { flavour, shellNetns } from '../net/where';
import type { CommandSpec } from '../types';

/**
 * nc -z (port check): busybox's in alpine/busybox, OpenBSD netcat's on the host and laptop.
 * Listening (`nc -l`) is something a container's main process does (`docker run … nc -l -p 8080`).
 */
const SERVICES: Readonly<Record<number, string>> = { 22: 'ssh', 53: 'domain', 80: 'http', 443: 'https', 3306: 'mysql', 5432: 'postgresql', 6379: 'redis', 8080: 'http-alt' };

export const nc: CommandSpec = {
  path: ['nc'],
  usage: 'nc [OPTIONS] HOST PORT',
  short: 'arbitrary TCP and UDP connections and listens',
  flags: [],
  args: { min: 0 },
  rawArgs: true,
  where: ['host', 'container', 'laptop'],
  tool: 'nc',
  run(ctx, flags) {
    const busybox = flavour(ctx.world, ctx.shell, 'nc') === 'busybox';
    const words = flags.args.filter((a) => !a.startsWith('-'));
    const verbose = flags.args.some((a) => a.startsWith('-') && a.includes('v'));
    const [host = '', portText = ''] = words;
    const port = Number(portText);
    if (!host || !Number.isInteger(port) || port < 1 || port > 65535) {
      return { out: [{ stream: 'err', text: busybox ? 'BusyBox v1.37.0 (2025-08-05 16:40:33 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n' : 'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n' }], exitCode: 1 };
    }
    const ns = shellNetns(ctx.world, ctx.shell);
    if (!ns) return { out: [], exitCode: 1 };
    const p = startProbe(ctx.world);
    const res = resolve(p, ns, host);
    const ip = res.addresses[0];
    if (!ip) {
      const text = busybox ? `nc: bad address '${host}'\n` : `nc: getaddrinfo for host "${host}" port ${port}: Name or service not known\n`;
      return { world: p.world, events: p.events, out: [{ stream: 'err', text }], exitCode: 1 };
    }
    const r = send(p, ns, { dst: ip, proto: 'tcp', dport: port, bytes: 60 });
    const svc = SERVICES[port] ?? '*';
    if (r.delivered) {
      const text = busybox ? (verbose ? `${host} (${ip}:${port}) open\n` : '') : verbose ? `Connection to ${host} ${port} port [tcp/${svc}] succeeded!\n` : '';
      return { world: p.world, events: p.events, out: text ? [{ stream: 'err', text }] : [], exitCode: 0 };
    }
    const why = r.error === 'refused' ? 'Connection refused' : r.error === 'proto-unreachable' ? 'Protocol not available' : r.error === 'timeout' ? 'Connection timed out' : r.error === 'no-route' ? 'Network is unreachable' : 'No route to host';
    const text = busybox ? `nc: ${host} (${ip}:${port}): ${why}\n` : `nc: connect to ${host} port ${port} (tcp) failed: ${why}\n`;
    return { world: p.world, events: p.events, out: [{ stream: 'err', text }], exitCode: 1 };
  },
};
