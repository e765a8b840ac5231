import { HOST_NS, LAPTOP_NS, ROUTER_NS, shortId, type ContainerId, type IfaceId, type NetnsId } from './ids';
import type { Container, Network } from './docker/types';
import type { Iface, Netns } from './net/types';
import type { World } from './world';

/**
 * What the graph draws, derived from the World: nodes and links with stable ids (engine ids
 * wherever the engine has one) and no coordinates. Pure and linear in the size of the World:
 * the store calls it on every change, with up to a few thousand containers.
 */

export type TopoNodeKind =
  | 'host' // the Docker host's network namespace (a frame)
  | 'netns' // a container sandbox namespace (a frame)
  | 'container'
  | 'interface' // lo and physical NICs
  | 'bridge' // a Linux bridge (docker0, br-…)
  | 'veth' // either end of a veth pair
  | 'port' // a published port on the host
  | 'network' // a Docker network object
  | 'router' // the LAN's home router (a frame)
  | 'machine' // the laptop on the LAN, a host on the internet
  | 'internet'; // the cloud behind the router (a frame)

export type TopoLinkKind = 'veth' | 'bridge-port' | 'lan' | 'wan' | 'nat' | 'shared';

export interface TopoDetails {
  /** First IPv4 address as ip/prefix. */
  readonly ip?: string;
  readonly addrs?: readonly string[];
  readonly mac?: string;
  /** UP/DOWN for interfaces, the container state for containers. */
  readonly state?: string;
  /** Container network mode ('bridge', 'host', 'none', 'container:<name>', a network name). */
  readonly mode?: string;
  readonly ifindex?: number;
  /** Other end of a veth pair. */
  readonly peer?: IfaceId;
  /** Bridge this interface is a port of. */
  readonly master?: IfaceId;
  readonly image?: string;
  readonly shortId?: string;
  readonly driver?: string;
  readonly subnet?: string;
  readonly gateway?: string;
  /** Published port: 'tcp', host port, container port, host addresses bound. */
  readonly proto?: string;
  readonly hostPort?: number;
  readonly containerPort?: number;
  readonly hostIps?: readonly string[];
  /** Node a port badge is drawn on (the host's external NIC). */
  readonly attach?: string;
  /** Container that owns a sandbox namespace (first started); keeps its place across restarts. */
  readonly owner?: ContainerId;
  /** Creation order, for layouts that keep the student's order. */
  readonly seq?: number;
}

export interface TopoNode {
  readonly id: string;
  readonly kind: TopoNodeKind;
  readonly name: string;
  /** The frame this node is drawn in (host, a netns, router, laptop, internet). */
  readonly parent?: string;
  readonly label: string;
  readonly details: TopoDetails;
}

export interface TopoLink {
  readonly id: string;
  readonly kind: TopoLinkKind;
  readonly source: string;
  readonly target: string;
}

