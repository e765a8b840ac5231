import type { EndpointId, NetworkId } from '../ids';
import { HOST_NS } from '../ids';
import { formatIp, networkOf, parseCidr, parseIp, overlaps } from '../net/ipv4';
import { err, ok, type Result } from '../result';
import { Tx } from '../tx';
import type { World } from '../world';
import type { EngineEvent } from '../events';
import { createdNow, newNetworkId } from './daemon';
import { createBridge, deleteBridge } from './drivers/bridge';
import { allocateAddress, allocatePool, emptyAllocation, reserve } from './ipam';
import { findNetwork, isPredefined } from './lookup';
import type { IpamConfig, Network } from './types';

/** `docker network create` as the daemon handles it (daemon/network.go, libnetwork controller). */
export interface NetworkSpec {
  readonly name: string;
  readonly driver: string;
  /** Consolidated by the CLI: one entry per --subnet with its range, gateway and aux addresses. */
  readonly ipam: readonly IpamConfig[];
  readonly internal: boolean;
  readonly attachable: boolean;
  readonly options: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
}

export interface NetworkChange {
  readonly world: World;
  readonly events: readonly EngineEvent[];
  readonly id: NetworkId;
}

/** Networks the host itself uses: Docker will not pick a pool overlapping them (InferReservedNetworks). */
function hostReserved(w: World): string[] {
  const out: string[] = [];
  const host = w.netns.get(HOST_NS);
  for (const r of host?.routes ?? []) {
    const iface = w.ifaces.get(r.dev);
    // On-link routes of non-Docker interfaces (bridges Docker made are counted as its own subnets).
    if (r.dst !== 'default' && !r.via && iface?.kind !== 'bridge') out.push(r.dst);
  }
  out.push(`${w.host.dnsServer}/32`);
  return out;
}

function usedSubnets(w: World): string[] {
  const out: string[] = [];
  for (const n of w.docker.networks.values()) for (const c of n.ipam) out.push(c.subnet);
  return out;
}

export function createNetwork(w: World, spec: NetworkSpec): Result<NetworkChange> {
  if (w.docker.networkNames.has(spec.name)) return err('network-name-exists', { name: spec.name });
  if (spec.driver === 'host' || spec.driver === 'null') return err('network-driver-singleton', { driver: spec.driver });
  if (spec.driver !== 'bridge') return err('network-plugin-not-found', { driver: spec.driver });

  const ipam: IpamConfig[] = [];
  if (spec.ipam.length === 0) {
    const pool = allocatePool([...usedSubnets(w), ...hostReserved(w)]);
    if (!pool) return err('pools-exhausted');
    ipam.push({ subnet: pool });
  } else {
    for (const c of spec.ipam) {
      const p = parseCidr(c.subnet);
      if (!p) return err('invalid-subnet', { subnet: c.subnet });
      // Engine 27+ rejects a subnet with host bits set (api/types/network/ipam.go ValidateIPAM).
      const canonical = `${formatIp(networkOf(p))}/${p.bits}`;
      if (canonical !== c.subnet) return err('subnet-not-canonical', { subnet: c.subnet, canonical });
      for (const used of usedSubnets(w)) {
        const u = parseCidr(used);
        if (u && overlaps(u, p)) return err('pool-overlap');
      }
      ipam.push({ ...c, subnet: c.subnet });
    }
  }

  const tx = new Tx(w);
  let net: Network = {
    id: newNetworkId(tx),
    name: spec.name,
    driver: 'bridge',
    created: createdNow(tx),
    internal: spec.internal,
    attachable: spec.attachable,
    enableIPv4: true,
    enableIPv6: false,
    ipamDriver: 'default',
    ipamOptions: {},
    ipam: [],
    options: spec.options,
    labels: spec.labels,
    endpoints: [] as EndpointId[],
    allocated: emptyAllocation(),
    freeHint: 0,
  };
  // Aux addresses and the gateway are taken before any container (network.go ipamAllocateVersion).
  const finalIpam: IpamConfig[] = [];
  for (const c of ipam) {
    const p = parseCidr(c.subnet);
    if (!p) continue;
    net = { ...net, ipam: [{ ...c }] };
    for (const [name, ip] of Object.entries(c.auxAddresses ?? {})) net = reserve(net, ip, `aux:${name}`);
    let gateway = c.gateway;
    if (!gateway) {
      const a = allocateAddress(net);
      if (!a) return err('no-available-ips', { network: spec.name, id: net.id });
      gateway = a.ip;
      net = a.net;
    }
    net = reserve(net, gateway, 'gateway');
    const implicit = !c.gateway && spec.ipam.length > 0;
    finalIpam.push({ ...c, gateway, ...(implicit ? { gatewayImplicit: true as const } : {}) });
  }
  net = { ...net, ipam: finalIpam, freeHint: 0 };
  const br = createBridge(tx, net);
  net = { ...net, bridge: br };
  tx.updateDocker((d) => ({ ...d, networks: d.networks.set(net.id, net), networkNames: d.networkNames.set(net.name, net.id) }));
  tx.emit({ type: 'network-created', network: net.id, name: net.name });
  return ok({ ...tx.commit(), id: net.id });
}

export function removeNetwork(w: World, ref: string): Result<NetworkChange> {
  const found = findNetwork(w, ref);
  if (!found.ok) return err(found.code, { ref, matches: found.matches, by: found.by });
  const net = found.net;
  if (isPredefined(net)) return err('network-predefined', { name: net.name });
  if (net.endpoints.length) {
    const eps = net.endpoints.map((id) => {
      const ep = w.docker.endpoints.get(id);
      const c = ep ? w.docker.containers.get(ep.containerId) : undefined;
      return { name: c?.name ?? '', id: id.slice(0, 12) };
    });
    return err('network-active-endpoints', { name: net.name, list: eps.map((e) => `name:"${e.name}" id:"${e.id}"`).join(', ') });
  }
  const tx = new Tx(w);
  deleteBridge(tx, net);
  tx.updateDocker((d) => ({ ...d, networks: d.networks.delete(net.id), networkNames: d.networkNames.delete(net.name) }));
  tx.emit({ type: 'network-removed', network: net.id, name: net.name });
  return ok({ ...tx.commit(), id: net.id });
}

/** For CLI validation: the canonical text of an address, or null. */
export function canonicalIp(s: string): string | null {
  const a = parseIp(s);
  return a === null ? null : formatIp(a);
}
