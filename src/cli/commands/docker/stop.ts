import { stopContainer } from '../../../engine/docker/lifecycle';
import type { CommandOutput, CommandSpec, FlagSpec } from '../../types';
import { eachTarget } from './eachTarget';
import { daemonMessage } from '../../format/daemonErrors';
import { daemonError, errorOutput } from '../../format/errors';

/** The flags stop and restart share (docker/cli v28.5.2 cli/command/container/stop.go, restart.go). */
export const STOP_FLAGS: readonly FlagSpec[] = [
  { long: 'signal', short: 's', kind: 'string', valueName: 'string', help: 'Signal to send to the container' },
  { long: 'time', kind: 'int', valueName: 'int', help: 'Seconds to wait before killing the container (deprecated: use --timeout)', hidden: true, deprecated: 'use --timeout instead' },
  { long: 'timeout', short: 't', kind: 'int', valueName: 'int', help: 'Seconds to wait before killing the container' },
];

/** `--time` and `--timeout` together (RunE's first check). */
export function timeConflict(given: readonly string[]): CommandOutput | undefined {
  if (given.includes('time') && given.includes('timeout')) return errorOutput('conflicting options: cannot specify both --timeout and --time', 1);
  return undefined;
}

/**
 * docker stop: each target's name printed as typed when it stopped (or was not running: the
 * daemon answers 304 and the client treats it as success); the errors joined at the end, exit 1.
 * The wait before SIGKILL is not simulated (the engine decides each process's exit at once).
 */
export const dockerStop: CommandSpec = {
  path: ['docker', 'stop'],
  aliases: [['docker', 'container', 'stop']],
  usage: 'docker stop [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Stop one or more running containers',
  flags: STOP_FLAGS,
  args: { min: 1 },
  run(ctx, flags): CommandOutput {
    const conflict = timeConflict(flags.given);
    if (conflict) return conflict;
    return eachTarget(ctx.world, flags.args, (w, ref) => {
      const r = stopContainer(w, ref);
      return r.ok ? r.value : { error: daemonError(daemonMessage(r.error)) };
    });
  },
};
