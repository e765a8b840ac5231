import { finishContainer, startContainer } from '../../../engine/docker/lifecycle';
import { findContainer } from '../../../engine/docker/lookup';
import type { EngineEvent } from '../../../engine/events';
import type { ContainerId } from '../../../engine/ids';
import type { World } from '../../../engine/world';
import { containerShell } from '../../dispatch';
import { execIn, ociNotFound } from '../../execIn';
import { daemonMessage } from '../../format/daemonErrors';
import { runLine } from '../../runLine';
import type { OutChunk } from '../../types';

/** What starting one container did (shared by docker start and docker restart). */
export interface Started {
  readonly world: World;
  readonly events: readonly EngineEvent[];
  /** What a one-shot main process printed (it also went to the container's log). */
  readonly output: readonly OutChunk[];
  /** The daemon's error text (without "Error response from daemon: "). */
  readonly error?: string;
  readonly id?: ContainerId;
  /** The exit status of a one-shot main process (absent when the process keeps running). */
  readonly exitCode?: number;
}

/**
 * ContainerStart as the daemon does it, including a one-shot main process (`alpine echo hi`):
 * the program runs inside the container and the container exits with its status, as run.ts does.
 */
export function startOne(world: World, ref: string, restart: (w: World, ref: string) => ReturnType<typeof startContainer> = startContainer): Started {
  const started = restart(world, ref);
  if (!started.ok) return { world, events: [], output: [], error: daemonMessage(started.error) };
  const c = findContainer(started.value.world, ref) ?? findContainer(world, ref);
  const id = c?.id as ContainerId | undefined;
  const argv = started.value.oneshot;
  if (!argv || id === undefined) return { world: started.value.world, events: started.value.events, output: [], ...(id ? { id } : {}) };
  const w = started.value.world;
  const r = execIn(w, id, argv, (w2, script) => runLine(w2, containerShell(w2, id, 'exec'), script));
  if (r.notFound) {
    return {
      world,
      events: [],
      output: [],
      id,
      error: `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${ociNotFound(argv[0] ?? '')}: unknown`,
    };
  }
  const printed = r.out.map((o) => o.text).join('');
  const logLines = printed === '' ? [] : printed.replace(/\n$/, '').split('\n');
  const done = finishContainer(r.world, id, r.exitCode, logLines);
  return { world: done.world, events: [...started.value.events, ...r.events, ...done.events], output: r.out, id, exitCode: r.exitCode };
}
