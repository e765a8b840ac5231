import { findContainer } from '../../../engine/docker/lookup';
import type { ContainerId } from '../../../engine/ids';
import { containerShell } from '../../dispatch';
import { daemonError } from '../../format/errors';
import { execIn, isShell, ociNotFound } from '../../execIn';
import { runLine } from '../../runLine';
import type { CommandSpec } from '../../types';
import { bool } from './containerSpec';

/**
 * docker exec: runs a command in a running container's namespaces. `-it … sh` opens that
 * container's shell in the console until `exit`.
 */
export const dockerExec: CommandSpec = {
  path: ['docker', 'exec'],
  aliases: [['docker', 'container', 'exec']],
  usage: 'docker exec [OPTIONS] CONTAINER COMMAND [ARG...]',
  short: 'Execute a command in a running container',
  args: { min: 2 },
  interspersed: false,
  flags: [
    { long: 'detach', short: 'd', kind: 'bool', help: 'Detached mode: run command in the background' },
    { long: 'detach-keys', kind: 'string', help: 'Override the key sequence for detaching a container' },
    { long: 'env', short: 'e', kind: 'list', help: 'Set environment variables' },
    { long: 'env-file', kind: 'list', help: 'Read in a file of environment variables' },
    { long: 'interactive', short: 'i', kind: 'bool', help: 'Keep STDIN open even if not attached' },
    { long: 'privileged', kind: 'bool', help: 'Give extended privileges to the command' },
    { long: 'tty', short: 't', kind: 'bool', help: 'Allocate a pseudo-TTY' },
    { long: 'user', short: 'u', kind: 'string', help: 'Username or UID (format: "<name|uid>[:<group|gid>]")' },
    { long: 'workdir', short: 'w', kind: 'string', help: 'Working directory inside the container' },
  ],
  run(ctx, flags) {
    const [ref = '', ...argv] = flags.args;
    const c = findContainer(ctx.world, ref);
    if (!c) return { out: [{ stream: 'err', text: `${daemonError(`No such container: ${ref}`)}\n` }], exitCode: 1 };
    if (c.state !== 'running') return { out: [{ stream: 'err', text: `${daemonError(`container ${c.id} is not running`)}\n` }], exitCode: 1 };
    const prog = argv[0] ?? '';
    const id = c.id as ContainerId;
    if (bool(flags, 'interactive') && argv.length === 1 && isShell(ctx.world, id, prog)) {
      const shell = containerShell(ctx.world, id, 'exec');
      return { out: [], exitCode: 0, shell: { ...shell, shell: prog.endsWith('bash') ? 'bash' : 'sh' } };
    }
    const r = execIn(ctx.world, id, argv, (w, script) => runLine(w, containerShell(w, id, 'exec'), script));
    if (r.notFound) {
      return { out: [{ stream: 'err', text: `OCI runtime exec failed: exec failed: unable to start container process: ${ociNotFound(prog)}: unknown\n` }], exitCode: 127 };
    }
    if (bool(flags, 'detach')) return { world: r.world, events: r.events, out: [], exitCode: 0 };
    return { world: r.world, events: r.events, out: r.out, exitCode: r.exitCode };
  },
};
