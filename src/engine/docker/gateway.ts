import type { EndpointId } from '../ids';
import { addRoute } from '../net/ops';
import { ok, type Result } from '../result';
import type { Tx } from '../tx';
import type { World } from '../world';
import { endpointsOf } from './endpoints';
import { networkOfId } from './lookup';
import { publishPorts, unpublishPorts } from './ports';
import type { Container, Endpoint } from './types';

/**
 * The sandbox's gateway endpoint (moby v28.5.2 libnetwork): the endpoints of a container sort
 * as sandbox.go Endpoint.Less orders them — gw-priority (always 0 here), non-internal first,
 * endpoints with a gateway first, then the network's name — and default_gateway.go
 * selectGatewayEndpoint takes the first with a gateway. That endpoint holds the default route
 * and, since 28.0, the container's published ports (the port map is a sandbox option, programmed
 * by ProgramExternalConnectivity on the gateway endpoint and moved when another endpoint
 * becomes the gateway: endpoint.go sbJoin / sbLeave). So a container on `back` that is
 * connected to `alpha` changes its default route to alpha's gateway.
 */
export function sortEndpoints(w: World, eps: readonly Endpoint[]): Endpoint[] {
  const name = (e: Endpoint) => networkOfId(w, e.networkId).name;
  const internal = (e: Endpoint) => networkOfId(w, e.networkId).internal;
  return [...eps].sort((a, b) => {
    if (internal(a) !== internal(b)) return internal(a) ? 1 : -1;
    if ((a.gateway === '') !== (b.gateway === '')) return a.gateway === '' ? 1 : -1;
    return name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0;
  });
}

export function pickGateway(tx: Tx, eps: readonly Endpoint[]): Endpoint | undefined {
  return sortEndpoints(tx.world, eps).find((e) => e.gateway !== '' && e.containerIface !== undefined);
}

/** Before an endpoint leaves: if it is the gateway, its ports and default route go with it. */
export function releaseGateway(tx: Tx, c: Container, leaving: EndpointId): Container {
  if (c.gatewayEndpoint !== leaving) return c;
  const ep = tx.world.docker.endpoints.get(leaving);
  unpublishPorts(tx, c, ep, ep ? networkOfId(tx.world, ep.networkId) : undefined);
  if (c.netns) tx.updateNetns(c.netns, (n) => ({ ...n, routes: n.routes.filter((r) => r.dst !== 'default') }));
  const { gatewayEndpoint: _gone, ...rest } = c;
  return { ...rest, ports: [] };
}

/**
 * After endpoints joined or left a running container: make the best endpoint the gateway —
 * the default route through its network's gateway, the published ports on its address.
 */
export function settleGateway(tx: Tx, c0: Container): Result<Container> {
  let c = c0;
  const netns = c.netns;
  if (!netns) return ok(c);
  const gw = pickGateway(tx, endpointsOf(tx, c));
  if (gw?.id === c.gatewayEndpoint) return ok(c);
  if (c.gatewayEndpoint) c = releaseGateway(tx, c, c.gatewayEndpoint);
  if (!gw?.containerIface) return ok(c);
  addRoute(tx, netns, { dst: 'default', via: gw.gateway, dev: gw.containerIface, proto: 'boot', scope: 'global' });
  const ports = publishPorts(tx, c, gw, networkOfId(tx.world, gw.networkId));
  if (!ports.ok) return ports;
  return ok({ ...c, gatewayEndpoint: gw.id, ports: ports.value });
}
