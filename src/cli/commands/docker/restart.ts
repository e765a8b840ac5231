import { restartContainer } from '../../../engine/docker/lifecycle';
import type { EngineEvent } from '../../../engine/events';
import type { CommandOutput, CommandSpec, OutChunk } from '../../types';
import { daemonError } from '../../format/errors';
import { STOP_FLAGS, timeConflict } from './stop';
import { startOne } from './startFlow';

/**
 * docker restart (docker/cli v28.5.2 cli/command/container/restart.go): one target after the
 * other, the name printed as typed on success, the errors joined at the end (exit 1). A stopped
 * container is simply started.
 */
export const dockerRestart: CommandSpec = {
  path: ['docker', 'restart'],
  aliases: [['docker', 'container', 'restart']],
  usage: 'docker restart [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Restart one or more containers',
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
      const r = startOne(world, ref, restartContainer);
      if (r.error !== undefined) {
        errors.push(daemonError(r.error));
        continue;
      }
      world = r.world;
      events.push(...r.events);
      out.push({ stream: 'out', text: `${ref}\n` });
    }
    if (errors.length) out.push({ stream: 'err', text: `${errors.join('\n')}\n` });
    return { world, out, exitCode: errors.length ? 1 : 0, events };
  },
};
