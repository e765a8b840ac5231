/**
 * The lexer of Go's text/template (text/template/parse/lex.go, Go 1.24, via Hugo's vendored copy
 * tpl/internal/go_templates/texttemplate/parse): items with positions as JS string indexes,
 * trim markers (`{{- ` / ` -}}` need an ASCII space), comments, newlines allowed inside actions.
 * Lexing is eager here (Go's is lazy), which is equivalent: an error item ends the stream and the
 * parser reports it when it reaches it. Delimiters are the defaults, `{{` and `}}`.
 */

export type ItemType =
  | 'error' | 'bool' | 'char' | 'charConstant' | 'assign' | 'declare' | 'EOF' | 'field' | 'identifier'
  | 'leftDelim' | 'leftParen' | 'number' | 'pipe' | 'rawString' | 'rightDelim' | 'rightParen' | 'space'
  | 'string' | 'text' | 'variable'
  // keywords (item.typ > itemKeyword)
  | 'block' | 'break' | 'continue' | 'dot' | 'define' | 'else' | 'end' | 'if' | 'nil' | 'range' | 'template' | 'with';
export interface Item {
  readonly typ: ItemType;
  readonly pos: number;
  readonly val: string;
  readonly line: number;
}
export const KEYWORDS = new Set(['block', 'break', 'continue', 'define', 'else', 'end', 'if', 'nil', 'range', 'template', 'with']);
const isKeyword = (t: ItemType): boolean => KEYWORDS.has(t) || t === 'dot';

/** item.String(). */
export function itemString(i: Item): string {
  if (i.typ === 'EOF') return 'EOF';
  if (i.typ === 'error') return i.val;
  if (isKeyword(i.typ)) return `<${i.val}>`;
  if (i.val.length > 10) return `${goQuoteShort(i.val.slice(0, 10))}...`;
  return goQuoteShort(i.val);
}
function goQuoteShort(s: string): string {
  return JSON.stringify(s).replace(/\\u00([0-9a-f]{2})/g, '\\x$1');
}
const unicodeU = (ch: string): string => {
  const cp = ch.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${ch}'`;
};

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isAlnum = (c: string): boolean => c === '_' || /^[\p{L}\p{Nd}]$/u.test(c);
const hasLeftTrim = (s: string, i: number): boolean => s[i] === '-' && isSpace(s[i + 1] ?? '');
const hasRightTrim = (s: string, i: number): boolean => isSpace(s[i] ?? '') && s[i + 1] === '-';

