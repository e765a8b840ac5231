/**
 * Template functions: Go's text/template builtins (funcs.go, Go 1.24) and docker's
 * templates.basicFunctions / HeaderFunctions (docker/cli v28.5.2 templates/templates.go), plus the
 * fmt verbs printf needs (fmt/print.go, fmt/format.go; common verbs and flags only).
 */
import {
  type GV,
  INVALID,
  ROOT,
  elemOf,
  fieldOf,
  formatFloatG,
  formatV,
  goJSON,
  goQuote,
  goQuoteRune,
  goTimeString,
  sortedKeys,
  typeName,
  utf8Bytes,
  utf8Decode,
  utf8Length,
  wrap,
  zeroElem,
} from './gotemplate-fmt';

/** Parameter types: 'any' is interface{}, 'rv' is reflect.Value (invalid values pass through). */
export type Param = 'any' | 'rv' | 'string' | 'int' | '[]string';

export interface Fn {
  readonly params: readonly Param[];
  readonly variadic?: Param;
  readonly impl: (args: readonly GV[]) => GV;
}

/** An error a function returns; the executor reports "error calling NAME: <message>". */
export class FuncError {
  constructor(readonly message: string) {}
}

const str = (v: string): GV => ({ k: 'string', v });
const strs = (a: readonly string[]): GV => wrap(a, ROOT, { objects: 'struct', structName: 'struct' });
const asStr = (v: GV | undefined): string => (v !== undefined && v.k === 'string' ? v.v : '');
const asInt = (v: GV | undefined): number => (v !== undefined && v.k === 'int' ? v.v : 0);

// ------------------------------------------------------------------ fmt

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
      return `map[${sortedKeys(v.v).map((k) => `${fmtArg(str(k), verb, f, depth + 1)}:${fmtArg(fieldOf(v, k), verb, f, depth + 1)}`).join(' ')}]`;
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

/** template's evalArgs for html/js/urlquery: a single string as is, else Sprint of printable values. */
function evalArgs(args: readonly GV[]): string {
  if (args.length === 1 && args[0]?.k === 'string') return args[0].v;
  return goSprint(args.map((a) => (a.k === 'invalid' ? str('<no value>') : a)));
}

// ------------------------------------------------------------------ truth and comparison

/** template's isTrue; undefined when the value has no truth value. */
export function isTrue(v: GV): boolean {
  switch (v.k) {
    case 'invalid':
    case 'nil':
      return false;
    case 'bool':
      return v.v;
    case 'int':
    case 'float':
      return v.v !== 0;
    case 'string':
      return v.v.length > 0;
    case 'slice':
      return v.v.length > 0;
    case 'map':
      return Object.keys(v.v).length > 0;
    default:
      return true;
  }
}

const basicKind = (v: GV): string => (v.k === 'bool' || v.k === 'int' || v.k === 'float' || v.k === 'string' ? v.k : 'invalid');

function eq(a: GV, rest: readonly GV[]): boolean {
  if (rest.length === 0) throw new FuncError('missing argument for comparison');
  const k1 = basicKind(a);
  for (const b of rest) {
    const k2 = basicKind(b);
    let truth = false;
    if (k1 !== k2) {
      if (a.k !== 'invalid' && b.k !== 'invalid') throw new FuncError('incompatible types for comparison');
    } else if (k1 !== 'invalid') {
      truth = (a as { v: unknown }).v === (b as { v: unknown }).v;
    } else {
      const nil = (x: GV): boolean => x.k === 'invalid' || x.k === 'nil';
      if (nil(a) || nil(b)) truth = nil(a) === nil(b);
      else throw new FuncError(`non-comparable type ${formatV(b)}: ${typeName(b)}`);
    }
    if (truth) return true;
  }
  return false;
}

function lt(a: GV, b: GV): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 === 'invalid' || k2 === 'invalid') throw new FuncError('invalid type for comparison');
  if (k1 !== k2) throw new FuncError('incompatible types for comparison');
  if (k1 === 'bool') throw new FuncError('invalid type for comparison');
  return ((a as { v: number | string }).v) < ((b as { v: number | string }).v);
}

// ------------------------------------------------------------------ index, slice, len

function indexArg(i: GV, cap: number): number {
  if (i.k === 'invalid') throw new FuncError('cannot index slice/array with nil');
  if (i.k !== 'int') throw new FuncError(`cannot index slice/array with type ${typeName(i)}`);
  if (i.v < 0 || i.v > cap) throw new FuncError(`index out of range: ${i.v}`);
  return i.v;
}

