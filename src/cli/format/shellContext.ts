/**
 * Where a tool runs, as the tools see it: the network namespace of the shell (host, laptop, or
 * the container's — a host-mode container's is the host's, a `container:X` one's is X's) and
 * the image whose binaries are on PATH.
 */
import { HOST_NS, LAPTOP_NS, type NetnsId } from '../../engine/ids';
import type { Container } from '../../engine/docker/types';
import { findImage, parseImageRef, type ImageInfo } from '../../engine/images';
import type { World } from '../../engine/world';
import type { CommandOutput, Shell } from '../types';

export function shellNetns(w: World, shell: Shell): NetnsId | undefined {
  if (shell.at === 'host') return HOST_NS;
  if (shell.at === 'laptop') return LAPTOP_NS;
  return w.docker.containers.get(shell.id)?.netns;
}

export function shellContainer(w: World, shell: Shell): Container | undefined {
  return shell.at === 'container' ? w.docker.containers.get(shell.id) : undefined;
}

export function imageOfContainer(c: Container | undefined): ImageInfo | undefined {
  const ref = c ? parseImageRef(c.image) : null;
  return ref?.ok ? findImage(ref.ref) : undefined;
}

export function shellImage(w: World, shell: Shell): ImageInfo | undefined {
  return imageOfContainer(shellContainer(w, shell));
}

/** Inside busybox images the applets word their errors `applet: …`; elsewhere GNU/procps tools run. */
export function isBusybox(w: World, shell: Shell): boolean {
  return shellImage(w, shell)?.tools.ip === 'busybox';
}

export function stdout(text: string, exitCode = 0): CommandOutput {
  return { out: text ? [{ stream: 'out', text }] : [], exitCode };
}

export function stderr(text: string, exitCode: number): CommandOutput {
  return { out: [{ stream: 'err', text }], exitCode };
}

/** stdout then stderr, as a tool that printed part of its answer before failing. */
export function both(out: string, err: string, exitCode: number): CommandOutput {
  return { out: [...(out ? [{ stream: 'out' as const, text: out }] : []), ...(err ? [{ stream: 'err' as const, text: err }] : [])], exitCode };
}
