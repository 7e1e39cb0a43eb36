/**
 * A hold on parse outcomes, for tests: the playground's `?holdParse` flag turns it on, so a test can
 * look at a parse in progress, and cancel it, without racing the worker. Off, workers pass through.
 */
import type { FromWorker } from "../../core/parse/index";
import type { WorkerLike } from "./parse-client";

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

/** `worker` as is, or, once a hold was asked for, with its final messages delayed while a hold is on. */
export function withHold(worker: WorkerLike): WorkerLike {
  if (!holdRequested) return worker;
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
