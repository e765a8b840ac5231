import type { World } from '../engine/world';
import type { CommandOutput, Shell } from './types';

/**
 * What the shell or the docker CLI says about a command it does not know.
 * - the host console is a root login shell over ssh: bash names itself `-bash`;
 * - busybox sh (alpine, busybox): `sh: curl: not found`; bash in Debian images:
 *   `bash: curl: command not found`;
 * - docker CLI 28 (cobra): `docker: unknown command: docker foo` + a pointer to --help.
 */
export function unknownCommand(world: World, shell: Shell, argv: readonly string[]): CommandOutput {
  void world;
  const prog = argv[0] ?? '';
  if (prog === 'docker' && shell.at === 'host') {
    const group = argv[1] === 'network' || argv[1] === 'container' || argv[1] === 'image' ? ['docker', argv[1]] : ['docker'];
    const shown = argv.slice(0, group.length + 1).join(' ');
    return err(`docker: unknown command: ${shown}\n\nRun '${group.join(' ')} --help' for more information\n`, 1);
  }
  if (shell.at === 'container') {
    if (shell.shell === 'bash') return err(`bash: ${prog}: command not found\n`, 127);
    return err(`sh: ${prog}: not found\n`, 127);
  }
  if (shell.at === 'laptop') return err(`bash: ${prog}: command not found\n`, 127);
  return err(`-bash: ${prog}: command not found\n`, 127);
}

function err(text: string, exitCode: number): CommandOutput {
  return { out: [{ stream: 'err', text }], exitCode };
}
