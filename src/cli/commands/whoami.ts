import { stdout } from '../format/shellContext';
import type { CommandSpec } from '../types';

/** `whoami`: root on the host console and in containers (no USER in the lab's images), student on the laptop. */
export const whoami: CommandSpec = {
  path: ['whoami'],
  usage: 'whoami [OPTION]...',
  short: 'print effective user name',
  flags: [],
  args: { min: 0 },
  rawArgs: true,
  where: ['host', 'container', 'laptop'],
  run(ctx) {
    return stdout(ctx.shell.at === 'laptop' ? 'student\n' : 'root\n');
  },
};
