/**
 * BusyBox `ip` (alpine, busybox images), from networking/libiproute/ipaddress.c and iproute.c
 * (busybox 1.36/1.37). It differs from iproute2 where students notice:
 * - no `group default`, `mode DEFAULT`, `link-netnsid`, `proto kernel`, `linkdown`, `uid`/`cache`;
 * - `qlen N` straight after `state X ` (showqueue), nothing at all when the queue length is 0;
 * - the peer of a veth is looked up by index in the container's own namespace: not found there,
 *   it prints `@ifN` and, since the "link" then looks down, `,M-DOWN` inside the flags
 *   (the classic `eth0@if28: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN>` of Docker captures);
 * - routes print `scope link ` then ` src X ` (two spaces) and ` metric N `.
 */
import type { NetnsId } from '../../engine/ids';
import type { Iface } from '../../engine/net/types';
import type { RouteResult } from '../../engine/packet/route';
import type { World } from '../../engine/world';
import { addrsOf, selectLinks, type IpShowOptions } from './iproute';
import { mainRoutes } from './iprouteRoute';
import { linkFlags, linkType, nsIfaces, operState, peerOf, qdiscOf, txqlen } from './linkState';

/** `eth0@if7: ` plus whether busybox adds M-DOWN (ll_index_to_name / ll_index_to_flags). */
function bbName(w: World, i: Iface): { name: string; mdown: boolean } {
  const peer = peerOf(w, i);
  if (!peer) return { name: i.name, mdown: false };
  const local = nsIfaces(w, i.netns).find((x) => x.ifindex === peer.ifindex);
  if (!local) return { name: `${i.name}@if${peer.ifindex}`, mdown: true };
  return { name: `${i.name}@${local.name}`, mdown: !local.up };
}

function bbHeader(w: World, i: Iface): string {
  const { name, mdown } = bbName(w, i);
  const master = i.master ? w.ifaces.get(i.master)?.name : undefined;
  const q = txqlen(i);
  return (
    `${i.ifindex}: ${name}: <${linkFlags(w, i).join(',')}${mdown ? ',M-DOWN' : ''}> mtu ${i.mtu} qdisc ${qdiscOf(i)} ` +
    (master ? `master ${master} ` : '') +
    `state ${operState(w, i)} ` +
    (q ? `qlen ${q}` : '')
  );
}

function bbLinkLine(i: Iface): string {
  const t = linkType(i);
  return `    link/${t.type} ${i.mac} brd ${t.brd}`;
}

/** busybox `ip addr [show [dev] X]`: family filter as `-4`/`-6`, `-o` joins with backslashes. */
export function bbAddrText(w: World, ns: NetnsId, o: IpShowOptions): string {
  const fam = o.family === 'link' ? undefined : o.family;
  const sl = o.oneline ? '\\' : '\n';
  let out = '';
  for (const i of selectLinks(w, ns, o)) {
    const addrs = addrsOf(w, i).filter((a) => !fam || a.family === fam);
    if (fam && addrs.length === 0) continue;
    // "ip -oneline a" does not print link info (ipaddr_list_or_flush).
    if (!o.oneline) {
      out += bbHeader(w, i);
      if (!fam) out += `${sl}${bbLinkLine(i)}`;
      out += '\n';
    }
    for (const a of addrs) {
      // busybox reads only the 8-bit ifa_flags; noprefixroute lives in IFA_FLAGS, which it never prints.
      const flags = a.flags.filter((f) => f !== 'noprefixroute').map((f) => `${f} `).join('');
      const prefix = o.oneline ? `${i.ifindex}: ${i.name}` : '';
      out += `${prefix}    ${a.family} ${a.ip}/${a.prefix} ${a.brd ? `brd ${a.brd} ` : ''}scope ${a.scope} ${flags}${a.label ?? ''}`;
      out += `${sl}       valid_lft forever preferred_lft forever\n`;
    }
  }
  return out;
}

/** busybox `ip link [show [X]]`. */
export function bbLinkText(w: World, ns: NetnsId, o: IpShowOptions): string {
  const sl = o.oneline ? '\\' : '\n';
  return selectLinks(w, ns, o)
    .map((i) => `${bbHeader(w, i)}${sl}${bbLinkLine(i)}\n`)
    .join('');
}

/** busybox `ip route [list]`. */
export function bbRouteText(w: World, ns: NetnsId): string {
  let out = '';
  for (const s of mainRoutes(w, ns)) {
    const r = s.route;
    out +=
      `${r.dst} ` +
      (r.via ? `via ${r.via} ` : '') +
      `dev ${s.dev} ` +
      (r.scope !== 'global' ? `scope ${r.scope} ` : '') +
      (r.src ? ` src ${r.src} ` : '') +
      (r.metric !== undefined ? ` metric ${r.metric} ` : '') +
      '\n';
  }
  return out;
}

/** busybox `ip route get X`: print_route of the cloned answer (no cache line for IPv4). */
export function bbRouteGetText(w: World, r: RouteResult): string {
  if (r.kind === 'unreachable') return '';
  if (r.kind === 'local') return `local ${r.dst} dev lo table local  src ${r.src} \n`;
  const dev = w.ifaces.get(r.dev)?.name ?? '?';
  return `${r.dst} ${r.via ? `via ${r.via} ` : ''}dev ${dev}  src ${r.src} \n`;
}

/** bb_show_usage for the ip applet (stderr, exit 1). The build line is the lab's choice. */
export const BUSYBOX_IP_USAGE = [
  'BusyBox v1.37.0 (2025-06-04 16:47:29 UTC) multi-call binary.',
  '',
  'Usage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]',
  '',
  'OPTIONS := -f[amily] inet|inet6|link | -o[neline]',
  '',
  'ip addr add|del IFADDR dev IFACE | show|flush [dev IFACE] [to PREFIX]',
  'ip route list|flush|add|del|change|append|replace|test ROUTE',
  'ip link set IFACE [up|down] [arp on|off] [multicast on|off]',
  '\t[promisc on|off] [mtu NUM] [name NAME] [qlen NUM] [address MAC]',
  '\t[master IFACE | nomaster] [netns PID]',
  'ip tunnel add|change|del|show [NAME]',
  '\t[mode ipip|gre|sit] [remote ADDR] [local ADDR] [ttl TTL]',
  'ip neigh show|flush [to PREFIX] [dev DEV] [nud STATE]',
  'ip rule [list] | add|del SELECTOR ACTION',
  '',
].join('\n');
