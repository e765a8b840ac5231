/**
 * Go values as text/template sees them, and how Go prints them: fmt's %v (fmt/print.go
 * `printValue`), strconv.Quote / QuoteRune, encoding/json with SetEscapeHTML(false) (docker's
 * `json` template func, templates/templates.go), strconv 'g' float formatting and time.Time.String.
 *
 * Template data is plain JSON; Go types are recovered from hints (`GoHint`) looked up by the path
 * pattern of a value: struct fields join with '.', map values add '.*', slice elements add '[]'
 * (`NetworkSettings.Networks.*.IPAddress`, `IPAM.Config[].Subnet`).
 */
import { goQuote, goQuoteRune, parseGoInt } from './gotemplate-strconv';

export { goQuote, goQuoteRune, parseGoInt };

export interface GoHint {
  /** 'time' is a time.Time carried as an RFC 3339 string. */
  readonly kind: 'struct' | 'map' | 'slice' | 'interface' | 'time' | 'string' | 'int' | 'float' | 'bool';
  /** Go type name for messages: 'network.EndpointSettings', 'map[string]string', '[]string'. */
  readonly name?: string;
  /** Held by pointer (*T): %v inside a composite prints an address; null is a nil pointer (<nil>). */
  readonly pointer?: boolean;
}

export interface TypeCtx {
  readonly typeAt?: (pattern: string) => GoHint | undefined;
  /** How unhinted JSON objects behave: 'map' (map[string]interface {}) or 'struct'. */
  readonly objects: 'map' | 'struct';
  /** Type name of unhinted structs in messages. */
  readonly structName: string;
  /** The root struct marshals as a map (sorted keys), like docker's formatter contexts. */
  readonly sortedRootJSON?: boolean;
}

interface Loc {
  readonly pattern: string;
  readonly concrete: string;
}

type Obj = Readonly<Record<string, unknown>>;

export type GV =
  | { readonly k: 'invalid' }
  | { readonly k: 'nil'; readonly kind: 'ptr' | 'map' | 'slice' | 'interface'; readonly type: string; readonly at: Loc }
  | { readonly k: 'bool'; readonly v: boolean }
  | { readonly k: 'int'; readonly v: number }
  | { readonly k: 'float'; readonly v: number }
  | { readonly k: 'string'; readonly v: string }
  | { readonly k: 'time'; readonly v: string }
  | { readonly k: 'slice'; readonly v: readonly unknown[]; readonly type: string; readonly at: Loc; readonly ctx: TypeCtx }
  | { readonly k: 'map'; readonly v: Obj; readonly type: string; readonly at: Loc; readonly ctx: TypeCtx }
  | { readonly k: 'struct'; readonly v: Obj; readonly type: string; readonly ptr: boolean; readonly at: Loc; readonly ctx: TypeCtx };

export const INVALID: GV = { k: 'invalid' };
export const ROOT: Loc = { pattern: '', concrete: '' };

const join = (p: string, seg: string): string => (p === '' ? seg : `${p}.${seg}`);

/** Wrap plain data at `at` into a GV using the hints. */
export function wrap(raw: unknown, at: Loc, ctx: TypeCtx): GV {
  const hint = ctx.typeAt?.(at.pattern);
  if (raw === null || raw === undefined) {
    const kind = hint?.kind;
    if (kind === 'map' || kind === 'slice') return { k: 'nil', kind, type: hint?.name ?? `${kind}`, at };
    if (hint?.pointer === true || (kind === undefined && ctx.objects === 'struct')) {
      return { k: 'nil', kind: 'ptr', type: `*${hint?.name ?? ctx.structName}`, at };
    }
    return { k: 'nil', kind: 'interface', type: 'interface {}', at };
  }
  if (typeof raw === 'boolean') return { k: 'bool', v: raw };
  if (typeof raw === 'number') return hint?.kind === 'float' || !Number.isInteger(raw) ? { k: 'float', v: raw } : { k: 'int', v: raw };
  if (typeof raw === 'string') return hint?.kind === 'time' ? { k: 'time', v: raw } : { k: 'string', v: raw };
  if (Array.isArray(raw)) {
    const strings = ctx.objects === 'struct' && raw.length > 0 && raw.every((x) => typeof x === 'string');
    return { k: 'slice', v: raw, type: hint?.name ?? (strings ? '[]string' : '[]interface {}'), at, ctx };
  }
  if (typeof raw === 'object') {
    const obj = raw as Obj;
    const kind = hint?.kind ?? (ctx.objects === 'struct' ? 'struct' : 'map');
    if (kind === 'struct') return { k: 'struct', v: obj, type: hint?.name ?? ctx.structName, ptr: hint?.pointer === true, at, ctx };
    return { k: 'map', v: obj, type: hint?.name ?? 'map[string]interface {}', at, ctx };
  }
  return { k: 'string', v: String(raw) };
}

