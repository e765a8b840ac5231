import type { World } from '../engine/world';
import type { Shell } from './types';

/**
 * The environment of the shell the console is in: the host's root login, the laptop user, or a
 * container's process environment as Docker builds it (container.CreateDaemonEnvironment):
 * PATH, HOSTNAME, TERM=xterm with a tty, the link variables, then Config.Env (image ENV and -e)
 * replacing same-named entries in place or appended; runc adds HOME when nothing set it.
 */
const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function environment(world: World, shell: Shell): string[] {
  if (shell.at === 'host') {
    return ['SHELL=/bin/bash', `HOSTNAME=${world.host.hostname}`, 'PWD=/root', 'LOGNAME=root', 'HOME=/root', 'LANG=C.UTF-8', 'TERM=xterm-256color', 'USER=root', 'SHLVL=1', DEFAULT_PATH, '_=/usr/bin/env'];
  }
  if (shell.at === 'laptop') {
    return ['SHELL=/bin/bash', 'HOSTNAME=laptop', 'PWD=/home/student', 'LOGNAME=student', 'HOME=/home/student', 'LANG=C.UTF-8', 'TERM=xterm-256color', 'USER=student', 'PATH=/usr/local/bin:/usr/bin:/bin', '_=/usr/bin/env'];
  }
  const c = world.docker.containers.get(shell.id);
  if (!c) return [];
  const env = [DEFAULT_PATH, `HOSTNAME=${c.hostname}`, ...(c.tty ? ['TERM=xterm'] : []), ...(c.linkEnv ?? [])];
  for (const e of c.env) {
    const key = `${e.split('=')[0] ?? ''}=`;
    const i = env.findIndex((x) => x.startsWith(key));
    if (i >= 0) env[i] = e;
    else env.push(e);
  }
  if (!env.some((e) => e.startsWith('HOME='))) env.push('HOME=/root');
  return env;
}

export function envOf(world: World, shell: Shell, name: string): string | undefined {
  const prefix = `${name}=`;
  const hit = environment(world, shell).find((e) => e.startsWith(prefix));
  return hit?.slice(prefix.length);
}
