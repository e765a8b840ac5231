import { environment } from '../env';
import type { CommandOutput, CommandSpec } from '../types';

/** `printenv [NAME…]`: all variables, or the values of the named ones (exit 1 if one is unset). */
export const printenv: CommandSpec = {
  path: ['printenv'],
  usage: 'printenv [OPTION]... [VARIABLE]...',
  short: 'print all or part of environment',
  flags: [],
  args: { min: 0 },
  rawArgs: true,
  where: ['host', 'container', 'laptop'],
  run(ctx, flags): CommandOutput {
    const envs = environment(ctx.world, ctx.shell);
    const names = flags.args.filter((a) => !a.startsWith('-'));
    if (names.length === 0) return { out: [{ stream: 'out', text: envs.map((e) => `${e}\n`).join('') }], exitCode: 0 };
    let text = '';
    let missing = false;
    for (const n of names) {
      const hit = envs.find((e) => e.startsWith(`${n}=`));
      if (hit === undefined) missing = true;
      else text += `${hit.slice(n.length + 1)}\n`;
    }
    return { out: text ? [{ stream: 'out', text }] : [], exitCode: missing ? 1 : 0 };
  },
};