function index(item: GV, indexes: readonly GV[]): GV {
  if (item.k === 'invalid') throw new FuncError('index of untyped nil');
  let cur: GV = item;
  for (const ix of indexes) {
    if (cur.k === 'nil' && cur.kind === 'ptr') throw new FuncError('index of nil pointer');
    if (cur.k === 'slice' || cur.k === 'string' || (cur.k === 'nil' && cur.kind === 'slice')) {
      const c: GV = cur;
      const len: number = c.k === 'slice' ? c.v.length : c.k === 'string' ? utf8Length(c.v) : 0;
      const x = indexArg(ix, len);
      if (x === len) throw new FuncError(`reflect: ${c.k === 'string' ? 'string' : 'slice'} index out of range`);
      cur = c.k === 'slice' ? elemOf(c, x) : { k: 'int', v: utf8Bytes(c.k === 'string' ? c.v : '')[x] ?? 0 };
    } else if (cur.k === 'map' || (cur.k === 'nil' && cur.kind === 'map')) {
      if (ix.k !== 'string') {
        throw new FuncError(ix.k === 'invalid' ? 'value is nil; should be of type string' : `value has type ${typeName(ix)}; should be string`);
      }
      cur = cur.k === 'map' && Object.prototype.hasOwnProperty.call(cur.v, ix.v) ? fieldOf(cur, ix.v) : zeroElem(cur);
    } else throw new FuncError(`can't index item of type ${typeName(cur)}`);
  }
  return cur;
}

function slice(item: GV, indexes: readonly GV[]): GV {
  if (item.k === 'invalid') throw new FuncError('slice of untyped nil');
  if (indexes.length > 3) throw new FuncError(`too many slice indexes: ${indexes.length}`);
  if (item.k === 'string' && indexes.length === 3) throw new FuncError('cannot 3-index slice a string');
  if (item.k !== 'string' && item.k !== 'slice') throw new FuncError(`can't slice item of type ${typeName(item)}`);
  const len = item.k === 'string' ? utf8Length(item.v) : item.v.length;
  const idx = [0, len, len];
  indexes.forEach((ix, i) => (idx[i] = indexArg(ix, len)));
  const [a = 0, b = len] = idx;
  if (a > b) throw new FuncError(`invalid slice index: ${a} > ${b}`);
  if (item.k === 'string') return str(utf8Decode(utf8Bytes(item.v).slice(a, b)));
  return { ...item, v: item.v.slice(a, b) };
}

function length(item: GV): GV {
  if (item.k === 'nil' && item.kind === 'ptr') throw new FuncError('len of nil pointer');
  if (item.k === 'invalid') throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
  if (item.k === 'string') return { k: 'int', v: utf8Length(item.v) };
  if (item.k === 'slice') return { k: 'int', v: item.v.length };
  if (item.k === 'map') return { k: 'int', v: Object.keys(item.v).length };
  if (item.k === 'nil' && (item.kind === 'map' || item.kind === 'slice')) return { k: 'int', v: 0 };
  throw new FuncError(`len of type ${typeName(item)}`);
}

// ------------------------------------------------------------------ escapers and docker funcs

