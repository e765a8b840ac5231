import { killContainer } from '../../../engine/docker/lifecycle';
import type { CommandOutput, CommandSpec } from '../../types';
import { eachTarget } from './eachTarget';
import { daemonMessage } from '../../format/daemonErrors';
import { daemonError } from '../../format/errors';

/**
 * docker kill (docker/cli v28.5.2 cli/command/container/kill.go). The API router wraps every
 * daemon error as `cannot kill container: <ref>: <err>` (moby v28.5.2
 * api/server/router/container/container_routes.go `postContainersKill`). `--signal` is accepted;
 * the engine always delivers SIGKILL (exit 137).
 */
export const dockerKill: CommandSpec = {
  path: ['docker', 'kill'],
  aliases: [['docker', 'container', 'kill']],
  usage: 'docker kill [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Kill one or more running containers',
  flags: [{ long: 'signal', short: 's', kind: 'string', valueName: 'string', help: 'Signal to send to the container' }],
  args: { min: 1 },
  run(ctx, flags): CommandOutput {
    return eachTarget(ctx.world, flags.args, (w, ref) => {
      const r = killContainer(w, ref);
      return r.ok ? r.value : { error: daemonError(`cannot kill container: ${ref}: ${daemonMessage(r.error)}`) };
    });
  },
};
