import type { ContainerId } from '../ids';
import { addRoute } from '../net/ops';
import { err, ok, type Result } from '../result';
import { Tx } from '../tx';
import type { World } from '../world';
import type { EngineEvent } from '../events';
import { endpointsOf, joinNetwork, leaveNetwork, withEndpoint } from './endpoints';
import { findContainer, findNetwork, isPredefined } from './lookup';
import type { Container, NetworkAttachment } from './types';

/** `docker network connect` / `disconnect` with the daemon's refusals (reference §5). */
export interface ConnectSpec {
  readonly network: string;
  readonly container: string;
  readonly ip?: string;
  readonly aliases: readonly string[];
  readonly links: readonly string[];
}

export function connectNetwork(w: World, spec: ConnectSpec): Result<{ world: World; events: readonly EngineEvent[] }> {
  const found = findNetwork(w, spec.network);
  if (!found.ok) return err(found.code, { ref: spec.network, matches: found.matches, by: found.by });
  const net = found.net;
  const c = findContainer(w, spec.container);
  if (!c) return err('no-such-container', { ref: spec.container });
  if (c.networkMode === 'host' || c.networkMode.startsWith('container:')) return err('connect-shared-netns');
  if (net.driver === 'host') return err('connect-host-network');
  const isNone = c.networkMode === 'none' || net.driver === 'null';
  if (isNone) return err('connect-none-multiple');
  if (c.networks.some((a) => a.networkId === net.id)) return err('endpoint-exists', { container: c.name, network: net.name });
  const user = !isPredefined(net);
  if (spec.aliases.length && !user) return err('alias-default-bridge');
  if (spec.ip && !user) return err('ip-user-networks-only');
  if (spec.ip && net.ipam.every((c) => c.auto)) return err('ip-user-subnet-only');
  const att: NetworkAttachment = { networkId: net.id, aliases: spec.aliases, links: user ? spec.links : [], ...(spec.ip ? { ipv4Address: spec.ip } : {}) };
  const tx = new Tx(w);
  let next: Container = { ...c, networks: [...c.networks, att] };
  if (c.state === 'running' && c.netns) {
    const hasGateway = endpointsOf(tx, c).some((e) => e.gateway);
    const ep = joinNetwork(tx, next, att, c.netns, !hasGateway);
    if (!ep.ok) return ep;
    next = withEndpoint(next, net.id, ep.value.id);
  }
  tx.updateDocker((d) => ({ ...d, containers: d.containers.set(c.id, next) }));
  return ok(tx.commit());
}

export function disconnectNetwork(w: World, netRef: string, ctrRef: string, force: boolean): Result<{ world: World; events: readonly EngineEvent[] }> {
  const found = findNetwork(w, netRef);
  if (!found.ok) return err(found.code, { ref: netRef, matches: found.matches, by: found.by });
  const net = found.net;
  const c = findContainer(w, ctrRef);
  if (!c) {
    // -f removes a stale endpoint of a container that no longer exists; nothing to do here.
    if (force) return ok({ world: w, events: [] });
    return err('no-such-container', { ref: ctrRef });
  }
  if (net.driver === 'host' && c.networkMode === 'host') return err('disconnect-host-network');
  const att = c.networks.find((a) => a.networkId === net.id);
  if (!att) return err('not-connected', { id: c.id, network: net.name });
  const tx = new Tx(w);
  let next: Container = c;
  if (att.endpointId) {
    const ep = tx.world.docker.endpoints.get(att.endpointId);
    leaveNetwork(tx, att.endpointId);
    next = withEndpoint(next, net.id, undefined);
    // The sandbox elects a new gateway endpoint when the one holding the default route leaves.
    if (ep?.gateway && c.netns) {
      const remaining = endpointsOf(tx, next).find((e) => e.gateway && e.containerIface);
      if (remaining?.containerIface) addRoute(tx, c.netns, { dst: 'default', via: remaining.gateway, dev: remaining.containerIface, proto: 'boot', scope: 'global' });
    }
  }
  next = { ...next, networks: next.networks.filter((a) => a.networkId !== net.id) };
  tx.updateDocker((d) => ({ ...d, containers: d.containers.set(c.id as ContainerId, next) }));
  return ok(tx.commit());
}
