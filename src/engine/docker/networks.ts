import type { EndpointId, NetworkId } from '../ids';
import { HOST_NS } from '../ids';
import { broadcastOf, formatIp, networkOf, parseCidr, parseIp, overlaps } from '../net/ipv4';
import { err, ok, type Result } from '../result';
import { Tx } from '../tx';
import type { World } from '../world';
import type { EngineEvent } from '../events';
import { createdNow, newNetworkId } from './daemon';
import { bridgeName, createBridge, deleteBridge } from './drivers/bridge';
import { checkBridgeOptions, validateMtu } from './drivers/bridgeOptions';
import { validateIpam } from './ipamValidate';
import { allocateAddress, allocatePool, emptyAllocation, isAllocated, reserve } from './ipam';
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

/**
 * daemon/network.go createNetwork → libnetwork Controller.NewNetwork → bridge driver
 * CreateNetwork (moby v28.5.2), with their refusals in their order: a predefined name, the
 * overlay driver outside swarm, ValidateIPAM, a name in use, an unknown driver, the bridge
 * options, then the address pool (overlap, exhaustion), the gateway and aux addresses, and the
 * driver's own checks (MTU, a bridge name another network has).
 */
export function createNetwork(w: World, spec: NetworkSpec): Result<NetworkChange> {
  // daemon/network/network_mode_unix.go isPreDefined: bridge, host, none and "default".
  if (['bridge', 'host', 'none', 'default'].includes(spec.name)) return err('network-create-predefined', { name: spec.name });
  if (spec.driver === 'overlay') return err('not-swarm-manager');
  const problems = validateIpam(spec.ipam);
  if (problems.length) return err('invalid-network-config', { problems: JSON.stringify(problems) });
  if (spec.name.trim() === '') return err('network-name-empty');
  if (w.docker.networkNames.has(spec.name)) return err('network-name-exists', { name: spec.name });
  if (spec.driver === 'host' || spec.driver === 'null') return err('network-driver-singleton', { driver: spec.driver });
  // Simulator difference: Docker builds these drivers in; the lab does not model them.
  if (spec.driver === 'macvlan' || spec.driver === 'ipvlan') return err('driver-not-simulated', { driver: spec.driver });
  if (spec.driver !== 'bridge') return err('network-plugin-not-found', { driver: spec.driver });
  const opts = checkBridgeOptions(spec.options, spec.internal);
  if (!opts.ok) return opts;

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
  const ipam = allocateIpam(w, net, spec);
  if (!ipam.ok) return ipam;
  net = ipam.value;
  const mtu = validateMtu(spec.options);
  if (!mtu.ok) return mtu;
  const name = bridgeName(net);
  for (const other of w.docker.networks.values()) {
    if (other.driver === 'bridge' && bridgeName(other) === name) {
      return err('bridge-conflict', { id: net.id, bridge: name, otherId: other.id, otherBridge: name, why: 'networks have same bridge name' });
    }
  }
  // Simulator difference: Docker would adopt an existing non-bridge device of that name.
  if (tx.netns(HOST_NS).byName.has(name)) return err('bridge-name-taken', { bridge: name });
  const br = createBridge(tx, net);
  net = { ...net, bridge: br };
  tx.updateDocker((d) => ({ ...d, networks: d.networks.set(net.id, net), networkNames: d.networkNames.set(net.name, net.id) }));
  tx.emit({ type: 'network-created', network: net.id, name: net.name });
  return ok({ ...tx.commit(), id: net.id });
}

/**
 * network.go ipamAllocateVersion over the default IPAM: the pool (the user's subnet, refused
 * if it overlaps one in use; else the lowest free predefined pool), then the gateway (the
 * user's, or the first free address of the ip-range or subnet), then each aux address
 * reserved in the subnet.
 */
function allocateIpam(w: World, base: Network, spec: NetworkSpec): Result<Network> {
  const configs: IpamConfig[] = spec.ipam.length ? [...spec.ipam] : [];
  if (configs.length === 0) {
    const pool = allocatePool([...usedSubnets(w), ...hostReserved(w)]);
    if (!pool) return err('pools-exhausted');
    configs.push({ subnet: pool, auto: true });
  } else {
    for (const c of configs) {
      const p = parseCidr(c.subnet);
      for (const used of usedSubnets(w)) {
        const u = parseCidr(used);
        if (p && u && overlaps(u, p)) return err('pool-overlap');
      }
    }
  }
  let net = base;
  const final: IpamConfig[] = [];
  for (const c of configs) {
    net = { ...net, ipam: [{ ...c }] };
    let gateway = c.gateway;
    if (gateway) {
      if (isAllocated(net, gateway) || isNetworkOrBroadcast(c.subnet, gateway)) return err('gateway-alloc', { gateway, why: 'Address already in use' });
    } else {
      const a = allocateAddress(net);
      if (!a) return err('gateway-alloc', { gateway: '', why: 'no available addresses on this pool' });
      gateway = a.ip;
      net = a.net;
    }
    net = reserve(net, gateway, 'gateway');
    for (const [name, ip] of Object.entries(c.auxAddresses ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (isAllocated(net, ip) || isNetworkOrBroadcast(c.subnet, ip)) return err('aux-alloc', { name, ip, why: 'Address already in use' });
      net = reserve(net, ip, `aux:${name}`);
    }
    // A subnet the user gave keeps its config as given in `network inspect` (no daemon-chosen gateway).
    const implicit = !c.gateway && spec.ipam.length > 0;
    final.push({ ...c, subnet: c.subnet, gateway, ...(implicit ? { gatewayImplicit: true as const } : {}) });
  }
  return ok({ ...net, ipam: final, freeHint: 0 });
}

/** The pool's network and broadcast addresses are reserved from the start (defaultipam newPoolData). */
function isNetworkOrBroadcast(subnet: string, ip: string): boolean {
  const p = parseCidr(subnet);
  const a = parseIp(ip);
  return p !== null && a !== null && p.bits < 31 && (a === networkOf(p) || a === broadcastOf(p));
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
  tx.updateDocker((d) => {
    // Stopped containers keep the network in their config by name (NetworkSettings.Networks);
    // starting one fails until a network of that name exists again.
    let containers = d.containers;
    for (const c of d.containers.values()) {
      if (!c.networks.some((a) => a.networkId === net.id)) continue;
      const networks = c.networks.map((a) => (a.networkId === net.id ? { ...a, networkId: '' as NetworkId, pendingName: net.name } : a));
      containers = containers.set(c.id, { ...c, networks });
    }
    return { ...d, containers, networks: d.networks.delete(net.id), networkNames: d.networkNames.delete(net.name) };
  });
  tx.emit({ type: 'network-removed', network: net.id, name: net.name });
  return ok({ ...tx.commit(), id: net.id });
}

/** For CLI validation: the canonical text of an address, or null. */
export function canonicalIp(s: string): string | null {
  const a = parseIp(s);
  return a === null ? null : formatIp(a);
}
