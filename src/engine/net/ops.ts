import { Map as IMap } from 'immutable';
import type { IfaceId, NetnsId } from '../ids';
import { emptyNetfilter } from '../netfilter/tables';
import type { Rng } from '../rng';
import type { Tx } from '../tx';
import { broadcastFor, formatCidr, parseCidr } from './ipv4';
import type { Addr, Iface, IfaceKind, Netns, Route, Socket } from './types';

/** Kernel operations on the Tx's world, named as iproute2 names them. */

export function addNetns(tx: Tx, id: NetnsId, kind: Netns['kind']): void {
  tx.putNetns({
    id,
    kind,
    ifaces: [],
    byName: IMap<string, IfaceId>(),
    nextIfindex: 1,
    routes: [],
    sockets: [],
    // The home router forwards; a Debian host boots with net.ipv4.ip_forward=0 until dockerd's
    // bridge driver switches it on (drivers/bridge.ts setupIPv4Forwarding).
    forwarding: kind === 'lan',
    nf: emptyNetfilter(),
    nsids: IMap<NetnsId, number>(),
    nsidFree: [],
    nsidNext: 0,
    holders: 0,
  });
  tx.emit({ type: 'netns-created', netns: id });
  // Every namespace is born with a loopback device, down until someone sets it up; Docker and
  // the init scripts always bring it up, so it is created up here.
  addLink(tx, id, { name: 'lo', kind: 'loopback', mac: '00:00:00:00:00:00', mtu: 65536 });
  // IPv6 is on in the lab's kernel, so every loopback has ::1 (Docker disables IPv6 only on the
  // container interfaces of IPv4-only networks).
  tx.updateIface(ifaceByName(tx, id, 'lo'), (i) => ({ ...i, ipv6: true }));
  addAddr(tx, ifaceByName(tx, id, 'lo'), { ip: '127.0.0.1', prefix: 8, scope: 'host' });
}

export function delNetns(tx: Tx, id: NetnsId): void {
  const ns = tx.netns(id);
  for (const i of ns.ifaces) {
    const iface = tx.world.ifaces.get(i);
    // Destroying a namespace destroys its veth ends, and with them their peers.
    if (iface?.peer) delLink(tx, iface.peer);
    tx.dropIface(i);
  }
  // Peers that numbered this namespace release the id (only namespaces this one numbered can
  // have numbered it: ids are assigned in pairs when a veth crosses).
  for (const other of ns.nsids.keys()) {
    if (!tx.world.netns.has(other)) continue;
    tx.updateNetns(other, (n) => {
      const nsid = n.nsids.get(id);
      if (nsid === undefined) return n;
      return { ...n, nsids: n.nsids.delete(id), nsidFree: [...n.nsidFree, nsid].sort((a, b) => a - b) };
    });
  }
  tx.dropNetns(id);
  tx.emit({ type: 'netns-deleted', netns: id });
}

export interface NewLink {
  readonly name: string;
  readonly kind: IfaceKind;
  readonly mac: string;
  readonly mtu: number;
  readonly up?: boolean;
  readonly qdisc?: Iface['qdisc'];
  readonly segment?: string;
}

export function addLink(tx: Tx, nsId: NetnsId, l: NewLink): IfaceId {
  const ns = tx.netns(nsId);
  const ifindex = ns.nextIfindex;
  const id = `${nsId}/${ifindex}` as IfaceId;
  const iface: Iface = {
    id,
    netns: nsId,
    ifindex,
    name: l.name,
    kind: l.kind,
    mac: l.mac,
    mtu: l.mtu,
    up: l.up ?? true,
    qdisc: l.qdisc ?? 'noqueue',
    addrs: [],
    ...(l.segment ? { segment: l.segment } : {}),
  };
  tx.putIface(iface);
  tx.putNetns({ ...ns, ifaces: [...ns.ifaces, id], byName: ns.byName.set(l.name, id), nextIfindex: ifindex + 1 });
  tx.emit({ type: 'iface-created', iface: id, netns: nsId, name: l.name });
  return id;
}

/** Deletes a link; deleting one end of a veth pair deletes the other (kernel behaviour). */
export function delLink(tx: Tx, id: IfaceId): void {
  const iface = tx.world.ifaces.get(id);
  if (!iface) return;
  tx.dropIface(id);
  tx.updateNetns(iface.netns, (n) => ({
    ...n,
    ifaces: n.ifaces.filter((x) => x !== id),
    byName: n.byName.get(iface.name) === id ? n.byName.delete(iface.name) : n.byName,
    routes: n.routes.filter((r) => r.dev !== id),
  }));
  if (iface.master) tx.emit({ type: 'bridge-port-removed', bridge: iface.master, port: id });
  tx.emit({ type: 'iface-deleted', iface: id, netns: iface.netns, name: iface.name });
  if (iface.peer && tx.world.ifaces.has(iface.peer)) delLink(tx, iface.peer);
}

