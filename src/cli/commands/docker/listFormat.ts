import { jsonString } from '../../format/gotemplate-fmt';

/** flagsHelper.FormatHelp (docker/cli v28.5.2 cli/flags/options.go) for list commands. */
export const FORMAT_HELP = `Format output using a custom template:
'table':            Print output in table format with column headers (default)
'table TEMPLATE':   Print output in table format using the given Go template
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates`;

/** flagsHelper.InspectFormatHelp for inspect commands. */
export const INSPECT_FORMAT_HELP = `Format output using a custom template:
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates`;

/**
 * `--format json` of a list command: one line per row. The row context's MarshalJSON is
 * formatter.MarshalJSON → json.Marshal of a map (keys sorted, HTML characters escaped as
 * \u003c \u003e \u0026); the `json` template function's encoder keeps those bytes as they are
 * (cli/command/formatter/reflect.go, templates/templates.go).
 */
export function jsonLines(rows: readonly Readonly<Record<string, string | null>>[]): string {
  const esc = (s: string) => jsonString(s).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  return rows
    .map((r) => {
      const keys = Object.keys(r).sort();
      return `{${keys.map((k) => `${esc(k)}:${r[k] === null || r[k] === undefined ? 'null' : esc(r[k] ?? '')}`).join(',')}}\n`;
    })
    .join('');
}
