import { byteLength } from './format/bytes';
import type { FilterResult } from './filterResult';
import { grep } from './grep';
import { TEXT_TOOLS, lines } from './textTools';

/**
 * The text filters students put after a pipe (`docker inspect web | grep IPAddress`,
 * `iptables -t nat -S | head -n 5`, `docker ps -q | wc -l`). Each takes the previous stage's
 * stdout and returns its own, with GNU coreutils/grep semantics for the common options.
 */

type Filter = (args: readonly string[], input: string) => FilterResult;

const wc: Filter = (args, input) => {
  const l = lines(input).length;
  const words = input.split(/\s+/).filter(Boolean).length;
  if (args.includes('-l')) return { out: `${l}\n`, err: '', exitCode: 0 };
  if (args.includes('-w')) return { out: `${words}\n`, err: '', exitCode: 0 };
  if (args.includes('-c')) return { out: `${byteLength(input)}\n`, err: '', exitCode: 0 };
  return { out: `${String(l).padStart(7)} ${String(words).padStart(7)} ${String(byteLength(input)).padStart(7)}\n`, err: '', exitCode: 0 };
};
const cat: Filter = (_args, input) => ({ out: input, err: '', exitCode: 0 });

export const FILTERS: Readonly<Record<string, Filter>> = { grep, egrep: (a, i) => grep(['-E', ...a], i), ...TEXT_TOOLS, wc, cat, less: cat, more: cat };
