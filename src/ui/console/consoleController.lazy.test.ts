import { describe, expect, it, vi } from 'vitest';
import type { LineResult, Shell } from '../../cli/types';
import type { World } from '../../engine/world';

// The page loads the CLI on the first key. Here it is not loaded when typing starts: editing
// shows at once, Enter waits for the chunk, and the line runs once, in order.
vi.mock('../../cli/runLine', () => ({
  runLine: (world: World, shell: Shell, line: string): LineResult => ({ world, shell, out: [{ stream: 'out', text: `${line}!\n` }], exitCode: 0, events: [] }),
  complete: (_w: World, _s: Shell, before: string) => (before.endsWith('net') ? ['network'] : []),
}));
vi.mock('../../cli/prompt', () => ({ promptFor: () => 'H# ' }));

const { createLabStore, cliNow } = await import('../../store');
const { ConsoleController } = await import('./consoleController');

const plain = (s: string) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '');

describe('ConsoleController before the CLI has loaded', () => {
  it('edits at once, then runs the submitted lines in order when the CLI arrives', async () => {
    expect(cliNow()).toBeNull();
    const store = createLabStore({ storage: null });
    expect(store.getState().cliReady).toBe(false);
    let screen = '';
    const ctl = new ConsoleController({ cols: 80, write: (d) => (screen += d), clear: () => (screen = '') }, store, '', (f) => queueMicrotask(f));
    ctl.input('one');
    expect(plain(screen)).toContain('H# one');
    ctl.input('\rtwo\rdocker net\t');
    expect(store.getState().lines).toEqual([]);
    await ctl.whenIdle();
    expect(store.getState().cliReady).toBe(true);
    expect(store.getState().lines).toEqual(['one', 'two']);
    const text = plain(screen);
    // (Redraws repeat the prompt in this plain rendering; the order and the single runs matter.)
    expect(text).toMatch(/H# one\none!\n[^]*H# two\ntwo!\n[^]*H# docker network $/);
    expect(text.match(/one!/g)).toHaveLength(1);
  });
});
