import { useCallback, useState } from "react";
import { describeError } from "../../../excel/index";

/**
 * The edge where Excel errors are caught: `guard(fn)` runs an async action, turns any throw into
 * a sentence for the ErrorBar, and tracks whether an action is running.
 */
export function useEdgeErrors() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const guard = useCallback(async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (e) {
      setError(describeError(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { error, busy, guard, dismiss: () => setError(null), setError };
}
