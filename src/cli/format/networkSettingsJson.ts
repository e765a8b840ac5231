/**
 * `NetworkSettings` of `docker inspect CONTAINER`, Engine 28.5 (reference §3.6). Struct order from
 * moby v28.5.2 api/types/container/network_settings.go (NetworkSettingsBase, then the deprecated
 * DefaultNetworkSettings, then Networks) and api/types/network/endpoint.go `EndpointSettings`.
 * Lifecycle, from daemon/container_operations.go and daemon/inspect.go:
 * - created, never started: one entry for the network mode with empty operational data
 *   (`updateContainerNetworkSettings`; NetworkID is filled only at connect), none at all for
 *   `container:` mode; SandboxID/SandboxKey "" and `Ports` {};
 * - running: the endpoints; SandboxKey `/var/run/docker/netns/<12 hex>` (`default` for host mode,
 *   "" for `container:` mode, which has no sandbox of its own); `Ports` = every exposed port of
 *   a bridge endpoint, with its bindings or null (`getEndpointPortMapInfo`), {} otherwise;
 * - stopped: `releaseNetwork` clears Ports, SandboxID, SandboxKey and `cleanOperationalData`
 *   empties EndpointID, Gateway, IPAddress, IPPrefixLen, MacAddress (NetworkID, Aliases, Links,
 *   DNSNames and a user-configured IPAMConfig stay).
 * The top-level EndpointID…MacAddress mirror only the network named "bridge"
 * (`getDefaultNetworkSettings`). HairpinMode is never set by the 28.x daemon: always false.
 */
import type { World } from '../../engine/world';
import type { Container, Endpoint, NetworkAttachment } from '../../engine/docker/types';
import { dnsNamesFor } from '../../engine/docker/endpoints';
import { isPredefined } from '../../engine/docker/lookup';
import type { JsonValue } from './goJson';

type Obj = { [k: string]: JsonValue };

/** NetworkSettings.Ports as an ordered map (keys sorted as encoding/json sorts them). */
export function portMapOf(w: World, c: Container): Map<string, { hostIp: string; hostPort: string }[] | null> {
  const out = new Map<string, { hostIp: string; hostPort: string }[] | null>();
  if (c.state !== 'running') return out;
  const hasBridgeEndpoint = c.networks.some((a) => {
    const ep = a.endpointId ? w.docker.endpoints.get(a.endpointId) : undefined;
    return ep !== undefined && ep.ip !== '';
  });
  if (!hasBridgeEndpoint) return out;
  const keys = new Set<string>();
  for (const e of c.exposed) keys.add(`${e.port}/${e.proto}`);
  for (const b of c.ports) keys.add(`${b.containerPort}/${b.proto}`);
  for (const k of [...keys].sort()) {
    const bindings = c.ports
      .filter((b) => `${b.containerPort}/${b.proto}` === k)
      .map((b) => ({ hostIp: b.hostIp, hostPort: String(b.hostPort) }));
    out.set(k, bindings.length ? bindings : null);
  }
  return out;
}

function portsJson(w: World, c: Container): Obj {
  const out: Obj = {};
  for (const [k, v] of portMapOf(w, c)) out[k] = v ? v.map((b) => ({ HostIp: b.hostIp, HostPort: b.hostPort })) : null;
  return out;
}

function endpointJson(w: World, c: Container, att: NetworkAttachment): Obj {
  const net = w.docker.networks.get(att.networkId);
  const ep: Endpoint | undefined = att.endpointId ? w.docker.endpoints.get(att.endpointId) : undefined;
  const everStarted = c.startedAt !== 0;
  const user = net !== undefined && !isPredefined(net);
  const live = ep !== undefined && c.state === 'running';
  const ipamConfig = att.ipv4Address ? { IPv4Address: att.ipv4Address } : null;
  return {
    IPAMConfig: ipamConfig,
    Links: att.links.length ? [...att.links] : null,
    Aliases: att.aliases.length ? [...att.aliases] : null,
    // Before the first start MacAddress holds the requested address (DesiredMacAddress).
    MacAddress: live ? ep.mac : everStarted ? '' : (att.macAddress ?? ''),
    DriverOpts: null,
    GwPriority: 0,
    NetworkID: live || everStarted ? att.networkId : '',
    EndpointID: live ? ep.id : '',
    Gateway: live ? ep.gateway : '',
    IPAddress: live ? ep.ip : '',
    IPPrefixLen: live ? ep.prefix : 0,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    DNSNames: live ? (ep.dnsNames ? [...ep.dnsNames] : null) : everStarted && user ? dnsNamesFor(c, att.aliases) : null,
  };
}

export function networkSettingsJson(w: World, c: Container): Obj {
  const running = c.state === 'running';
  const networks: Obj = {};
  const named: [string, Obj][] = [];
  for (const att of c.networks) {
    // A network named at create time that does not exist yet is listed under that name.
    const name = w.docker.networks.get(att.networkId)?.name ?? att.pendingName;
    if (name !== undefined) named.push([name, endpointJson(w, c, att)]);
  }
  for (const [name, v] of named.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) networks[name] = v;
  const bridge = networks['bridge'];
  const dflt = (k: string, zero: JsonValue): JsonValue => (bridge && typeof bridge === 'object' && !Array.isArray(bridge) ? ((bridge as Obj)[k] ?? zero) : zero);
  const container = c.networkMode.startsWith('container:');
  const sandboxKey = !running || container ? '' : c.networkMode === 'host' ? '/var/run/docker/netns/default' : `/var/run/docker/netns/${c.sandboxId.slice(0, 12)}`;
  return {
    Bridge: '',
    SandboxID: running && !container ? c.sandboxId : '',
    SandboxKey: sandboxKey,
    Ports: portsJson(w, c),
    HairpinMode: false,
    LinkLocalIPv6Address: '',
    LinkLocalIPv6PrefixLen: 0,
    SecondaryIPAddresses: null,
    SecondaryIPv6Addresses: null,
    EndpointID: dflt('EndpointID', ''),
    Gateway: dflt('Gateway', ''),
    GlobalIPv6Address: dflt('GlobalIPv6Address', ''),
    GlobalIPv6PrefixLen: dflt('GlobalIPv6PrefixLen', 0),
    IPAddress: dflt('IPAddress', ''),
    IPPrefixLen: dflt('IPPrefixLen', 0),
    IPv6Gateway: dflt('IPv6Gateway', ''),
    MacAddress: dflt('MacAddress', ''),
    Networks: networks,
  };
}
