/**
 * fmt's formatting for printf / print / println in templates (fmt/print.go, fmt/format.go,
 * Go 1.24): verbs v s d q t x X o O b c U e E f F g G, flags + - # space 0, width and precision
 * (also `*`), and Go's error forms %!d(string=x), %!s(MISSING), %!(EXTRA int=2), %!(NOVERB).
 * Not supported: explicit argument indexes (%[1]d), %T, %p, %#v Go syntax.
 */
import { type GV, elemOf, fieldOf, formatFloatG, formatV, goQuote, goQuoteRune, goTimeString, sortedKeys, typeName, utf8Bytes } from './gotemplate-fmt';

interface Flags {
  readonly plus: boolean;
  readonly minus: boolean;
  readonly sharp: boolean;
  readonly space: boolean;
  readonly zero: boolean;
  readonly width?: number;
  readonly prec?: number;
}
const NOFLAGS: Flags = { plus: false, minus: false, sharp: false, space: false, zero: false };

function pad(s: string, f: Flags, numeric = false): string {
  const w = f.width ?? 0;
  const len = [...s].length;
  if (len >= w) return s;
  if (f.minus) return s + ' '.repeat(w - len);
  if (f.zero && numeric) {
    const sign = /^[+\- ]/.test(s) ? s[0] ?? '' : '';
    return sign + '0'.repeat(w - len) + s.slice(sign.length);
  }
  return ' '.repeat(w - len) + s;
}

function badVerb(verb: string, v: GV): string {
  if (v.k === 'invalid') return `%!${verb}(<nil>)`;
  return `%!${verb}(${typeName(v)}=${formatV(v)})`;
}

function signed(s: string, n: number, f: Flags): string {
  return n >= 0 && f.plus ? `+${s}` : n >= 0 && f.space ? ` ${s}` : s;
}

function fmtFloat(x: number, verb: string, f: Flags): string {
  let s: string;
  const p = f.prec;
  const exp2 = (t: string): string => t.replace(/e([+-])(\d)$/, 'e$10$2');
  if (verb === 'f' || verb === 'F') s = x.toFixed(p ?? 6);
  else if (verb === 'e' || verb === 'E') s = exp2(x.toExponential(p ?? 6));
  else if (p === undefined) s = formatFloatG(x);
  else {
    const e = Number(x.toExponential(Math.max(p, 1) - 1).split('e')[1]);
    s = e < -4 || e >= Math.max(p, 1) ? exp2(x.toExponential(Math.max(p, 1) - 1)) : x.toPrecision(Math.max(p, 1));
    s = s.replace(/\.?0+(e|$)/, '$1');
  }
  if (verb === 'E' || verb === 'G') s = s.toUpperCase();
  return pad(signed(s, x, f), f, true);
}

function fmtInt(n: number, verb: string, f: Flags): string {
  const abs = Math.abs(n);
  let s: string;
  switch (verb) {
    case 'v':
    case 'd':
      s = String(abs);
      break;
    case 'b':
      s = abs.toString(2);
      break;
    case 'o':
    case 'O':
      s = (verb === 'O' ? '0o' : f.sharp ? '0' : '') + abs.toString(8);
      break;
    case 'x':
    case 'X':
      s = (f.sharp ? '0x' : '') + abs.toString(16);
      if (verb === 'X') s = s.toUpperCase();
      break;
    case 'c':
      return pad(String.fromCodePoint(n), f);
    case 'q':
      return pad(goQuoteRune(String.fromCodePoint(n)), f);
    case 'U':
      return pad(`U+${n.toString(16).toUpperCase().padStart(4, '0')}`, f);
    default:
      return badVerb(verb, { k: 'int', v: n });
  }
  if (f.prec !== undefined) s = s.padStart(f.prec, '0');
  return pad(signed((n < 0 ? '-' : '') + s, n, f), f, f.prec === undefined);
}

