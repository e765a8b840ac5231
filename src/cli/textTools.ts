import type { FilterResult } from './filterResult';

/**
 * GNU coreutils head, tail, sort and uniq after a pipe (`docker ps | tail -n +2`,
 * `docker network ls | sort -k2`, `iptables -S | cut … | sort | uniq -c`), for the options
 * students use. sort compares bytes, as in the C/C.UTF-8 locale a Docker host's root shell has.
 */

type Tool = (args: readonly string[], input: string) => FilterResult;

export function lines(input: string): string[] {
  const l = input.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

export const joinLines = (l: readonly string[]) => (l.length ? `${l.join('\n')}\n` : '');
const ok = (out: string): FilterResult => ({ out, err: '', exitCode: 0 });
const fail = (tool: string, msg: string): FilterResult => ({ out: '', err: `${tool}: ${msg}\nTry '${tool} --help' for more information.\n`, exitCode: 1 });

/** `-n N`, `-nN`, `-N`, `--lines=N`: the count as written (`+2`, `-3`, `5`), or null for the default. */
function lineCount(args: readonly string[]): string | null {
  let value: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-n') value = args[++i] ?? '';
    else if (/^-n.+$/.test(a)) value = a.slice(2);
    else if (/^-\d+$/.test(a)) value = a.slice(1);
    else if (a.startsWith('--lines=')) value = a.slice(8);
  }
  return value;
}

const head: Tool = (args, input) => {
  const v = lineCount(args) ?? '10';
  if (!/^[-+]?\d+$/.test(v)) return fail('head', `invalid number of lines: ‘${v}’`);
  const l = lines(input);
  const n = Number(v);
  // `head -n -3`: everything but the last three lines.
  return ok(joinLines(v.startsWith('-') ? l.slice(0, Math.max(0, l.length + n)) : l.slice(0, n)));
};

const tail: Tool = (args, input) => {
  const v = lineCount(args) ?? '10';
  if (!/^[-+]?\d+$/.test(v)) return fail('tail', `invalid number of lines: ‘${v}’`);
  const l = lines(input);
  // `tail -n +2`: from the second line on (skip a header).
  if (v.startsWith('+')) return ok(joinLines(l.slice(Math.max(0, Number(v.slice(1)) - 1))));
  const n = Math.abs(Number(v));
  return ok(joinLines(n === 0 ? [] : l.slice(-n)));
};

interface Key {
  readonly startField: number;
  readonly startChar: number;
  readonly endField: number | null;
  readonly endChar: number;
  /** Ordering letters after the key (`-k2n`, `-k3,3r`): when present they replace the global ones. */
  readonly opts: string;
}

/**
 * Where each field starts and ends. With -t, fields are split at the separator; otherwise a field
 * starts where the previous one ended, so it keeps its leading blanks (GNU sort's rule).
 */
