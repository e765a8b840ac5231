import type { World } from '../../engine/world';
import { readFile } from '../format/files';
import { addrsOf } from '../format/iproute';
import { nsIfaces } from '../format/linkState';
import { isBusybox, shellContainer, shellNetns, stderr, stdout } from '../format/shellContext';
import type { CommandOutput, CommandSpec, Shell } from '../types';

/**
 * `hostname` — Debian's hostname 3.25 on the host and in Debian images, BusyBox's applet in
 * alpine/busybox. `-i` resolves the name through /etc/hosts, as getaddrinfo does: on the host
 * that is Debian's 127.0.1.1 line, in a container the line Docker wrote for it. `-I` (Debian
 * only) lists every non-loopback, non-link-local address of the namespace.
 * Debian's -i/-I print each address followed by a space ([unverified] for -i); BusyBox
 * separates with spaces and ends without one (networking/hostname.c).
 */
export const hostname: CommandSpec = {
  path: ['hostname'],
  usage: 'hostname [-b] {hostname|-F file}',
  short: 'show or set the system host name',
  flags: [],
  args: { min: 0 },
  rawArgs: true,
  where: ['host', 'container', 'laptop'],
  run(ctx, flags): CommandOutput {
    const w = ctx.world;
    const name = nameOf(w, ctx.shell);
    const bb = isBusybox(w, ctx.shell);
    const opts = new Set<string>();
    const args: string[] = [];
    for (const a of flags.args) {
      if (a.startsWith('--')) opts.add({ 'ip-address': 'i', 'all-ip-addresses': 'I', fqdn: 'f', long: 'f', short: 's', domain: 'd' }[a.slice(2)] ?? '?');
      else if (a.startsWith('-')) for (const ch of a.slice(1)) opts.add(ch);
      else args.push(a);
    }
    const allowed = bb ? 'dfisF' : 'aAbdfFiIsyvV';
    for (const o of opts) {
      if (!allowed.includes(o)) return bb ? stderr(`hostname: unrecognized option: ${o}\n`, 1) : stderr(`hostname: invalid option -- '${o}'\nTry 'hostname --help' for more information.\n`, 1);
    }
    if (opts.has('I')) {
      const ns = shellNetns(w, ctx.shell);
      const ips = ns ? nsIfaces(w, ns).filter((i) => i.up).flatMap((i) => addrsOf(w, i)).filter((a) => a.scope === 'global').map((a) => a.ip) : [];
      return stdout(`${ips.map((ip) => `${ip} `).join('')}\n`);
    }
    if (opts.has('i')) {
      const ips = resolve(w, ctx.shell, name);
      if (ips.length === 0) return stderr(bb ? `hostname: ${name}: Unknown host\n` : 'hostname: Name or service not known\n', 1);
      return stdout(bb ? `${ips.join(' ')}\n` : `${ips.map((ip) => `${ip} `).join('')}\n`);
    }
    if (opts.has('d')) return stdout(bb ? '' : '\n');
    if (args.length > 0) return stderr('hostname: changing the host name is not simulated in this lab\n', 1);
    return stdout(`${name}\n`);
  },
};

function nameOf(w: World, shell: Shell): string {
  if (shell.at === 'laptop') return 'laptop';
  return shellContainer(w, shell)?.hostname ?? w.host.hostname;
}

/** The addresses /etc/hosts gives the name, in file order. */
function resolve(w: World, shell: Shell, name: string): string[] {
  const f = readFile(w, shell, '/etc/hosts');
  if (!f.ok) return [];
  const out: string[] = [];
  for (const line of f.text.split('\n')) {
    const [ip, ...names] = line.split(/\s+/).filter(Boolean);
    if (ip && !ip.startsWith('#') && !ip.includes(':') && names.includes(name)) out.push(ip);
  }
  return out;
}
