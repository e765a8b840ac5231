import type { IpamProblem } from '../../engine/docker/ipamValidate';
import type { EndpointProblem } from '../../engine/docker/endpointValidate';
import type { EngineError } from '../../engine/result';

/**
 * The daemon's wording of network and endpoint errors (moby v28.5.2), for daemonMessage.
 * Joined lists follow internal/multierror Join and api/types/network errJoin: one problem is
 * printed as is; several as `* a\n* b`.
 */
function joined(items: readonly string[]): string {
  return items.length === 1 ? (items[0] ?? '').trim() : `* ${items.map((i) => i.replace(/\n/g, '\n\t')).join('\n* ')}`;
}

/** api/types/network/ipam.go ValidateIPAM. */
function ipamProblem(p: IpamProblem): string {
  switch (p.p) {
    case 'subnet-cidr':
      return `invalid subnet ${p.subnet}: invalid CIDR block notation`;
    case 'subnet-masked':
      return `invalid subnet ${p.subnet}: it should be ${p.masked}`;
    case 'range-cidr':
      return `invalid ip-range ${p.range}: invalid CIDR block notation`;
    case 'range-bigger':
      return `invalid ip-range ${p.range}: CIDR block is bigger than its parent subnet ${p.subnet}`;
    case 'range-masked':
      return `invalid ip-range ${p.range}: it should be ${p.masked}`;
    case 'range-outside':
      return `invalid ip-range ${p.range}: parent subnet ${p.subnet} doesn't contain ip-range`;
    case 'gateway-invalid':
      return `invalid gateway ${p.gateway}: invalid address`;
    case 'gateway-outside':
      return `invalid gateway ${p.gateway}: parent subnet ${p.subnet} doesn't contain this address`;
    case 'aux-invalid':
      return `invalid auxiliary address ${p.name}: invalid address`;
    case 'aux-outside':
      return `invalid auxiliary address ${p.name}: parent subnet ${p.subnet} doesn't contain this address`;
  }
}

/** api/types/network/endpoint.go and daemon/container_operations.go validateEndpointSettings. */
function endpointProblem(p: EndpointProblem): string {
  switch (p.p) {
    case 'ip-user-networks-only':
      return 'user specified IP address is supported on user defined networks only';
    case 'alias-user-networks-only':
      return 'network-scoped alias is supported only for containers in user defined networks';
    case 'invalid-ipv4':
      return `invalid IPv4 address: ${p.ip}`;
    case 'ip-not-in-subnet':
      return `no configured subnet or ip-range contain the IP address ${p.ip}`;
    case 'ip-no-static-subnet':
      return 'user specified IP address is supported only when connecting to networks with user configured subnets';
  }
}

function parse<T>(json: unknown): T[] {
  return typeof json === 'string' ? (JSON.parse(json) as T[]) : [];
}

export function networkMessage(e: EngineError): string | null {
  const d = e.data;
  const s = (k: string) => String(d[k] ?? '');
  switch (e.code) {
    case 'network-create-predefined':
      // PredefinedNetworkError keeps the trailing space of its format string.
      return `operation is not permitted on predefined ${s('name')} network `;
    case 'not-swarm-manager':
      return 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';
    case 'invalid-network-config':
      return `invalid network config:\n${joined(parse<IpamProblem>(d['problems']).map(ipamProblem))}`;
    case 'driver-not-simulated':
      return `the lab simulates the bridge, host and null network drivers; ${s('driver')} is not simulated`;
    case 'network-name-empty':
      return 'invalid name: name is empty';
    case 'bridge-option-parse':
      return `failed to parse ${s('label')} value: ${s('value')} (${s('why')})`;
    case 'gw-mode-isolated-not-internal':
      return "gateway mode 'isolated' can only be used for an internal network";
    case 'invalid-mtu':
      return `invalid MTU number: ${s('mtu')}`;
    case 'bridge-conflict':
      return `cannot create network ${s('id')} (${s('bridge')}): conflicts with network ${s('otherId')} (${s('otherBridge')}): ${s('why')}`;
    case 'bridge-name-taken':
      return `the lab cannot use ${s('bridge')} as a bridge name: a device of that name exists and is not a Docker bridge`;
    case 'gateway-alloc':
      return `failed to allocate gateway (${s('gateway')}): ${s('why')}`;
    case 'aux-alloc':
      return `failed to allocate secondary ip address (${s('name')}:${s('ip')}): ${s('why')}`;
    case 'invalid-endpoint-settings': {
      const body = `invalid endpoint settings:\n${joined(parse<EndpointProblem>(d['problems']).map(endpointProblem))}`;
      // At create time the daemon names the network (daemon/create.go validateNetworkingConfig).
      return d['network'] !== undefined ? `invalid config for network ${s('network')}: ${body}` : body;
    }
    case 'endpoint-not-found':
      return `endpoint ${s('name')} not found`;
    case 'not-connected-stopped':
      return `container ${s('id')} is not connected to the network ${s('network')}`;
    default:
      return null;
  }
}
