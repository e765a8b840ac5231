/**
 * A pure line editor: keys in, new state and effects out. The console feeds it what xterm sends
 * and performs the effects (run a line, clear the screen, complete); nothing here touches the
 * terminal, so every key can be tested as text.
 */

export interface EditorState {
  readonly buf: string;
  readonly cursor: number;
  /** Position in history while browsing with ↑/↓; null when editing a new line. */
  readonly histIndex: number | null;
  /** The new line being typed before ↑ was pressed, restored by ↓ past the newest entry. */
  readonly draft: string;
  /** State before a Ctrl-P, restored if a Ctrl-Q follows (Docker's detach sequence). */
  readonly beforeCtrlP: Omit<EditorState, 'beforeCtrlP'> | null;
}

export type KeyName =
  | 'enter' | 'backspace' | 'delete' | 'left' | 'right' | 'home' | 'end' | 'up' | 'down' | 'tab'
  | 'ctrl-a' | 'ctrl-e' | 'ctrl-u' | 'ctrl-k' | 'ctrl-w' | 'ctrl-c' | 'ctrl-l' | 'ctrl-p' | 'ctrl-n' | 'ctrl-q' | 'ctrl-d' | 'ignored';

export type Key = { readonly type: 'text'; readonly text: string } | { readonly type: KeyName };

export type Effect =
  | { readonly type: 'submit'; readonly line: string }
  | { readonly type: 'interrupt'; readonly abandoned: string }
  | { readonly type: 'detach' }
  | { readonly type: 'clear-screen' }
  | { readonly type: 'complete'; readonly before: string };

export interface EditorContext {
  readonly history: readonly string[];
  /** Inside a container's shell, where Ctrl-P Ctrl-Q detaches. */
  readonly canDetach: boolean;
}

export const EMPTY: EditorState = { buf: '', cursor: 0, histIndex: null, draft: '', beforeCtrlP: null };

const SEQUENCES: Readonly<Record<string, KeyName>> = {
  '\x1b[A': 'up', '\x1bOA': 'up', '\x1b[B': 'down', '\x1bOB': 'down',
  '\x1b[C': 'right', '\x1bOC': 'right', '\x1b[D': 'left', '\x1bOD': 'left',
  '\x1b[H': 'home', '\x1bOH': 'home', '\x1b[1~': 'home', '\x1b[7~': 'home',
  '\x1b[F': 'end', '\x1bOF': 'end', '\x1b[4~': 'end', '\x1b[8~': 'end',
  '\x1b[3~': 'delete',
};

const CONTROLS: Readonly<Record<string, KeyName>> = {
  '\r': 'enter', '\n': 'enter', '\x7f': 'backspace', '\b': 'backspace', '\t': 'tab',
  '\x01': 'ctrl-a', '\x05': 'ctrl-e', '\x15': 'ctrl-u', '\x0b': 'ctrl-k', '\x17': 'ctrl-w',
  '\x03': 'ctrl-c', '\x0c': 'ctrl-l', '\x10': 'ctrl-p', '\x0e': 'ctrl-n', '\x11': 'ctrl-q', '\x04': 'ctrl-d',
};

/** Splits what xterm sends (one key, an escape sequence, or a whole paste) into keys. */
export function decodeKeys(data: string): Key[] {
  const keys: Key[] = [];
  let text = '';
  const flush = () => {
    if (text) keys.push({ type: 'text', text });
    text = '';
  };
  for (let i = 0; i < data.length; ) {
    const ch = data[i] ?? '';
    if (ch === '\x1b') {
      flush();
      const m = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z])?/.exec(data.slice(i));
      const seq = m?.[0] ?? ch;
      keys.push({ type: SEQUENCES[seq] ?? 'ignored' });
      i += seq.length;
      continue;
    }
    const control = CONTROLS[ch];
    if (control) {
      flush();
      // A pasted Windows line ending is one Enter, not two.
      if (!(ch === '\n' && data[i - 1] === '\r')) keys.push({ type: control });
    } else if (ch >= ' ') text += ch;
    i++;
  }
  flush();
  return keys;
}

const set = (s: EditorState, buf: string, cursor: number): EditorState => ({ ...s, buf, cursor, beforeCtrlP: null });

