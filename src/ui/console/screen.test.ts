import { describe, expect, it } from 'vitest';
import { EMPTY } from './lineEditor';
import { AT_START, colourPrompt, formatEntry, formatList, formatOut, redrawInput, visibleLength } from './screen';

describe('console screen text', () => {
  it('colours the prompt without changing its width', () => {
    const p = 'root@docker-host:~# ';
    expect(visibleLength(colourPrompt(p))).toBe(p.length);
    expect(colourPrompt('/ # ')).toContain('\x1b[1;36m');
  });

  it('prints stderr in red and turns newlines into CRLF', () => {
    expect(formatOut([{ stream: 'out', text: 'a\nb\n' }, { stream: 'err', text: 'bad\n' }])).toBe('a\r\nb\r\n\x1b[31mbad\r\n\x1b[0m');
  });

  it('writes an entry as prompt, line, output; ^C on the same row', () => {
    const base = { seq: 1, kind: 'line' as const, prompt: '/ # ', exitCode: 0, source: 'console' as const };
    expect(formatEntry({ ...base, echo: 'ls', out: [{ stream: 'out', text: 'x\n' }] })).toBe(`${colourPrompt('/ # ')}ls\r\nx\r\n`);
    expect(formatEntry({ ...base, echo: 'half', out: [{ stream: 'out', text: '^C\n' }] })).toBe(`${colourPrompt('/ # ')}half^C\r\n`);
  });

  it('redraws the input and places the cursor', () => {
    const r = redrawInput('$ ', { ...EMPTY, buf: 'hello', cursor: 2 }, 80, AT_START);
    expect(r.out).toBe('\r\x1b[J\x1b[1;36m$\x1b[0m hello\r\x1b[4C');
    expect(r.screen.cursorRow).toBe(0);
  });

  it('handles input wrapping over rows', () => {
    // 10 columns: "$ " + 12 chars = 14 → two rows; cursor at the end on row 1, column 4.
    const s = { ...EMPTY, buf: 'abcdefghijkl', cursor: 12 };
    const r = redrawInput('$ ', s, 10, AT_START);
    expect(r.screen.cursorRow).toBe(1);
    expect(r.out.endsWith('\r\x1b[4C')).toBe(true);
    // Next redraw starts by going back up to the first row.
    expect(redrawInput('$ ', { ...s, cursor: 0 }, 10, r.screen).out.startsWith('\x1b[1A\r\x1b[J')).toBe(true);
    // Exactly filling the row moves to the next one explicitly.
    expect(redrawInput('$ ', { ...EMPTY, buf: 'abcdefgh', cursor: 8 }, 10, AT_START).out).toContain('abcdefgh\r\n');
  });

  it('lists candidates in columns', () => {
    expect(formatList(['connect', 'create', 'rm'], 20)).toBe('connect  create\r\nrm\r\n');
  });
});
