import { findImage, parseImageRef } from '../../../engine/images';
import type { EngineEvent } from '../../../engine/events';
import { daemonError, runStatusError, withRunHelp } from '../../format/errors';
import type { CommandOutput, CommandSpec, OutChunk } from '../../types';
import { CONTAINER_FLAGS, RUN_ONLY_FLAGS, sortFlags } from './containerFlags';
import { bool, str, toCreateSpec } from './containerSpec';
import { createWithPull } from './createFlow';
import { startOne } from './startFlow';

/**
 * docker run = create (pulling if needed) + start + attach. Detached, it prints the id.
 * In the foreground a one-shot command's output is printed and the container exits; an
 * interactive shell takes over the console until `exit` (or Ctrl-P Ctrl-Q with -t); a server
 * shows its log and holds the console until Ctrl-C.
 */
export const dockerRun: CommandSpec = {
  path: ['docker', 'run'],
  aliases: [['docker', 'container', 'run']],
  usage: 'docker run [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create and run a new container from an image',
  flags: sortFlags([...CONTAINER_FLAGS, ...RUN_ONLY_FLAGS]),
  args: { min: 1 },
  interspersed: false,
  run(ctx, flags): CommandOutput {
    const [image = '', ...cmd] = flags.args;
    const parsed = toCreateSpec(flags, image, cmd, str(flags, 'name'));
    if (!parsed.ok) return { out: [{ stream: 'err', text: `${withRunHelp(parsed.error, 'run')}\n` }], exitCode: 125 };
    const flow = createWithPull(ctx.world, parsed.spec, bool(flags, 'quiet'));
    const out: OutChunk[] = [...flow.out];
    if (!flow.id) {
      out.push({ stream: 'err', text: `${withRunHelp(flow.error ?? '', 'run')}\n` });
      return { world: flow.world, out, exitCode: 125, events: flow.events };
    }
    const id = flow.id;
    const detach = bool(flags, 'detach');
    const started = startOne(flow.world, id);
    if (started.error !== undefined) {
      // The container exists (docker ps -a shows it Created); -d printed its id before starting.
      if (detach) out.push({ stream: 'out', text: `${id}\n` });
      const e = runStatusError(daemonError(started.error));
      out.push({ stream: 'err', text: `${e.message}\n` });
      return { world: flow.world, out, exitCode: e.exitCode, events: flow.events };
    }
    const events: EngineEvent[] = [...flow.events, ...started.events];
    const world = started.world;
    if (detach) {
      out.push({ stream: 'out', text: `${id}\n` });
      return { world, out, exitCode: 0, events };
    }
    // Foreground: what the main process prints reaches the console.
    if (started.exitCode !== undefined) {
      out.push(...started.output);
      return { world, out, exitCode: started.exitCode, events };
    }
    const c = world.docker.containers.get(id);
    for (const l of c?.logs ?? []) out.push({ stream: 'out', text: `${l}\n` });
    if (!c || c.state !== 'running') {
      // It exited at once (a shell without -i, an image missing its configuration): its log says why.
      return { world, out, exitCode: c?.exitCode ?? 0, events };
    }
    const ref = parseImageRef(c.image);
    const img = ref.ok ? findImage(ref.ref) : undefined;
    const shell = img?.tools.shell === 'bash' && c.cmd.some((a) => a.endsWith('bash')) ? 'bash' : c.openStdin ? 'sh' : 'none';
    return { world, out, exitCode: 0, events, shell: { at: 'container', id, via: 'attach', shell } };
  },
};
