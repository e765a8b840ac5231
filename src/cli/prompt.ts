import type { World } from '../engine/world';
import type { Shell } from './types';

/**
 * The prompt for where the shell is: the host's root login, busybox sh's `/ # `, bash's
 * `root@<hostname>:/# ` in Debian-based images, the laptop user's, or nothing while attached to
 * a process that is not a shell.
 */
export function promptFor(world: World, shell: Shell): string {
  if (shell.at === 'laptop') return 'student@laptop:~$ ';
  if (shell.at === 'container') {
    if (shell.shell === 'none') return '';
    const c = world.docker.containers.get(shell.id);
    if (shell.shell === 'bash') return `root@${c?.hostname ?? 'container'}:/# `;
    return '/ # ';
  }
  return `root@${world.host.hostname}:~# `;
}
