/**
 * Name resolution as a process in a namespace experiences it (getaddrinfo, nslookup):
 *
 * - /etc/hosts first (nsswitch `hosts: files dns`): localhost, the container's own hostname,
 *   legacy-link lines (links.ts linkHostsLines); the host has Debian's `127.0.1.1 <hostname>`.
 * - Containers on user-defined networks use Docker's embedded DNS at 127.0.0.11
 *   (libnetwork/resolver.go, sandbox_dns_unix.go): it answers the DNSNames of the endpoints on
 *   the networks this container is attached to (container name, network aliases, short id,
 *   hostname — per network), and forwards other names to the host's nameserver. Reference §3.10:
 *   the generated resolv.conf says `ExtServers: [host(192.168.1.1)]`, i.e. the forwarded query
 *   leaves from the host's namespace. Since Engine 26 a container attached only to internal
 *   networks gets no forwarding (resolver.go SetForwardingPolicy / hasExternalAccess).
 * - The default bridge and the host copy the host's resolv.conf: the query goes straight to
 *   the router's DNS (192.168.1.1), which knows the lab's internet (World.host.internet).
 *
 * The upstream query is a real UDP exchange through sendPacket's walk, so an unreachable DNS
 * server times out and the MASQUERADE counters count the query.
 */
import { HOST_NS, type NetnsId } from '../ids';
import { parseIp } from '../net/ipv4';
import { sortEndpoints } from '../docker/gateway';
import { linkHostsLines } from '../docker/links';
import type { Container, Endpoint } from '../docker/types';
import type { World } from '../world';
import { exchange } from './send';
import type { Hop, PacketError } from './types';
import { Walker } from './walker';

export const EMBEDDED_DNS = '127.0.0.11';

export interface Resolution {
  readonly world: World;
  readonly hops: readonly Hop[];
  readonly name: string;
  /** IPv4 addresses found (empty on failure). */
  readonly addresses: readonly string[];
  /** The nameserver that answered (127.0.0.11 for the embedded DNS), null for /etc/hosts or a literal. */
  readonly server: string | null;
  readonly source: 'literal' | 'hosts' | 'embedded-dns' | 'dns';
  /** nxdomain: no such name; servfail: the embedded DNS may not forward; else the query's fate. */
  readonly error?: 'nxdomain' | 'servfail' | PacketError;
}

export interface ResolveOptions {
  /** busybox nslookup asks the nameserver directly; getaddrinfo (ping, curl, wget) reads /etc/hosts first. */
  readonly hostsFile?: boolean;
}

/** The container whose sandbox `netns` is (its owner, not a `container:` guest), if running. */
export function containerInNetns(w: World, netns: NetnsId): Container | undefined {
  if (netns === HOST_NS) return undefined;
  let guest: Container | undefined;
  for (const c of w.docker.containers.values()) {
    if (c.state !== 'running' || c.netns !== netns) continue;
    if (!c.networkMode.startsWith('container:')) return c;
    guest ??= c;
  }
  return guest;
}

function endpointsOf(w: World, c: Container) {
  return c.networks.flatMap((a) => {
    const ep = a.endpointId ? w.docker.endpoints.get(a.endpointId) : undefined;
    return ep ? [ep] : [];
  });
}

/** Entries of the namespace's /etc/hosts as [ip, names]. */
export function hostsEntries(w: World, netns: NetnsId): [string, string[]][] {
  const out: [string, string[]][] = [['127.0.0.1', ['localhost']]];
  const c = containerInNetns(w, netns);
  if (!c) {
    out.push(['127.0.1.1', [w.host.hostname]]);
    return out;
  }
  for (const line of linkHostsLines(w, c)) {
    const [ip, names] = line.split('\t');
    if (ip && names) out.push([ip, names.split(' ')]);
  }
  // The container's own line comes last (sandbox_dns_unix.go updateHostsFile).
  const own = endpointsOf(w, c).find((e) => e.ip);
  if (own) out.push([own.ip, c.domainname ? [`${c.hostname}.${c.domainname}`, c.hostname] : [c.hostname]]);
  return out;
}

function fromHosts(w: World, netns: NetnsId, name: string): string[] {
  const n = name.toLowerCase();
  const out: string[] = [];
  for (const [ip, names] of hostsEntries(w, netns)) if (names.some((x) => x.toLowerCase() === n) && !out.includes(ip)) out.push(ip);
  return out;
}

/** The addresses answering to `name` among the running endpoints of one network (its svcRecords). */
function inNetwork(w: World, networkId: string, name: string): string[] {
  const net = w.docker.networks.get(networkId as Endpoint['networkId']);
  const out: string[] = [];
  for (const epId of net?.endpoints ?? []) {
    const ep = w.docker.endpoints.get(epId);
    const owner = ep ? w.docker.containers.get(ep.containerId) : undefined;
    if (!ep?.ip || owner?.state !== 'running') continue;
    if (ep.dnsNames?.some((x) => x.toLowerCase() === name) && !out.includes(ep.ip)) out.push(ep.ip);
  }
  return out;
}

