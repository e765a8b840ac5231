import type { World } from '../../../engine/world';
import { parseImageRef } from '../../../engine/images';
import type { CommandSpec } from '../../types';
import { errorOutput } from '../../format/errors';
import { findLocalImage, imageInspectJson } from '../../format/imageInspect';
import { IMAGE_TYPES } from '../../format/inspectTypes';
import { bool, str } from './containerSpec';
import { INSPECT_FORMAT_HELP } from './listFormat';
import { containerRef, type Found, inspectRefs, networkRef } from './inspectFlow';

/**
 * docker inspect (docker/cli v28.5.2 cli/command/system/inspect.go `inspectAll`): without
 * --type each reference is tried as a container, an image, a network, a volume, a plugin (swarm
 * objects are skipped on a node that is not a swarm manager); "not found" errors fall through
 * and the last word is `Error: No such object: x`. With --type only that kind is asked and its
 * own error is printed.
 */
const ALL_TYPES = ['config', 'container', 'image', 'network', 'node', 'plugin', 'secret', 'service', 'task', 'volume'];
const SWARM_TYPES = ['config', 'node', 'secret', 'service', 'task'];

function imageRef(w: World, ref: string): Found {
  const found = findLocalImage(w, ref)[0];
  if (found) return { ok: true, json: imageInspectJson(w, found), types: IMAGE_TYPES };
  const parsed = parseImageRef(ref);
  const name = parsed.ok ? `${parsed.ref.repo}:${parsed.ref.tag}` : ref;
  return { ok: false, error: parsed.ok ? `Error response from daemon: No such image: ${name}` : 'invalid reference format' };
}

export const dockerInspect: CommandSpec = {
  path: ['docker', 'inspect'],
  usage: 'docker inspect [OPTIONS] NAME|ID [NAME|ID...]',
  short: 'Return low-level information on Docker objects',
  flags: [
    { long: 'format', short: 'f', kind: 'string', valueName: 'string', help: INSPECT_FORMAT_HELP },
    { long: 'size', short: 's', kind: 'bool', help: 'Display total file sizes if the type is container' },
    { long: 'type', kind: 'string', valueName: 'string', help: 'Only inspect objects of the given type' },
  ],
  args: { min: 1 },
  run(ctx, flags) {
    const w = ctx.world;
    const type = str(flags, 'type') ?? '';
    if (flags.given.includes('type') && type === '') {
      return errorOutput(`type is empty: must be one of "${ALL_TYPES.join('", "')}"`, 1);
    }
    if (type !== '' && !ALL_TYPES.includes(type)) {
      return errorOutput(`unknown type: "${type}": must be one of "${ALL_TYPES.join('", "')}"`, 1);
    }
    const size = bool(flags, 'size');
    const warnings: string[] = [];
    const getRef = (ref: string): Found => {
      if (SWARM_TYPES.includes(type)) {
        return { ok: false, error: 'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.' };
      }
      const tries: [string, () => Found][] = [
        ['container', () => containerRef(w, ref)],
        ['image', () => imageRef(w, ref)],
        ['network', () => networkRef(w, ref)],
        ['volume', () => ({ ok: false, error: `Error response from daemon: get ${ref}: no such volume` })],
        ['plugin', () => ({ ok: false, error: `Error response from daemon: plugin "${ref}" not found` })],
      ];
      for (const [kind, look] of tries) {
        if (type !== '' && kind !== type) continue;
        const r = look();
        if (!r.ok) {
          // isErrSkippable: not-found (and invalid reference) errors fall through without --type.
          if (type === '' && !r.error.includes('is ambiguous')) continue;
          return r;
        }
        if (size && kind !== 'container') warnings.push(`WARNING: --size ignored for ${kind}\n`);
        return r;
      }
      return { ok: false, error: `Error: No such object: ${ref}` };
    };
    return inspectRefs(flags.args, str(flags, 'format') ?? '', getRef, warnings);
  },
};
