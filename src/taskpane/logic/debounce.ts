/**
 * A debouncer that also lets the pane ignore change events caused by its own writes (marks,
 * fixes, imports), so revalidation never loops. Timers are injected for tests.
 */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Debouncer {
  /** Schedules `fn` after the quiet period, restarting the wait. Ignored while muted. */
  trigger(): void;
  /** Ignore triggers until `unmute`, e.g. while the pane writes to the sheet. */
  mute(): void;
  unmute(): void;
  cancel(): void;
  readonly pending: boolean;
}

/** Calls `fn` once `ms` milliseconds after the last trigger (default 400 ms). */
export function createDebouncer(fn: () => void, ms = 400, timers: Timers = realTimers): Debouncer {
  let handle: unknown = null;
  let muted = 0;
  return {
    trigger() {
      if (muted > 0) return;
      if (handle !== null) timers.clear(handle);
      handle = timers.set(() => {
        handle = null;
        fn();
      }, ms);
    },
    mute() {
      muted++;
    },
    unmute() {
      muted = Math.max(0, muted - 1);
    },
    cancel() {
      if (handle !== null) timers.clear(handle);
      handle = null;
    },
    get pending() {
      return handle !== null;
    },
  };
}
