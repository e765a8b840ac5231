import type { CommandSpec } from '../../types';
import { findContainer } from '../../../engine/docker/lookup';
import { daemonMessage } from '../../format/daemonErrors';
import { daemonError, errorOutput } from '../../format/errors';
import { portLines, portLookup } from '../../format/displayablePorts';
import { portMapOf } from '../../format/networkSettingsJson';

/**
 * docker port (docker/cli v28.5.2 cli/command/container/port.go `runPort`, CLI 23.0+ behaviour:
 * hosts through net.JoinHostPort, lines natural-sorted, the argument echoed as typed in the
 * "No public port" error). Reads NetworkSettings.Ports of the inspect response.
 */
export const dockerPort: CommandSpec = {
  path: ['docker', 'port'],
  aliases: [['docker', 'container', 'port']],
  usage: 'docker port CONTAINER [PRIVATE_PORT[/PROTO]]',
  short: 'List port mappings or a specific mapping for the container',
  flags: [],
  args: { min: 1, max: 2 },
  run(ctx, flags) {
    const [ref = '', arg] = flags.args;
    const c = findContainer(ctx.world, ref);
    if (!c) return errorOutput(daemonError(daemonMessage({ code: 'no-such-container', data: { ref } })), 1);
    const ports = portMapOf(ctx.world, c);
    let lines: string[];
    if (arg !== undefined && arg !== '') {
      const r = portLookup(ports, arg, ref);
      if (!r.ok) return errorOutput(r.error, 1);
      lines = r.lines;
    } else {
      lines = portLines(ports);
    }
    return { out: lines.length ? [{ stream: 'out', text: `${lines.join('\n')}\n` }] : [], exitCode: 0 };
  },
};
