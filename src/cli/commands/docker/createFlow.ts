import { createContainer, pullImage, type CreateSpec } from '../../../engine/docker/create';
import type { EngineEvent } from '../../../engine/events';
import type { ContainerId } from '../../../engine/ids';
import { findImage, parseImageRef } from '../../../engine/images';
import type { World } from '../../../engine/world';
import { daemonMessage } from '../../format/daemonErrors';
import { daemonError } from '../../format/errors';
import type { OutChunk } from '../../types';

/**
 * docker/cli createContainer: ask the daemon; when the image is missing, say so, pull it
 * (progress on stderr), and ask again (cli/command/container/create.go).
 */
export interface CreateFlow {
  readonly world: World;
  readonly out: OutChunk[];
  readonly events: EngineEvent[];
  readonly id?: ContainerId;
  /** The error text when creation failed, already prefixed `Error response from daemon: ` when the daemon said it. */
  readonly error?: string;
}

export function pullLines(image: string, quiet: boolean): string[] {
  const ref = parseImageRef(image);
  if (!ref.ok) return [];
  const info = findImage(ref.ref);
  if (!info) return [];
  const tag = ref.ref.tag;
  const repo = ref.ref.repo.includes('/') ? ref.ref.repo : `library/${ref.ref.repo}`;
  if (quiet) return [];
  return [
    `${tag}: Pulling from ${repo}`,
    ...info.layers.map((l) => `${l}: Pull complete`),
    `Digest: ${info.digest}`,
    `Status: Downloaded newer image for ${ref.ref.repo}:${tag}`,
  ];
}

export function createWithPull(world: World, spec: CreateSpec, quiet: boolean): CreateFlow {
  const out: OutChunk[] = [];
  const events: EngineEvent[] = [];
  // The CLI parses the image reference itself before asking the daemon (create.go
  // ParseAnyReference), so a malformed one is not a daemon error.
  const ref0 = parseImageRef(spec.image);
  if (!ref0.ok) {
    const repo = spec.image.split(/[:@]/)[0] ?? spec.image;
    return { world, out, events, error: ref0.code === 'uppercase' ? `invalid reference format: repository name (${repo}) must be lowercase` : 'invalid reference format' };
  }
  let w = world;
  let created = createContainer(w, spec);
  if (!created.ok && created.error.code === 'no-such-image') {
    const ref = String(created.error.data['ref'] ?? spec.image);
    out.push({ stream: 'err', text: `Unable to find image '${ref}' locally\n` });
    const pulled = pullImage(w, spec.image);
    if (!pulled.ok) return { world, out, events, error: daemonError(daemonMessage(pulled.error)) };
    out.push({ stream: 'err', text: pullLines(spec.image, quiet).map((l) => `${l}\n`).join('') });
    w = pulled.value.world;
    events.push(...pulled.value.events);
    created = createContainer(w, spec);
  } else if (!created.ok && created.error.code === 'pull-access-denied') {
    const ref = String(created.error.data['ref'] ?? spec.image);
    out.push({ stream: 'err', text: `Unable to find image '${ref}' locally\n` });
  }
  if (!created.ok) return { world: w, out, events, error: daemonError(daemonMessage(created.error)) };
  for (const warning of created.value.warnings) out.push({ stream: 'err', text: `WARNING: ${warning}\n` });
  events.push(...created.value.events);
  return { world: created.value.world, out, events, id: created.value.id };
}