const htmlEscape = (s: string): string =>
  s.replace(/[\0"'&<>]/g, (c) => ({ '\0': '\uFFFD', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c);
const jsEscape = (s: string): string =>
  s.replace(/[\\'"<>&=\u0000-\u001f]/g, (c) => {
    if (c === '\\' || c === "'" || c === '"') return `\\${c}`;
    return `\\u${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  });
const queryEscape = (s: string): string =>
  utf8Bytes(s)
    .map((b) => {
      const ch = String.fromCharCode(b);
      if (/[A-Za-z0-9\-_.~]/.test(ch)) return ch;
      return b === 0x20 ? '+' : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');

/** strings.Title: upper-case letters that follow a separator. */
function title(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    const sep = /[\x00-\x7f]/.test(prev) ? !/[A-Za-z0-9_]/.test(prev) : /\s/u.test(prev);
    out += sep ? mapRune(ch, (c) => c.toUpperCase()) : ch;
    prev = ch;
  }
  return out;
}
/** Go maps rune by rune; keep a rune whose JS case mapping is not a single rune (ß → SS). */
const mapRune = (ch: string, f: (c: string) => string): string => ([...f(ch)].length === 1 ? f(ch) : ch);
const mapRunes = (s: string, f: (c: string) => string): string => [...s].map((c) => mapRune(c, f)).join('');

function split(s: string, sep: string): readonly string[] {
  return sep === '' ? [...s] : s.split(sep);
}

const sliceOfStrings = (v: GV): readonly string[] => (v.k === 'slice' ? v.v.map((x) => String(x)) : []);

export const BUILTINS: Readonly<Record<string, Fn>> = {
  and: { params: ['rv'], variadic: 'rv', impl: () => INVALID }, // short-circuit: done by the executor
  or: { params: ['rv'], variadic: 'rv', impl: () => INVALID },
  not: { params: ['rv'], impl: ([a = INVALID]) => ({ k: 'bool', v: !isTrue(a) }) },
  len: { params: ['rv'], impl: ([a = INVALID]) => length(a) },
  index: { params: ['rv'], variadic: 'rv', impl: ([a = INVALID, ...ix]) => index(a, ix) },
  slice: { params: ['rv'], variadic: 'rv', impl: ([a = INVALID, ...ix]) => slice(a, ix) },
  print: { params: [], variadic: 'any', impl: (a) => str(goSprint(a)) },
  println: { params: [], variadic: 'any', impl: (a) => str(a.map((x) => formatV(x)).join(' ') + '\n') },
  printf: { params: ['string'], variadic: 'any', impl: ([f, ...a]) => str(goSprintf(asStr(f), a)) },
  html: { params: [], variadic: 'any', impl: (a) => str(htmlEscape(evalArgs(a))) },
  js: { params: [], variadic: 'any', impl: (a) => str(jsEscape(evalArgs(a))) },
  urlquery: { params: [], variadic: 'any', impl: (a) => str(queryEscape(evalArgs(a))) },
  call: { params: ['rv'], variadic: 'rv', impl: () => INVALID }, // done by the executor
  eq: { params: ['rv'], variadic: 'rv', impl: ([a = INVALID, ...b]) => ({ k: 'bool', v: eq(a, b) }) },
  ne: { params: ['rv', 'rv'], impl: ([a = INVALID, b = INVALID]) => ({ k: 'bool', v: !eq(a, [b]) }) },
  lt: { params: ['rv', 'rv'], impl: ([a = INVALID, b = INVALID]) => ({ k: 'bool', v: lt(a, b) }) },
  le: { params: ['rv', 'rv'], impl: ([a = INVALID, b = INVALID]) => ({ k: 'bool', v: lt(a, b) || eq(a, [b]) }) },
  gt: { params: ['rv', 'rv'], impl: ([a = INVALID, b = INVALID]) => ({ k: 'bool', v: !(lt(a, b) || eq(a, [b])) }) },
  ge: { params: ['rv', 'rv'], impl: ([a = INVALID, b = INVALID]) => ({ k: 'bool', v: !lt(a, b) }) },
  // docker/cli templates.basicFunctions
  json: { params: ['any'], impl: ([a = INVALID]) => str(goJSON(a)) },
  split: { params: ['string', 'string'], impl: ([s, sep]) => strs(split(asStr(s), asStr(sep))) },
  join: { params: ['[]string', 'string'], impl: ([a = INVALID, sep]) => str(sliceOfStrings(a).join(asStr(sep))) },
  title: { params: ['string'], impl: ([s]) => str(title(asStr(s))) },
  lower: { params: ['string'], impl: ([s]) => str(mapRunes(asStr(s), (c) => c.toLowerCase())) },
  upper: { params: ['string'], impl: ([s]) => str(mapRunes(asStr(s), (c) => c.toUpperCase())) },
  pad: {
    params: ['string', 'int', 'int'],
    impl: ([s, p, q]) => str(asStr(s) === '' ? '' : ' '.repeat(Math.max(0, asInt(p))) + asStr(s) + ' '.repeat(Math.max(0, asInt(q)))),
  },
  truncate: {
    params: ['string', 'int'],
    impl: ([s, n]) => {
      const b = utf8Bytes(asStr(s));
      return b.length < asInt(n) ? str(asStr(s)) : str(utf8Decode(b.slice(0, Math.max(0, asInt(n)))));
    },
  },
};

/** docker's HeaderFunctions: the same names, returning the header text unchanged. */
export const HEADER_FUNCS: Readonly<Record<string, Fn>> = {
  json: { params: ['string'], impl: ([s = INVALID]) => s },
  split: { params: ['string', 'string'], impl: ([s = INVALID]) => s },
  join: { params: ['string', 'string'], impl: ([s = INVALID]) => s },
  title: { params: ['string'], impl: ([s = INVALID]) => s },
  lower: { params: ['string'], impl: ([s = INVALID]) => s },
  upper: { params: ['string'], impl: ([s = INVALID]) => s },
  truncate: { params: ['string', 'int'], impl: ([s = INVALID]) => s },
};
