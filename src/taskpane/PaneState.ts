import { createContext, useCallback, useContext, useState, type SetStateAction } from "react";

/**
 * State that outlives a tab: App keeps one store per pane, and a tab's hook keeps what the user
 * typed or got (pasted text, a ranking, a half-filled form) there, so switching tabs and coming
 * back shows the same thing.
 */
export type PaneStore = Map<string, unknown>;

export const PaneStoreContext = createContext<PaneStore | null>(null);

/** Announces a sentence to screen readers through App's live region. */
export const AnnounceContext = createContext<(message: string) => void>(() => undefined);

const detached: PaneStore = new Map();

/** Like useState, but the value is kept in the pane's store under `key` and restored on the next mount. */
export function usePaneState<T>(key: string, initial: T | (() => T)): [T, (next: SetStateAction<T>) => void] {
  const store = useContext(PaneStoreContext) ?? detached;
  const [value, setValue] = useState<T>(() => {
    if (store.has(key)) return store.get(key) as T;
    return typeof initial === "function" ? (initial as () => T)() : initial;
  });
  const set = useCallback(
    (next: SetStateAction<T>) => {
      setValue((prev) => {
        const resolved = typeof next === "function" ? (next as (p: T) => T)(prev) : next;
        store.set(key, resolved);
        return resolved;
      });
    },
    [store, key],
  );
  return [value, set];
}

/** The function that puts a sentence into the pane's live region. */
export function useAnnounce(): (message: string) => void {
  return useContext(AnnounceContext);
}

/** Opens another tab of the pane by name (App's tab names). */
export const NavigateContext = createContext<(tab: string) => void>(() => undefined);

/** The function that switches the pane to another tab. */
export function useNavigate(): (tab: string) => void {
  return useContext(NavigateContext);
}

/** Moves keyboard focus to the element with `id` once React has rendered it (the result of an action). */
export function focusResult(id: string): void {
  setTimeout(() => globalThis.document?.getElementById(id)?.focus(), 0);
}
