import type { FilterResult } from './filterResult';

/**
 * GNU grep 3.x as students use it after a pipe: `docker inspect web | grep -A 3 Networks`,
 * `iptables -S | grep -c DOCKER`, `ip addr | grep -w inet`. Options may be clustered (`-inA2`),
 * take their argument attached or separate (`-A2`, `-A 2`, `--context=2`), and `-NUM` means
 * `-C NUM`. Context output follows grep: `N:` before a matching line, `N-` before a context line
 * (with -n), and `--` between groups that are not adjacent.
 */

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";
const usageError = (msg: string): FilterResult => ({ out: '', err: `grep: ${msg}\n${USAGE}`, exitCode: 2 });
const plainError = (msg: string): FilterResult => ({ out: '', err: `grep: ${msg}\n`, exitCode: 2 });

interface Options {
  invert: boolean;
  icase: boolean;
  count: boolean;
  number: boolean;
  word: boolean;
  line: boolean;
  extended: boolean;
  fixed: boolean;
  only: boolean;
  quiet: boolean;
  after: number;
  before: number;
  max: number;
  patterns: string[];
}

const FLAGS: Readonly<Record<string, keyof Options>> = {
  v: 'invert', i: 'icase', y: 'icase', c: 'count', n: 'number', w: 'word', x: 'line', E: 'extended', F: 'fixed', o: 'only', q: 'quiet',
};
const LONG_FLAGS: Readonly<Record<string, keyof Options>> = {
  'invert-match': 'invert', 'ignore-case': 'icase', count: 'count', 'line-number': 'number', 'word-regexp': 'word', 'line-regexp': 'line',
  'extended-regexp': 'extended', 'fixed-strings': 'fixed', 'only-matching': 'only', quiet: 'quiet', silent: 'quiet',
};
/** Options that are accepted and change nothing for text read from a pipe. */
const IGNORED = new Set(['s', 'h', 'H', 'a', 'I', 'U', 'G']);
const IGNORED_LONG = new Set(['no-messages', 'no-filename', 'with-filename', 'text', 'binary', 'basic-regexp', 'line-buffered']);

type ArgOpt = 'A' | 'B' | 'C' | 'm' | 'e';
const WITH_ARG = new Set<string>(['A', 'B', 'C', 'm', 'e']);
const LONG_WITH_ARG: Readonly<Record<string, ArgOpt>> = { 'after-context': 'A', 'before-context': 'B', context: 'C', 'max-count': 'm', regexp: 'e' };

/** Applies an option that takes a value; an error text when the value is not one grep takes. */
function withArg(o: Options, opt: ArgOpt, value: string): string | null {
  if (opt === 'e') {
    o.patterns.push(value);
    return null;
  }
  if (!/^\d+$/.test(value)) return opt === 'm' ? `invalid max count` : `${value}: invalid context length argument`;
  const n = Number(value);
  if (opt === 'A') o.after = n;
  else if (opt === 'B') o.before = n;
  else if (opt === 'C') o.after = o.before = n;
  else o.max = n;
  return null;
}

