import { pullImage } from '../../../engine/docker/create';
import { findImage, parseImageRef } from '../../../engine/images';
import type { CommandOutput, CommandSpec } from '../../types';
import { daemonMessage } from '../../format/daemonErrors';
import { daemonError, errorOutput } from '../../format/errors';
import { bool } from './containerSpec';
import { pullLines } from './createFlow';

/**
 * docker pull (docker/cli v28.5.2 cli/command/image/pull.go `runPull`): the reference is
 * normalised client-side (distribution/reference ParseNormalizedNamed: its errors are printed
 * bare, exit 1), `Using default tag: latest` when no tag was given, the daemon's progress on
 * stdout, and the canonical reference as the last line. An image already present reports
 * `Status: Image is up to date for …`.
 */
export const dockerPull: CommandSpec = {
  path: ['docker', 'pull'],
  aliases: [['docker', 'image', 'pull']],
  usage: 'docker pull [OPTIONS] NAME[:TAG|@DIGEST]',
  short: 'Download an image from a registry',
  flags: [
    { long: 'all-tags', short: 'a', kind: 'bool', help: 'Download all tagged images in the repository' },
    { long: 'disable-content-trust', kind: 'bool', help: 'Skip image verification', defaultText: 'true' },
    { long: 'platform', kind: 'string', valueName: 'string', help: 'Set platform if server is multi-platform capable' },
    { long: 'quiet', short: 'q', kind: 'bool', help: 'Suppress verbose output' },
  ],
  args: { min: 1, max: 1 },
  run(ctx, flags): CommandOutput {
    const image = flags.args[0] ?? '';
    const quiet = bool(flags, 'quiet');
    const ref = parseImageRef(image);
    if (!ref.ok) {
      if (ref.code === 'uppercase') {
        const name = image.replace(/^(docker\.io|index\.docker\.io)\//, '').split(/[:@]/)[0] ?? image;
        return errorOutput(`invalid reference format: repository name (${name.includes('/') ? name : `library/${name}`}) must be lowercase`, 1);
      }
      return errorOutput('invalid reference format', 1);
    }
    const hasTag = /:[^/]+$/.test(image.replace(/@sha256:[0-9a-f]{64}$/, ''));
    if (bool(flags, 'all-tags') && hasTag) return errorOutput("tag can't be used with --all-tags/-a", 1);
    const lines: string[] = [];
    if (!hasTag && !quiet) lines.push(`Using default tag: ${ref.ref.tag}`);
    const repoPath = ref.ref.repo.includes('/') ? ref.ref.repo : `library/${ref.ref.repo}`;
    const key = `${ref.ref.repo}:${ref.ref.tag}`;
    const present = ctx.world.docker.images.has(key);
    const pulled = pullImage(ctx.world, image);
    if (!pulled.ok) {
      const out = lines.map((l) => ({ stream: 'out' as const, text: `${l}\n` }));
      return { out: [...out, { stream: 'err', text: `${daemonError(daemonMessage(pulled.error))}\n` }], exitCode: 1 };
    }
    if (!quiet) {
      if (present) {
        const info = findImage(ref.ref);
        lines.push(`${ref.ref.tag}: Pulling from ${repoPath}`, `Digest: ${info?.digest ?? ''}`, `Status: Image is up to date for ${key}`);
      } else {
        lines.push(...pullLines(image, false));
      }
    }
    lines.push(`docker.io/${repoPath}:${ref.ref.tag}`);
    return {
      world: present ? ctx.world : pulled.value.world,
      events: present ? [] : pulled.value.events,
      out: [{ stream: 'out', text: lines.map((l) => `${l}\n`).join('') }],
      exitCode: 0,
    };
  },
};
