import { describe, expect, it } from 'vitest';
import { MemoryStorage } from './memoryStorage.testutil';
import { SESSION_KEY } from './session';

// The CLI is not loaded when the store is created: a saved session is replayed when it arrives.
const { createLabStore } = await import('./labStore');
const { cliNow, loadCli } = await import('./cliPort');

describe('lab store before the CLI has loaded', () => {
  it('starts on the saved seed and history, then replays the saved lines', async () => {
    expect(cliNow()).toBeNull();
    const storage = new MemoryStorage();
    storage.setItem(SESSION_KEY, JSON.stringify({ v: 1, seed: 7, lines: ['docker run -d --name web nginx'], history: ['docker ps'] }));
    const store = createLabStore({ storage });
    expect(store.getState().seed).toBe(7);
    expect(store.getState().history).toEqual(['docker ps']);
    expect(store.getState().lines).toEqual([]);
    await loadCli();
    await Promise.resolve();
    const s = store.getState();
    expect(s.lines).toEqual(['docker run -d --name web nginx']);
    expect([...s.world.docker.containerNames.keys()]).toEqual(['web']);
    expect(s.notice?.key).toBe('session-restored');
    // Nothing was lost by waiting: the save still holds the lines.
    expect(JSON.parse(storage.getItem(SESSION_KEY) ?? '{}').lines).toEqual(['docker run -d --name web nginx']);
  });

  it('runs a line pressed before the CLI arrived once it has', async () => {
    const store = createLabStore({ storage: null });
    store.getState().runLine('docker network ls', { source: 'ui' });
    await store.getState().prepare();
    await Promise.resolve();
    expect(store.getState().lines).toEqual(['docker network ls']);
  });
});
