import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from './memoryStorage.testutil';
import type { LineResult, Shell } from '../cli/types';
import type { World } from '../engine/world';
import type { EngineEvent } from '../engine/events';
import type { NetnsId } from '../engine/ids';
import type { Hop } from '../engine/packet/types';
import { createContainer, pullImage } from '../engine/docker/create';
import { startContainer } from '../engine/docker/lifecycle';

// The store is an adapter over the CLI; a small fake CLI built on engine operations keeps these
// tests about the store (undo points, replay, persistence) and independent of command wording.
vi.mock('../cli/runLine', () => {
  const runLine = (world: World, shell: Shell, line: string): LineResult => {
    const w = { ...world, clock: world.clock + 1000 };
    const [cmd, arg = ''] = line.split(' ');
    const done = (extra: Partial<LineResult> = {}): LineResult => ({ world: w, shell, out: [], exitCode: 0, events: [], ...extra });
    if (cmd === 'run') {
      const p = pullImage(w, 'redis');
      if (!p.ok) throw new Error('pull');
      const c = createContainer(p.value.world, { image: 'redis', cmd: [], env: [], network: '', aliases: [], links: [], publish: [], publishAll: false, expose: [], autoRemove: false, tty: false, openStdin: false, name: arg });
      if (!c.ok) return done({ out: [{ stream: 'err', text: `conflict ${arg}\n` }], exitCode: 125 });
      const s = startContainer(c.value.world, c.value.id);
      if (!s.ok) throw new Error('start');
      return { world: s.value.world, shell, out: [{ stream: 'out', text: `${c.value.id}\n` }], exitCode: 0, events: [...c.value.events, ...s.value.events] };
    }
    if (cmd === 'enter') return done({ shell: { at: 'laptop' } });
    if (cmd === 'clear') return done({ clear: true });
    if (cmd === 'boom') throw new Error('kaboom');
    if (cmd === 'packets') {
      // ping -c 3 after a name lookup: the lookup's walk, then three walks that differ in summary only.
      const walk = (what: string, n: number): Hop[] => [{ kind: 'send', netns: (what === 'dns' ? 'c1' : 'host') as NetnsId, summary: `${what} ${n}` }, { kind: 'reply', summary: `${what} reply ${n}` }];
      const events = [walk('dns', 1), walk('icmp', 1), walk('icmp', 2), walk('icmp', 3)].map((hops, i): EngineEvent => ({ type: 'packet', hops, delivered: i !== 1 }));
      return done({ events });
    }
    return done({ out: [{ stream: 'out', text: `${line}\n` }] });
  };
  const promptFor = (_w: World, shell: Shell) => (shell.at === 'laptop' ? 'student@laptop:~$ ' : 'root@docker-host:~# ');
  return { runLine, promptFor, complete: () => [] };
});

const { createLabStore } = await import('./labStore');
await (await import('./cliPort')).loadCli();
const { SESSION_KEY, PREFS_KEY } = await import('./session');

const names = (w: World) => [...w.docker.containerNames.keys()].sort();

