/** The two calls of localStorage the lab uses; tests pass an in-memory one. */
export type KV = Pick<Storage, 'getItem' | 'setItem'>;

/** The browser's localStorage, or null where there is none or touching it throws (Safari private mode, sandboxed iframes). */
export function browserStorage(): KV | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** A key's value, or null when absent or when storage refuses to read. */
export function readKey(kv: KV | null, key: string): string | null {
  try {
    return kv?.getItem(key) ?? null;
  } catch {
    return null;
  }
}
