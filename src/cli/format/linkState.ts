/**
 * What the kernel reports about an interface that the World does not store: carrier, operstate,
 * the IFF_* flag list, the qdisc of a down link, txqueuelen, the IPv6 link-local address.
 * Derived from the model (admin state, veth peers, bridge ports, cables) the way the kernel
 * derives them, so `ip`, `bridge` and `brctl` agree with each other.
 */
import type { NetnsId } from '../../engine/ids';
import type { Iface } from '../../engine/net/types';
import type { World } from '../../engine/world';

/** The interfaces of a namespace in ifindex order. */
export function nsIfaces(w: World, ns: NetnsId): Iface[] {
  const out: Iface[] = [];
  for (const id of w.netns.get(ns)?.ifaces ?? []) {
    const i = w.ifaces.get(id);
    if (i) out.push(i);
  }
  return out;
}

/** The ports of a bridge (interfaces whose master it is), in ifindex order. */
export function bridgePorts(w: World, bridge: Iface): Iface[] {
  return nsIfaces(w, bridge.netns).filter((i) => i.master === bridge.id);
}

/**
 * netif_carrier_ok: lo always; a NIC when its cable is plugged into a segment; a veth when its
 * peer is up (veth_open sets both carriers); a bridge when at least one port forwards
 * (br_port_carrier_check), which is why docker0 says NO-CARRIER until a container runs.
 */
export function carrier(w: World, i: Iface, depth = 0): boolean {
  if (!i.up) return false;
  switch (i.kind) {
    case 'loopback':
      return true;
    case 'ether':
      return i.segment !== undefined;
    case 'veth': {
      const peer = i.peer ? w.ifaces.get(i.peer) : undefined;
      return !!peer && peer.up;
    }
    case 'bridge':
      return depth < 2 && bridgePorts(w, i).some((p) => carrier(w, p, depth + 1));
  }
}

/**
 * IFLA_OPERSTATE as iproute2 names it. lo never gets an RFC 2863 state (UNKNOWN). Without
 * carrier the kernel says DOWN, or LOWERLAYERDOWN when the lower device (a veth peer in the same
 * namespace) has no carrier either (net/core/link_watch.c default_operstate).
 */
export function operState(w: World, i: Iface): 'UNKNOWN' | 'UP' | 'DOWN' | 'LOWERLAYERDOWN' {
  if (i.kind === 'loopback') return i.up ? 'UNKNOWN' : 'DOWN';
  if (!i.up) return 'DOWN';
  if (carrier(w, i)) return 'UP';
  const peer = i.kind === 'veth' && i.peer ? w.ifaces.get(i.peer) : undefined;
  if (peer && peer.netns === i.netns && !carrier(w, peer)) return 'LOWERLAYERDOWN';
  return 'DOWN';
}

/**
 * The flag list between < > as iproute2 and busybox print it: NO-CARRIER first when the link is
 * up without carrier, then the IFF_* names in the kernel's bit order (LOOPBACK, BROADCAST,
 * MULTICAST, …, UP, LOWER_UP). RUNNING is never printed.
 */
export function linkFlags(w: World, i: Iface): string[] {
  const up = i.up;
  const lower = carrier(w, i);
  const f: string[] = [];
  if (up && !lower) f.push('NO-CARRIER');
  if (i.kind === 'loopback') f.push('LOOPBACK');
  else f.push('BROADCAST', 'MULTICAST');
  if (up) f.push('UP');
  if (lower) f.push('LOWER_UP');
  return f;
}

/** A link that is down has its qdisc detached: iproute2 prints `qdisc noop`. */
export function qdiscOf(i: Iface): string {
  return i.up ? i.qdisc : 'noop';
}

/**
 * txqueuelen: 1000 for lo and NICs (ether_setup / loopback_setup); 0 for bridges and veths,
 * which are IFF_NO_QUEUE devices — real hosts print `group default ` with no `qlen` for docker0
 * and the veths (captures in transcripts and issue pastes).
 */
export function txqlen(i: Iface): number {
  return i.kind === 'loopback' || i.kind === 'ether' ? 1000 : 0;
}

export function linkType(i: Iface): { type: string; brd: string } {
  return i.kind === 'loopback' ? { type: 'loopback', brd: '00:00:00:00:00:00' } : { type: 'ether', brd: 'ff:ff:ff:ff:ff:ff' };
}

/** The veth peer, if any. */
export function peerOf(w: World, i: Iface): Iface | undefined {
  return i.peer ? w.ifaces.get(i.peer) : undefined;
}

/** The peer's namespace as this namespace numbers it (`link-netnsid N`). */
export function linkNetnsid(w: World, i: Iface): number | undefined {
  const peer = peerOf(w, i);
  if (!peer || peer.netns === i.netns) return undefined;
  return w.netns.get(i.netns)?.nsids.get(peer.netns);
}

/**
 * The name iproute2 prints (lib/utils.c print_name_and_link): `name@ifN` when the peer lives in
 * another namespace (IFLA_LINK_NETNSID is present, so it cannot be named), `name@peer` in the same one.
 */
export function displayName(w: World, i: Iface): string {
  const peer = peerOf(w, i);
  if (!peer) return i.name;
  return peer.netns === i.netns ? `${i.name}@${peer.name}` : `${i.name}@if${peer.ifindex}`;
}

/**
 * IPv6 addresses the kernel gives an interface (addrconf): `::1/128` on an IPv6-enabled lo
 * (kernel ≥ 6.x flags it noprefixroute), and the EUI-64 link-local once the link has carrier
 * (addrconf_notify waits for NETDEV_CHANGE with carrier before adding it).
 * Approximation: a real link keeps its fe80:: after losing carrier; the model has no history.
 */
export function ipv6Addrs(w: World, i: Iface): { ip: string; prefix: number; scope: 'host' | 'link'; flags: string[] }[] {
  if (!i.ipv6 || !i.up) return [];
  if (i.kind === 'loopback') return [{ ip: '::1', prefix: 128, scope: 'host', flags: ['noprefixroute'] }];
  if (!carrier(w, i)) return [];
  return [{ ip: linkLocal6(i.mac), prefix: 64, scope: 'link', flags: [] }];
}

/** fe80:: + the modified EUI-64 of a MAC (RFC 4291 appendix A): flip the U/L bit, insert ff:fe. */
export function linkLocal6(mac: string): string {
  const b = mac.split(':').map((x) => parseInt(x, 16));
  const [b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0] = b;
  return formatIpv6([0xfe80, 0, 0, 0, ((b0 ^ 0x02) << 8) | b1, (b2 << 8) | 0xff, (0xfe << 8) | b3, (b4 << 8) | b5]);
}

/** RFC 5952 text form of eight 16-bit groups: lower-case, the longest run (≥ 2) of zeros as `::`. */
export function formatIpv6(groups: readonly number[]): string {
  let bestAt = -1;
  let bestLen = 1;
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestAt = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestAt < 0) return hex.join(':');
  return `${hex.slice(0, bestAt).join(':')}::${hex.slice(bestAt + bestLen).join(':')}`;
}
