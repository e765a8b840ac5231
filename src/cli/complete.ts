import { IMAGES } from '../engine/images';
import type { World } from '../engine/world';
import { effectiveFlags } from './flags';
import { allCommands, availableAt } from './registry';
import type { CommandSpec, Shell } from './types';

/**
 * Tab completion: the words that could stand where the cursor's word is. Commands and
 * subcommands come from the specs, flags from the spec's flags, and names from the World.
 */
const CONTAINER_ARGS = new Set(['start', 'stop', 'restart', 'rm', 'kill', 'exec', 'inspect', 'logs', 'port', 'attach']);
const NETWORK_ARGS = new Set(['inspect', 'rm', 'connect', 'disconnect']);
const BUILTINS = ['exit', 'clear', 'help'];

export function complete(world: World, shell: Shell, before: string): string[] {
  const words = before.split(/\s+/);
  const current = words.pop() ?? '';
  const prev = words.filter((w) => w !== '' && w !== 'sudo');
  const specs = allCommands().filter((s) => availableAt(s, shell.at) && !s.hidden);
  const match = (xs: Iterable<string>) => [...new Set(xs)].filter((x) => x.startsWith(current)).sort();

  if (prev.length === 0) return match([...specs.map((s) => s.path[0] ?? ''), ...BUILTINS]);

  // The deepest spec whose path the typed words start with.
  let spec: CommandSpec | undefined;
  for (const s of specs) {
    for (const p of [s.path, ...(s.aliases ?? [])]) {
      if (p.length <= prev.length && p.every((w, i) => prev[i] === w) && (!spec || p.length > spec.path.length)) spec = s;
    }
  }
  const depth = spec ? spec.path.length : 0;
  // Subcommands at the next level of what has been typed (`docker net` → network).
  const sub = specs.filter((s) => s.path.length > prev.length && prev.every((w, i) => s.path[i] === w)).map((s) => s.path[prev.length] ?? '');
  if (sub.length && (!spec || prev.length >= depth)) {
    const subs = match(sub);
    if (subs.length || !spec) return subs;
  }
  if (!spec) return [];

  if (current.startsWith('-')) {
    return match(effectiveFlags(spec).filter((f) => !f.hidden).flatMap((f) => [`--${f.long}`, ...(f.short ? [`-${f.short}`] : [])]));
  }
  const last = prev[prev.length - 1] ?? '';
  const containers = [...world.docker.containers.values()].map((c) => c.name);
  const networks = [...world.docker.networks.values()].map((n) => n.name);
  if (last === '--network' || last === '--net') return match([...networks, ...containers.map((c) => `container:${c}`)]);
  if (last === '--link') return match(containers);
  const verb = spec.path[spec.path.length - 1] ?? '';
  if (spec.path[1] === 'network' && NETWORK_ARGS.has(verb)) {
    const positional = prev.slice(depth).filter((w) => !w.startsWith('-'));
    if ((verb === 'connect' || verb === 'disconnect') && positional.length >= 1) return match(containers);
    return match(networks);
  }
  if (spec.path[0] === 'docker' && CONTAINER_ARGS.has(verb)) return match(containers);
  if (spec.path[0] === 'docker' && (verb === 'run' || verb === 'create' || verb === 'pull')) return match(IMAGES.map((i) => i.repo));
  return [];
}
