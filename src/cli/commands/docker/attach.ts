import { findContainer } from '../../../engine/docker/lookup';
import type { ContainerId } from '../../../engine/ids';
import { containerShell } from '../../dispatch';
import { daemonError } from '../../format/errors';
import { isShell } from '../../execIn';
import type { CommandSpec } from '../../types';

/**
 * docker attach: the console becomes the container's main process's terminal. For a shell
 * started with -it that is its prompt (`exit` ends the container; Ctrl-P Ctrl-Q detaches).
 */
export const dockerAttach: CommandSpec = {
  path: ['docker', 'attach'],
  aliases: [['docker', 'container', 'attach']],
  usage: 'docker attach [OPTIONS] CONTAINER',
  short: 'Attach local standard input, output, and error streams to a running container',
  args: { min: 1, max: 1 },
  flags: [
    { long: 'detach-keys', kind: 'string', help: 'Override the key sequence for detaching a container' },
    { long: 'no-stdin', kind: 'bool', help: 'Do not attach STDIN' },
    { long: 'sig-proxy', kind: 'bool', help: 'Proxy all received signals to the process', defaultText: 'true' },
  ],
  run(ctx, flags) {
    const ref = flags.args[0] ?? '';
    const c = findContainer(ctx.world, ref);
    if (!c) return { out: [{ stream: 'err', text: `${daemonError(`No such container: ${ref}`)}\n` }], exitCode: 1 };
    if (c.state !== 'running') return { out: [{ stream: 'err', text: 'You cannot attach to a stopped container, start it first\n' }], exitCode: 1 };
    const id = c.id as ContainerId;
    const main = c.cmd[0] ?? '';
    const shell = containerShell(ctx.world, id, 'attach');
    if (c.openStdin && isShell(ctx.world, id, main)) return { out: [], exitCode: 0, shell: { ...shell, shell: main.endsWith('bash') ? 'bash' : 'sh' } };
    return { out: [], exitCode: 0, shell: { ...shell, shell: 'none' } };
  },
};
