/**
 * Messages between the task pane and `src/taskpane/workers/parse.worker.ts`. Plain data only
 * (structured clone). One request per `id`; the worker answers with progress messages, then
 * exactly one `result`, `cancelled` or `failed`.
 */
import type { FormatName, ParseResult } from "./types";

export interface ParseRequest {
  type: "parse";
  id: number;
  text: string;
  format?: FormatName;
  /** Rows per slice (default 2,000). */
  chunkRows?: number;
}

export interface CancelRequest {
  type: "cancel";
  id: number;
}

export type ToWorker = ParseRequest | CancelRequest;

export interface ProgressMessage {
  type: "progress";
  id: number;
  done: number;
  total: number;
}

export interface ResultMessage {
  type: "result";
  id: number;
  result: ParseResult;
}

export interface CancelledMessage {
  type: "cancelled";
  id: number;
}

/** An unexpected exception in the worker (a bug); parse problems come as issues in `result`. */
export interface FailedMessage {
  type: "failed";
  id: number;
  message: string;
}

export type FromWorker = ProgressMessage | ResultMessage | CancelledMessage | FailedMessage;

/** Minimal view of a worker scope, so the handler is testable without a real Worker. */
export interface WorkerPort {
  postMessage(message: FromWorker): void;
}
