import type { World } from '../engine/world';
import type { Shell } from './types';

/**
 * The environment of the shell the console is in: the host's root login, the laptop user, or a
 * container's process environment as Docker builds it (image ENV, -e, link variables, and the
 * HOSTNAME/HOME the runtime adds).
 */
export function environment(world: World, shell: Shell): string[] {
  if (shell.at === 'host') {
    return ['SHELL=/bin/bash', `HOSTNAME=${world.host.hostname}`, 'PWD=/root', 'LOGNAME=root', 'HOME=/root', 'LANG=C.UTF-8', 'TERM=xterm-256color', 'USER=root', 'SHLVL=1', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', '_=/usr/bin/env'];
  }
  if (shell.at === 'laptop') {
    return ['SHELL=/bin/bash', 'HOSTNAME=laptop', 'PWD=/home/student', 'LOGNAME=student', 'HOME=/home/student', 'LANG=C.UTF-8', 'TERM=xterm-256color', 'USER=student', 'PATH=/usr/local/bin:/usr/bin:/bin', '_=/usr/bin/env'];
  }
  const c = world.docker.containers.get(shell.id);
  if (!c) return [];
  const env = [...c.env];
  // Docker puts PATH first (image ENV), then HOSTNAME, then the rest (oci defaults + -e + links).
  const out = [env.find((e) => e.startsWith('PATH=')) ?? 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `HOSTNAME=${c.hostname}`];
  for (const e of [...env, ...(c.linkEnv ?? [])]) if (!e.startsWith('PATH=')) out.push(e);
  if (!out.some((e) => e.startsWith('HOME='))) out.push('HOME=/root');
  return out;
}

export function envOf(world: World, shell: Shell, name: string): string | undefined {
  const prefix = `${name}=`;
  const hit = environment(world, shell).find((e) => e.startsWith(prefix));
  return hit?.slice(prefix.length);
}