export interface Topology {
  readonly nodes: readonly TopoNode[];
  readonly links: readonly TopoLink[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Synthetic id of the internet cloud: the engine models it as one segment, not one object. */
export const INTERNET_ID = 'internet';

export function portNodeId(c: ContainerId, proto: string, hostPort: number, containerPort: number): string {
  return `port:${c}:${proto}/${hostPort}:${containerPort}`;
}

/**
 * Memo tables keyed by the World's own records. The World is persistent: a record a command did
 * not touch is the same object in the next World, so its drawing can be reused. This keeps a
 * change to one container of 1,000 from re-deriving the other 999 (the picture is re-derived
 * after every line). Keys are objects, so entries go when the records do (WeakMap).
 */
interface IfaceDrawing {
  readonly node: TopoNode;
  readonly links: readonly TopoLink[];
  /** The peer as it was when drawn: which end of a pair draws the wire depends on it. */
  readonly peer: Iface | undefined;
}
const ifaceMemo = new WeakMap<Iface, IfaceDrawing>();
const containerMemo = new WeakMap<Container, TopoNode>();
const frameMemo = new WeakMap<Container, TopoNode>();
const networkMemo = new WeakMap<Network, TopoNode>();
const ifaceMaps = new WeakMap<object, Map<IfaceId, Iface>>();
const netnsMaps = new WeakMap<object, Map<NetnsId, Netns>>();
const sortedContainers = new WeakMap<object, readonly Container[]>();
/** The internet, its hosts, the router and the laptop; the host's frame: drawn from `world.host`. */
const outsideMemo = new WeakMap<World['host'], { readonly outside: readonly TopoNode[]; readonly router: TopoNode; readonly laptop: TopoNode; readonly host: TopoNode }>();
/** A container's port badges and NAT links, valid while its record, the host's NIC and the NAT target are the same. */
interface PortsDrawing {
  readonly hostLan: IfaceId | undefined;
  readonly target: string;
  readonly nodes: readonly TopoNode[];
  readonly links: readonly TopoLink[];
}
const portsMemo = new WeakMap<Container, PortsDrawing>();
const sharedMemo = new WeakMap<Container, TopoLink>();

/** The LAN and WAN wires, the same objects while their ends are (a handful of entries). */
const segmentLinks = new Map<string, TopoLink>();
function segmentLink(id: string, kind: 'lan' | 'wan', source: string, target: string): TopoLink {
  const old = segmentLinks.get(id);
  if (old && old.source === source && old.target === target) return old;
  const l: TopoLink = { id, kind, source, target };
  segmentLinks.set(id, l);
  return l;
}

function outsideOf(world: World) {
  let o = outsideMemo.get(world.host);
  if (!o) {
    const h = world.host;
    const outside: TopoNode[] = [{ id: INTERNET_ID, kind: 'internet', name: 'internet', label: 'internet', details: {} }];
    for (const [name, ip] of Object.entries(h.internet)) {
      outside.push({ id: name, kind: 'machine', name, parent: INTERNET_ID, label: `${name} ${ip}`, details: { ip: `${ip}/32` } });
    }
    o = {
      outside,
      router: { id: ROUTER_NS, kind: 'router', name: 'router', label: `router ${h.routerIp}`, details: { ip: `${h.routerIp}/${h.lanPrefix}` } },
      laptop: { id: LAPTOP_NS, kind: 'machine', name: 'laptop', label: `laptop ${h.laptopIp}`, details: { ip: `${h.laptopIp}/${h.lanPrefix}` } },
      host: { id: HOST_NS, kind: 'host', name: h.hostname, label: h.hostname, details: { ip: `${h.lanIp}/${h.lanPrefix}` } },
    };
    outsideMemo.set(world.host, o);
  }
  return o;
}

function ifaceDrawing(i: Iface, ifaces: Map<IfaceId, Iface>): IfaceDrawing {
  const hit = ifaceMemo.get(i);
  const peer = i.peer ? ifaces.get(i.peer) : undefined;
  if (hit && hit.peer === peer) return hit;
  const addrs: string[] = [];
  for (const a of i.addrs) addrs.push(`${a.ip}/${a.prefix}`);
  const ip = addrs[0];
  // Plain assignments rather than conditional spreads: this runs for every interface of a big lab.
  const details: Mutable<TopoDetails> = { addrs, mac: i.mac, state: i.up ? 'UP' : 'DOWN', ifindex: i.ifindex };
  if (ip) details.ip = ip;
  if (i.peer) details.peer = i.peer;
  if (i.master) details.master = i.master;
  const kind = i.kind === 'bridge' ? 'bridge' : i.kind === 'veth' ? 'veth' : 'interface';
  const node: TopoNode = { id: i.id, kind, name: i.name, parent: i.netns, label: ip ? `${i.name} ${ip}` : i.name, details };
  const links: TopoLink[] = [];
  if (i.master) links.push({ id: `bp:${i.id}`, kind: 'bridge-port', source: i.id, target: i.master });
  // One link per pair, from the host end so its id does not change when the peer is renamed.
  if (i.peer && i.kind === 'veth' && i.netns === HOST_NS && firstOfPair(i, peer)) links.push({ id: `veth:${i.id}`, kind: 'veth', source: i.id, target: i.peer });
  const d = { node, links, peer };
  ifaceMemo.set(i, d);
  return d;
}

function memoMap<K, V>(memo: WeakMap<object, Map<K, V>>, source: { entries(): IterableIterator<[K, V]> } & object): Map<K, V> {
  let m = memo.get(source);
  if (!m) {
    // One pass into a plain Map: immutable.js re-hashes string keys longer than 16 characters on
    // every get once its small hash cache overflows (ids like 'sb-…/2'), which made 3,000
    // lookups cost ~30 ms; iterating the persistent map once is ~2 ms.
    m = new Map(source.entries());
    memo.set(source, m);
  }
  return m;
}

export function toTopology(world: World): Topology {
  const nodes: TopoNode[] = [];
  const links: TopoLink[] = [];
  const d = world.docker;
  const ifaces = memoMap(ifaceMaps, world.ifaces);
  const namespaces = memoMap(netnsMaps, world.netns);

  const addIfaces = (ns: NetnsId, skipLo: boolean) => {
    const n = namespaces.get(ns);
    if (!n) return;
    for (const id of n.ifaces) {
      const i = ifaces.get(id);
      if (!i || (skipLo && i.kind === 'loopback')) continue;
      const drawing = ifaceDrawing(i, ifaces);
      nodes.push(drawing.node);
      for (const l of drawing.links) links.push(l);
    }
  };

  // The outside world first: internet, router, laptop. Their loopbacks teach nothing here.
  // The same objects from one World to the next (the graph skips what it drew last time).
  const outside = outsideOf(world);
  for (const n of outside.outside) nodes.push(n);
  nodes.push(outside.router);
  addIfaces(ROUTER_NS, true);
  nodes.push(outside.laptop);
  addIfaces(LAPTOP_NS, true);

  // Physical segments: every NIC on the LAN reaches the router's LAN port; the router's uplink the internet.
  const routerLan = nicOnSegment(world, ROUTER_NS, 'lan');
  const routerWan = nicOnSegment(world, ROUTER_NS, 'wan');
  const hostLan = nicOnSegment(world, HOST_NS, 'lan');
  for (const ns of [HOST_NS, LAPTOP_NS]) {
    const nic = nicOnSegment(world, ns, 'lan');
    if (nic && routerLan) links.push(segmentLink(`lan:${nic}`, 'lan', nic, routerLan));
  }
  if (routerWan) links.push(segmentLink(`wan:${routerWan}`, 'wan', routerWan, INTERNET_ID));

  // The Docker host's namespace with its NICs, bridges and host-side veths.
  nodes.push(outside.host);
  addIfaces(HOST_NS, false);
  for (const net of d.networks.values()) {
    let n = networkMemo.get(net);
    if (!n) {
      n = networkNode(net);
      networkMemo.set(net, n);
    }
    nodes.push(n);
  }

  // Containers, oldest first; sandboxes become frames owned by their first container.
  let containers = sortedContainers.get(d.containers);
  if (!containers) {
    containers = [...d.containers.values()].sort((a, b) => a.seq - b.seq);
    sortedContainers.set(d.containers, containers);
  }
  const owners = new Map<NetnsId, Container>();
  for (const c of containers) {
    if (c.state === 'running' && c.netns && c.netns !== HOST_NS && !owners.has(c.netns)) {
      // A container:X joiner only owns the namespace if X has stopped and left it behind.
      const donorRunning = c.networkMode.startsWith('container:') && d.containers.get(c.networkMode.slice(10) as ContainerId)?.state === 'running';
      if (!donorRunning) owners.set(c.netns, c);
    }
  }
  for (const c of containers) {
    if (owners.get(c.netns as NetnsId) === c && c.netns) {
      let frame = frameMemo.get(c);
      if (!frame) {
        frame = { id: c.netns, kind: 'netns', name: c.netns, label: `netns ${c.netns}`, details: { owner: c.id, seq: c.seq } };
        frameMemo.set(c, frame);
      }
      nodes.push(frame);
      addIfaces(c.netns, false);
    }
  }
  for (const c of containers) {
    const running = c.state === 'running' && c.netns;
    const mode = displayMode(world, c);
    let node = containerMemo.get(c);
    if (!node || node.details.mode !== mode) {
      const fresh: Mutable<TopoNode> = { id: c.id, kind: 'container', name: c.name, label: c.name, details: { state: c.state, mode, image: c.image, shortId: shortId(c.id), seq: c.seq } };
      if (running) fresh.parent = c.netns;
      node = fresh;
      containerMemo.set(c, node);
    }
    nodes.push(node);
    if (running && c.networkMode.startsWith('container:')) {
      const donor = c.networkMode.slice(10);
      if (d.containers.has(donor as ContainerId)) {
        let shared = sharedMemo.get(c);
        if (!shared) {
          shared = { id: `shared:${c.id}`, kind: 'shared', source: c.id, target: donor };
          sharedMemo.set(c, shared);
        }
        links.push(shared);
      }
    }
    if (running) addPorts(world, c, hostLan, nodes, links);
  }
  return { nodes, links };
}

/** A pair with both ends on the host (`ip link add … type veth`) is still one wire. */
function firstOfPair(i: Iface, peer: Iface | undefined): boolean {
  return !peer || peer.netns !== HOST_NS || i.ifindex < peer.ifindex;
}

function nicOnSegment(world: World, ns: NetnsId, segment: string): IfaceId | undefined {
  const n = world.netns.get(ns);
  if (!n) return undefined;
  return n.ifaces.find((id) => world.ifaces.get(id)?.segment === segment);
}

function networkNode(net: Network): TopoNode {
  const cfg = net.ipam[0];
  return {
    id: net.id,
    kind: 'network',
    name: net.name,
    // A bridge network is drawn on its Linux bridge; host and none networks in the host frame.
    parent: net.bridge ?? HOST_NS,
    label: cfg ? `${net.name} ${cfg.subnet}` : net.name,
    details: {
      driver: net.driver,
      shortId: shortId(net.id),
      ...(cfg ? { subnet: cfg.subnet } : {}),
      ...(cfg?.gateway ? { gateway: cfg.gateway } : {}),
    },
  };
}

/** 'container:<64 hex>' reads better as 'container:<name>', as `docker inspect` users say it. */
function displayMode(world: World, c: Container): string {
  if (!c.networkMode.startsWith('container:')) return c.networkMode;
  const donor = world.docker.containers.get(c.networkMode.slice(10) as ContainerId);
  return donor ? `container:${donor.name}` : c.networkMode;
}

/**
 * One badge per host port and protocol: Docker binds 0.0.0.0 and [::] for one `-p`, which is one
 * idea for a student. The NAT link goes to the interface of the network that publishes the ports
 * (the container's first bridge network with an address).
 */
function addPorts(world: World, c: Container, hostLan: IfaceId | undefined, nodes: TopoNode[], links: TopoLink[]): void {
  if (c.ports.length === 0) return;
  let target: string = c.id;
  for (const att of c.networks) {
    const ep = att.endpointId ? world.docker.endpoints.get(att.endpointId) : undefined;
    if (ep?.ip && ep.containerIface) {
      target = ep.containerIface;
      break;
    }
  }
  let drawn = portsMemo.get(c);
  if (!drawn || drawn.hostLan !== hostLan || drawn.target !== target) {
    drawn = portsOf(c, hostLan, target);
    portsMemo.set(c, drawn);
  }
  for (const n of drawn.nodes) nodes.push(n);
  for (const l of drawn.links) links.push(l);
}

function portsOf(c: Container, hostLan: IfaceId | undefined, target: string): PortsDrawing {
  const nodes: TopoNode[] = [];
  const links: TopoLink[] = [];
  const seen = new Map<string, string[]>();
  for (const p of c.ports) {
    const key = `${p.proto}/${p.hostPort}:${p.containerPort}`;
    const ips = seen.get(key);
    if (ips) {
      ips.push(p.hostIp);
      continue;
    }
    const hostIps = [p.hostIp];
    seen.set(key, hostIps);
    const id = portNodeId(c.id, p.proto, p.hostPort, p.containerPort);
    nodes.push({
      id,
      kind: 'port',
      name: `${p.hostPort}/${p.proto}`,
      parent: HOST_NS,
      label: `:${p.hostPort} → ${c.name}:${p.containerPort}`,
      details: { proto: p.proto, hostPort: p.hostPort, containerPort: p.containerPort, hostIps, ...(hostLan ? { attach: hostLan } : {}) },
    });
    links.push({ id: `nat:${id}`, kind: 'nat', source: id, target });
  }
  return { hostLan, target, nodes, links };
}
