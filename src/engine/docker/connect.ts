import type { ContainerId, NetworkId } from '../ids';
import { err, ok, type Result } from '../result';
import { Tx } from '../tx';
import type { World } from '../world';
import type { EngineEvent } from '../events';
import { joinNetwork, leaveNetwork, withEndpoint } from './endpoints';
import { releaseGateway, settleGateway } from './gateway';
import { isUserDefinedName, validateEndpoint } from './endpointValidate';
import { findContainer, findNetwork } from './lookup';
import type { Container, Network, NetworkAttachment } from './types';

/**
 * `docker network connect` as moby v28.5.2 daemon/network.go ConnectContainerToNetwork →
 * container_operations.go ConnectToNetwork runs it: the container first; a running one goes
 * through connectToNetwork (a `container:` guest is refused, the network must exist), a stopped
 * one only has its config recorded (a network not found is kept by name, a second connect to
 * the same network is a no-op). Both run updateNetworkConfig: validateEndpointSettings, then
 * updateNetworkSettings' conflicts (host network, host/none sharing). A running container then
 * gets its endpoint: refused if one of its name exists there, or if the address is taken.
 */
export interface ConnectSpec {
  readonly network: string;
  readonly container: string;
  readonly ip?: string;
  readonly aliases: readonly string[];
  readonly links: readonly string[];
}

type Change = { world: World; events: readonly EngineEvent[] };

export function connectNetwork(w: World, spec: ConnectSpec): Result<Change> {
  const c = findContainer(w, spec.container);
  if (!c) return err('no-such-container', { ref: spec.container });
  const running = c.state === 'running' && c.netns !== undefined;
  // Simulator difference: a stopped `container:` guest is refused too (Docker records the
  // network and fails later); the lab keeps such containers off networks of their own.
  if (c.networkMode.startsWith('container:')) return err('connect-shared-netns');
  const found = findNetwork(w, spec.network);
  if (!found.ok) {
    if (running) return err(found.code, { ref: spec.network, matches: found.matches, by: found.by });
    const pending: NetworkAttachment = { networkId: '' as NetworkId, pendingName: spec.network, aliases: spec.aliases, links: spec.links, ...(spec.ip ? { ipv4Address: spec.ip } : {}) };
    return ok(store(w, { ...c, networks: [...c.networks, pending] }));
  }
  const net = found.net;
  const problems = validateEndpoint(net.name, net, { ...(spec.ip ? { ip: spec.ip } : {}), aliases: spec.aliases });
  if (problems.length) return err('invalid-endpoint-settings', { problems: JSON.stringify(problems) });
  // updateNetworkSettings
  if (c.networkMode !== 'host' && net.driver === 'host') return err('connect-host-network');
  const mine = c.networks.map((a) => w.docker.networks.get(a.networkId)).filter((n): n is Network => n !== undefined);
  if (mine.some((n) => n.id === net.id)) {
    if (!running) return ok({ world: w, events: [] });
    return err('endpoint-exists', { container: c.name, network: net.name });
  }
  if (mine.some((n) => n.driver === 'host') || net.driver === 'host') return err('connect-shared-netns');
  if (mine.some((n) => n.name === 'none') || net.name === 'none') return err('connect-none-multiple');
  const user = isUserDefinedName(net.name);
  const att: NetworkAttachment = { networkId: net.id, aliases: spec.aliases, links: user ? spec.links : [], ...(spec.ip ? { ipv4Address: spec.ip } : {}) };
  let next: Container = { ...c, networks: [...c.networks, att] };
  if (!running || !c.netns) return ok(store(w, next));
  const tx = new Tx(w);
  const ep = joinNetwork(tx, next, att, c.netns);
  if (!ep.ok) return ep;
  const settled = settleGateway(tx, withEndpoint(next, net.id, ep.value.id));
  if (!settled.ok) return settled;
  next = settled.value;
  tx.updateDocker((d) => ({ ...d, containers: d.containers.set(c.id, next) }));
  return ok(tx.commit());
}

function store(w: World, c: Container): Change {
  return { world: { ...w, docker: { ...w.docker, containers: w.docker.containers.set(c.id, c) } }, events: [] };
}

/**
 * `docker network disconnect` (daemon/network.go DisconnectContainerFromNetwork →
 * container_operations.go DisconnectFromNetwork): without the container, -f deletes a stale
 * endpoint of that name (there are none in the lab: "endpoint … not found"); a stopped container
 * (or -f with a network that is gone) only loses the config, worded "not connected to the
 * network"; a running one leaves the network, except a host-mode container from `host`.
 */
export function disconnectNetwork(w: World, netRef: string, ctrRef: string, force: boolean): Result<Change> {
  const found = findNetwork(w, netRef);
  const c = findContainer(w, ctrRef);
  if (!c) {
    if (!force) return err('no-such-container', { ref: ctrRef });
    if (!found.ok) return err(found.code, { ref: netRef, matches: found.matches, by: found.by });
    return err('endpoint-not-found', { name: ctrRef });
  }
  const running = c.state === 'running';
  if (!running || (!found.ok && force)) {
    const name = found.ok ? found.net.name : netRef;
    const att = c.networks.find((a) => a.pendingName === name || w.docker.networks.get(a.networkId)?.name === name);
    if (!att) return err('not-connected-stopped', { id: c.id, network: name });
    return ok(store(w, { ...c, networks: c.networks.filter((a) => a !== att) }));
  }
  if (!found.ok) return err(found.code, { ref: netRef, matches: found.matches, by: found.by });
  const net = found.net;
  if (net.driver === 'host' && c.networkMode === 'host') return err('disconnect-host-network');
  const att = c.networks.find((a) => a.networkId === net.id);
  if (!att?.endpointId) return err('not-connected', { id: c.id, network: net.name });
  const tx = new Tx(w);
  // The gateway endpoint takes the ports and the default route with it; the sandbox elects a
  // new one among those that remain.
  let next = releaseGateway(tx, c, att.endpointId);
  leaveNetwork(tx, att.endpointId);
  next = withEndpoint(next, net.id, undefined);
  next = { ...next, networks: next.networks.filter((a) => a.networkId !== net.id) };
  const settled = settleGateway(tx, next);
  if (!settled.ok) return settled;
  next = settled.value;
  tx.updateDocker((d) => ({ ...d, containers: d.containers.set(c.id as ContainerId, next) }));
  return ok(tx.commit());
}