/**
 * The embedded DNS's answer for container `c` (libnetwork sandbox.go ResolveName): the whole
 * name first, then "a.b" as `a` in the network named `b`, and so on; for each, the container's
 * own aliases on a network — `--link target:alias` on a user network, seen by this container only
 * (ep.aliases) — before the DNSNames of every running endpoint there. The first of the
 * container's networks that knows the name answers, in the sandbox's endpoint order (the order
 * that also picks the gateway: gateway.ts sortEndpoints).
 */
function fromEmbedded(w: World, c: Container, query: string): string[] {
  const name = query.toLowerCase().replace(/\.$/, '');
  const tries: [string, string | null][] = [[name, null]];
  for (let i = name.lastIndexOf('.'); i > 0; i = name.lastIndexOf('.', i - 1)) tries.push([name.slice(0, i), name.slice(i + 1)]);
  const mine = sortEndpoints(w, endpointsOf(w, c)).filter((e) => e.dnsNames !== null);
  for (const [req, netName] of tries) {
    const eps = mine.filter((e) => netName === null || w.docker.networks.get(e.networkId)?.name.toLowerCase() === netName);
    for (const ep of eps) {
      for (const l of ep.links ?? []) {
        const [target = '', alias = target] = l.split(':');
        if (alias.toLowerCase() !== req) continue;
        const ips = inNetwork(w, ep.networkId, target.toLowerCase());
        if (ips.length) return ips;
      }
    }
    for (const ep of eps) {
      const ips = inNetwork(w, ep.networkId, req);
      if (ips.length) return ips;
    }
  }
  return [];
}

/** DNS message sizes: IP 20 + UDP 8 + header 12 + QNAME (len + 2) + QTYPE/QCLASS 4; an A record adds 16. */
function queryBytes(name: string): number {
  return 20 + 8 + 12 + name.length + 2 + 4;
}

/** What every simulated DNS server knows: the lab's internet. */
function authoritative(w: World, name: string): string[] {
  const n = name.toLowerCase().replace(/\.$/, '');
  const ip = w.host.internet[n];
  return ip ? [ip] : [];
}

function viaServer(w: Walker, from: NetnsId, server: string, name: string): { addresses: string[]; error?: Resolution['error'] } {
  const addresses = authoritative(w.world, name);
  const q = queryBytes(name);
  const r = exchange(w, from, { dst: server, proto: 'udp', dport: 53, bytes: q, replyBytes: q + 16 * addresses.length }, 0);
  if (!r.delivered) return { addresses: [], error: r.error ?? 'timeout' };
  return addresses.length ? { addresses } : { addresses: [], error: 'nxdomain' };
}

export function resolveName(world: World, netns: NetnsId, name: string, opts: ResolveOptions = {}): Resolution {
  const base = { name, world, hops: [] as Hop[] };
  if (parseIp(name) !== null) return { ...base, addresses: [name], server: null, source: 'literal' };
  if (opts.hostsFile !== false) {
    const hosts = fromHosts(world, netns, name);
    if (hosts.length) return { ...base, addresses: hosts, server: null, source: 'hosts' };
  }
  const w = new Walker(world);
  const c = containerInNetns(world, netns);
  const eps = c ? endpointsOf(world, c) : [];
  const onUserNetwork = eps.some((e) => e.dnsNames !== null);
  if (c && onUserNetwork) {
    w.hop({ kind: 'send', netns, summary: `DNS query A ${name} → ${EMBEDDED_DNS}:53 (Docker's embedded DNS)` });
    const found = fromEmbedded(world, c, name);
    if (found.length) {
      w.hop({ kind: 'deliver', netns, socket: `udp ${EMBEDDED_DNS}:53 dockerd (embedded DNS): ${found.join(', ')}` });
      return { ...base, world: w.world, hops: w.hops, addresses: found, server: EMBEDDED_DNS, source: 'embedded-dns' };
    }
    const external = eps.some((e) => {
      const net = world.docker.networks.get(e.networkId);
      return net !== undefined && !net.internal;
    });
    if (!external) {
      w.hop({ kind: 'drop', netns, reason: 'embedded DNS: not a container name, and no forwarding for internal-only containers' });
      return { ...base, world: w.world, hops: w.hops, addresses: [], server: EMBEDDED_DNS, source: 'embedded-dns', error: 'servfail' };
    }
    w.hop({ kind: 'deliver', netns, socket: `udp ${EMBEDDED_DNS}:53 dockerd (embedded DNS): forwarded to ${world.host.dnsServer}` });
    const up = viaServer(w, HOST_NS, world.host.dnsServer, name);
    // The resolver relays NXDOMAIN; an upstream it cannot reach becomes SERVFAIL for the client.
    const error = up.error === undefined || up.error === 'nxdomain' ? up.error : 'servfail';
    return { ...base, world: w.world, hops: w.hops, addresses: up.addresses, server: EMBEDDED_DNS, source: 'embedded-dns', ...(error ? { error } : {}) };
  }
  // Default bridge, host mode, none: the host's resolv.conf (nameserver 192.168.1.1).
  const up = viaServer(w, netns, world.host.dnsServer, name);
  return { ...base, world: w.world, hops: w.hops, addresses: up.addresses, server: world.host.dnsServer, source: 'dns', ...(up.error ? { error: up.error } : {}) };
}
