/**
 * `docker network inspect` / `docker inspect NETWORK` JSON for Engine 28.5: moby v28.5.2
 * api/types/network/network.go `Inspect` field order, filled as daemon/network.go
 * `buildNetworkResource` / `buildIPAMResources` / `buildEndpointResource` do:
 * - `EnableIPv4` is present from 28.0 (API 1.48);
 * - `IPAM.Config` lists the configured pools; a network without any (host, none) has none, and
 *   Go marshals the nil slice as `null`; each entry omits empty Subnet/IPRange/Gateway and
 *   AuxiliaryAddresses (omitempty);
 * - `Containers` (keyed by container ID, sorted), `Options` and `Labels` are never null (the
 *   daemon builds them with make(…)); `Peers`/`Services` are omitempty and absent locally;
 * - an endpoint's `IPv4Address` is CIDR notation, `MacAddress` "" when it has no interface.
 */
import type { World } from '../../engine/world';
import type { Network } from '../../engine/docker/types';
import type { JsonValue } from './goJson';
import { sortedMap } from './goJson';

type Obj = { [k: string]: JsonValue };

function ipamConfigJson(n: Network): JsonValue {
  if (n.ipam.length === 0) return null;
  return n.ipam.map((c) => {
    const o: Obj = {};
    if (c.subnet) o['Subnet'] = c.subnet;
    if (c.ipRange) o['IPRange'] = c.ipRange;
    // A gateway the daemon picked for a user-given subnet is not part of the user's IPAM config.
    if (c.gateway && !c.gatewayImplicit) o['Gateway'] = c.gateway;
    if (c.auxAddresses && Object.keys(c.auxAddresses).length) o['AuxiliaryAddresses'] = sortedMap(c.auxAddresses);
    return o;
  });
}

function containersJson(w: World, n: Network): Obj {
  const byId: Record<string, JsonValue> = {};
  for (const epId of n.endpoints) {
    const ep = w.docker.endpoints.get(epId);
    if (!ep) continue;
    const c = w.docker.containers.get(ep.containerId);
    byId[ep.containerId] = {
      Name: c?.name ?? '',
      EndpointID: ep.id,
      MacAddress: ep.mac,
      IPv4Address: ep.ip ? `${ep.ip}/${ep.prefix}` : '',
      IPv6Address: '',
    };
  }
  return sortedMap(byId) ?? {};
}

export function networkInspectJson(w: World, n: Network): Obj {
  return {
    Name: n.name,
    Id: n.id,
    Created: n.created,
    Scope: 'local',
    Driver: n.driver,
    EnableIPv4: n.enableIPv4,
    EnableIPv6: n.enableIPv6,
    IPAM: {
      Driver: n.ipamDriver,
      Options: sortedMap(n.ipamOptions),
      Config: ipamConfigJson(n),
    },
    Internal: n.internal,
    Attachable: n.attachable,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: containersJson(w, n),
    Options: sortedMap(n.options) ?? {},
    Labels: sortedMap(n.labels) ?? {},
  };
}
