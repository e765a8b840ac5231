import { killContainer } from '../../../engine/docker/lifecycle';
import type { EngineEvent } from '../../../engine/events';
import type { CommandOutput, CommandSpec, OutChunk } from '../../types';
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
    let world = ctx.world;
    const events: EngineEvent[] = [];
    const out: OutChunk[] = [];
    const errors: string[] = [];
    for (const ref of flags.args) {
      const r = killContainer(world, ref);
      if (!r.ok) {
        errors.push(daemonError(`cannot kill container: ${ref}: ${daemonMessage(r.error)}`));
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
