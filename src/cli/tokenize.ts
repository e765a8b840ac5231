/**
 * Splits one console line into commands the way bash reads them (POSIX shell quoting), without
 * running anything: the caller decides how to run pipelines and redirections.
 *
 * Supported: '…' (literal), "…" (with \" \\ \$ \` and \<newline> escapes, $-expansion, no
 * splitting), backslash escapes, adjacent parts joined into one word (`--format='{{.Name}}'`),
 * `#` comments at the start of a word, `;` `&&` `||` `&` and newlines between pipelines, `|` / `|&`
 * between stages, redirections (`>`, `>>`, `<`, `2>`, `2>&1`, `&>`, …), `$VAR` `${VAR}` `$?`,
 * `$(…)` and backquotes (through the `substitute` callback; unquoted results are field-split on
 * blanks like bash), and `~` (through `env('HOME')`).
 * Not supported (approximate): globbing, brace expansion, here-documents, subshells, `$((…))`,
 * `$'…'`, `${…}` operators other than `:-` / `-`.
 *
 * Error texts are bash 5.2's (parse.y `parse_matched_pair`: "unexpected EOF while looking for
 * matching `%c'"; `report_syntax_error`: "syntax error near unexpected token `%s'" and
 * "syntax error: unexpected end of file"), as an interactive shell prints them (prefix "bash: ",
 * no line number). Syntax errors set $? to 2.
 */

export type Connector = '' | ';' | '&&' | '||' | '&';
export type RedirectOp = '>' | '>>' | '>|' | '<' | '>&' | '<&' | '&>' | '&>>';

export interface Redirect {
  /** The redirected descriptor (1 for `>`, 0 for `<`, the number in `2>`; 1 for `&>` = stdout and stderr). */
  readonly fd: number;
  readonly op: RedirectOp;
  /** File name, or descriptor number / `-` for `>&` and `<&`. */
  readonly target: string;
}

export interface Pipeline {
  /** The operator before this pipeline: '' for the first; see `shouldRun`. */
  readonly connector: Connector;
  /** argv of each `|`-separated stage. */
  readonly stages: readonly (readonly string[])[];
  /** Redirections of each stage (same length as `stages`). `|&` adds `2>&1` to the left stage. */
  readonly redirects: readonly (readonly Redirect[])[];
  /** Ended with `&`. */
  readonly background: boolean;
  /** The source text of this pipeline (trimmed). */
  readonly text: string;
}

export interface ShellSyntaxError {
  readonly kind: 'unterminated-quote' | 'unexpected-token' | 'unexpected-eof';
  /** The quote that was not closed: ' " or `. */
  readonly quote?: string;
  /** The unexpected token (`&&`, `;`, `newline`, …). */
  readonly token?: string;
  /** True when more input could complete the line (bash would show its PS2 `> ` prompt). */
  readonly incomplete: boolean;
  /** bash's text, e.g. "bash: unexpected EOF while looking for matching `''". */
  readonly message: string;
  readonly exitCode: 2;
}

export type TokenizeResult =
  | { readonly ok: true; readonly commands: readonly Pipeline[] }
  | { readonly ok: false; readonly error: ShellSyntaxError };

export interface TokenizeOptions {
  /** Variable lookup for `$NAME`, `${NAME}`, `$?`…; undefined → empty, like an unset variable. */
  readonly env?: (name: string) => string | undefined;
  /** Runs a command substitution and returns its stdout; without it substitutions expand to ''. */
  readonly substitute?: (command: string) => string;
}

/** Whether a pipeline runs, given its connector and the exit status of the last one that ran. */
export function shouldRun(connector: Connector, lastExitCode: number): boolean {
  if (connector === '&&') return lastExitCode === 0;
  if (connector === '||') return lastExitCode !== 0;
  return true;
}

/** The same error as worded by BusyBox ash (`sh` in alpine containers); approximate. */
export function ashMessage(error: ShellSyntaxError): string {
  if (error.kind === 'unterminated-quote') return 'sh: syntax error: unterminated quoted string';
  if (error.kind === 'unexpected-eof') return 'sh: syntax error: unexpected end of file';
  const t = error.token === 'newline' ? 'newline' : `"${error.token ?? ''}"`;
  return `sh: syntax error: unexpected ${t}`;
}

type Tok =
  | { readonly t: 'word'; readonly fields: readonly string[]; readonly pos: number; readonly end: number }
  | { readonly t: 'op'; readonly op: string; readonly fd: number; readonly pos: number; readonly end: number };

const syntaxError = (kind: ShellSyntaxError['kind'], extra: { quote?: string; token?: string }): ShellSyntaxError => {
  const message =
    kind === 'unterminated-quote'
      ? `bash: unexpected EOF while looking for matching \`${extra.quote ?? ''}'`
      : kind === 'unexpected-eof'
        ? 'bash: syntax error: unexpected end of file'
        : `bash: syntax error near unexpected token \`${extra.token ?? ''}'`;
  return { kind, ...extra, incomplete: kind !== 'unexpected-token', message, exitCode: 2 };
};

