import { restartContainer } from '../../../engine/docker/lifecycle';
import type { CommandOutput, CommandSpec } from '../../types';
import { eachTarget } from './eachTarget';
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
    return eachTarget(ctx.world, flags.args, (w, ref) => {
      const r = startOne(w, ref, restartContainer);
      return r.error !== undefined ? { error: daemonError(r.error) } : r;
    });
  },
};
