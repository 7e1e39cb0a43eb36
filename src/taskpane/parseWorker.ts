/**
 * Starts the parse worker (src/taskpane/workers/parse.worker.ts). Kept in its own module so the `new URL(..., import.meta.url)`
 * form webpack 5 understands stays in one place; returns null when workers are unavailable
 * (then the pane parses in slices on the UI thread).
 */
import type { WorkerLike } from "./logic/parseClient";

export function startParseWorker(): WorkerLike | null {
  if (typeof Worker === "undefined") return null;
  try {
    return new Worker(new URL("./workers/parse.worker.ts", import.meta.url)) as unknown as WorkerLike;
  } catch {
    return null;
  }
}
