import { describe, expect, it, vi } from 'vitest';
import type { LineResult, Shell } from '../../cli/types';
import type { World } from '../../engine/world';

// A tiny CLI: enough to see what the controller writes around the store.
vi.mock('../../cli/runLine', () => ({
  CTRL_C: '\u0003',
  CTRL_P_Q: '\u0010\u0011',
  runLine: (world: World, shell: Shell, line: string): LineResult => {
    if (line === '\u0003') return { world, shell, out: [{ stream: 'out', text: '^C\n' }], exitCode: 130, events: [] };
    if (line === 'enter') return { world, shell: { at: 'laptop' }, out: [], exitCode: 0, events: [] };
    if (line === 'fail') return { world, shell, out: [{ stream: 'err', text: 'nope\n' }], exitCode: 1, events: [] };
    return { world, shell, out: line ? [{ stream: 'out', text: `${line}!\n` }] : [], exitCode: 0, events: [] };
  },
  complete: (_w: World, _s: Shell, before: string) => (before.endsWith('net') ? ['network'] : []),
}));

vi.mock('../../cli/prompt', () => ({ promptFor: (_w: World, shell: Shell) => (shell.at === 'laptop' ? 'L$ ' : 'H# ') }));

const { createLabStore, loadCli } = await import('../../store');
// The page fetches the CLI on the first key; these tests start with it loaded (see the lazy test below).
await loadCli();
const { ConsoleController } = await import('./consoleController');

// The assertions read what a student would see: colours and carriage returns stripped.
const plain = (s: string) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '');

function setup() {
  const store = createLabStore({ storage: null });
  let screen = '';
  const term = { cols: 80, write: (d: string) => (screen += d), clear: () => (screen = '') };
  const ctl = new ConsoleController(term, store, '', (f) => queueMicrotask(f));
  return { store, ctl, text: () => plain(screen) };
}

describe('ConsoleController', () => {
  it('echoes typing, runs the line on Enter and prints output and a new prompt', () => {
    const { ctl, store, text } = setup();
    ctl.input('hello\r');
    expect(store.getState().history).toEqual(['hello']);
    expect(text()).toContain('H# hello\nhello!\nH# ');
  });

  it('shows lines run from the inspector as if typed, keeping the half-typed input', () => {
    const { ctl, store, text } = setup();
    ctl.input('half');
    store.getState().runLine('docker ps', { source: 'ui' });
    expect(text()).toContain('H# docker ps\ndocker ps!\nH# half');
  });

  it('runs pasted lines in order, one per task, and follows the shell to its new prompt', async () => {
    const { ctl, store, text } = setup();
    ctl.input('one\renter\rtwo\r');
    expect(store.getState().lines).toEqual(['one']);
    await ctl.whenIdle();
    expect(store.getState().lines).toEqual(['one', 'enter', 'two']);
    expect(text()).toContain('L$ two\ntwo!\nL$ ');
  });

  it('runs a line typed while a lesson is being set up after the setup (store.hold)', async () => {
    const { ctl, store } = setup();
    let finish = () => {};
    store.getState().hold(new Promise<void>((r) => (finish = r)));
    ctl.input('mine\r');
    await Promise.resolve();
    expect(store.getState().lines).toEqual([]);
    store.getState().runLine('setup', { source: 'ui' });
    finish();
    await ctl.whenIdle();
    expect(store.getState().lines).toEqual(['setup', 'mine']);
    expect(store.getState().busy).toBe(false);
  });

  it('drops pasted lines not yet run on Ctrl-C', async () => {
    const { ctl, store } = setup();
    ctl.input('one\rtwo\rthree\r');
    ctl.input('\x03');
    await ctl.whenIdle();
    expect(store.getState().lines).toEqual(['one', '\u0003']);
  });

  it('sends Ctrl-C as a control line without remembering it', () => {
    const { ctl, store, text } = setup();
    ctl.input('abc\x03');
    expect(store.getState().lines).toEqual(['\u0003']);
    expect(store.getState().history).toEqual([]);
    expect(text()).toContain('H# abc^C\nH# ');
  });

  it('completes with Tab and clears the screen with Ctrl-L', () => {
    const { ctl, store, text } = setup();
    ctl.input('docker net\t');
    expect(text().endsWith('H# docker network ')).toBe(true);
    ctl.input('\x0c');
    expect(store.getState().transcript).toEqual([]);
    expect(text()).toBe('H# docker network ');
  });

  it('colours errors of failed commands', () => {
    const store = createLabStore({ storage: null });
    let raw = '';
    const ctl = new ConsoleController({ cols: 80, write: (d) => (raw += d), clear: () => (raw = '') }, store, '');
    ctl.input('fail\r');
    expect(raw).toContain('\x1b[31mnope');
  });
});