export function fieldOf(s: GV & { k: 'struct' | 'map' }, key: string): GV {
  const at =
    s.k === 'map'
      ? { pattern: join(s.at.pattern, '*'), concrete: join(s.at.concrete, key) }
      : { pattern: join(s.at.pattern, key), concrete: join(s.at.concrete, key) };
  return wrap(s.v[key], at, s.ctx);
}

export function elemOf(s: GV & { k: 'slice' }, i: number): GV {
  return wrap(s.v[i], { pattern: `${s.at.pattern}[]`, concrete: `${s.at.concrete}[${i}]` }, s.ctx);
}

/** The zero value of a map's element type (for `index` and missingkey=zero). */
export function zeroElem(m: GV & { k: 'map' | 'nil' }): GV {
  const ctx: TypeCtx = m.k === 'map' ? m.ctx : { objects: 'map', structName: 'struct' };
  const at = { pattern: join(m.at.pattern, '*'), concrete: join(m.at.concrete, '*') };
  const hint = ctx.typeAt?.(at.pattern);
  // Without a hint for the element, read it off the map's type name: map[string]string → "".
  const elem = hint === undefined && /^map\[[^\]]*\]/.test(m.type) ? m.type.replace(/^map\[[^\]]*\]/, '') : undefined;
  const kind = hint?.kind ?? (elem === 'string' ? 'string' : elem === 'int' ? 'int' : elem === 'bool' ? 'bool' : undefined);
  if (kind === 'string') return { k: 'string', v: '' };
  if (kind === 'int') return { k: 'int', v: 0 };
  if (kind === 'bool') return { k: 'bool', v: false };
  if (hint?.kind === 'struct' && hint.pointer !== true) return wrap({}, at, ctx);
  if (elem !== undefined) {
    if (elem.startsWith('*')) return { k: 'nil', kind: 'ptr', type: elem, at };
    if (elem.startsWith('[]')) return { k: 'nil', kind: 'slice', type: elem, at };
    if (elem.startsWith('map[')) return { k: 'nil', kind: 'map', type: elem, at };
    if (elem === 'interface {}') return { k: 'nil', kind: 'interface', type: elem, at };
  }
  return wrap(null, at, ctx);
}

/** Go's type string of a value, for error messages. */
export function typeName(v: GV): string {
  switch (v.k) {
    case 'invalid':
      return '<nil>';
    case 'nil':
    case 'slice':
    case 'map':
      return v.type;
    case 'struct':
      return (v.ptr ? '*' : '') + v.type;
    case 'float':
      return 'float64';
    case 'time':
      return 'time.Time';
    default:
      return v.k;
  }
}

export function sortedKeys(o: Obj): string[] {
  return Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A stable, plausible Go heap address for a pointer printed inside a composite. */
function fakeAddress(concrete: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < concrete.length; i++) h = Math.imul(h ^ concrete.charCodeAt(i), 0x01000193) >>> 0;
  return `0xc000${((h & 0xfffff) << 4).toString(16).padStart(6, '0')}`;
}

