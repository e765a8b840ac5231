import type { OutChunk } from '../../cli/types';
import type { TranscriptEntry } from '../../store/types';
import type { EditorState } from './lineEditor';

/**
 * Terminal text for the console: the prompt and input line (redrawn in place, wrapping over
 * several rows), output chunks with colours, and completion lists. Pure strings, tested as such.
 */

export const RESET = '\x1b[0m';
const RED = '\x1b[31m';
const BOLD_GREEN = '\x1b[1;32m';
const BOLD_CYAN = '\x1b[1;36m';
const BOLD_MAGENTA = '\x1b[1;35m';
const DIM_YELLOW = '\x1b[2;33m';

const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

export function visibleLength(s: string): number {
  return s.replace(ANSI, '').length;
}

/** The prompt in colour: green on the host, cyan in a container, magenta on the laptop (as many distros colour root vs user). */
export function colourPrompt(prompt: string): string {
  if (prompt === '') return '';
  const colour = prompt.startsWith('root@docker-host') ? BOLD_GREEN : prompt.startsWith('student@') ? BOLD_MAGENTA : BOLD_CYAN;
  return `${colour}${prompt.trimEnd()}${RESET}${prompt.slice(prompt.trimEnd().length)}`;
}

export function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/**
 * Output in order; stderr in red when the command failed. Docker writes progress to stderr too
 * (`Unable to find image … locally`, pull progress), which is not an error and stays plain.
 */
export function formatOut(out: readonly OutChunk[], failed = true): string {
  let s = '';
  for (const o of out) s += o.stream === 'err' && failed ? `${RED}${crlf(o.text)}${RESET}` : crlf(o.text);
  return s;
}

/** A transcript entry as first written (prompt, the line, its output). */
export function formatEntry(e: TranscriptEntry): string {
  if (e.kind === 'note') return `${DIM_YELLOW}${crlf(e.out.map((o) => o.text).join(''))}${RESET}`;
  return `${colourPrompt(e.prompt)}${e.echo}${e.out.length && isInterrupt(e) ? '' : '\r\n'}${formatOut(e.out, e.exitCode !== 0)}`;
}

/** ^C is printed right after the abandoned input, on the same row. */
function isInterrupt(e: TranscriptEntry): boolean {
  return e.out[0]?.text.startsWith('^C') === true;
}

/** Where the cursor is, in rows below the first row of the input block. */
export interface InputScreen {
  readonly cursorRow: number;
}

export const AT_START: InputScreen = { cursorRow: 0 };

/** Redraws prompt + buffer from the start of the input block and puts the cursor where it belongs. */
export function redrawInput(prompt: string, s: EditorState, cols: number, screen: InputScreen): { out: string; screen: InputScreen } {
  const plen = visibleLength(prompt);
  const width = Math.max(1, cols);
  let out = screen.cursorRow > 0 ? `\x1b[${screen.cursorRow}A` : '';
  out += `\r\x1b[J${colourPrompt(prompt)}${s.buf}`;
  const end = plen + s.buf.length;
  // After writing exactly to the last column the terminal waits to wrap; move to the next row now.
  if (end > 0 && end % width === 0) out += '\r\n';
  const endRow = Math.floor(end / width);
  const pos = plen + s.cursor;
  const row = Math.floor(pos / width);
  const col = pos % width;
  if (endRow > row) out += `\x1b[${endRow - row}A`;
  out += '\r';
  if (col > 0) out += `\x1b[${col}C`;
  return { out, screen: { cursorRow: row } };
}

/** Candidates in columns, as bash lists them on a second Tab. */
export function formatList(items: readonly string[], cols: number): string {
  const w = Math.max(...items.map((i) => i.length)) + 2;
  const per = Math.max(1, Math.floor(cols / w));
  let out = '';
  items.forEach((item, i) => {
    out += item.padEnd(w);
    if ((i + 1) % per === 0 || i === items.length - 1) out = `${out.trimEnd()}\r\n`;
  });
  return out;
}
