import type { EngineError } from '../../engine/result';
import { networkMessage } from './networkErrors';

/**
 * The daemon's wording for every engine error code (moby 28.5; reference §4–§6). The CLI adds
 * its own wrapping (`Error response from daemon: `, `docker: `…) around this text.
 */
export function daemonMessage(e: EngineError): string {
  const text = networkMessage(e) ?? baseMessage(e);
  // 28.x start_linux.go: errors from setting up a starting container's networks.
  return e.data['setupNetworking'] === true ? `failed to set up container networking: ${text}` : text;
}

function baseMessage(e: EngineError): string {
  const d = e.data;
  const s = (k: string) => String(d[k] ?? '');
  switch (e.code) {
    case 'no-such-container':
      return `No such container: ${s('ref')}`;
    case 'name-conflict':
      return `Conflict. The container name "/${s('name')}" is already in use by container "${s('id')}". You have to remove (or rename) that container to be able to reuse that name.`;
    case 'invalid-capability':
      return `invalid ${s('which')}: unknown capability: "${s('cap')}"`;
    case 'invalid-container-name':
      return `Invalid container name (${s('name')}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`;
    case 'invalid-reference':
      return 'invalid reference format';
    case 'invalid-reference-uppercase':
      return `invalid reference format: repository name (${s('ref').split(':')[0]}) must be lowercase`;
    case 'pull-access-denied':
      return `pull access denied for ${s('repo')}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`;
    case 'no-such-image':
      return `No such image: ${s('ref')}`;
    case 'network-not-found':
      return `network ${s('ref')} not found`;
    case 'network-ambiguous':
      return `network ${s('ref')} is ambiguous (${s('matches')} matches found based on ${s('by')})`;
    case 'netmode-container-format':
      return 'invalid network mode: invalid container format container:<name|id>';
    case 'conflict-hostname-netmode':
      return 'conflicting options: hostname and the network mode';
    case 'conflict-links-container':
      return 'conflicting options: container type network can\'t be used with links. This would result in undefined behavior';
    case 'conflict-links-host':
      return 'conflicting options: host type networking can\'t be used with links. This would result in undefined behavior';
    case 'conflict-dns-netmode':
      return 'conflicting options: dns and the network mode';
    case 'conflict-addhost-netmode':
      return 'conflicting options: custom host-to-IP mapping and the network mode';
    case 'conflict-publish-container':
      return 'conflicting options: port publishing and the container type network mode';
    case 'conflict-expose-container':
      return 'conflicting options: port exposing and the container type network mode';
    case 'ip-not-in-subnet':
      return `no configured subnet or ip-range contain the IP address ${s('ip')}`;
    case 'invalid-ip':
      return `invalid IPv4 address: ${s('ip')}`;
    case 'address-in-use':
      return 'Address already in use';
    case 'no-available-ips':
      return `no available IPv4 addresses on this network's address pools: ${s('network')} (${s('id')})`;
    case 'join-own-netns':
      return 'cannot join own network namespace';
    case 'join-non-running':
      return `cannot join network namespace of a non running container: container ${s('name')} is ${s('state')}`;
    case 'link-no-such-container':
      return `could not get container for ${s('name')}: No such container: ${s('name')}`;
    case 'link-not-running':
      return `Cannot link to a non running container: /${s('child')} AS /${s('parent')}/${s('alias')}`;
    case 'link-not-default-network':
      return `Cannot link to /${s('child')}, as it does not belong to the default network`;
    case 'port-allocated':
      return `failed to set up container networking: driver failed programming external connectivity on endpoint ${s('name')} (${s('endpoint')}): Bind for ${s('ip')}:${s('port')} failed: port is already allocated`;
    case 'port-bind-in-use':
      return `failed to set up container networking: driver failed programming external connectivity on endpoint ${s('name')} (${s('endpoint')}): failed to bind host port for ${s('ip')}:${s('port')}:${s('containerIp')}:${s('containerPort')}/${s('proto')}: address already in use`;
    case 'port-bind-no-addr':
      return `failed to set up container networking: driver failed programming external connectivity on endpoint ${s('name')} (${s('endpoint')}): failed to bind host port for ${s('ip')}:${s('port')}:${s('containerIp')}:${s('containerPort')}/${s('proto')}: cannot assign requested address`;
    case 'remove-running':
      // daemon/delete.go words it with the name as the user typed it.
      return `cannot remove container "${s('ref')}": container is running: stop the container before removing or force remove`;
    case 'not-running':
      return `container ${s('id')} is not running`;
    case 'network-name-exists':
      return `network with name ${s('name')} already exists`;
    case 'network-driver-singleton':
      return `only one instance of "${s('driver')}" network is allowed`;
    case 'network-plugin-not-found':
      return `plugin "${s('driver')}" not found`;
    case 'pools-exhausted':
      return 'all predefined address pools have been fully subnetted';
    case 'pool-overlap':
      return 'invalid pool request: Pool overlaps with other one on this address space';
    case 'network-predefined':
      return `${s('name')} is a pre-defined network and cannot be removed`;
    case 'network-active-endpoints':
      return `error while removing network: network ${s('name')} has active endpoints (${s('list')})`;
    case 'connect-shared-netns':
      return 'container sharing network namespace with another container or host cannot be connected to any other network';
    case 'connect-host-network':
      return 'cannot connect container to host network - container must be created in host network mode';
    case 'disconnect-host-network':
      return 'cannot disconnect container from host network - container was created in host network mode';
    case 'connect-none-multiple':
      return 'container cannot be connected to multiple networks with one of the networks in private (none) mode';
    case 'endpoint-exists':
      return `endpoint with name ${s('container')} already exists in network ${s('network')}`;
    case 'not-connected':
      return `container ${s('id')} is not connected to network ${s('network')}`;
    default:
      return `${e.code}${Object.keys(d).length ? ` ${JSON.stringify(d)}` : ''}`;
  }
}
