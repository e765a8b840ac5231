/**
 * strconv pieces Go's CLI output depends on: Quote / QuoteRune (fmt %q, pflag messages, template
 * errors) and ParseInt(s, 0, 64) (pflag int flags, template number literals), Go 1.24 semantics.
 */

/** unicode.IsPrint, approximately (C0/C1 controls, DEL, separators and surrogates are not). */
function isPrint(cp: number): boolean {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0xad) return false;
  if (cp === 0x2028 || cp === 0x2029 || cp === 0xfeff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
  return cp !== 0xfffe && cp !== 0xffff;
}

function quoteWith(s: string, q: string): string {
  let out = q;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    const esc: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\' };
    if (ch === q) out += `\\${q}`;
    else if (esc[ch] !== undefined) out += esc[ch];
    else if (isPrint(cp)) out += ch;
    else if (cp < 0x80) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd';
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return out + q;
}

/** strconv.Quote (also fmt's %q of a string). */
export function goQuote(s: string): string {
  return quoteWith(s, '"');
}

/** strconv.QuoteRune (also fmt's %q of an integer). */
export function goQuoteRune(ch: string): string {
  return quoteWith(ch, "'");
}

/** strconv's underscoreOK: underscores only between digits, or between a base prefix and a digit. */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && /[box]/i.test(s[1] ?? '')) {
    i = 2;
    saw = '0';
    hex = /x/i.test(s[1] ?? '');
  }
  for (; i < s.length; i++) {
    const c = s[i] ?? '';
    if (/[0-9]/.test(c) || (hex && /[a-f]/i.test(c))) saw = '0';
    else if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else {
      if (saw === '_') return false;
      saw = '!';
    }
  }
  return saw !== '_';
}

/** strconv.ParseInt(s, 0, 64) (what pflag's int flags use): decimal string of the value, or the NumError text. */
export function parseGoInt(s0: string): { ok: true; value: string } | { ok: false; error: string } {
  const fail = (why: string) => ({ ok: false as const, error: `strconv.ParseInt: parsing ${goQuote(s0)}: ${why}` });
  let s = s0;
  const neg = s[0] === '-';
  if (s[0] === '+' || s[0] === '-') s = s.slice(1);
  if (s === '') return fail('invalid syntax');
  let base = 10;
  if (s[0] === '0') {
    const p = (s[1] ?? '').toLowerCase();
    if (s.length >= 3 && (p === 'b' || p === 'o' || p === 'x')) {
      base = p === 'b' ? 2 : p === 'o' ? 8 : 16;
      s = s.slice(2);
    } else {
      base = 8;
      s = s.slice(1);
    }
  }
  let n = 0n;
  let underscores = false;
  for (const c of s) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    const d = parseInt(c, 36);
    if (Number.isNaN(d) || d >= base) return fail('invalid syntax');
    n = n * BigInt(base) + BigInt(d);
  }
  if (underscores && !underscoreOK(s0)) return fail('invalid syntax');
  if (neg) n = -n;
  if (n > 9223372036854775807n || n < -9223372036854775808n) return fail('value out of range');
  return { ok: true, value: n.toString() };
}
