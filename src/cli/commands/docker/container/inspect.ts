import type { CommandSpec } from '../../../types';
import { bool, str } from '../containerSpec';
import { INSPECT_FORMAT_HELP } from '../listFormat';
import { containerRef, inspectRefs } from '../inspectFlow';

/**
 * docker container inspect (docker/cli v28.5.2 cli/command/container/inspect.go): containers
 * only, so a missing one reads `Error response from daemon: No such container: x`.
 * `-s` is accepted; the lab does not compute SizeRw/SizeRootFs.
 */
export const dockerContainerInspect: CommandSpec = {
  path: ['docker', 'container', 'inspect'],
  usage: 'docker container inspect [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Display detailed information on one or more containers',
  flags: [
    { long: 'format', short: 'f', kind: 'string', valueName: 'string', help: INSPECT_FORMAT_HELP },
    { long: 'size', short: 's', kind: 'bool', help: 'Display total file sizes' },
  ],
  args: { min: 1 },
  run(ctx, flags) {
    void bool(flags, 'size');
    return inspectRefs(flags.args, str(flags, 'format') ?? '', (ref) => containerRef(ctx.world, ref));
  },
};
