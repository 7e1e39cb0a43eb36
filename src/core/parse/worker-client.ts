/**
 * The pane's side of the parse worker: one promise per request, progress callbacks, cancel.
 * Takes any worker-like object so it is testable without a real Web Worker.
 */
import type { FormatName, ParseResult } from "./types";
import type { FromWorker, ToWorker } from "./worker-protocol";

/** The part of `Worker` the client uses. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
}

export interface ParseJob {
  id: number;
  /** Resolves to the result, or null when cancelled; rejects when the worker failed. */
  done: Promise<ParseResult | null>;
  cancel(): void;
}

export interface ParseClient {
  parse(
    text: string,
    options?: { format?: FormatName; chunkRows?: number; onProgress?: (done: number, total: number) => void },
  ): ParseJob;
}

interface Pending {
  resolve: (r: ParseResult | null) => void;
  reject: (e: Error) => void;
  onProgress?: (done: number, total: number) => void;
}

/** Wraps a worker running `parse.worker.ts`. */
export function createParseClient(worker: WorkerLike): ParseClient {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  worker.onmessage = ({ data }) => {
    const p = pending.get(data.id);
    if (!p) return;
    if (data.type === "progress") {
      p.onProgress?.(data.done, data.total);
      return;
    }
    pending.delete(data.id);
    if (data.type === "result") p.resolve(data.result);
    else if (data.type === "cancelled") p.resolve(null);
    else p.reject(new Error(data.message));
  };
  return {
    parse(text, options = {}) {
      const id = nextId++;
      const done = new Promise<ParseResult | null>((resolve, reject) => {
        pending.set(id, options.onProgress ? { resolve, reject, onProgress: options.onProgress } : { resolve, reject });
      });
      worker.postMessage({
        type: "parse",
        id,
        text,
        ...(options.format ? { format: options.format } : {}),
        ...(options.chunkRows ? { chunkRows: options.chunkRows } : {}),
      });
      return { id, done, cancel: () => worker.postMessage({ type: "cancel", id }) };
    },
  };
}
