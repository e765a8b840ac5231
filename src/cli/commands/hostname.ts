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
 * Debian's -I prints each address followed by a space (the well-known trailing blank); -i
 * separates them with spaces ([unverified] whether a blank trails). BusyBox separates with
 * spaces and ends without one (networking/hostname.c). Bad options print the usage (exit 255).
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
      if (!allowed.includes(o)) return bb ? stderr(`hostname: unrecognized option: ${o}\n${BB_USAGE}`, 1) : stderr(`hostname: invalid option -- '${o}'\n${USAGE}`, 255);
    }
    if (opts.has('I')) {
      const ns = shellNetns(w, ctx.shell);
      const ips = ns ? nsIfaces(w, ns).filter((i) => i.up).flatMap((i) => addrsOf(w, i)).filter((a) => a.scope === 'global').map((a) => a.ip) : [];
      return stdout(`${ips.map((ip) => `${ip} `).join('')}\n`);
    }
    if (opts.has('i')) {
      const ips = resolve(w, ctx.shell, name);
      if (ips.length === 0) return stderr(bb ? `hostname: ${name}: Unknown host\n` : 'hostname: Name or service not known\n', 1);
      return stdout(`${ips.join(' ')}\n`);
    }
    if (opts.has('d')) return stdout(bb ? '' : '\n');
    if (args.length > 0) return stderr('hostname: changing the host name is not simulated in this lab\n', 1);
    return stdout(`${name}\n`);
  },
};

/** hostname 3.25's usage (Debian), printed to stderr on a bad option. */
const USAGE =
  'Usage: hostname [-b] {hostname|-F file}         set host name (from file)\n' +
  '       hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name\n' +
  '       hostname                                 display host name\n\n' +
  '       {yp,nis,}domainname {nisdomain|-F file}  set NIS domain name (from file)\n' +
  '       {yp,nis,}domainname                      display NIS domain name\n\n' +
  '       dnsdomainname                            display dns domain name\n\n' +
  '       hostname -V|--version|-h|--help          print info and exit\n\n' +
  'Program name:\n' +
  '       {yp,nis,}domainname=hostname -y\n' +
  '       dnsdomainname=hostname -d\n\n' +
  'Program options:\n' +
  '    -a, --alias            alias names\n' +
  '    -A, --all-fqdns        all long host names (FQDNs)\n' +
  '    -b, --boot             set default hostname if none available\n' +
  '    -d, --domain           DNS domain name\n' +
  '    -f, --fqdn, --long     long host name (FQDN)\n' +
  '    -F, --file             read host name or NIS domain name from given file\n' +
  '    -i, --ip-address       addresses for the host name\n' +
  '    -I, --all-ip-addresses all addresses for the host\n' +
  '    -s, --short            short host name\n' +
  '    -y, --yp, --nis        NIS/YP domain name\n\n' +
  'Description:\n' +
  '   This command can get or set the host name or the NIS domain name. You can\n' +
  '   also get the DNS domain or the FQDN (fully qualified domain name).\n' +
  '   Unless you are using bind or NIS for host lookups you can change the\n' +
  '   FQDN (Fully Qualified Domain Name) and the DNS domain name (which is\n' +
  '   part of the FQDN) in the /etc/hosts file.\n';

/** BusyBox's usage for the applet (bb_show_usage; the build line is the lab's choice). */
const BB_USAGE =
  'BusyBox v1.37.0 (2025-06-04 16:47:29 UTC) multi-call binary.\n\n' +
  'Usage: hostname [-sidf] [HOSTNAME | -F FILE]\n\n' +
  'Show or set hostname or DNS domain name\n\n' +
  '\t-s\tShort\n\t-i\tAddresses for the hostname\n\t-d\tDNS domain name\n\t-f\tFully qualified domain name\n\t-F FILE\tUse FILE\'s content as hostname\n';

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
