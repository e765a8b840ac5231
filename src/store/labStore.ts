import { createStore, type StoreApi } from 'zustand/vanilla';
import { createWorld } from '../engine/createWorld';
import type { EngineEvent } from '../engine/events';
import type { Hop } from '../engine/packet/types';
import {
  HISTORY_LIMIT,
  PREFS_KEY,
  SESSION_KEY,
  TRANSCRIPT_LIMIT,
  UNDO_LIMIT,
  parsePrefs,
  parseSaved,
  sessionSchema,
  toSaved,
  type SavedSession,
} from './session';
import { cliNow, loadCli } from './cliPort';
import { browserStorage, readKey, type KV } from './storage';
import type { Cli } from './replay';
import type { LabData, LabState, Notice, NoticeKey, PacketTrace, Prefs, TranscriptEntry } from './types';

/**
 * The one store: an adapter between the console/graph/panels and the pure CLI + engine. It keeps
 * the current World, the undo stacks, what the console printed, and the UI's selection; it saves
 * the session (seed + lines) after every change and rebuilds it by replay on start.
 */

export type LabStore = StoreApi<LabState>;

export interface LabStoreOptions {
  readonly seed?: number;
  /** Where the session is saved; defaults to localStorage when there is one. Pass null for none. */
  readonly storage?: KV | null;
  readonly prefs?: Prefs;
}