function parse(args: readonly string[]): Options | FilterResult {
  const o: Options = { invert: false, icase: false, count: false, number: false, word: false, line: false, extended: false, fixed: false, only: false, quiet: false, after: 0, before: 0, max: -1, patterns: [] };
  const operands: string[] = [];
  let ended = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (ended || a === '-' || !a.startsWith('-')) {
      operands.push(a);
      continue;
    }
    if (a === '--') {
      ended = true;
      continue;
    }
    if (a.startsWith('--')) {
      const [name = '', value] = a.slice(2).split(/=(.*)/s, 2);
      if (name === 'color' || name === 'colour') continue;
      const flag = LONG_FLAGS[name];
      if (flag) {
        (o[flag] as boolean) = true;
        continue;
      }
      if (IGNORED_LONG.has(name)) continue;
      const opt = LONG_WITH_ARG[name];
      if (!opt) return usageError(`unrecognized option '${a}'`);
      const v = value ?? args[++i];
      if (v === undefined) return usageError(`option '--${name}' requires an argument`);
      const err = withArg(o, opt, v);
      if (err) return plainError(err);
      continue;
    }
    // A cluster: -inA2, -2 (context), -e PATTERN.
    const cluster = a.slice(1);
    for (let j = 0; j < cluster.length; j++) {
      const ch = cluster[j] ?? '';
      if (/\d/.test(ch)) {
        const digits = /^\d+/.exec(cluster.slice(j))?.[0] ?? ch;
        o.after = o.before = Number(digits);
        j += digits.length - 1;
        continue;
      }
      const flag = FLAGS[ch];
      if (flag) {
        (o[flag] as boolean) = true;
        continue;
      }
      if (IGNORED.has(ch)) continue;
      if (WITH_ARG.has(ch)) {
        const rest = cluster.slice(j + 1);
        const v = rest !== '' ? rest : args[++i];
        if (v === undefined) return usageError(`option requires an argument -- '${ch}'`);
        const err = withArg(o, ch as ArgOpt, v);
        if (err) return plainError(err);
        break;
      }
      return usageError(`invalid option -- '${ch}'`);
    }
  }
  if (o.patterns.length === 0) {
    const p = operands.shift();
    if (p === undefined) return { out: '', err: USAGE, exitCode: 2 };
    o.patterns.push(p);
  }
  return o;
}

/** Basic regular expressions treat + ? | ( ) { } literally and their backslashed forms as operators. */
function basicToJs(p: string): string {
  return p.replace(/\\([|+?(){}])/g, '$1\u0000').replace(/([|+?(){}])(?!\u0000)/g, '\\$1').replace(/\u0000/g, '');
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function grep(args: readonly string[], input: string): FilterResult {
  const parsed = parse(args);
  if (!('patterns' in parsed)) return parsed;
  const o = parsed;
  let re: RegExp;
  try {
    // Several patterns (-e, or lines of one pattern) match if any does.
    const alts = o.patterns.flatMap((p) => p.split('\n')).map((p) => (o.fixed ? escapeRe(p) : o.extended ? p : basicToJs(p)));
    let src = alts.map((s) => `(?:${s})`).join('|');
    if (o.word) src = `(?<![\\w])(?:${src})(?![\\w])`;
    if (o.line) src = `^(?:${src})$`;
    re = new RegExp(src, o.icase ? 'gi' : 'g');
  } catch {
    return plainError('Unmatched ( or \\(');
  }

  const rows = input.split('\n');
  if (rows[rows.length - 1] === '') rows.pop();
  const selected = rows.map((l) => {
    re.lastIndex = 0;
    return re.test(l) !== o.invert;
  });

  let matches = 0;
  const out: string[] = [];
  let lastPrinted = -1;
  let afterLeft = 0;
  const print = (i: number, sep: ':' | '-') => {
    if (lastPrinted >= 0 && i > lastPrinted + 1 && (o.before > 0 || o.after > 0)) out.push('--');
    const l = rows[i] ?? '';
    out.push(o.number ? `${i + 1}${sep}${l}` : l);
    lastPrinted = i;
  };
  for (let i = 0; i < rows.length; i++) {
    if (o.max >= 0 && matches >= o.max) {
      // After the last allowed match grep still prints its trailing context, then stops.
      if (afterLeft > 0 && !selected[i]) {
        print(i, '-');
        afterLeft--;
        continue;
      }
      break;
    }
    if (selected[i]) {
      matches++;
      if (o.count || o.quiet) continue;
      for (let b = Math.max(lastPrinted + 1, i - o.before); b < i; b++) print(b, '-');
      if (o.only && !o.invert) {
        re.lastIndex = 0;
        for (const m of (rows[i] ?? '').matchAll(re)) if (m[0] !== '') out.push(o.number ? `${i + 1}:${m[0]}` : m[0]);
        lastPrinted = i;
      } else print(i, ':');
      afterLeft = o.after;
    } else if (afterLeft > 0 && !o.count && !o.quiet) {
      print(i, '-');
      afterLeft--;
    }
  }
  const exitCode = matches > 0 ? 0 : 1;
  if (o.quiet) return { out: '', err: '', exitCode };
  if (o.count) return { out: `${matches}\n`, err: '', exitCode };
  return { out: out.length ? `${out.join('\n')}\n` : '', err: '', exitCode };
}