function fieldSpans(line: string, sep: string | null): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  if (sep !== null && sep !== '') {
    let at = 0;
    for (const f of line.split(sep)) {
      spans.push({ start: at, end: at + f.length });
      at += f.length + sep.length;
    }
    return spans;
  }
  const re = /\s*\S+/g;
  for (const m of line.matchAll(re)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

function keyText(line: string, k: Key, sep: string | null, skipBlanks: boolean): string {
  const spans = fieldSpans(line, sep);
  const skip = (at: number) => (skipBlanks ? at + (/^\s*/.exec(line.slice(at))?.[0].length ?? 0) : at);
  const first = spans[k.startField - 1];
  if (!first) return '';
  const start = Math.min(first.end, skip(first.start) + k.startChar - 1);
  let end = line.length;
  if (k.endField !== null) {
    const last = spans[k.endField - 1];
    if (last) end = k.endChar > 0 ? Math.min(last.end, skip(last.start) + k.endChar) : last.end;
  }
  return line.slice(start, Math.max(start, end));
}

function parseKey(spec: string): Key | null {
  const m = /^(\d+)(?:\.(\d+))?([bfnr]*)(?:,(\d+)(?:\.(\d+))?([bfnr]*))?$/.exec(spec);
  if (!m || Number(m[1]) === 0) return null;
  return { startField: Number(m[1]), startChar: Number(m[2] ?? 1), endField: m[4] ? Number(m[4]) : null, endChar: Number(m[5] ?? 0), opts: `${m[3] ?? ''}${m[6] ?? ''}` };
}

const numericValue = (s: string) => {
  const m = /^\s*(-?\d+(?:\.\d+)?)/.exec(s);
  return m ? Number(m[1]) : 0;
};

const sort: Tool = (args, input) => {
  let reverse = false, unique = false, numeric = false, fold = false, blanks = false;
  let sep: string | null = null;
  const keys: Key[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-k' || a === '-t') {
      const v = args[++i];
      if (v === undefined) return fail('sort', `option requires an argument -- '${a.slice(1)}'`);
      if (a === '-t') sep = v;
      else {
        const k = parseKey(v);
        if (!k) return fail('sort', `invalid number at field start: invalid count at start of ‘${v}’`);
        keys.push(k);
      }
      continue;
    }
    if (a.startsWith('-k') || a.startsWith('-t')) {
      if (a[1] === 't') sep = a.slice(2);
      else {
        const k = parseKey(a.slice(2));
        if (!k) return fail('sort', `invalid number at field start: invalid count at start of ‘${a.slice(2)}’`);
        keys.push(k);
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (const ch of a.slice(1)) {
        if (ch === 'r') reverse = true;
        else if (ch === 'u') unique = true;
        else if (ch === 'n') numeric = true;
        else if (ch === 'f') fold = true;
        else if (ch === 'b') blanks = true;
        else return fail('sort', `invalid option -- '${ch}'`);
      }
    }
  }
  const global = `${numeric ? 'n' : ''}${fold ? 'f' : ''}${blanks ? 'b' : ''}${reverse ? 'r' : ''}`;
  const cmpText = (a: string, b: string, opts: string) => {
    let c: number;
    if (opts.includes('n')) c = numericValue(a) - numericValue(b);
    else {
      const x = opts.includes('f') ? a.toUpperCase() : a;
      const y = opts.includes('f') ? b.toUpperCase() : b;
      c = x < y ? -1 : x > y ? 1 : 0;
    }
    return opts.includes('r') ? -c : c;
  };
  const compare = (a: string, b: string) => {
    for (const k of keys) {
      const opts = k.opts || global;
      const c = cmpText(keyText(a, k, sep, opts.includes('b')), keyText(b, k, sep, opts.includes('b')), opts);
      if (c !== 0) return c;
    }
    if (keys.length === 0) {
      const c = cmpText(a, b, global);
      if (c !== 0) return c;
    }
    // Last resort, as GNU sort: the whole line, byte by byte (not with -u, where equal keys are one).
    if (unique) return 0;
    const c = a < b ? -1 : a > b ? 1 : 0;
    return reverse ? -c : c;
  };
  const sorted = lines(input).sort(compare);
  const out = unique ? sorted.filter((l, i) => i === 0 || compare(sorted[i - 1] as string, l) !== 0) : sorted;
  return ok(joinLines(out));
};

const uniq: Tool = (args, input) => {
  let count = false, dups = false, single = false, icase = false;
  for (const a of args) {
    if (!a.startsWith('-') || a.length < 2) continue;
    for (const ch of a.slice(1)) {
      if (ch === 'c') count = true;
      else if (ch === 'd') dups = true;
      else if (ch === 'u') single = true;
      else if (ch === 'i') icase = true;
      else return fail('uniq', `invalid option -- '${ch}'`);
    }
  }
  const same = (a: string, b: string) => (icase ? a.toLowerCase() === b.toLowerCase() : a === b);
  const groups: { line: string; n: number }[] = [];
  for (const l of lines(input)) {
    const g = groups[groups.length - 1];
    if (g && same(g.line, l)) g.n++;
    else groups.push({ line: l, n: 1 });
  }
  const kept = groups.filter((g) => (!dups || g.n > 1) && (!single || g.n === 1));
  return ok(joinLines(kept.map((g) => (count ? `${String(g.n).padStart(7)} ${g.line}` : g.line))));
};

export const TEXT_TOOLS: Readonly<Record<'head' | 'tail' | 'sort' | 'uniq', Tool>> = { head, tail, sort, uniq };