/** Format one operand for a verb (fmt's printValue), recursing into composites like Go. */
export function fmtArg(v: GV, verb: string, f: Flags = NOFLAGS, depth = 0): string {
  switch (v.k) {
    case 'invalid':
      return verb === 'v' ? pad('<nil>', f) : badVerb(verb, v);
    case 'bool':
      return verb === 'v' || verb === 't' ? pad(String(v.v), f) : badVerb(verb, v);
    case 'int':
      return fmtInt(v.v, verb, f);
    case 'float':
      return 'vgGeEfF'.includes(verb) ? fmtFloat(v.v, verb === 'v' ? 'g' : verb, f) : badVerb(verb, v);
    case 'string':
    case 'time': {
      const s = v.k === 'time' ? goTimeString(v.v) : v.v;
      if (verb === 'v' || verb === 's') return pad(f.prec !== undefined ? [...s].slice(0, f.prec).join('') : s, f);
      if (verb === 'q') return pad(goQuote(s), f);
      if (verb === 'x' || verb === 'X') {
        const hex = utf8Bytes(s).map((b) => b.toString(16).padStart(2, '0')).join('');
        return pad(verb === 'X' ? hex.toUpperCase() : hex, f);
      }
      return badVerb(verb, v);
    }
    case 'nil':
      if (v.kind === 'map') return 'map[]';
      if (v.kind === 'slice') return '[]';
      return verb === 'v' ? pad('<nil>', f) : badVerb(verb, v);
    case 'slice':
      return `[${v.v.map((_, i) => fmtArg(elemOf(v, i), verb, f, depth + 1)).join(' ')}]`;
    case 'map':
      return `map[${sortedKeys(v.v).map((k) => `${fmtArg({ k: 'string', v: k }, verb, f, depth + 1)}:${fmtArg(fieldOf(v, k), verb, f, depth + 1)}`).join(' ')}]`;
    case 'struct':
      if (v.ptr && depth > 0) return verb === 'v' ? formatV(v, depth) : badVerb(verb, v);
      return `${v.ptr ? '&' : ''}{${Object.keys(v.v)
        .map((k) => (f.plus && verb === 'v' ? `${k}:` : '') + fmtArg(fieldOf(v, k), verb, f, depth + 1))
        .join(' ')}}`;
  }
}

/** fmt.Sprintf with the common verbs, flags, width and precision. */
export function goSprintf(format: string, args: readonly GV[]): string {
  let out = '';
  let n = 0;
  for (let i = 0; i < format.length; i++) {
    const c = format[i] ?? '';
    if (c !== '%') {
      out += c;
      continue;
    }
    const fl = { plus: false, minus: false, sharp: false, space: false, zero: false } as { -readonly [K in keyof Flags]: Flags[K] };
    for (i++; i < format.length && '+-# 0'.includes(format[i] ?? ''); i++) {
      const ch = format[i];
      if (ch === '+') fl.plus = true;
      else if (ch === '-') fl.minus = true;
      else if (ch === '#') fl.sharp = true;
      else if (ch === ' ') fl.space = true;
      else fl.zero = !fl.minus;
    }
    const num = (): number | undefined => {
      if (format[i] === '*') {
        i++;
        const a = args[n++];
        return a?.k === 'int' ? a.v : undefined;
      }
      const m = /^\d+/.exec(format.slice(i));
      if (m === null) return undefined;
      i += m[0].length;
      return Number(m[0]);
    };
    fl.width = num();
    if (format[i] === '.') {
      i++;
      fl.prec = num() ?? 0;
    }
    const verb = String.fromCodePoint(format.codePointAt(i) ?? 0);
    if (i >= format.length) {
      out += '%!(NOVERB)';
      break;
    }
    i += verb.length - 1;
    if (verb === '%') {
      out += '%';
      continue;
    }
    const arg = args[n++];
    out += arg === undefined ? `%!${verb}(MISSING)` : fmtArg(arg, verb, fl);
  }
  if (n < args.length) {
    out += `%!(EXTRA ${args
      .slice(n)
      .map((a) => (a.k === 'invalid' ? '<nil>' : `${typeName(a)}=${formatV(a)}`))
      .join(', ')})`;
  }
  return out;
}

const isStringArg = (v: GV): boolean => v.k === 'string';

/** fmt.Sprint: spaces between operands when neither is a string. */
export function goSprint(args: readonly GV[]): string {
  return args.map((a, i) => (i > 0 && !isStringArg(a) && !isStringArg(args[i - 1] ?? a) ? ' ' : '') + formatV(a)).join('');
}
