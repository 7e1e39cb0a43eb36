/**
 * Starts the parse worker (src/taskpane/workers/parse.worker.ts). Kept in its own module so the `new URL(..., import.meta.url)`
 * form webpack 5 understands stays in one place; returns null when workers are unavailable
 * (then the pane parses in slices on the UI thread).
 */
import type { FromWorker } from "../core/parse/index";
import type { WorkerLike } from "./logic/parseClient";

/** While set, the worker's final messages (result, cancelled, failed) wait for it; progress does not. */
let held: Promise<void> | null = null;
let holdRequested = false;

/**
 * Holds every parse's outcome (progress still arrives) until the returned function is called.
 * The playground's `?holdParse` flag uses it, so a test can look at a parse in progress, and
 * cancel it, without racing the worker.
 */
export function holdParseResults(): () => void {
  holdRequested = true;
  let release = (): void => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  held = gate;
  return () => {
    if (held === gate) held = null;
    release();
  };
}

/** `worker` with its final messages delayed while a hold is on. */
function withHold(worker: WorkerLike): WorkerLike {
  const addEventListener = (type: "message" | "error", listener: (event: never) => void): void => {
    if (type === "error") {
      worker.addEventListener("error", listener as (event: { message?: string }) => void);
      return;
    }
    const deliver = listener as (event: { data: FromWorker }) => void;
    worker.addEventListener("message", (event) => {
      const gate = held;
      if (gate && event.data.type !== "progress") void gate.then(() => deliver(event));
      else deliver(event);
    });
  };
  return {
    postMessage: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
    addEventListener: addEventListener as WorkerLike["addEventListener"],
  };
}

export function startParseWorker(): WorkerLike | null {
  if (typeof Worker === "undefined") return null;
  try {
    const worker = new Worker(new URL("./workers/parse.worker.ts", import.meta.url)) as unknown as WorkerLike;
    return holdRequested ? withHold(worker) : worker;
  } catch {
    return null;
  }
}
