import { stdout } from '../format/shellContext';
import type { CommandSpec } from '../types';

/**
 * The shell's `echo` builtin (bash, and BusyBox ash alike): arguments joined by spaces; leading
 * -n (no newline), -e (backslash escapes), -E are options, anything else is printed. `$VAR` was
 * already expanded by the shell (tokenize.ts with the environment of env.ts).
 */
export const echo: CommandSpec = {
  path: ['echo'],
  usage: 'echo [-neE] [arg ...]',
  short: 'write arguments to the standard output',
  flags: [],
  args: { min: 0 },
  rawArgs: true,
  where: ['host', 'container', 'laptop'],
  run(_ctx, flags) {
    const args = [...flags.args];
    let newline = true;
    let escapes = false;
    while (args[0] && /^-[neE]+$/.test(args[0])) {
      const o = args.shift() ?? '';
      if (o.includes('n')) newline = false;
      for (const ch of o.slice(1)) if (ch === 'e') escapes = true; else if (ch === 'E') escapes = false;
    }
    let text = args.join(' ');
    if (escapes) {
      const cut = text.indexOf('\\c');
      if (cut >= 0) {
        text = text.slice(0, cut);
        newline = false;
      }
      text = text.replace(/\\(0[0-7]{0,3}|x[0-9a-fA-F]{1,2}|[abefnrtv\\])/g, (_m, e: string) => {
        const map: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
        if (e[0] === '0') return String.fromCharCode(parseInt(e.slice(1) || '0', 8));
        if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
        return map[e] ?? e;
      });
    }
    return stdout(newline ? `${text}\n` : text);
  },
};
