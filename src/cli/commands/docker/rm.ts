import { removeContainer } from '../../../engine/docker/lifecycle';
import type { EngineEvent } from '../../../engine/events';
import type { CommandOutput, CommandSpec, OutChunk } from '../../types';
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
    let world = ctx.world;
    const events: EngineEvent[] = [];
    const out: OutChunk[] = [];
    const errors: string[] = [];
    for (const name of flags.args) {
      const ref = name.replace(/^\/+|\/+$/g, '');
      if (ref === '') {
        errors.push('container name cannot be empty');
        continue;
      }
      const r = removeContainer(world, ref, force);
      if (!r.ok) {
        const msg =
          r.error.code === 'remove-running'
            ? `cannot remove container "${ref}": container is running: stop the container before removing or force remove`
            : daemonMessage(r.error);
        if (force && r.error.code === 'no-such-container') out.push({ stream: 'err', text: `${daemonError(msg)}\n` });
        else errors.push(daemonError(msg));
        continue;
      }
      world = r.value.world;
      events.push(...r.value.events);
      out.push({ stream: 'out', text: `${name}\n` });
    }
    if (errors.length) out.push({ stream: 'err', text: `${errors.join('\n')}\n` });
    return { world, out, exitCode: errors.length ? 1 : 0, events };
  },
};
