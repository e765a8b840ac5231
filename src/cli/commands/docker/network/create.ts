import { createNetwork } from '../../../../engine/docker/networks';
import { daemonMessage } from '../../../format/daemonErrors';
import { daemonError } from '../../../format/errors';
import { consolidateIpam } from '../../../parse/ipam';
import type { CommandSpec, FlagSpec } from '../../../types';
import { bool, list, str } from '../containerSpec';

const f = (long: string, kind: FlagSpec['kind'], help: string, extra: Partial<FlagSpec> = {}): FlagSpec => ({ long, kind, help, ...extra });

/** key=value pairs of a map flag (`-o a=b -o c=d`). */
export function pairs(values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const i = v.indexOf('=');
    out[i < 0 ? v : v.slice(0, i)] = i < 0 ? '' : v.slice(i + 1);
  }
  return out;
}

/** docker network create (docker/cli cli/command/network/create.go, v28.5). */
export const dockerNetworkCreate: CommandSpec = {
  path: ['docker', 'network', 'create'],
  usage: 'docker network create [OPTIONS] NETWORK',
  short: 'Create a network',
  args: { min: 1, max: 1 },
  flags: [
    f('attachable', 'bool', 'Enable manual container attachment'),
    f('aux-address', 'map', 'Auxiliary IPv4 or IPv6 addresses used by Network driver', { defaultText: 'map[]' }),
    f('config-from', 'string', 'The network from which to copy the configuration'),
    f('config-only', 'bool', 'Create a configuration only network'),
    f('driver', 'string', 'Driver to manage the Network', { short: 'd', defaultText: '"bridge"' }),
    f('gateway', 'list', 'IPv4 or IPv6 Gateway for the master subnet', { valueName: 'strings' }),
    f('ingress', 'bool', 'Create swarm routing-mesh network'),
    f('internal', 'bool', 'Restrict external access to the network'),
    f('ip-range', 'list', 'Allocate container ip from a sub-range', { valueName: 'strings' }),
    f('ipam-driver', 'string', 'IP Address Management Driver', { defaultText: '"default"' }),
    f('ipam-opt', 'map', 'Set IPAM driver specific options', { defaultText: 'map[]' }),
    f('ipv4', 'bool', 'Enable or disable IPv4 address assignment', { defaultText: 'true' }),
    f('ipv6', 'bool', 'Enable or disable IPv6 address assignment'),
    f('label', 'list', 'Set metadata on a network'),
    f('opt', 'map', 'Set driver specific options', { short: 'o', defaultText: 'map[]' }),
    f('scope', 'string', "Control the network's scope"),
    f('subnet', 'list', 'Subnet in CIDR format that represents a network segment', { valueName: 'strings' }),
  ],
  run(ctx, flags) {
    const name = flags.args[0] ?? '';
    const split = (k: string) => list(flags, k).flatMap((v) => v.split(','));
    const ipam = consolidateIpam(split('subnet'), split('ip-range'), split('gateway'), pairs(list(flags, 'aux-address')));
    if (!ipam.ok) return { out: [{ stream: 'err', text: `${ipam.error}\n` }], exitCode: 1 };
    if (bool(flags, 'ipv6')) {
      return { out: [{ stream: 'err', text: `${daemonError('the lab simulates IPv4 networks only: --ipv6 is not supported here')}\n` }], exitCode: 1 };
    }
    const r = createNetwork(ctx.world, {
      name,
      driver: str(flags, 'driver') ?? 'bridge',
      ipam: ipam.value,
      internal: bool(flags, 'internal'),
      attachable: bool(flags, 'attachable'),
      options: pairs(list(flags, 'opt')),
      labels: pairs(list(flags, 'label')),
    });
    if (!r.ok) return { out: [{ stream: 'err', text: `${daemonError(daemonMessage(r.error))}\n` }], exitCode: 1 };
    return { world: r.value.world, events: r.value.events, out: [{ stream: 'out', text: `${r.value.id}\n` }], exitCode: 0 };
  },
};
