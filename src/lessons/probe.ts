import type { Container, Endpoint, Network } from '../engine/docker/types';
import { HOST_NS, LAPTOP_NS, ROUTER_NS, type ContainerId, type NetnsId } from '../engine/ids';
import type { Iface } from '../engine/net/types';
import { resolveName, sendPacket, type PacketResult } from '../engine/packet';
import type { World } from '../engine/world';

/**
 * Questions a check asks the simulated host, answered by its state or by walking a packet.
 * Every function takes the World as a value and returns facts; a packet walk's new World (its
 * counters went up) is dropped, so checking never changes what the student sees.
 */

export function container(w: World, name: string): Container | undefined {
  const id = w.docker.containerNames.get(name);
  return id ? w.docker.containers.get(id) : undefined;
}

export function running(w: World, name: string): Container | undefined {
  const c = container(w, name);
  return c?.state === 'running' ? c : undefined;
}

export function containers(w: World): Container[] {
  return [...w.docker.containers.values()].sort((a, b) => a.seq - b.seq);
}

/** The image without its tag: 'nginx:1.27' → 'nginx'. */
export function imageName(c: Container): string {
  return c.image.replace(/:[^/]*$/, '');
}

export function networkByName(w: World, name: string): Network | undefined {
  const id = w.docker.networkNames.get(name);
  return id ? w.docker.networks.get(id) : undefined;
}

export function endpoints(w: World, c: Container): Endpoint[] {
  const out: Endpoint[] = [];
  for (const a of c.networks) {
    const ep = a.endpointId ? w.docker.endpoints.get(a.endpointId) : undefined;
    if (ep) out.push(ep);
  }
  return out;
}

export function networkName(w: World, ep: Endpoint): string {
  return w.docker.networks.get(ep.networkId)?.name ?? '';
}

/** The container's address on a network (the first one with an address when no network is named). */
export function ipOn(w: World, c: Container, network?: string): string | undefined {
  return endpoints(w, c).find((e) => e.ip && (network === undefined || networkName(w, e) === network))?.ip;
}

export function iface(w: World, id: string | undefined): Iface | undefined {
  return id ? w.ifaces.get(id as Iface['id']) : undefined;
}

/** Names of the interfaces in a container's namespace ('lo', 'eth0'…). */
export function ifaceNames(w: World, c: Container): string[] {
  const ns = c.netns ? w.netns.get(c.netns) : undefined;
  return (ns?.ifaces ?? []).map((id) => w.ifaces.get(id)?.name ?? '');
}

export function tcp(w: World, from: NetnsId, dst: string, dport: number): PacketResult {
  return sendPacket(w, from, { dst, proto: 'tcp', dport, bytes: 60 });
}

export function ping(w: World, from: NetnsId, dst: string): PacketResult {
  return sendPacket(w, from, { dst, proto: 'icmp', bytes: 84 });
}

/** Who answered a TCP connection: the container whose namespace holds the answering socket. */
export interface Answer {
  readonly delivered: boolean;
  readonly server?: string;
  /** The container serving it (for a host-mode container: the one whose process owns the socket). */
  readonly by?: Container;
  readonly error?: string;
}

export function whoAnswers(w: World, from: NetnsId, dst: string, dport: number): Answer {
  const r = tcp(w, from, dst, dport);
  const sock = r.answeredBy?.socket;
  const server = sock ? (sock.service.kind === 'http' ? sock.service.server : sock.service.kind) : undefined;
  let by: Container | undefined;
  const at = r.answeredBy?.netns;
  if (sock && at) {
    const proc = w.processes.get(sock.pid);
    if (proc?.containerId) by = w.docker.containers.get(proc.containerId as ContainerId);
    by ??= at === HOST_NS ? undefined : containers(w).find((c) => c.state === 'running' && c.netns === at);
  }
  return { delivered: r.delivered, ...(server ? { server } : {}), ...(by ? { by } : {}), ...(r.error ? { error: r.error } : {}) };
}

/** Port `port` on the Docker host's LAN address, as the laptop sees it. */
export function fromLaptop(w: World, port: number): Answer {
  return whoAnswers(w, LAPTOP_NS, w.host.lanIp, port);
}

/** The address `name` resolves to inside the container (getaddrinfo: /etc/hosts, then DNS). */
export function resolveIn(w: World, c: Container, name: string): { readonly addresses: readonly string[]; readonly source: string } {
  if (!c.netns) return { addresses: [], source: 'none' };
  const r = resolveName(w, c.netns, name);
  return { addresses: r.addresses, source: r.source };
}

/** Host ports the container publishes for a container port (one per host port, IPv4 and IPv6 counted once). */
export function hostPortsFor(c: Container, containerPort: number): number[] {
  const out: number[] = [];
  for (const p of c.ports) if (p.containerPort === containerPort && p.proto === 'tcp' && !out.includes(p.hostPort)) out.push(p.hostPort);
  return out;
}

export { HOST_NS, LAPTOP_NS, ROUTER_NS };
