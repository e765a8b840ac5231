import { connectNetwork, disconnectNetwork } from '../../../../engine/docker/connect';
import { daemonMessage } from '../../../format/daemonErrors';
import { daemonError } from '../../../format/errors';
import type { CommandSpec } from '../../../types';
import { bool, list, str } from '../containerSpec';

/** docker network connect / disconnect (cli/command/network/connect.go, disconnect.go). */
export const dockerNetworkConnect: CommandSpec = {
  path: ['docker', 'network', 'connect'],
  usage: 'docker network connect [OPTIONS] NETWORK CONTAINER',
  short: 'Connect a container to a network',
  args: { min: 2, max: 2 },
  flags: [
    { long: 'alias', kind: 'list', valueName: 'strings', help: 'Add network-scoped alias for the container' },
    { long: 'driver-opt', kind: 'list', valueName: 'strings', help: 'driver options for the network' },
    { long: 'gw-priority', kind: 'int', help: 'Highest gw-priority provides the default gateway. Accepts positive and negative values.' },
    { long: 'ip', kind: 'string', help: 'IPv4 address (e.g., "172.30.100.104")' },
    { long: 'ip6', kind: 'string', help: 'IPv6 address (e.g., "2001:db8::33")' },
    { long: 'link', kind: 'list', help: 'Add link to another container' },
    { long: 'link-local-ip', kind: 'list', valueName: 'strings', help: 'Add a link-local address for the container' },
  ],
  run(ctx, flags) {
    const [network = '', container = ''] = flags.args;
    const ip = str(flags, 'ip');
    const r = connectNetwork(ctx.world, { network, container, ...(ip ? { ip } : {}), aliases: list(flags, 'alias').flatMap((a) => a.split(',')), links: list(flags, 'link') });
    if (!r.ok) return { out: [{ stream: 'err', text: `${daemonError(daemonMessage(r.error))}\n` }], exitCode: 1 };
    return { world: r.value.world, events: r.value.events, out: [], exitCode: 0 };
  },
};

export const dockerNetworkDisconnect: CommandSpec = {
  path: ['docker', 'network', 'disconnect'],
  usage: 'docker network disconnect [OPTIONS] NETWORK CONTAINER',
  short: 'Disconnect a container from a network',
  args: { min: 2, max: 2 },
  flags: [{ long: 'force', short: 'f', kind: 'bool', help: 'Force the container to disconnect from a network' }],
  run(ctx, flags) {
    const [network = '', container = ''] = flags.args;
    const r = disconnectNetwork(ctx.world, network, container, bool(flags, 'force'));
    if (!r.ok) return { out: [{ stream: 'err', text: `${daemonError(daemonMessage(r.error))}\n` }], exitCode: 1 };
    return { world: r.value.world, events: r.value.events, out: [], exitCode: 0 };
  },
};
