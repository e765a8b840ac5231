import { stopContainer } from '../../../engine/docker/lifecycle';
import type { EngineEvent } from '../../../engine/events';
import type { CommandOutput, CommandSpec, FlagSpec, OutChunk } from '../../types';
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
    let world = ctx.world;
    const events: EngineEvent[] = [];
    const out: OutChunk[] = [];
    const errors: string[] = [];
    for (const ref of flags.args) {
      const r = stopContainer(world, ref);
      if (!r.ok) {
        errors.push(daemonError(daemonMessage(r.error)));
        continue;
      }
      world = r.value.world;
      events.push(...r.value.events);
      out.push({ stream: 'out', text: `${ref}\n` });
    }
    if (errors.length) out.push({ stream: 'err', text: `${errors.join('\n')}\n` });
    return { world, out, exitCode: errors.length ? 1 : 0, events };
  },
};
