/**
 * The pane's one client of the parse Web Worker (`../workers/parse.worker.ts`, protocol in
 * core/parse/worker-protocol.ts): one request, progress messages, then a result, a cancellation
 * or a failure. The worker is injected, so this is tested with a fake; without a worker (or if it
 * cannot start) parsing runs in slices on this thread.
 */
import {
  parseInChunks,
  type FormatName,
  type FromWorker,
  type ParseResult,
  type ToWorker,
} from "../../core/parse/index";
import { withHold } from "./parse-hold";

/** The part of a Worker this client uses. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  addEventListener(type: "message", listener: (event: { data: FromWorker }) => void): void;
  /** A worker script that fails to load or throws reports here. */
  addEventListener(type: "error", listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

/**
 * Starts the parse worker; null when workers are unavailable (the pane then parses in slices on
 * the UI thread). webpack 5 bundles the `new Worker(new URL(..., import.meta.url))` form as its own chunk.
 */
export function startParseWorker(): WorkerLike | null {
  if (typeof Worker === "undefined") return null;
  try {
    return withHold(new Worker(new URL("../workers/parse.worker.ts", import.meta.url)) as unknown as WorkerLike);
  } catch {
    return null;
  }
}

/** Thrown when the worker itself broke (not a parse problem): the caller may parse on this thread instead. */
export class WorkerBrokenError extends Error {}

export interface ParseJob {
  /** Resolves with the result, or null when cancelled; rejects when the worker failed. */
  promise: Promise<ParseResult | null>;
  cancel(): void;
}

let nextId = 1;

/** Parses `text` in `worker`, reporting progress as a fraction in [0, 1]. */
export function parseInWorker(
  worker: WorkerLike,
  text: string,
  format: FormatName | undefined,
  onProgress: (fraction: number) => void,
): ParseJob {
  const id = nextId++;
  let settle: ((value: ParseResult | null) => void) | null = null;
  let reject: ((error: Error) => void) | null = null;
  const promise = new Promise<ParseResult | null>((res, rej) => {
    settle = res;
    reject = rej;
  });
  worker.addEventListener("message", (event) => {
    const message = event.data;
    if (message.id !== id) return;
    if (message.type === "progress") onProgress(message.total === 0 ? 1 : message.done / message.total);
    else if (message.type === "result") settle?.(message.result);
    else if (message.type === "cancelled") settle?.(null);
    else reject?.(new Error(`The parser stopped unexpectedly: ${message.message}`));
  });
  worker.addEventListener("error", (event) =>
    reject?.(new WorkerBrokenError(event.message ?? "The parse worker could not start.")),
  );
  worker.postMessage({ type: "parse", id, text, ...(format ? { format } : {}) });
  return { promise, cancel: () => worker.postMessage({ type: "cancel", id }) };
}

/** The same on this thread, yielding between slices (fallback when no worker is available). */
export function parseHere(
  text: string,
  format: FormatName | undefined,
  onProgress: (fraction: number) => void,
): ParseJob {
  const signal = { aborted: false };
  const promise = parseInChunks(text, {
    ...(format ? { format } : {}),
    signal,
    onProgress: (done, total) => onProgress(total === 0 ? 1 : done / total),
  });
  return { promise, cancel: () => (signal.aborted = true) };
}
