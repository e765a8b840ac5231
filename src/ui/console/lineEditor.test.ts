import { describe, expect, it } from 'vitest';
import { EMPTY, applyCompletion, applyKey, decodeKeys, type EditorContext, type EditorState, type Effect } from './lineEditor';

const ctx: EditorContext = { history: ['docker ps', 'ip addr'], canDetach: false };

/** Feeds raw terminal data through the editor, collecting effects. */
function feed(data: string, c: EditorContext = ctx, s0: EditorState = EMPTY) {
  let s = s0;
  const effects: Effect[] = [];
  for (const k of decodeKeys(data)) {
    const r = applyKey(s, k, c);
    s = r.state;
    effects.push(...r.effects);
  }
  return { s, effects };
}

describe('decodeKeys', () => {
  it('splits text, controls and escape sequences', () => {
    expect(decodeKeys('ab\x1b[Dc\r')).toEqual([{ type: 'text', text: 'ab' }, { type: 'left' }, { type: 'text', text: 'c' }, { type: 'enter' }]);
    expect(decodeKeys('\x1b[3~\x1bOH\x1b[F\x7f\t').map((k) => k.type)).toEqual(['delete', 'home', 'end', 'backspace', 'tab']);
    expect(decodeKeys('a\r\nb').map((k) => k.type)).toEqual(['text', 'enter', 'text']);
    expect(decodeKeys('\x1b[1;5C')).toEqual([{ type: 'ignored' }]);
  });
});

describe('line editor', () => {
  it('inserts at the cursor and moves with arrows, Home/End, Ctrl-A/E', () => {
    expect(feed('docker ps\x1b[D\x1b[D\x1b[Dx').s.buf).toBe('dockerx ps');
    expect(feed('world\x01hello \x05!').s.buf).toBe('hello world!');
    expect(feed('abc\x1b[H\x1b[3~').s).toMatchObject({ buf: 'bc', cursor: 0 });
    expect(feed('abc\x1b[D\x7f').s).toMatchObject({ buf: 'ac', cursor: 1 });
    expect(feed('abc\x1b[F\x1b[C').s.cursor).toBe(3);
  });

  it('submits the line on Enter and runs pasted lines in order', () => {
    const { s, effects } = feed('docker ps\rip addr\rhalf');
    expect(effects).toEqual([{ type: 'submit', line: 'docker ps' }, { type: 'submit', line: 'ip addr' }]);
    expect(s.buf).toBe('half');
  });

  it('kills with Ctrl-U / Ctrl-K / Ctrl-W', () => {
    expect(feed('abc def\x1b[D\x1b[D\x15').s).toMatchObject({ buf: 'ef', cursor: 0 });
    expect(feed('abc def\x01\x1b[C\x0b').s.buf).toBe('a');
    expect(feed('docker run nginx\x17').s.buf).toBe('docker run ');
  });

  it('browses history with ↑/↓ and keeps the draft', () => {
    expect(feed('new\x1b[A').s.buf).toBe('ip addr');
    expect(feed('new\x1b[A\x1b[A\x1b[A').s.buf).toBe('docker ps');
    expect(feed('new\x1b[A\x1b[A\x1b[B\x1b[B').s).toMatchObject({ buf: 'new', histIndex: null });
    expect(feed('x\x1b[B').s.buf).toBe('x');
    expect(feed('\x1b[A', { history: [], canDetach: false }).s.buf).toBe('');
  });

  it('interrupts with Ctrl-C and clears with Ctrl-L', () => {
    expect(feed('half typed\x03')).toEqual({ s: EMPTY, effects: [{ type: 'interrupt', abandoned: 'half typed' }] });
    const l = feed('keep\x0c');
    expect(l.effects).toEqual([{ type: 'clear-screen' }]);
    expect(l.s.buf).toBe('keep');
  });

  it('detaches on Ctrl-P Ctrl-Q inside a container, and Ctrl-P alone is previous-line', () => {
    const inside = { ...ctx, canDetach: true };
    expect(feed('ls\x10\x11', inside).effects).toEqual([{ type: 'detach' }]);
    expect(feed('\x10', inside).s.buf).toBe('ip addr');
    expect(feed('\x10\x11', ctx).effects).toEqual([]);
    expect(feed('\x10x\x11', inside).effects).toEqual([]);
  });

  it('asks for completion of the text before the cursor', () => {
    expect(feed('docker ne\tXX\x1b[D\x1b[D\t').effects).toEqual([
      { type: 'complete', before: 'docker ne' },
      { type: 'complete', before: 'docker ne' },
    ]);
  });
});

describe('applyCompletion', () => {
  const at = (buf: string, cursor = buf.length): EditorState => ({ ...EMPTY, buf, cursor });
  it('completes a single candidate with a space', () => {
    expect(applyCompletion(at('docker net'), ['network']).state).toMatchObject({ buf: 'docker network ', cursor: 15 });
  });
  it('extends to the common prefix, then lists', () => {
    expect(applyCompletion(at('docker network c'), ['connect', 'create']).state.buf).toBe('docker network c');
    expect(applyCompletion(at('docker network c'), ['connect', 'create']).list).toEqual(['connect', 'create']);
    expect(applyCompletion(at('docker r'), ['restart', 'rm', 'run']).state.buf).toBe('docker r');
    expect(applyCompletion(at('docker ins'), ['inspect', 'inspected']).state.buf).toBe('docker inspect');
  });
  it('completes in the middle of a line', () => {
    const r = applyCompletion(at('docker ne ls', 9), ['network']);
    expect(r.state).toMatchObject({ buf: 'docker network  ls', cursor: 15 });
  });
  it('ignores nothing to do', () => {
    expect(applyCompletion(at('zzz'), []).state.buf).toBe('zzz');
  });
});
