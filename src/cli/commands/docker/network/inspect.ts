import type { CommandSpec } from '../../../types';
import { str } from '../containerSpec';
import { INSPECT_FORMAT_HELP } from '../listFormat';
import { inspectRefs, networkRef } from '../inspectFlow';

/**
 * docker network inspect (docker/cli v28.5.2 cli/command/network/inspect.go). `--verbose` only
 * adds swarm service details, which a local network does not have.
 */
export const dockerNetworkInspect: CommandSpec = {
  path: ['docker', 'network', 'inspect'],
  usage: 'docker network inspect [OPTIONS] NETWORK [NETWORK...]',
  short: 'Display detailed information on one or more networks',
  flags: [
    { long: 'format', short: 'f', kind: 'string', valueName: 'string', help: INSPECT_FORMAT_HELP },
    { long: 'verbose', short: 'v', kind: 'bool', help: 'Verbose output for diagnostics' },
  ],
  args: { min: 1 },
  run(ctx, flags) {
    return inspectRefs(flags.args, str(flags, 'format') ?? '', (ref) => networkRef(ctx.world, ref));
  },
};
