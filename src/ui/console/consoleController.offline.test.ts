import { describe, expect, it, vi } from 'vitest';

// The CLI's chunk cannot be fetched (offline, or the page was redeployed under the student).
vi.mock('../../store/replay', () => {
  throw new Error('Failed to fetch dynamically imported module');
});
vi.mock('../../cli/prompt', () => ({ promptFor: () => 'H# ' }));

const { createLabStore } = await import('../../store');
const { ConsoleController } = await import('./consoleController');

const plain = (s: string) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '');

describe('ConsoleController when the CLI cannot be loaded', () => {
  it('says so, keeps the typed line, and keeps editing', async () => {
    const store = createLabStore({ storage: null });
    let screen = '';
    const ctl = new ConsoleController({ cols: 120, write: (d) => (screen += d), clear: () => (screen = '') }, store, '', (f) => queueMicrotask(f));
    ctl.input('ls\r');
    await ctl.whenIdle();
    expect(plain(screen)).toContain('lab: the command line could not be loaded');
    expect(store.getState().notice?.key).toBe('chunk-failed');
    ctl.input('x');
    expect(plain(screen).endsWith('H# lsx')).toBe(true);
    // Enter tries again (and fails again here): still no freeze.
    ctl.input('\r');
    await ctl.whenIdle();
    expect(plain(screen).match(/could not be loaded/g)).toHaveLength(2);
    expect(store.getState().lines).toEqual([]);
  });
});