class Fail {
  constructor(readonly error: ShellSyntaxError) {}
}

const BLANK = /[ \t\n]/;
const OP_CHARS = ';&|<>()\n';
// Longest first.
const OPS = ['&&', '||', '|&', ';;', '&>>', '&>', '>>', '>|', '>&', '<&', ';', '&', '|', '>', '<', '(', ')', '\n'];

/** Index just after the `)` closing a `$(` that starts at `open` (the index of '('). */
function matchParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === "'") {
      const j = s.indexOf("'", i + 1);
      if (j < 0) break;
      i = j;
    } else if (c === '"') {
      for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  throw new Fail(syntaxError('unterminated-quote', { quote: ')' }));
}

function lex(line: string, opts: TokenizeOptions): Tok[] {
  const toks: Tok[] = [];
  const env = (name: string): string => opts.env?.(name) ?? '';
  let fields: string[] = [];
  let cur = '';
  let has = false; // current field has content (quoted parts count even when empty)
  let inWord = false;
  let wordPos = 0;
  const startWord = (i: number): void => {
    if (!inWord) {
      inWord = true;
      wordPos = i;
    }
  };
  const endField = (): void => {
    if (has || cur !== '') fields.push(cur);
    cur = '';
    has = false;
  };
  const endWord = (at: number): void => {
    if (!inWord) return;
    endField();
    if (fields.length > 0) toks.push({ t: 'word', fields, pos: wordPos, end: at });
    fields = [];
    inWord = false;
  };
  // Unquoted expansion results are split on blanks (IFS default); quoted ones are literal.
  const addExpansion = (text: string, quoted: boolean): void => {
    if (quoted) {
      cur += text;
      has = true;
      return;
    }
    const parts = text.split(/[ \t\n]+/);
    parts.forEach((p, k) => {
      if (k > 0) endField();
      cur += p;
    });
  };
  // Parses a `$…` at i (s[i] === '$'); returns [text, next index] or undefined if `$` is literal.
  const dollar = (i: number): [string, number] | undefined => {
    const n = line[i + 1] ?? '';
    if (n === '(') {
      const end = matchParen(line, i + 1);
      const out = opts.substitute?.(line.slice(i + 2, end - 1)) ?? '';
      return [out.replace(/\n+$/, ''), end];
    }
    if (n === '{') {
      const end = line.indexOf('}', i + 2);
      if (end < 0) throw new Fail(syntaxError('unterminated-quote', { quote: '}' }));
      // ${NAME}, ${NAME:-word} (unset or empty → word), ${NAME-word} (unset → word).
      const m = /^([^:-]*)(:?-)(.*)$/s.exec(line.slice(i + 2, end));
      if (m === null) return [env(line.slice(i + 2, end)), end + 1];
      const v = opts.env?.(m[1] ?? '');
      const useWord = m[2] === ':-' ? v === undefined || v === '' : v === undefined;
      return [useWord ? (m[3] ?? '') : (v ?? ''), end + 1];
    }
    const m = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*!-])/.exec(line.slice(i + 1, i + 65));
    if (m === null) return undefined;
    return [env(m[0]), i + 1 + m[0].length];
  };
  const backquote = (i: number): [string, number] => {
    let j = i + 1;
    let cmd = '';
    for (; j < line.length && line[j] !== '`'; j++) {
      if (line[j] === '\\' && j + 1 < line.length && '$`\\'.includes(line[j + 1] ?? '')) j++;
      cmd += line[j];
    }
    if (j >= line.length) throw new Fail(syntaxError('unterminated-quote', { quote: '`' }));
    return [(opts.substitute?.(cmd) ?? '').replace(/\n+$/, ''), j + 1];
  };

  let i = 0;
  while (i < line.length) {
    const c = line[i] ?? '';
    if (c === '\\') {
      startWord(i);
      if (line[i + 1] === '\n') i += 2; // line continuation
      else if (i + 1 < line.length) {
        cur += line[i + 1];
        has = true;
        i += 2;
      } else {
        cur += '\\';
        i++;
      }
    } else if (c === "'") {
      startWord(i);
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Fail(syntaxError('unterminated-quote', { quote: "'" }));
      cur += line.slice(i + 1, end);
      has = true;
      i = end + 1;
    } else if (c === '"') {
      startWord(i);
      has = true;
      i++;
      for (;;) {
        if (i >= line.length) throw new Fail(syntaxError('unterminated-quote', { quote: '"' }));
        const d = line[i] ?? '';
        if (d === '"') break;
        if (d === '\\' && '"\\$`\n'.includes(line[i + 1] ?? '.')) {
          if (line[i + 1] !== '\n') cur += line[i + 1];
          i += 2;
        } else if (d === '$') {
          const [text, next] = dollar(i) ?? ['$', i + 1];
          addExpansion(text, true);
          i = next;
        } else if (d === '`') {
          const [text, next] = backquote(i);
          addExpansion(text, true);
          i = next;
        } else {
          cur += d;
          i++;
        }
      }
      i++;
    } else if (c === '$' && /^[({A-Za-z0-9_?$#@*!-]/.test(line[i + 1] ?? '')) {
      startWord(i);
      const [text, next] = dollar(i) ?? ['$', i + 1];
      addExpansion(text, false);
      i = next;
    } else if (c === '`') {
      startWord(i);
      const [text, next] = backquote(i);
      addExpansion(text, false);
      i = next;
    } else if (c === '#' && !inWord) {
      while (i < line.length && line[i] !== '\n') i++;
    } else if (BLANK.test(c) && c !== '\n') {
      endWord(i);
      i++;
    } else if (OP_CHARS.includes(c)) {
      // `2>` / `2>&1`: an unquoted all-digit word right before a redirection is its descriptor.
      let fd = -1;
      if ((c === '>' || c === '<') && inWord && fields.length === 0 && !has && /^[0-9]+$/.test(cur)) {
        fd = Number(cur);
        cur = '';
        inWord = false;
      }
      endWord(i);
      const op = OPS.find((o) => line.startsWith(o, i)) ?? c;
      toks.push({ t: 'op', op, fd, pos: i, end: i + op.length });
      i += op.length;
    } else {
      startWord(i);
      if (c === '~' && cur === '' && !has && fields.length === 0 && /^(\/|$|[ \t\n;&|<>])/.test(line.slice(i + 1, i + 2))) {
        cur += opts.env?.('HOME') ?? '~';
      } else cur += c;
      i++;
    }
  }
  endWord(line.length);
  return toks;
}

/** Tokenize one line (it may contain newlines) into pipelines; see the module comment. */
export function tokenize(line: string, opts: TokenizeOptions = {}): TokenizeResult {
  let toks: Tok[];
  try {
    toks = lex(line, opts);
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: e.error };
    throw e;
  }
  const commands: Pipeline[] = [];
  let connector: Connector = '';
  let stages: string[][] = [];
  let redirects: Redirect[][] = [];
  let argv: string[] = [];
  let redir: Redirect[] = [];
  let start = -1;
  let end = 0;
  const unexpected = (token: string): TokenizeResult => ({
    ok: false,
    error: syntaxError('unexpected-token', { token: token === '\n' ? 'newline' : token }),
  });
  const stageEmpty = (): boolean => argv.length === 0 && redir.length === 0;
  const finishPipeline = (background: boolean): void => {
    stages.push(argv);
    redirects.push(redir);
    commands.push({ connector, stages, redirects, background, text: line.slice(start, end).trim() });
    stages = [];
    redirects = [];
    argv = [];
    redir = [];
    start = -1;
  };

  for (let k = 0; k < toks.length; k++) {
    const tok = toks[k];
    if (tok === undefined) break;
    if (tok.t === 'word') {
      if (start < 0) start = tok.pos;
      argv.push(...tok.fields);
      end = tok.end;
      continue;
    }
    const op = tok.op;
    if (op === '>' || op === '>>' || op === '>|' || op === '<' || op === '>&' || op === '<&' || op === '&>' || op === '&>>') {
      const next = toks[k + 1];
      if (next === undefined) return unexpected('newline');
      if (next.t !== 'word') return unexpected(next.op);
      if (start < 0) start = tok.pos;
      const fd = tok.fd >= 0 ? tok.fd : op.startsWith('<') ? 0 : 1;
      redir.push({ fd, op, target: next.fields.join(' ') });
      end = next.end;
      k++;
    } else if (op === '|' || op === '|&') {
      if (stageEmpty()) return unexpected(op);
      if (op === '|&') redir.push({ fd: 2, op: '>&', target: '1' });
      stages.push(argv);
      redirects.push(redir);
      argv = [];
      redir = [];
      if (toks[k + 1] === undefined) {
        return { ok: false, error: syntaxError('unexpected-eof', {}) };
      }
    } else if (op === ';' || op === '&' || op === '&&' || op === '||' || op === '\n') {
      if (stageEmpty()) {
        if (op === '\n' && stages.length === 0 && (connector === '' || connector === ';' || connector === '&')) continue;
        if (op === '\n') continue; // `a &&` <newline> b: bash keeps reading
        return unexpected(op);
      }
      finishPipeline(op === '&');
      connector = op === '\n' ? ';' : op;
      if ((op === '&&' || op === '||') && toks.slice(k + 1).every((t) => t.t === 'op' && t.op === '\n')) {
        return { ok: false, error: syntaxError('unexpected-eof', {}) };
      }
    } else {
      return unexpected(op); // ;; ( )
    }
  }
  if (!stageEmpty()) finishPipeline(false);
  else if (stages.length > 0) return { ok: false, error: syntaxError('unexpected-eof', {}) };
  return { ok: true, commands };
}
