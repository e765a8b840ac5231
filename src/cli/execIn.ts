import type { EngineEvent } from '../engine/events';
import type { ContainerId } from '../engine/ids';
import { findImage, parseImageRef } from '../engine/images';
import type { World } from '../engine/world';
import { containerShell, dispatch, hasTool } from './dispatch';
import { resolveCommand } from './registry';
import type { OutChunk } from './types';

/**
 * A process started inside a container (docker exec, or a one-shot `docker run IMAGE CMD`).
 * No shell stands in between, so an unknown program is the OCI runtime's error, not `sh: …`.
 * `sh -c 'script'` runs the script through the container's shell.
 */
export interface ExecResult {
  readonly world: World;
  readonly out: readonly OutChunk[];
  readonly exitCode: number;
  readonly events: readonly EngineEvent[];
  /** The program does not exist in the image. */
  readonly notFound?: boolean;
}

const SHELL_NAMES = new Set(['sh', 'ash', 'bash', '/bin/sh', '/bin/ash', '/bin/bash']);

export function isShell(world: World, id: ContainerId, prog: string): boolean {
  if (!SHELL_NAMES.has(prog)) return false;
  const c = world.docker.containers.get(id);
  const ref = c ? parseImageRef(c.image) : null;
  const img = ref?.ok ? findImage(ref.ref) : undefined;
  // busybox images have sh/ash; Debian-based ones have sh and bash.
  return prog.endsWith('bash') ? img?.tools.shell === 'bash' : true;
}

export function ociNotFound(prog: string): string {
  return `exec: "${prog}": executable file not found in $PATH`;
}

export function execIn(world: World, id: ContainerId, argv: readonly string[], runScript: (w: World, script: string) => { world: World; out: readonly OutChunk[]; exitCode: number; events: readonly EngineEvent[] }): ExecResult {
  const prog = argv[0] ?? '';
  const shell = containerShell(world, id, 'exec');
  if (SHELL_NAMES.has(prog)) {
    if (!isShell(world, id, prog)) return { world, out: [], exitCode: 127, events: [], notFound: true };
    const c = argv.indexOf('-c');
    if (c >= 0) return runScript(world, argv[c + 1] ?? '');
    // A shell with no script and no stdin reads EOF at once.
    return { world, out: [], exitCode: 0, events: [] };
  }
  const found = resolveCommand(argv, 'container');
  if (!found || (found.spec.tool && !hasTool(world, shell, found.spec.tool))) return { world, out: [], exitCode: 127, events: [], notFound: true };
  const r = dispatch(world, shell, argv);
  return { world: r.world ?? world, out: r.out, exitCode: r.exitCode, events: r.events ?? [] };
}
