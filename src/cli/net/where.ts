import { HOST_NS, LAPTOP_NS, type NetnsId } from '../../engine/ids';
import { findImage, parseImageRef, type ImageTools } from '../../engine/images';
import type { World } from '../../engine/world';
import type { Shell } from '../types';

/** The network namespace the shell's processes run in. */
export function shellNetns(world: World, shell: Shell): NetnsId | undefined {
  if (shell.at === 'host') return HOST_NS;
  if (shell.at === 'laptop') return LAPTOP_NS;
  return world.docker.containers.get(shell.id)?.netns;
}

/** Which flavour of a tool runs here: the image's inside a container, GNU/iputils elsewhere. */
export function flavour<K extends keyof ImageTools>(world: World, shell: Shell, tool: K): ImageTools[K] | 'host' {
  if (shell.at !== 'container') return 'host';
  const c = world.docker.containers.get(shell.id);
  const ref = c ? parseImageRef(c.image) : null;
  const img = ref?.ok ? findImage(ref.ref) : undefined;
  return img ? img.tools[tool] : 'host';
}

/** A friendly name for a namespace in traces: the host's name, the containers in a sandbox, a machine. */
export function netnsLabel(world: World, ns: NetnsId): string {
  if (ns === HOST_NS) return world.host.hostname;
  if (!ns.startsWith('sb-')) return ns;
  const names: string[] = [];
  for (const c of world.docker.containers.values()) if (c.netns === ns) names.push(c.name);
  return names.length ? names.join('+') : ns;
}

/** Deterministic round-trip times: a tool's timings depend on the path, not on a wall clock. */
export function rttMs(world: World, seq: number, distance: number): number {
  const base = [0.035, 0.07, 0.6, 11.5][distance] ?? 11.5;
  const jitter = ((world.seq * 7919 + seq * 104729 + world.clock / 1000) % 97) / 97;
  return base * (1 + jitter * 0.4);
}
