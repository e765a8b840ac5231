// zod/mini: the same validation at a fraction of the bundle (the page's budget is 250 KiB gzip).
import { z } from 'zod/mini';
import { createWorld } from '../engine/createWorld';
import { runLine, promptFor } from '../cli/runLine';
import type { Shell } from '../cli/types';
import type { World } from '../engine/world';
import type { LabData, Prefs, Snapshot, TranscriptEntry } from './types';

/**
 * A session is saved as its seed and the lines typed, not as a World: the engine is deterministic,
 * so replaying the lines rebuilds the same World byte for byte, and the saved form stays valid when
 * the World's shape changes between versions of the lab.
 */
export const SESSION_KEY = 'docker-network-lab.session.v1';
export const PREFS_KEY = 'docker-network-lab.prefs.v1';

/** Limits keep a hand-edited or hostile file from freezing the tab. */
const MAX_LINES = 5000;
const MAX_LINE = 4000;
export const HISTORY_LIMIT = 500;
export const UNDO_LIMIT = 200;
export const TRANSCRIPT_LIMIT = 1000;

const line = z.string().check(z.maxLength(MAX_LINE));
export const sessionSchema = z.object({
  v: z.literal(1),
  seed: z.number().check(z.int()),
  lines: z.array(line).check(z.maxLength(MAX_LINES)),
  history: z.optional(z.array(line).check(z.maxLength(HISTORY_LIMIT * 2))),
});
export type SavedSession = z.infer<typeof sessionSchema>;

export const prefsSchema = z.object({
  theme: z.enum(['light', 'dark']),
  lang: z.enum(['en', 'zh-CN']),
});

export function toSaved(d: Pick<LabData, 'seed' | 'lines' | 'history'>): SavedSession {
  return { v: 1, seed: d.seed, lines: [...d.lines], history: [...d.history] };
}

/** Parses saved text; null when it is absent, not JSON, or not a session. */
export function parseSaved(text: string | null): SavedSession | null | 'corrupt' {
  if (text === null) return null;
  try {
    const r = sessionSchema.safeParse(JSON.parse(text));
    return r.success ? r.data : 'corrupt';
  } catch {
    return 'corrupt';
  }
}

export function parsePrefs(text: string | null, fallback: Prefs): Prefs {
  if (text === null) return fallback;
  try {
    const r = prefsSchema.safeParse(JSON.parse(text));
    return r.success ? r.data : fallback;
  } catch {
    return fallback;
  }
}

/** World-changing, for undo: the clock moves on every line, so compare what the student can see. */
export function worldChanged(a: World, b: World): boolean {
  return a.netns !== b.netns || a.ifaces !== b.ifaces || a.docker !== b.docker || a.host !== b.host;
}

export interface Step {
  readonly world: World;
  readonly shell: Shell;
  readonly entry: TranscriptEntry;
  readonly changed: boolean;
  readonly clear: boolean;
  readonly result: ReturnType<typeof runLine>;
}

/**
 * A throw from the CLI is a bug; the console shows it instead of going blank, and the world stays
 * as it was. Replay goes through here too, so a saved session replays to what the student saw.
 */
function safeRunLine(world: World, shell: Shell, line: string): ReturnType<typeof runLine> {
  try {
    return runLine(world, shell, line);
  } catch (e) {
    const text = `lab: internal error: ${e instanceof Error ? e.message : String(e)}\n`;
    return { world, shell, out: [{ stream: 'err', text }], exitCode: 70, events: [] };
  }
}

/** Runs one line through the CLI and describes it as a transcript entry. */
export function step(world: World, shell: Shell, line: string, seq: number, echo: string, source: 'console' | 'ui'): Step {
  const prompt = promptFor(world, shell);
  const result = safeRunLine(world, shell, line);
  return {
    world: result.world,
    shell: result.shell,
    entry: { seq, kind: 'line', prompt, echo, out: result.out, exitCode: result.exitCode, source },
    changed: worldChanged(world, result.world),
    clear: result.clear === true,
    result,
  };
}

/** ^C and ^P^Q reach the CLI as control characters; the console shows them differently. */
export function isControl(line: string): boolean {
  return /^[\u0000-\u001f]/.test(line);
}

/** Replays saved lines into session data. */
export function replay(saved: SavedSession): Pick<LabData, 'seed' | 'world' | 'shell' | 'lines' | 'past' | 'transcript' | 'nextSeq' | 'history'> {
  let world = createWorld(saved.seed);
  let shell: Shell = { at: 'host' };
  const transcript: TranscriptEntry[] = [];
  const past: Snapshot[] = [];
  const lines: string[] = [];
  let seq = 1;
  for (const line of saved.lines) {
    const s = step(world, shell, line, seq++, isControl(line) ? '' : line, 'console');
    if (s.changed) past.push({ world, shell, lineCount: lines.length, label: line });
    lines.push(line);
    world = s.world;
    shell = s.shell;
    if (s.clear) transcript.length = 0;
    else transcript.push(s.entry);
  }
  return {
    seed: saved.seed,
    world,
    shell,
    lines,
    past: past.slice(-UNDO_LIMIT),
    transcript: transcript.slice(-TRANSCRIPT_LIMIT),
    nextSeq: seq,
    history: (saved.history ?? saved.lines).slice(-HISTORY_LIMIT),
  };
}
