import { byteLength } from './format/bytes';

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

const grep: Filter = (args, input) => {
  let invert = false, icase = false, count = false, number = false, word = false, extended = false, only = false;
  let pattern: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-e') { pattern = args[++i]; continue; }
    if (a.startsWith('-') && a.length > 1 && pattern === undefined) {
      for (const ch of a.slice(1)) {
        if (ch === 'v') invert = true;
        else if (ch === 'i') icase = true;
        else if (ch === 'c') count = true;
        else if (ch === 'n') number = true;
        else if (ch === 'w') word = true;
        else if (ch === 'E') extended = true;
        else if (ch === 'o') only = true;
        else if (ch === 'F' || ch === 'q' || ch === 's' || ch === 'A' || ch === 'B' || ch === 'C') continue;
        else return { out: '', err: `grep: invalid option -- '${ch}'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`, exitCode: 2 };
      }
      continue;
    }
    if (pattern === undefined) pattern = a;
  }
  if (pattern === undefined) return { out: '', err: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", exitCode: 2 };
  let re: RegExp;
  try {
    // Basic regular expressions treat + ? | ( ) literally; translate the common cases.
    const src = extended ? pattern : pattern.replace(/\\([|+?(){}])/g, '$1\u0000').replace(/([|+?(){}])(?!\u0000)/g, '\\$1').replace(/\u0000/g, '');
    re = new RegExp(word ? `\\b(?:${src})\\b` : src, icase ? 'gi' : 'g');
  } catch {
    return { out: '', err: 'grep: Unmatched ( or \\(\n', exitCode: 2 };
  }
  const out: string[] = [];
  lines(input).forEach((l, i) => {
    re.lastIndex = 0;
    const hit = re.test(l);
    if (hit !== invert) {
      if (only && !invert) {
        re.lastIndex = 0;
        for (const m of l.matchAll(re)) out.push(m[0]);
      } else out.push(number ? `${i + 1}:${l}` : l);
    }
  });
  if (count) return { out: `${out.length}\n`, err: '', exitCode: out.length ? 0 : 1 };
  return { out: joinLines(out), err: '', exitCode: out.length ? 0 : 1 };
};

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
