/**
 * A Go text/template evaluator for docker's `--format` / `-f`, ported from Go 1.24's
 * text/template exec.go (Hugo's vendored copy at tpl/internal/go_templates/texttemplate), with
 * docker/cli v28.5.2's template functions (templates/templates.go) and its two callers:
 * - cli/command/formatter/formatter.go (`ls`/`ps` formats): `table` prefix, literal `\t` / `\n`
 *   escapes replaced, header rendered with HeaderFunctions, rows through the tabwriter, errors
 *   wrapped as "template parsing error: …" → `formatRows`;
 * - cli/command/inspect/inspector.go (`inspect -f`): run against the typed value first, and if
 *   that fails, against the raw JSON decoded into maps with missingkey=error → `inspectFormat`.
 *
 * Data is plain JSON; Go types come from `typeAt` hints (see gotemplate-fmt.ts). Errors use Go's
 * words and positions (`template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"`).
 */
import type { GoHint } from './gotemplate-fmt';
import { type ExecResult, type TemplateOptions, executeTemplate } from './gotemplate-exec';
import { type Template, TemplateParseError, parse } from './gotemplate-parse';
import { DOCKER_TABLE, tabwrite } from './table';

export { executeTemplate };
export type { ExecResult, GoHint, Template, TemplateOptions };

export type ParseResult = { readonly ok: true; readonly template: Template } | { readonly ok: false; readonly error: string };

export function parseTemplate(text: string): ParseResult {
  try {
    return { ok: true, template: parse(text) };
  } catch (e) {
    if (e instanceof TemplateParseError) return { ok: false, error: e.message };
    throw e;
  }
}

/** Parse and execute in one go; a parse error is returned like an execution error. */
export function renderTemplate(text: string, data: unknown, opts: TemplateOptions = {}): ExecResult {
  const p = parseTemplate(text);
  if (!p.ok) return { ok: false, error: p.error, output: '' };
  return executeTemplate(p.template, data, opts);
}

/**
 * formatter.Context.preFormat: `table` prefix (any format starting with "table"), "json" →
 * `{{json .}}`, surrounding spaces trimmed, literal `\t` and `\n` replaced by tab and newline.
 */
export function dockerFormat(format: string): { readonly table: boolean; readonly text: string } {
  const table = format.startsWith('table');
  let f = table ? format.slice('table'.length) : format === 'json' ? '{{json .}}' : format;
  f = f.replace(/^ +| +$/g, '').replace(/\\[tn]/g, (m) => (m === '\\t' ? '\t' : '\n'));
  return { table, text: f };
}

/**
 * formatter.Context.Write for `ls` / `ps`: each row rendered and followed by '\n'; for `table`
 * formats the header (the same template run with HeaderFunctions over `header`) comes first and
 * everything goes through docker's tabwriter. Errors: "template parsing error: …" (exit 1).
 */
export function formatRows(
  format: string, rows: readonly unknown[], header: Readonly<Record<string, string>>, opts: TemplateOptions = {},
): { readonly ok: true; readonly output: string } | { readonly ok: false; readonly error: string } {
  const f = dockerFormat(format);
  const p = parseTemplate(f.text);
  if (!p.ok) return { ok: false, error: `template parsing error: ${p.error}` };
  let body = '';
  for (const row of rows) {
    const r = executeTemplate(p.template, row, { contextJSON: true, ...opts });
    if (!r.ok) return { ok: false, error: `template parsing error: ${r.error}` };
    body += r.output + '\n';
  }
  if (!f.table) return { ok: true, output: body };
  // Header errors are ignored upstream; whatever was written so far is kept.
  const h = executeTemplate(p.template, header, { ...opts, header: true, objects: 'map', typeAt: undefined });
  return { ok: true, output: tabwrite(`${h.output}\n${body}`, DOCKER_TABLE) };
}

/**
 * TemplateInspector for `docker inspect -f` / `docker network inspect -f`: execute against the
 * typed element (hints + structs); if that fails, against the raw JSON as maps with
 * missingkey=error. Each element's output is followed by '\n'. Parse errors exit 64, execution
 * errors 1; both read "template parsing error: …".
 */
export function inspectFormat(
  format: string, element: unknown, typed: TemplateOptions,
): { readonly ok: true; readonly output: string } | { readonly ok: false; readonly error: string; readonly exitCode: 64 | 1 } {
  const p = parseTemplate(format);
  if (!p.ok) return { ok: false, error: `template parsing error: ${p.error}`, exitCode: 64 };
  const first = executeTemplate(p.template, element, { objects: 'struct', ...typed });
  if (first.ok) return { ok: true, output: first.output + '\n' };
  const raw = executeTemplate(p.template, element, { objects: 'map', missingKey: 'error' });
  if (raw.ok) return { ok: true, output: raw.output + '\n' };
  return { ok: false, error: `template parsing error: ${raw.error}`, exitCode: 1 };
}
