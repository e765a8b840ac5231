/**
 * bridge-utils 1.7 `brctl show` and iproute2 `bridge link`.
 *
 * brctl (brctl/brctl_cmd.c show_bridge, brctl_disp.c br_dump_interface_list): the header and
 * rows are tab-separated; bridges come from scandir(/sys/class/net) and ports from
 * scandir(/sys/class/net/BR/brif), both alphasort-ed, so both are in strcmp order of their names.
 * A bridge id is the priority (8000) and the bridge MAC without colons; STP is off on Docker's
 * bridges. Further ports go on lines of seven tabs (column 56 with 8-column tabs).
 */
import type { NetnsId } from '../../engine/ids';
import type { Iface } from '../../engine/net/types';
import type { World } from '../../engine/world';
import { bridgePorts, carrier, displayName, linkFlags, nsIfaces } from './linkState';

export const BRCTL_HEADER = 'bridge name\tbridge id\t\tSTP enabled\tinterfaces\n';

const byName = (a: Iface, b: Iface): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function bridgesOf(w: World, ns: NetnsId): Iface[] {
  return nsIfaces(w, ns).filter((i) => i.kind === 'bridge').sort(byName);
}

/** One bridge's rows, without the header. */
export function brctlBridgeRows(w: World, br: Iface): string {
  const ports = bridgePorts(w, br).sort(byName);
  let out = `${br.name}\t\t8000.${br.mac.replace(/:/g, '')}\tno\t\t`;
  const [first, ...more] = ports;
  out += `${first ? first.name : ''}\n`;
  for (const p of more) out += `\t\t\t\t\t\t\t${p.name}\n`;
  return out;
}

/** `brctl show` for every bridge of the namespace. */
export function brctlShowText(w: World, ns: NetnsId): string {
  return BRCTL_HEADER + bridgesOf(w, ns).map((b) => brctlBridgeRows(w, b)).join('');
}

/** brctl's help (brctl.c help + command_helpall: "\t%-10s\t%s\n"). */
export const BRCTL_USAGE =
  'Usage: brctl [commands]\ncommands:\n' +
  (
    [
      ['addbr', '<bridge>\t\tadd bridge'],
      ['delbr', '<bridge>\t\tdelete bridge'],
      ['addif', '<bridge> <device>\tadd interface to bridge'],
      ['delif', '<bridge> <device>\tdelete interface from bridge'],
      ['hairpin', '<bridge> <port> {on|off}\tturn hairpin on/off'],
      ['setageing', '<bridge> <time>\t\tset ageing time'],
      ['setbridgeprio', '<bridge> <prio>\t\tset bridge priority'],
      ['setfd', '<bridge> <time>\t\tset bridge forward delay'],
      ['sethello', '<bridge> <time>\t\tset hello time'],
      ['setmaxage', '<bridge> <time>\t\tset max message age'],
      ['setpathcost', '<bridge> <port> <cost>\tset path cost'],
      ['setportprio', '<bridge> <port> <prio>\tset port priority'],
      ['show', '[ <bridge> ]\t\tshow a list of bridges'],
      ['showmacs', '<bridge>\t\tshow a list of mac addrs'],
      ['showstp', '<bridge>\t\tshow bridge stp info'],
      ['stp', '<bridge> {on|off}\tturn stp on/off'],
    ] as const
  )
    .map(([name, help]) => `\t${name.padEnd(10)}\t${help}\n`)
    .join('');

/** The STP port state the bridge reports: forwarding once the port has carrier (STP off), else disabled. */
export function portState(w: World, port: Iface): 'forwarding' | 'disabled' {
  return port.up && carrier(w, port) ? 'forwarding' : 'disabled';
}

/**
 * `bridge link [show] [dev X]` (iproute2 bridge/link.c print_linkinfo): the ports of every
 * bridge in ifindex order, `state` being the STP port state, then priority 32 and the path cost
 * the kernel derives from the link speed (veth: 10 Gb/s → cost 2, br_port_cost).
 */
export function bridgeLinkText(w: World, ns: NetnsId, dev?: string): string {
  let out = '';
  for (const p of nsIfaces(w, ns)) {
    if (!p.master || (dev !== undefined && p.name !== dev)) continue;
    const br = w.ifaces.get(p.master);
    out += `${p.ifindex}: ${displayName(w, p)}: <${linkFlags(w, p).join(',')}> mtu ${p.mtu} master ${br?.name ?? '?'} state ${portState(w, p)} priority 32 cost ${p.kind === 'veth' ? 2 : 4} \n`;
  }
  return out;
}
