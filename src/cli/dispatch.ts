import type { ContainerId } from '../engine/ids';
import { findImage, parseImageRef, type ImageTools } from '../engine/images';
import type { World } from '../engine/world';
import { flagErrorExitCode, formatFlagError, parseFlags } from './flags';
import { formatHelp } from './help';
import { childrenOf, resolveCommand } from './registry';
import type { CommandOutput, Shell } from './types';
import { unknownCommand } from './unknown';

/**
 * One simple command (a word list) run where the shell is: find the spec, parse its flags the
 * pflag way (or hand raw arguments to tools that parse their own), answer --help, run.
 */
export function dispatch(world: World, shell: Shell, argv: readonly string[], sudo = false): CommandOutput {
  if (argv.length === 0) return { out: [], exitCode: 0 };
  const found = resolveCommand(argv, shell.at);
  if (!found || (found.spec.tool && !hasTool(world, shell, found.spec.tool))) return unknownCommand(world, shell, argv);
  const { spec, consumed, path } = found;
  const rest = argv.slice(consumed);
  const ctx = { world, shell, path, ...(sudo ? { sudo } : {}) };
  if (spec.rawArgs) return spec.run(ctx, { values: {}, given: [], args: rest });
  const parsed = parseFlags(spec, rest);
  if (!parsed.ok) {
    return { out: [{ stream: 'err', text: `${formatFlagError(spec, parsed.error, path)}\n` }], exitCode: flagErrorExitCode(parsed.error) };
  }
  const notes = parsed.warnings.map((text) => ({ stream: 'out' as const, text }));
  if (parsed.help) {
    const text = spec.helpText ? spec.helpText() : formatHelp(spec, childrenOf(spec.path), path);
    return { out: [...notes, { stream: 'out', text }], exitCode: 0 };
  }
  const r = spec.run(ctx, parsed.flags);
  return notes.length ? { ...r, out: [...notes, ...r.out] } : r;
}

/** Runs argv inside a container's namespaces, as `docker exec` and one-shot `docker run` do. */
export function dispatchIn(world: World, id: ContainerId, argv: readonly string[]): CommandOutput & { world: World; events: NonNullable<CommandOutput['events']> } {
  const r = dispatch(world, containerShell(world, id, 'exec'), argv);
  return { ...r, world: r.world ?? world, events: r.events ?? [] };
}

export function containerShell(world: World, id: ContainerId, via: 'exec' | 'attach'): Shell {
  const img = imageOf(world, id);
  return { at: 'container', id, via, shell: img?.tools.shell ?? 'sh' };
}

function imageOf(world: World, id: ContainerId) {
  const c = world.docker.containers.get(id);
  const ref = c ? parseImageRef(c.image) : null;
  return ref?.ok ? findImage(ref.ref) : undefined;
}

/** Whether the image of the container the shell is in ships this tool (`sh: curl: not found`). */
export function hasTool(world: World, shell: Shell, tool: keyof ImageTools): boolean {
  if (shell.at !== 'container') return true;
  const img = imageOf(world, shell.id);
  return !!img && !!img.tools[tool];
}
