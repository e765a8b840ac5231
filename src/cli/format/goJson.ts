/**
 * JSON as `docker inspect` prints it. The daemon encodes with encoding/json and
 * SetEscapeHTML(false) (moby v28.5.2 api/server/httputils/httputils.go `WriteJSON`, since
 * commit 0fa20ad13b "Disable HTML escaping for JSON strings in `docker inspect`"), so `<`, `>`
 * and `&` stay literal; the CLI then re-indents the raw bytes with
 * `json.Indent(dst, src, "", "    ")` inside a top-level array (cli/command/inspect/inspector.go
 * `NewIndentedInspector`). json.Indent keeps empty `{}` and `[]` compact.
 *
 * Values are plain JSON: objects keep their insertion order, which the builders set to Go's
 * struct field order, and to sorted keys for Go maps (see `sortedMap`).
 */
import { jsonString } from './gotemplate-fmt';

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [k: string]: JsonValue };

function isArray(v: JsonValue): v is readonly JsonValue[] {
  return Array.isArray(v);
}

function write(v: JsonValue, indent: string, out: string[]): void {
  if (v === null) {
    out.push('null');
  } else if (typeof v === 'boolean' || typeof v === 'number') {
    out.push(String(v));
  } else if (typeof v === 'string') {
    out.push(jsonString(v));
  } else if (isArray(v)) {
    if (v.length === 0) {
      out.push('[]');
      return;
    }
    const inner = `${indent}    `;
    out.push('[\n');
    v.forEach((x, i) => {
      out.push(inner);
      write(x, inner, out);
      out.push(i < v.length - 1 ? ',\n' : '\n');
    });
    out.push(`${indent}]`);
  } else {
    const keys = Object.keys(v);
    if (keys.length === 0) {
      out.push('{}');
      return;
    }
    const inner = `${indent}    `;
    out.push('{\n');
    keys.forEach((k, i) => {
      out.push(`${inner}${jsonString(k)}: `);
      write(v[k] ?? null, inner, out);
      out.push(i < keys.length - 1 ? ',\n' : '\n');
    });
    out.push(`${indent}}`);
  }
}

/** json.Indent(json.Marshal(v), "", "    ") without HTML escaping. */
export function indentJson(v: JsonValue): string {
  const out: string[] = [];
  write(v, '', out);
  return out.join('');
}

/** json.Compact form (what `docker inspect --format json` prints): no spaces at all. */
export function compactJson(v: JsonValue): string {
  if (v === null || typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (typeof v === 'string') return jsonString(v);
  if (isArray(v)) return `[${v.map(compactJson).join(',')}]`;
  return `{${Object.keys(v).map((k) => `${jsonString(k)}:${compactJson(v[k] ?? null)}`).join(',')}}`;
}

/** A Go map as JSON: keys sorted bytewise (encoding/json sorts map keys). null stays null. */
export function sortedMap<T extends JsonValue>(m: Readonly<Record<string, T>> | null | undefined): { [k: string]: T } | null {
  if (m === null || m === undefined) return null;
  const out: { [k: string]: T } = {};
  for (const k of Object.keys(m).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const v = m[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** The `docker inspect` stdout for a list of objects: `[` … `]` and a newline; `[]` when empty. */
export function inspectArray(items: readonly JsonValue[]): string {
  if (items.length === 0) return '[]\n';
  return `${indentJson(items)}\n`;
}
