/**
 * Errors as values: every fallible function of core returns a Result instead of throwing.
 * Exceptions are reserved for the edges (Excel, CLI, UI).
 */
export type Result<T, I = Problem> = { ok: true; value: T } | { ok: false; issues: I[] };

/** A generic problem with a human sentence and, where possible, the fix. */
export interface Problem {
  code: string;
  message: string;
  fix?: string;
}

/** Wraps a value as a successful Result. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** Wraps one or more issues as a failed Result. */
export function fail<I>(...issues: I[]): { ok: false; issues: I[] } {
  return { ok: false, issues };
}
