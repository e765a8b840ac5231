// zod/mini: the same validation at a fraction of the bundle (the page's budget is 250 KiB gzip).
import { z } from 'zod/mini';
import type { World } from '../engine/world';
import type { LabData, Prefs } from './types';

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

/** ^C and ^P^Q reach the CLI as control characters; the console shows them differently. */
export function isControl(line: string): boolean {
  return /^[\u0000-\u001f]/.test(line);
}

/** How many lines a saved text would replay (0 when absent or unreadable): the page preloads the CLI for them. */
export function savedLineCount(text: string | null): number {
  const saved = parseSaved(text);
  return saved && saved !== 'corrupt' ? saved.lines.length : 0;
}
