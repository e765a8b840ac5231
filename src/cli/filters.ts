import { byteLength } from './format/bytes';
import { grep } from './grep';

/**
 * The text filters students put after a pipe (`docker inspect web | grep IPAddress`,
 * `iptables -t nat -S | head -n 5`, `docker ps -q | wc -l`). Each takes the previous stage's
 * stdout and returns its own, with GNU coreutils/grep semantics for the common options.
 */
export interface FilterResult {
  readonly out: string;
  readonly err: string;
  readonly exitCode: number;
}

type Filter = (args: readonly string[], input: string) => FilterResult;

function lines(input: string): string[] {
  const l = input.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

const joinLines = (l: readonly string[]) => (l.length ? `${l.join('\n')}\n` : '');

function countArg(args: readonly string[], dflt: number): number {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-n') return Number(args[i + 1] ?? dflt);
    if (/^-n\d+$/.test(a)) return Number(a.slice(2));
    if (/^-\d+$/.test(a)) return Number(a.slice(1));
    if (a.startsWith('--lines=')) return Number(a.slice(8));
  }
  return dflt;
}

const head: Filter = (args, input) => ({ out: joinLines(lines(input).slice(0, countArg(args, 10))), err: '', exitCode: 0 });
const tail: Filter = (args, input) => {
  const n = countArg(args, 10);
  const l = lines(input);
  return { out: joinLines(n === 0 ? [] : l.slice(-n)), err: '', exitCode: 0 };
};
const wc: Filter = (args, input) => {
  const l = lines(input).length;
  const words = input.split(/\s+/).filter(Boolean).length;
  if (args.includes('-l')) return { out: `${l}\n`, err: '', exitCode: 0 };
  if (args.includes('-w')) return { out: `${words}\n`, err: '', exitCode: 0 };
  if (args.includes('-c')) return { out: `${byteLength(input)}\n`, err: '', exitCode: 0 };
  return { out: `${String(l).padStart(7)} ${String(words).padStart(7)} ${String(byteLength(input)).padStart(7)}\n`, err: '', exitCode: 0 };
};
const sort: Filter = (args, input) => {
  const l = lines(input).sort();
  if (args.includes('-r')) l.reverse();
  return { out: joinLines(args.includes('-u') ? [...new Set(l)] : l), err: '', exitCode: 0 };
};
const uniq: Filter = (_args, input) => ({ out: joinLines(lines(input).filter((l, i, a) => i === 0 || a[i - 1] !== l)), err: '', exitCode: 0 });
const cat: Filter = (_args, input) => ({ out: input, err: '', exitCode: 0 });

export const FILTERS: Readonly<Record<string, Filter>> = { grep, egrep: (a, i) => grep(['-E', ...a], i), head, tail, wc, sort, uniq, cat, less: cat, more: cat };
