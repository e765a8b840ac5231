import { t, type Lang } from '../i18n';
import { SESSION_KEY, parseSaved, sessionSchema, type SavedSession } from './session';
import { readKey, type KV } from './storage';

/**
 * A lab shared as a link: the page's own address with `#lab=` and the session's seed and lines
 * as base64url UTF-8 JSON. A fragment never reaches a server, so sharing needs none; the history
 * (what the teacher typed, including mistakes undone) stays in the teacher's browser.
 */
export const SHARE_PREFIX = '#lab=';

/** A longer link is refused (browsers and chat apps cut long addresses; a hostile one could freeze the tab). */
export const MAX_SHARE_CHARS = 200_000;

export interface SharedLab {
  readonly seed: number;
  readonly lines: readonly string[];
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return null;
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The fragment's payload (without `#lab=`) for a lab; null when it has no lines or would be too long to share. */
export function encodeShare(lab: SharedLab): string | null {
  if (lab.lines.length === 0) return null;
  const payload = toBase64Url(JSON.stringify({ v: 1, seed: lab.seed, lines: lab.lines }));
  return payload.length + SHARE_PREFIX.length > MAX_SHARE_CHARS ? null : payload;
}

/** The page's address (no query, no fragment: works on any path) with the lab in its fragment. */
export function shareUrl(href: string, lab: SharedLab): string | null {
  const payload = encodeShare(lab);
  if (payload === null) return null;
  const u = new URL(href);
  u.search = '';
  u.hash = '';
  return `${u.href}${SHARE_PREFIX}${payload}`;
}

/** The lab in a fragment (`#lab=…` or the payload alone); null when it is not a valid shared lab. */
export function decodeShare(fragment: string): SharedLab | null {
  const payload = fragment.startsWith(SHARE_PREFIX) ? fragment.slice(SHARE_PREFIX.length) : fragment;
  if (payload.length === 0 || payload.length + SHARE_PREFIX.length > MAX_SHARE_CHARS) return null;
  const text = fromBase64Url(payload);
  if (text === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const r = sessionSchema.safeParse(data);
  if (!r.success || r.data.lines.length === 0) return null;
  return { seed: r.data.seed, lines: r.data.lines };
}

export type ShareOutcome = { readonly kind: 'none' } | { readonly kind: 'invalid' } | { readonly kind: 'kept' } | { readonly kind: 'opened'; readonly lines: number };

/**
 * Opens the lab in a page's fragment, before the store is created: the shared session is written
 * where the saved one lives, so the normal restore replays it. A saved session with other lines is
 * only replaced when `ask` says yes. `storage` null: nothing can be saved (the caller gets the
 * session to hand to the store in `session`).
 */
export function openSharedLink(
  hash: string,
  storage: KV | null,
  ask: (question: string) => boolean,
  lang: Lang,
): ShareOutcome & { session?: string } {
  if (!hash.startsWith(SHARE_PREFIX)) return { kind: 'none' };
  const shared = decodeShare(hash);
  if (!shared) return { kind: 'invalid' };
  const saved = parseSaved(readKey(storage, SESSION_KEY));
  const current: SavedSession | null = saved === 'corrupt' ? null : saved;
  const same = current !== null && current.seed === shared.seed && current.lines.length === shared.lines.length && current.lines.every((l, i) => l === shared.lines[i]);
  if (current && current.lines.length > 0 && !same && !ask(t(lang, 'share.replace.confirm', { n: current.lines.length, m: shared.lines.length }))) {
    return { kind: 'kept' };
  }
  const history = current?.history ?? current?.lines;
  const session = JSON.stringify({ v: 1, seed: shared.seed, lines: shared.lines, ...(history && history.length ? { history } : {}) });
  try {
    storage?.setItem(SESSION_KEY, session);
  } catch {
    // storage full or refused: the caller hands the session to the store directly
  }
  return { kind: 'opened', lines: shared.lines.length, session };
}
