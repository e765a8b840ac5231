import { environment } from '../env';
import { stdout } from '../format/shellContext';
import type { CommandSpec } from '../types';

/**
 * `env` with no arguments prints the environment of the shell: the host's root login, the
 * laptop user, or what Docker gave the container (image ENV, -e, link variables, HOSTNAME, HOME).
 * Running a program under a modified environment (`env X=1 cmd`) is not simulated.
 */
export const env: CommandSpec = {
  path: ['env'],
  usage: 'env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]',
  short: 'run a program in a modified environment',
  flags: [],
  args: { min: 0 },
  rawArgs: true,
  where: ['host', 'container', 'laptop'],
  run(ctx, flags) {
    if (flags.args.length > 0) return { out: [{ stream: 'err', text: 'env: running commands under a changed environment is not simulated in this lab\n' }], exitCode: 125 };
    return stdout(environment(ctx.world, ctx.shell).map((e) => `${e}\n`).join(''));
  },
};