/**
 * `ip link add NAME type veth peer name PEER netns NS` — Docker 28 creates the peer directly in
 * the container's namespace (bridge_linux.go createVeth, veth.PeerNamespace), so the container
 * end takes that namespace's next ifindex (normally 2) and keeps its temporary name until renamed.
 */
export function addVeth(
  tx: Tx,
  hostNs: NetnsId,
  hostName: string,
  peerNs: NetnsId,
  peerName: string,
  mtu: number,
  peerMac: string,
): { host: IfaceId; peer: IfaceId } {
  const host = addLink(tx, hostNs, { name: hostName, kind: 'veth', mac: randomMac(tx.rng), mtu });
  const peer = addLink(tx, peerNs, { name: peerName, kind: 'veth', mac: peerMac, mtu });
  tx.updateIface(host, (i) => ({ ...i, peer }));
  tx.updateIface(peer, (i) => ({ ...i, peer: host }));
  assignNsid(tx, hostNs, peerNs);
  assignNsid(tx, peerNs, hostNs);
  tx.emit({ type: 'veth-created', host, peer });
  return { host, peer };
}

/** Kernel netns ids are allocated lowest-free (idr_alloc from 0) on first reference. */
function assignNsid(tx: Tx, ns: NetnsId, other: NetnsId): void {
  const n = tx.netns(ns);
  if (n.nsids.has(other)) return;
  const [reuse, ...rest] = n.nsidFree;
  if (reuse !== undefined) tx.putNetns({ ...n, nsids: n.nsids.set(other, reuse), nsidFree: rest });
  else tx.putNetns({ ...n, nsids: n.nsids.set(other, n.nsidNext), nsidNext: n.nsidNext + 1 });
}

export function setMaster(tx: Tx, port: IfaceId, bridge: IfaceId): void {
  tx.updateIface(port, (i) => ({ ...i, master: bridge }));
  tx.emit({ type: 'bridge-port-added', bridge, port });
}

export function renameLink(tx: Tx, id: IfaceId, name: string): void {
  const old = tx.iface(id);
  tx.updateIface(id, (i) => ({ ...i, name }));
  tx.updateNetns(old.netns, (n) => ({ ...n, byName: n.byName.delete(old.name).set(name, id) }));
}

/** `ip addr add`: also installs the prefix route the kernel adds for a global address. */
export function addAddr(tx: Tx, id: IfaceId, a: Omit<Addr, 'brd'> & { brd?: string }): void {
  const iface = tx.iface(id);
  const brd = a.brd ?? (a.scope === 'global' ? broadcastFor(a.ip, a.prefix) : undefined);
  const addr: Addr = { ip: a.ip, prefix: a.prefix, scope: a.scope, ...(brd ? { brd } : {}) };
  tx.putIface({ ...iface, addrs: [...iface.addrs, addr] });
  tx.emit({ type: 'addr-added', iface: id, ip: a.ip, prefix: a.prefix });
  if (a.scope === 'global' && a.prefix < 32) {
    const p = parseCidr(`${a.ip}/${a.prefix}`);
    if (p) addRoute(tx, iface.netns, { dst: formatCidr(p), dev: id, proto: 'kernel', scope: 'link', src: a.ip });
  }
}

export function addRoute(tx: Tx, nsId: NetnsId, r: Route): void {
  tx.updateNetns(nsId, (n) => ({ ...n, routes: [...n.routes, r] }));
}

export function delRoutesFor(tx: Tx, nsId: NetnsId, dev: IfaceId): void {
  tx.updateNetns(nsId, (n) => ({ ...n, routes: n.routes.filter((r) => r.dev !== dev) }));
}

export function listen(tx: Tx, nsId: NetnsId, s: Socket): void {
  tx.updateNetns(nsId, (n) => ({ ...n, sockets: [...n.sockets, s] }));
}

export function closeSockets(tx: Tx, nsId: NetnsId, pid: number): void {
  if (!tx.world.netns.has(nsId)) return;
  tx.updateNetns(nsId, (n) => ({ ...n, sockets: n.sockets.filter((s) => s.pid !== pid) }));
}

export function ifaceByName(tx: Tx, nsId: NetnsId, name: string): IfaceId {
  const id = tx.netns(nsId).byName.get(name);
  if (!id) throw new Error(`bug: no ${name} in ${nsId}`);
  return id;
}

/**
 * Docker 28's GenerateRandomMAC: six random bytes, multicast bit cleared, locally-administered
 * bit set (libnetwork/netutils/utils.go). The kernel does the same for a new veth.
 */
export function randomMac(rng: Rng): string {
  const b = rng.bytes(6);
  b[0] = ((b[0] ?? 0) & 0xfe) | 0x02;
  return b.map((x) => x.toString(16).padStart(2, '0')).join(':');
}