/** A first visit follows the browser's language: Chinese for any zh-* preference, else English. */
export function browserLang(): Prefs['lang'] {
  const langs = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return langs.find((l) => /^(zh|en)\b/i.test(l))?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

const DEFAULT_PREFS: Prefs = { theme: 'light', lang: browserLang() };

function freshData(seed: number, prefs: Prefs, notice: Notice | null): LabData {
  return {
    seed,
    world: createWorld(seed),
    shell: { at: 'host' },
    lines: [],
    past: [],
    future: [],
    transcript: [],
    transcriptEpoch: 0,
    nextSeq: 1,
    history: [],
    selection: null,
    lastPacket: null,
    lastEvents: [],
    notice,
    prefs,
    focus: null,
    cliReady: cliNow() !== null,
    busy: false,
  };
}

/** The same walk twice (ping -c 3) is shown once: summaries differ by sequence number only. */
const walkKey = (hops: readonly Hop[]) => JSON.stringify(hops, (k, v: unknown) => (k === 'summary' ? undefined : v));
/** At most this many different walks per line are animated one after the other. */
const MAX_WALKS = 4;

/**
 * What the picture animates for a line: each different walk its packets took, in order (a name
 * lookup, then the connection it was for), as one journey; delivered is the last shown packet's fate.
 */
function lastPacketOf(events: readonly EngineEvent[], seq: number): PacketTrace | null {
  const seen = new Set<string>();
  const hops: Hop[] = [];
  let delivered = true;
  for (const e of events) {
    if (e.type !== 'packet' || e.hops.length === 0) continue;
    const key = walkKey(e.hops);
    if (seen.has(key) || seen.size >= MAX_WALKS) continue;
    seen.add(key);
    hops.push(...e.hops);
    delivered = e.delivered;
  }
  return hops.length ? { seq, hops, delivered } : null;
}

/** Replays a saved session into data, or a fresh host with a notice when replay throws. */
function replayed(cli: Cli, saved: SavedSession, seed: number, prefs: Prefs): LabData {
  try {
    const r = cli.replay(saved);
    const notice: Notice | null = r.lines.length ? { key: 'session-restored', detail: String(r.lines.length), seq: 1 } : null;
    return { ...freshData(saved.seed, prefs, notice), ...r };
  } catch (e) {
    return freshData(seed, prefs, { key: 'session-corrupt', detail: e instanceof Error ? e.message : String(e), seq: 1 });
  }
}

/**
 * Builds the initial data from a saved session. Lines need the CLI: when it is not loaded yet the
 * store starts on the saved seed and replays as soon as it arrives (`later`).
 */
function restore(text: string | null, seed: number, prefs: Prefs): { data: LabData; later: SavedSession | null } {
  const saved = parseSaved(text);
  if (saved === null) return { data: freshData(seed, prefs, null), later: null };
  if (saved === 'corrupt') return { data: freshData(seed, prefs, { key: 'session-corrupt', seq: 1 }), later: null };
  const history = (saved.history ?? saved.lines).slice(-HISTORY_LIMIT);
  if (saved.lines.length === 0) return { data: { ...freshData(saved.seed, prefs, null), history }, later: null };
  const cli = cliNow();
  if (cli) return { data: replayed(cli, saved, seed, prefs), later: null };
  return { data: { ...freshData(saved.seed, prefs, null), history }, later: saved };
}

/** A failed fetch has already put up a notice. */
const ignore = () => undefined;

export function createLabStore(opts: LabStoreOptions = {}): LabStore {
  const storage = opts.storage === undefined ? browserStorage() : opts.storage;
  const seed = opts.seed ?? 1;
  const prefs = opts.prefs ?? parsePrefs(readKey(storage, PREFS_KEY), DEFAULT_PREFS);
  const { data: initial, later } = restore(readKey(storage, SESSION_KEY), seed, prefs);
  let pending = later;
  /** Whole-lab changes under way (hold): typed lines wait for them. */
  const holds = new Set<Promise<void>>();
  const restorePending = (cli: Cli) => {
    const saved = pending;
    pending = null;
    const s = store.getState();
    if (!saved || s.world !== initial.world || s.lines.length) return;
    store.setState({ ...replayed(cli, saved, seed, s.prefs), transcriptEpoch: s.transcriptEpoch + 1, focus: s.focus, history: s.history, cliReady: true, busy: s.busy });
  };

  const store = createStore<LabState>()((set, get) => {
    const notify = (key: NoticeKey, detail?: string): Notice => ({ key, seq: (get().notice?.seq ?? 0) + 1, ...(detail ? { detail } : {}) });
    const note = (text: string): TranscriptEntry => {
      const s = get();
      return { seq: s.nextSeq, kind: 'note', prompt: '', echo: '', out: [{ stream: 'out', text: `${text}\n` }], exitCode: 0, source: 'ui' };
    };
    const append = (t: readonly TranscriptEntry[], e: TranscriptEntry) => (t.length >= TRANSCRIPT_LIMIT ? [...t.slice(1 - TRANSCRIPT_LIMIT), e] : [...t, e]);

    return {
      ...initial,

      prepare() {
        return loadCli().then(
          (cli) => {
            restorePending(cli);
            if (!get().cliReady) set({ cliReady: true });
          },
          (e: unknown) => {
            set({ notice: notify('chunk-failed') });
            throw e;
          },
        );
      },

      notify(key, detail) {
        set({ notice: notify(key, detail) });
      },

      hold(work) {
        const held = work.then(ignore, ignore).then(() => {
          holds.delete(held);
          if (holds.size === 0) set({ busy: false });
        });
        holds.add(held);
        if (!get().busy) set({ busy: true });
      },

      ready() {
        return get().prepare().then(() => Promise.all([...holds])).then(ignore);
      },

      runLine(line, o = {}) {
        const cli = cliNow();
        // Before the CLI chunk arrives (a button pressed in the first instant): run it right after.
        if (!cli) return void get().prepare().then(() => get().runLine(line, o), ignore);
        const s = get();
        const r = cli.step(s.world, s.shell, line, s.nextSeq, o.echo ?? line, o.source ?? 'console');
        const remember = o.remember !== false && line.trim() !== '' && s.history[s.history.length - 1] !== line;
        set({
          world: r.world,
          shell: r.shell,
          lines: [...s.lines, line],
          // Undo points only where the student changed something: `docker ps` is not a step back.
          past: r.changed ? [...s.past, { world: s.world, shell: s.shell, lineCount: s.lines.length, label: line }].slice(-UNDO_LIMIT) : s.past,
          future: r.changed ? [] : s.future,
          transcript: r.clear ? [] : append(s.transcript, r.entry),
          transcriptEpoch: r.clear ? s.transcriptEpoch + 1 : s.transcriptEpoch,
          nextSeq: s.nextSeq + 1,
          history: remember ? [...s.history, line].slice(-HISTORY_LIMIT) : s.history,
          lastEvents: r.result.events,
          lastPacket: lastPacketOf(r.result.events, s.nextSeq) ?? s.lastPacket,
        });
      },

      undo() {
        const s = get();
        const prev = s.past[s.past.length - 1];
        if (!prev) return set({ notice: notify('nothing-to-undo') });
        set({
          world: prev.world,
          shell: prev.shell,
          lines: s.lines.slice(0, prev.lineCount),
          past: s.past.slice(0, -1),
          future: [...s.future, { world: s.world, shell: s.shell, lines: s.lines, label: prev.label }],
          transcript: append(s.transcript, note(`↶ undo: ${prev.label}`)),
          nextSeq: s.nextSeq + 1,
          lastEvents: [],
        });
      },

      redo() {
        const s = get();
        const next = s.future[s.future.length - 1];
        if (!next) return set({ notice: notify('nothing-to-redo') });
        set({
          world: next.world,
          shell: next.shell,
          lines: next.lines,
          past: [...s.past, { world: s.world, shell: s.shell, lineCount: s.lines.length, label: next.label }],
          future: s.future.slice(0, -1),
          transcript: append(s.transcript, note(`↷ redo: ${next.label}`)),
          nextSeq: s.nextSeq + 1,
          lastEvents: [],
        });
      },

      reset(newSeed) {
        const s = get();
        set({ ...freshData(newSeed ?? s.seed, s.prefs, null), transcriptEpoch: s.transcriptEpoch + 1, nextSeq: s.nextSeq, history: s.history, focus: s.focus, busy: s.busy });
      },

      select(id) {
        if (get().selection !== id) set({ selection: id });
      },

      load(data) {
        const parsed = sessionSchema.safeParse(data);
        const s = get();
        if (!parsed.success) {
          set({ notice: notify('load-failed') });
          return false;
        }
        const cli = cliNow();
        if (!cli) {
          void get().prepare().then(() => get().load(parsed.data), ignore);
          return true;
        }
        try {
          const r = cli.replay(parsed.data);
          set({ ...freshData(r.seed, s.prefs, null), ...r, transcriptEpoch: s.transcriptEpoch + 1, focus: s.focus, busy: s.busy });
          return true;
        } catch (e) {
          set({ notice: notify('load-failed', e instanceof Error ? e.message : String(e)) });
          return false;
        }
      },

      clearScreen() {
        const s = get();
        set({ transcript: [], transcriptEpoch: s.transcriptEpoch + 1 });
      },

      dismissNotice() {
        set({ notice: null });
      },

      setFocus(focus) {
        if (get().focus !== focus) set({ focus });
      },

      setPrefs(p) {
        set({ prefs: { ...get().prefs, ...p } });
      },
    };
  });

  // A saved session waiting for the CLI is replayed as soon as it loads (if the fetch fails, on the
  // next try), unless the student already started over (a reset or a load replaced the host).
  if (pending) void store.getState().prepare().catch(ignore);

  // Save after changes that matter for a reload; writing is cheap (a list of short lines).
  store.subscribe((s, prev) => {
    if (!storage) return;
    try {
      if (s.lines !== prev.lines || s.seed !== prev.seed || s.history !== prev.history) storage.setItem(SESSION_KEY, JSON.stringify(toSaved(s)));
      if (s.prefs !== prev.prefs) storage.setItem(PREFS_KEY, JSON.stringify(s.prefs));
    } catch {
      // Quota exceeded or storage disabled: the lab keeps working, only unsaved.
    }
  });
  return store;
}