describe('lab store', () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    storage = new MemoryStorage();
  });

  it('animates each different walk of a line once, in order', () => {
    const store = createLabStore({ storage });
    store.getState().runLine('packets');
    const p = store.getState().lastPacket;
    expect(p?.hops.map((h) => (h.kind === 'send' ? h.summary : h.kind))).toEqual(['dns 1', 'reply', 'icmp 1', 'reply']);
    expect(p?.delivered).toBe(false);
  });

  it('runs lines, records transcript and history, and makes undo points only for changes', () => {
    const store = createLabStore({ storage });
    store.getState().runLine('ps');
    expect(store.getState().past).toHaveLength(0);
    store.getState().runLine('run web');
    const s = store.getState();
    expect(names(s.world)).toEqual(['web']);
    expect(s.past).toHaveLength(1);
    expect(s.history).toEqual(['ps', 'run web']);
    expect(s.transcript.map((e) => e.echo)).toEqual(['ps', 'run web']);
    expect(s.transcript[0]?.prompt).toBe('root@docker-host:~# ');
    expect(s.lastEvents.some((e) => e.type === 'container-started')).toBe(true);
  });

  it('undoes and redoes, keeping the lines in step with the world', () => {
    const store = createLabStore({ storage });
    const { runLine } = store.getState();
    runLine('run a1');
    runLine('ps');
    runLine('run b1');
    store.getState().undo();
    expect(names(store.getState().world)).toEqual(['a1']);
    expect(store.getState().lines).toEqual(['run a1', 'ps']);
    store.getState().undo();
    expect(names(store.getState().world)).toEqual([]);
    expect(store.getState().lines).toEqual([]);
    store.getState().redo();
    store.getState().redo();
    expect(names(store.getState().world)).toEqual(['a1', 'b1']);
    expect(store.getState().lines).toEqual(['run a1', 'ps', 'run b1']);
    store.getState().redo();
    expect(store.getState().notice?.key).toBe('nothing-to-redo');
    // A new change after an undo drops the redo stack.
    store.getState().undo();
    store.getState().runLine('run c1');
    expect(store.getState().future).toHaveLength(0);
    expect(store.getState().transcript.some((e) => e.kind === 'note')).toBe(true);
  });

  it('saves seed and lines, and a new store replays them to the same world', () => {
    const a = createLabStore({ storage, seed: 42 });
    a.getState().runLine('run web');
    a.getState().runLine('enter');
    const saved = JSON.parse(storage.getItem(SESSION_KEY) ?? 'null');
    expect(saved).toEqual({ v: 1, seed: 42, lines: ['run web', 'enter'], history: ['run web', 'enter'] });
    const b = createLabStore({ storage });
    expect(b.getState().seed).toBe(42);
    expect(b.getState().world.docker.containerNames.get('web')).toBe(a.getState().world.docker.containerNames.get('web'));
    expect(b.getState().shell).toEqual({ at: 'laptop' });
    expect(b.getState().notice?.key).toBe('session-restored');
    expect(b.getState().past).toHaveLength(1);
  });

  it('starts fresh with a notice when the saved session is corrupt', () => {
    storage.setItem(SESSION_KEY, '{"v":1,"seed":"x"');
    const store = createLabStore({ storage });
    expect(store.getState().notice?.key).toBe('session-corrupt');
    expect(store.getState().lines).toEqual([]);
    storage.setItem(SESSION_KEY, JSON.stringify({ v: 1, seed: 1, lines: [42] }));
    expect(createLabStore({ storage }).getState().notice?.key).toBe('session-corrupt');
  });

  it('shows a CLI bug as an error line and keeps the world', () => {
    const store = createLabStore({ storage });
    const before = store.getState().world;
    store.getState().runLine('boom');
    const e = store.getState().transcript[0];
    expect(e?.out[0]?.stream).toBe('err');
    expect(e?.out[0]?.text).toContain('kaboom');
    expect(store.getState().world).toBe(before);
  });

  it('clears the transcript on clear, and reset starts a new world', () => {
    const store = createLabStore({ storage });
    store.getState().runLine('run web');
    const epoch = store.getState().transcriptEpoch;
    store.getState().runLine('clear');
    expect(store.getState().transcript).toEqual([]);
    expect(store.getState().transcriptEpoch).toBe(epoch + 1);
    store.getState().reset();
    expect(names(store.getState().world)).toEqual([]);
    expect(store.getState().past).toEqual([]);
    expect(store.getState().history).toContain('run web');
  });

  it('loads a session given as data and rejects a bad one', () => {
    const store = createLabStore({ storage });
    expect(store.getState().load({ v: 1, seed: 3, lines: ['run x1', 'run y1'] })).toBe(true);
    expect(names(store.getState().world)).toEqual(['x1', 'y1']);
    expect(store.getState().load({ nope: true })).toBe(false);
    expect(store.getState().notice?.key).toBe('load-failed');
    expect(names(store.getState().world)).toEqual(['x1', 'y1']);
  });

  it('does not remember control keys in history, and saves preferences', () => {
    const store = createLabStore({ storage });
    store.getState().runLine('\u0003', { echo: 'half typed', remember: false });
    expect(store.getState().history).toEqual([]);
    expect(store.getState().transcript[0]?.echo).toBe('half typed');
    store.getState().setPrefs({ theme: 'dark' });
    expect(JSON.parse(storage.getItem(PREFS_KEY) ?? '{}')).toEqual({ theme: 'dark', lang: 'en' });
    expect(createLabStore({ storage }).getState().prefs.theme).toBe('dark');
  });

  it('keeps selection', () => {
    const store = createLabStore({ storage: null });
    store.getState().select('host');
    expect(store.getState().selection).toBe('host');
  });
});
