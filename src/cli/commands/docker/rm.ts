import { removeContainer } from '../../../engine/docker/lifecycle';
import type { CommandOutput, CommandSpec } from '../../types';
import { eachTarget } from './eachTarget';
import { daemonMessage } from '../../format/daemonErrors';
import { daemonError } from '../../format/errors';

/**
 * docker rm (docker/cli v28.5.2 cli/command/container/rm.go): the reference is trimmed of '/';
 * success prints it as typed; with -f a missing container's error is printed at once and does
 * not fail the command; other errors are joined at the end (exit 1).
 * The running-container error names the reference as sent, without a slash (moby v28.5.2
 * daemon/delete.go `containerRm`: `cannot remove container %q: %w`).
 */
export const dockerRm: CommandSpec = {
  path: ['docker', 'rm'],
  aliases: [['docker', 'container', 'rm'], ['docker', 'container', 'remove']],
  usage: 'docker rm [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Remove one or more containers',
  flags: [
    { long: 'force', short: 'f', kind: 'bool', help: 'Force the removal of a running container (uses SIGKILL)' },
    { long: 'link', short: 'l', kind: 'bool', help: 'Remove the specified link' },
    { long: 'volumes', short: 'v', kind: 'bool', help: 'Remove anonymous volumes associated with the container' },
  ],
  args: { min: 1 },
  run(ctx, flags): CommandOutput {
    const force = flags.values['force'] === true;
    return eachTarget(ctx.world, flags.args, (w, name) => {
      const ref = name.replace(/^\/+|\/+$/g, '');
      if (ref === '') return { error: 'container name cannot be empty' };
      const r = removeContainer(w, ref, force);
      if (r.ok) return r.value;
      const msg =
        r.error.code === 'remove-running'
          ? `cannot remove container "${ref}": container is running: stop the container before removing or force remove`
          : daemonMessage(r.error);
      return { error: daemonError(msg), now: force && r.error.code === 'no-such-container' };
    });
  },
};
