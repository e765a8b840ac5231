import { startContainer, finishContainer } from '../../../engine/docker/lifecycle';
import { findImage, parseImageRef } from '../../../engine/images';
import type { EngineEvent } from '../../../engine/events';
import { daemonMessage } from '../../format/daemonErrors';
import { containerShell } from '../../dispatch';
import { execIn, ociNotFound } from '../../execIn';
import { runLine } from '../../runLine';
import type { ContainerId } from '../../../engine/ids';
import type { World } from '../../../engine/world';
import type { CommandOutput, CommandSpec, OutChunk } from '../../types';
import { CONTAINER_FLAGS, RUN_ONLY_FLAGS, sortFlags } from './containerFlags';
import { bool, str, toCreateSpec } from './containerSpec';
import { createWithPull } from './createFlow';
import { runStatusError, withRunHelp } from '../../format/errors';

/**
 * docker run = create (pulling if needed) + start + attach. Detached, it prints the id.
 * In the foreground a one-shot command's output is printed and the container exits; an
 * interactive shell takes over the console until `exit` (or Ctrl-P Ctrl-Q with -t).
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
    const started = startContainer(flow.world, id);
    if (!started.ok) {
      if (detach) out.push({ stream: 'out', text: `${id}\n` });
      out.push({ stream: 'err', text: `${withRunHelp(`Error response from daemon: ${daemonMessage(started.error)}`, 'run')}\n` });
      return { world: flow.world, out, exitCode: 125, events: flow.events };
    }
    const events: EngineEvent[] = [...flow.events, ...started.value.events];
    let world = started.value.world;
    if (started.value.oneshot) {
      const argv = started.value.oneshot;
      const r = execIn(world, id, argv, (w2, script) => runLine(w2, containerShell(w2, id, 'exec'), script));
      if (r.notFound) {
        // runc cannot exec the program: the container never really starts (it stays "Created").
        const e = runStatusError(`Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${ociNotFound(argv[0] ?? '')}: unknown`);
        if (detach) out.push({ stream: 'out', text: `${id}\n` });
        out.push({ stream: 'err', text: `${e.message}\n` });
        return { world: flow.world, out, exitCode: e.exitCode, events: flow.events };
      }
      const printed = r.out.map((o) => o.text).join('');
      const logLines = printed === '' ? [] : printed.replace(/\n$/, '').split('\n');
      // Detached, the output goes to the container's log; in the foreground to the console too.
      const done = finishContainer(r.world, id, r.exitCode, logLines);
      if (detach) out.push({ stream: 'out', text: `${id}\n` });
      else out.push(...r.out);
      return { world: done.world, out, exitCode: detach ? 0 : r.exitCode, events: [...events, ...r.events, ...done.events] };
    }
    if (detach) {
      out.push({ stream: 'out', text: `${id}\n` });
      return { world, out, exitCode: 0, events };
    }
    const c = world.docker.containers.get(id);
    if (!c || c.state !== 'running') {
      // It exited at once (a shell without -i, an image missing its configuration): show why.
      for (const l of c?.logs ?? []) out.push({ stream: 'out', text: `${l}\n` });
      return { world, out, exitCode: c?.exitCode ?? 0, events };
    }
    for (const l of c.logs) out.push({ stream: 'out', text: `${l}\n` });
    const ref = parseImageRef(c.image);
    const img = ref.ok ? findImage(ref.ref) : undefined;
    const shell = img?.tools.shell === 'bash' && c.cmd.some((a) => a.endsWith('bash')) ? 'bash' : c.openStdin ? 'sh' : 'none';
    return { world, out, exitCode: 0, events, shell: { at: 'container', id: id as ContainerId, via: 'attach', shell } };
  },
};
