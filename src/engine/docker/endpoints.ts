import type { Container, Endpoint, Network, NetworkAttachment } from './types';
import type { ContainerId, EndpointId, NetnsId } from '../ids';
import { err, ok, type Result } from '../result';
import { randomMac } from '../net/ops';
import { parseIp } from '../net/ipv4';
import type { Tx } from '../tx';
import { allocateAddress, isAllocated, release, reserve, subnetContains } from './ipam';
import { fwNetwork, joinBridge, leaveBridge } from './drivers/bridge';
import { fwDaemon, setHostNf } from './firewall';
import * as fw from '../netfilter/docker';
import { isPredefined, networkOfId } from './lookup';
import { OPT_IFACE_PREFIX } from './drivers/bridgeOptions';

/**
 * Endpoints: a container's attachment to one network (libnetwork endpoint + sandbox join).
 */

function putNetwork(tx: Tx, net: Network): void {
  tx.updateDocker((d) => ({ ...d, networks: d.networks.set(net.id, net) }));
}

/**
 * libnetwork picks the lowest unused index for the interface prefix (osl nextIfIndex). The prefix
 * is `eth` unless the network has `-o com.docker.network.container_iface_prefix=P` (bridge driver
 * Join: containerVethPrefix).
 */
function nextEthName(tx: Tx, sandbox: NetnsId, net: Network): string {
  const ns = tx.netns(sandbox);
  const prefix = net.options[OPT_IFACE_PREFIX] || 'eth';
  for (let i = 0; ; i++) if (!ns.byName.has(`${prefix}${i}`)) return `${prefix}${i}`;
}

/** DNSNames (Engine ≥ 25, buildEndpointDNSNames): name, aliases, short id, hostname; de-duplicated. */
export function dnsNamesFor(c: Container, aliases: readonly string[]): string[] {
  const out: string[] = [];
  for (const n of [c.name, ...aliases, c.id.slice(0, 12), c.hostname]) if (n && !out.includes(n)) out.push(n);
  return out;
}

export function joinNetwork(
  tx: Tx,
  c: Container,
  att: NetworkAttachment,
  sandbox: NetnsId,
): Result<Endpoint> {
  let net = networkOfId(tx.world, att.networkId);
  const id = tx.rng.hex(64) as EndpointId;
  let ip = '';
  let prefix = 0;
  let mac = '';
  let hostVeth;
  let containerIface;
  if (net.driver === 'bridge') {
    if (att.ipv4Address) {
      if (parseIp(att.ipv4Address) === null) return err('invalid-ip', { ip: att.ipv4Address });
      if (!subnetContains(net, att.ipv4Address)) return err('ip-not-in-subnet', { ip: att.ipv4Address });
      if (isAllocated(net, att.ipv4Address)) return err('address-in-use', { ip: att.ipv4Address });
      ip = att.ipv4Address;
    } else {
      const a = allocateAddress(net);
      if (!a) return err('no-available-ips', { network: net.name, id: net.id });
      ip = a.ip;
      net = a.net;
    }
    net = reserve(net, ip, id);
    prefix = Number((net.ipam[0]?.subnet ?? '/0').split('/')[1]);
    mac = att.macAddress ?? randomMac(tx.rng);
    const joined = joinBridge(tx, net, sandbox, nextEthName(tx, sandbox, net), ip, mac);
    hostVeth = joined.hostVeth;
    containerIface = joined.containerIface;
    // Engine 28.2+: the raw-table DROP that stops direct access to the address from outside
    // the bridge, made for every endpoint (endpoint.go filterDirectAccess).
    const fwNet = fwNetwork(net);
    setHostNf(tx, (nf) => fw.addEndpoint(nf, fwNet, ip, fwDaemon(tx.world)));
  }
  const user = !isPredefined(net);
  const ep: Endpoint = {
    id,
    networkId: net.id,
    containerId: c.id as ContainerId,
    ip,
    prefix,
    // Internal networks give their endpoints no gateway (and no default route).
    gateway: net.driver === 'bridge' && !net.internal ? (net.ipam[0]?.gateway ?? '') : '',
    mac,
    ...(hostVeth ? { hostVeth } : {}),
    ...(containerIface ? { containerIface } : {}),
    aliases: att.aliases.length ? att.aliases : null,
    links: att.links.length ? att.links : null,
    dnsNames: user ? dnsNamesFor(c, att.aliases) : null,
    ipamConfig: att.ipv4Address ? { ipv4Address: att.ipv4Address } : null,
  };
  net = { ...net, endpoints: [...net.endpoints, id] };
  putNetwork(tx, net);
  tx.updateDocker((d) => ({ ...d, endpoints: d.endpoints.set(id, ep) }));
  tx.emit({ type: 'endpoint-joined', container: c.id, network: net.id });
  return ok(ep);
}

export function leaveNetwork(tx: Tx, epId: EndpointId): void {
  const ep = tx.world.docker.endpoints.get(epId);
  if (!ep) return;
  let net = networkOfId(tx.world, ep.networkId);
  if (ep.ip) {
    net = release(net, ep.ip);
    const fwNet = fwNetwork(net);
    setHostNf(tx, (nf) => fw.removeEndpoint(nf, fwNet, ep.ip, fwDaemon(tx.world)));
  }
  net = { ...net, endpoints: net.endpoints.filter((e) => e !== epId) };
  putNetwork(tx, net);
  leaveBridge(tx, ep.hostVeth);
  tx.updateDocker((d) => ({ ...d, endpoints: d.endpoints.delete(epId) }));
  tx.emit({ type: 'endpoint-left', container: ep.containerId, network: ep.networkId });
}

/** The attachment list with each endpoint id filled in (or cleared). */
export function withEndpoint(c: Container, networkId: string, endpointId: EndpointId | undefined): Container {
  return {
    ...c,
    networks: c.networks.map((a) => {
      if (a.networkId !== networkId) return a;
      const { endpointId: _drop, ...rest } = a;
      return endpointId ? { ...rest, endpointId } : rest;
    }),
  };
}

export function endpointsOf(tx: Tx, c: Container): Endpoint[] {
  const out: Endpoint[] = [];
  for (const a of c.networks) {
    const ep = a.endpointId ? tx.world.docker.endpoints.get(a.endpointId) : undefined;
    if (ep) out.push(ep);
  }
  return out;
}
