/**
 * Template functions: Go's text/template builtins (funcs.go, Go 1.24) and docker's
 * templates.basicFunctions / HeaderFunctions (docker/cli v28.5.2 templates/templates.go), plus the
 * fmt verbs printf needs (fmt/print.go, fmt/format.go; common verbs and flags only).
 */
import { type GV, INVALID, ROOT, elemOf, fieldOf, formatV, goJSON, typeName, utf8Bytes, utf8Decode, utf8Length, wrap, zeroElem } from './gotemplate-fmt';
import { goSprint, goSprintf } from './gotemplate-printf';

export { fmtArg, goSprint, goSprintf } from './gotemplate-printf';

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
