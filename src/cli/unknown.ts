import type { World } from '../engine/world';
import type { CommandOutput, Shell } from './types';

/**
 * What the shell or the docker CLI says about a command it does not know.
 * - the host console is a root login shell over ssh: bash names itself `-bash`;
 * - busybox sh (alpine, busybox): `sh: curl: not found`; bash in Debian images:
 *   `bash: curl: command not found`;
 * (docker's own unknown subcommands are answered by the group commands, commands/docker/groups.ts.)
 */
export function unknownCommand(world: World, shell: Shell, argv: readonly string[]): CommandOutput {
  void world;
  const prog = argv[0] ?? '';
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