/** strconv.FormatFloat(f, 'g', -1, 64), i.e. fmt's %v for float64. */
export function formatFloatG(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mant = '0', expS = '0'] = f.toExponential().split('e');
  const exp = Number(expS);
  // strconv: with the shortest precision, %e is used when exp < -4 || exp >= 6.
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(f);
}

/** time.Time.String() for an RFC 3339 string ("2006-01-02 15:04:05.999999999 -0700 MST"). */
export function goTimeString(rfc3339: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$/.exec(rfc3339);
  if (m === null) return rfc3339;
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const zone = m[4] === 'Z' ? '+0000 UTC' : `${(m[4] ?? '').replace(':', '')} ${(m[4] ?? '').replace(':', '')}`;
  return `${m[1]} ${m[2]}${frac === '.' ? '' : frac} ${zone}`;
}

/** fmt's %v of a value at the given depth (0 = the operand itself). */
export function formatV(v: GV, depth = 0, plus = false): string {
  switch (v.k) {
    case 'invalid':
      return '<nil>';
    case 'nil':
      return v.kind === 'map' ? 'map[]' : v.kind === 'slice' ? '[]' : '<nil>';
    case 'bool':
      return String(v.v);
    case 'int':
      return String(v.v);
    case 'float':
      return formatFloatG(v.v);
    case 'string':
      return v.v;
    case 'time':
      return goTimeString(v.v);
    case 'slice':
      return `[${v.v.map((_, i) => formatV(elemOf(v, i), depth + 1, plus)).join(' ')}]`;
    case 'map':
      return `map[${sortedKeys(v.v).map((k) => `${k}:${formatV(fieldOf(v, k), depth + 1, plus)}`).join(' ')}]`;
    case 'struct': {
      if (v.ptr && depth > 0) return fakeAddress(v.at.concrete);
      const body = Object.keys(v.v).map((k) => (plus ? `${k}:` : '') + formatV(fieldOf(v, k), depth + 1, plus));
      return `${v.ptr ? '&' : ''}{${body.join(' ')}}`;
    }
  }
}

/** encoding/json string encoding with SetEscapeHTML(false). */
export function jsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c < 0x20) {
      const short: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' };
      out += short[c] ?? `\\u00${c.toString(16).padStart(2, '0')}`;
    } else if (c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16)}`;
    else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      out += s[i] + (s[i + 1] ?? '');
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd';
    else out += s[i];
  }
  return out + '"';
}

/** json.Marshal of the value (compact; map keys sorted; struct fields in data order). */
export function goJSON(v: GV): string {
  switch (v.k) {
    case 'invalid':
    case 'nil':
      return 'null';
    case 'bool':
    case 'int':
    case 'float':
      return String(v.v);
    case 'string':
    case 'time':
      return jsonString(v.v);
    case 'slice':
      return `[${v.v.map((_, i) => goJSON(elemOf(v, i))).join(',')}]`;
    case 'map':
    case 'struct': {
      const sorted = v.k === 'map' || (v.at.pattern === '' && v.ctx.sortedRootJSON === true);
      const keys = sorted ? sortedKeys(v.v) : Object.keys(v.v);
      return `{${keys.map((k) => `${jsonString(k)}:${goJSON(fieldOf(v, k))}`).join(',')}}`;
    }
  }
}

/** UTF-8 length in bytes (Go's len of a string). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** UTF-8 bytes of a string. */
export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

/** Decode UTF-8 bytes; invalid sequences become U+FFFD (how a terminal shows Go's raw bytes). */
export function utf8Decode(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    const n = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
    const seq = bytes.slice(i, i + n);
    if (n === 0 || seq.length < n || seq.slice(1).some((x) => (x & 0xc0) !== 0x80)) {
      out += '\ufffd';
      i++;
      continue;
    }
    const cp = n === 1 ? b : seq.slice(1).reduce((acc, x) => (acc << 6) | (x & 63), b & (0xff >> (n + 1)));
    out += String.fromCodePoint(cp);
    i += n;
  }
  return out;
}
