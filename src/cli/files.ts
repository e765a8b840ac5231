import { HOST_NS } from '../engine/ids';
import { writeSysctl } from '../engine/net/sysctl';
import type { World } from '../engine/world';
import type { OutChunk, Shell } from './types';

/**
 * Writing files from the console. The lab's host has two files worth writing:
 * /etc/docker/daemon.json (read by `systemctl restart docker`) and /proc/sys/net/ipv4/ip_forward
 * (`echo 1 > …`, the same switch as `sysctl -w`). Other paths accept the text and keep nothing,
 * like a scratch directory; /dev/null discards.
 */
export const DAEMON_JSON = '/etc/docker/daemon.json';

export function writeFile(world: World, shell: Shell, path: string, text: string, append: boolean): { world: World; out: OutChunk[] } {
  if (path === '/dev/null' || path === '/dev/stdout') return { world, out: [] };
  if (shell.at === 'host' && (path === DAEMON_JSON || path === 'daemon.json')) {
    const daemonJson = append ? world.docker.daemonJson + text : text;
    return { world: { ...world, docker: { ...world.docker, daemonJson } }, out: [] };
  }
  if (shell.at === 'host' && path.startsWith('/proc/sys/')) {
    const r = writeSysctl(world, HOST_NS, path, text);
    // bash reports the failed write(2) with the path it redirected to.
    if (!r.ok) return { world, out: [{ stream: 'err', text: `-bash: ${path}: ${r.error.code === 'sysctl-unknown' ? 'No such file or directory' : 'Invalid argument'}\n` }] };
    return { world: r.value, out: [] };
  }
  return { world, out: [] };
}