export function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let start = 0;
  let line = 1;
  let startLine = 1;
  let parenDepth = 0;
  const emit = (typ: ItemType): void => {
    items.push({ typ, pos: start, val: input.slice(start, pos), line: startLine });
    line += countNL(input, start, pos);
    start = pos;
    startLine = line;
  };
  const ignore = (): void => {
    line += countNL(input, start, pos);
    start = pos;
    startLine = line;
  };
  const fail = (msg: string): Item[] => {
    items.push({ typ: 'error', pos: start, val: msg, line: startLine });
    return items;
  };
  const atRightDelim = (): [boolean, boolean] => {
    if (hasRightTrim(input, pos) && input.startsWith('}}', pos + 2)) return [true, true];
    return [input.startsWith('}}', pos), false];
  };
  const atTerminator = (): boolean => {
    const r = input[pos] ?? '';
    return r === '' || isSpace(r) || '.,|:()'.includes(r) || input.startsWith('}}', pos);
  };
  const char = (): string => String.fromCodePoint(input.codePointAt(pos) ?? 0);

  for (;;) {
    // lexText
    const x = input.indexOf('{{', pos);
    if (x < 0) {
      pos = input.length;
      if (pos > start) emit('text');
      items.push({ typ: 'EOF', pos, val: 'EOF', line: startLine });
      return items;
    }
    pos = x;
    const trim = hasLeftTrim(input, x + 2);
    let textEnd = pos;
    if (trim) while (textEnd > start && isSpace(input[textEnd - 1] ?? '')) textEnd--;
    if (textEnd > start) {
      const p = pos;
      pos = textEnd;
      emit('text');
      pos = p;
    }
    ignore();
    // lexLeftDelim
    pos += 2;
    const after = trim ? 2 : 0;
    if (input.startsWith('/*', pos + after)) {
      pos += after;
      ignore();
      pos += 2;
      const end = input.indexOf('*/', pos);
      if (end < 0) return fail('unclosed comment');
      pos = end + 2;
      const [delim, trimR] = atRightDelim();
      if (!delim) return fail('comment ends before closing delimiter');
      pos += (trimR ? 2 : 0) + 2;
      if (trimR) while (isSpace(input[pos] ?? '')) pos++;
      ignore();
      continue;
    }
    emit('leftDelim');
    pos += after;
    ignore();
    parenDepth = 0;
    // lexInsideAction until the right delimiter
    for (;;) {
      const [delim, trimR] = atRightDelim();
      if (delim) {
        if (parenDepth !== 0) return fail('unclosed left paren');
        if (trimR) {
          pos += 2;
          ignore();
        }
        pos += 2;
        emit('rightDelim');
        if (trimR) {
          while (isSpace(input[pos] ?? '')) pos++;
          ignore();
        }
        break;
      }
      if (pos >= input.length) return fail('unclosed action');
      const r = char();
      if (isSpace(r)) {
        let n = 0;
        while (isSpace(input[pos] ?? '')) {
          pos++;
          n++;
        }
        if (hasRightTrim(input, pos - 1) && input.startsWith('}}', pos + 1)) {
          pos--;
          if (n === 1) continue; // on the trim-marked delimiter
        }
        emit('space');
        continue;
      }
      pos += r.length;
      if (r === '=') emit('assign');
      else if (r === ':') {
        if (input[pos] !== '=') return fail('expected :=');
        pos++;
        emit('declare');
      } else if (r === '|') emit('pipe');
      else if (r === '"' || r === "'") {
        for (;;) {
          const c = input[pos] ?? '';
          if (c === '\\' && pos + 1 < input.length && input[pos + 1] !== '\n') pos += 2;
          else if (c === '' || c === '\n' || c === '\\') {
            return fail(r === '"' ? 'unterminated quoted string' : 'unterminated character constant');
          } else {
            pos++;
            if (c === r) break;
          }
        }
        emit(r === '"' ? 'string' : 'charConstant');
      } else if (r === '`') {
        const end = input.indexOf('`', pos);
        if (end < 0) return fail('unterminated raw quoted string');
        pos = end + 1;
        emit('rawString');
      } else if (r === '$' || (r === '.' && !/[0-9]/.test(input[pos] ?? ''))) {
        if (atTerminator()) emit(r === '$' ? 'variable' : 'dot');
        else {
          let c = char();
          while (pos < input.length && isAlnum(c)) {
            pos += c.length;
            c = char();
          }
          if (!atTerminator()) return fail(`bad character ${unicodeU(c)}`);
          emit(r === '$' ? 'variable' : 'field');
        }
      } else if (r === '.' || r === '+' || r === '-' || /[0-9]/.test(r)) {
        pos -= r.length;
        const m = /^[+-]?(0[xX][0-9a-fA-F_]*(\.[0-9a-fA-F_]*)?([pP][+-]?[0-9_]+)?|0[oO][0-7_]*|0[bB][01_]*|[0-9_]*(\.[0-9_]*)?([eE][+-]?[0-9_]+)?)i?/.exec(input.slice(pos));
        pos += m?.[0].length ?? 0;
        if (isAlnum(char())) {
          pos += char().length;
          return fail(`bad number syntax: ${goQuoteShort(input.slice(start, pos))}`);
        }
        if (input[pos] === '+' || input[pos] === '-') return fail(`bad number syntax: ${goQuoteShort(input.slice(start, pos + 1))}`);
        emit('number');
      } else if (isAlnum(r)) {
        let c = char();
        while (pos < input.length && isAlnum(c)) {
          pos += c.length;
          c = char();
        }
        if (!atTerminator()) return fail(`bad character ${unicodeU(c)}`);
        const word = input.slice(start, pos);
        emit(KEYWORDS.has(word) ? (word as ItemType) : word === 'true' || word === 'false' ? 'bool' : 'identifier');
      } else if (r === '(') {
        parenDepth++;
        emit('leftParen');
      } else if (r === ')') {
        parenDepth--;
        if (parenDepth < 0) return fail('unexpected right paren');
        emit('rightParen');
      } else if ((r.codePointAt(0) ?? 0) < 0x7f && (r.codePointAt(0) ?? 0) >= 0x20) emit('char');
      else return fail(`unrecognized character in action: ${unicodeU(r)}`);
    }
  }
}

function countNL(s: string, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}