/** Applies one key. */
export function applyKey(s: EditorState, key: Key, ctx: EditorContext): { state: EditorState; effects: Effect[] } {
  const none = (state: EditorState) => ({ state, effects: [] as Effect[] });
  const { buf, cursor } = s;
  switch (key.type) {
    case 'text':
      return none(set(s, buf.slice(0, cursor) + key.text + buf.slice(cursor), cursor + key.text.length));
    case 'enter':
      return { state: EMPTY, effects: [{ type: 'submit', line: buf }] };
    case 'backspace':
      return none(cursor > 0 ? set(s, buf.slice(0, cursor - 1) + buf.slice(cursor), cursor - 1) : s);
    case 'delete':
      return none(cursor < buf.length ? set(s, buf.slice(0, cursor) + buf.slice(cursor + 1), cursor) : s);
    case 'ctrl-d':
      // bash: delete under the cursor; on an empty line it would log out, which the lab does not do.
      return none(cursor < buf.length ? set(s, buf.slice(0, cursor) + buf.slice(cursor + 1), cursor) : s);
    case 'left':
      return none(set(s, buf, Math.max(0, cursor - 1)));
    case 'right':
      return none(set(s, buf, Math.min(buf.length, cursor + 1)));
    case 'home':
    case 'ctrl-a':
      return none(set(s, buf, 0));
    case 'end':
    case 'ctrl-e':
      return none(set(s, buf, buf.length));
    case 'ctrl-u':
      return none(set(s, buf.slice(cursor), 0));
    case 'ctrl-k':
      return none(set(s, buf.slice(0, cursor), cursor));
    case 'ctrl-w': {
      const start = buf.slice(0, cursor).replace(/\S+\s*$/, '').length;
      return none(set(s, buf.slice(0, start) + buf.slice(cursor), start));
    }
    case 'ctrl-c':
      return { state: EMPTY, effects: [{ type: 'interrupt', abandoned: buf }] };
    case 'ctrl-l':
      return { state: { ...s, beforeCtrlP: null }, effects: [{ type: 'clear-screen' }] };
    case 'tab':
      return { state: { ...s, beforeCtrlP: null }, effects: [{ type: 'complete', before: buf.slice(0, cursor) }] };
    case 'up':
      return none(history(s, -1, ctx.history));
    case 'down':
    case 'ctrl-n':
      return none(history(s, +1, ctx.history));
    case 'ctrl-p': {
      // Ctrl-P is "previous line" in bash, and the first half of Docker's detach keys.
      const { beforeCtrlP: _drop, ...before } = s;
      return none({ ...history(s, -1, ctx.history), beforeCtrlP: before });
    }
    case 'ctrl-q':
      if (s.beforeCtrlP && ctx.canDetach) return { state: EMPTY, effects: [{ type: 'detach' }] };
      return none(s);
    default:
      return none(s);
  }
}

function history(s: EditorState, dir: -1 | 1, hist: readonly string[]): EditorState {
  if (hist.length === 0) return s;
  const from = s.histIndex ?? hist.length;
  const to = Math.max(0, Math.min(hist.length, from + dir));
  if (to === from) return s;
  const draft = s.histIndex === null ? s.buf : s.draft;
  const buf = to === hist.length ? draft : (hist[to] ?? '');
  return { buf, cursor: buf.length, histIndex: to === hist.length ? null : to, draft, beforeCtrlP: null };
}

/**
 * Tab: one candidate completes the word (and adds a space); several extend it to their common
 * prefix, and a second Tab with nothing to add lists them (returned for the console to print).
 */
export function applyCompletion(s: EditorState, candidates: readonly string[]): { state: EditorState; list: readonly string[] | null } {
  const before = s.buf.slice(0, s.cursor);
  const word = /\S*$/.exec(before)?.[0] ?? '';
  const usable = candidates.filter((c) => c.startsWith(word));
  if (usable.length === 0) return { state: s, list: null };
  const insert = (text: string) => {
    const head = before.slice(0, before.length - word.length) + text;
    return set(s, head + s.buf.slice(s.cursor), head.length);
  };
  if (usable.length === 1) return { state: insert(`${usable[0] ?? ''} `), list: null };
  const prefix = usable.reduce((p, c) => {
    let i = 0;
    while (i < p.length && i < c.length && p[i] === c[i]) i++;
    return p.slice(0, i);
  });
  if (prefix.length > word.length) return { state: insert(prefix), list: null };
  return { state: s, list: usable };
}
