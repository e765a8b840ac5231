/**
 * Expected failures are values, not exceptions: an operation returns `Result<T>`.
 * `code` is stable (tests and lessons match on it); `data` carries what the CLI needs to word
 * the message exactly as Docker does. Only `src/cli/format` turns an EngineError into text.
 * `throw` in the engine means a bug.
 */
export interface EngineError {
  readonly code: string;
  readonly data: Readonly<Record<string, string | number | boolean | undefined>>;
}

export type Result<T, E = EngineError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

export function err(code: string, data: EngineError['data'] = {}): Result<never> {
  return { ok: false, error: { code, data } };
}
