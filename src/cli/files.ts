import type { World } from '../engine/world';
import type { OutChunk, Shell } from './types';

/**
 * Writing files from the console. The lab's host has one file worth writing:
 * /etc/docker/daemon.json (read by `systemctl restart docker`). Other paths accept the text and
 * keep nothing, like a scratch directory; /dev/null discards.
 */
export const DAEMON_JSON = '/etc/docker/daemon.json';

export function writeFile(world: World, shell: Shell, path: string, text: string, append: boolean): { world: World; out: OutChunk[] } {
  if (path === '/dev/null' || path === '/dev/stdout') return { world, out: [] };
  if (shell.at === 'host' && (path === DAEMON_JSON || path === 'daemon.json')) {
    const daemonJson = append ? world.docker.daemonJson + text : text;
    return { world: { ...world, docker: { ...world.docker, daemonJson } }, out: [] };
  }
  return { world, out: [] };
}
