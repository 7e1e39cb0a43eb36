// Types shared by the request engine and the proxy objects (kept apart to avoid import cycles).
import type { WorkbookModel } from "./model";

/** State of one sync while its queued operations run. */
export interface SyncState {
  model: WorkbookModel;
  /** Run after the whole batch succeeded: publish loaded values, resolve ClientResults. */
  after: Array<() => void>;
  /** Run if the batch fails: undo client-side bindings made during it. */
  onFail: Array<() => void>;
  /** Bytes of data the response would carry back (loaded values), for the response limit. */
  responseBytes: number;
}

/** One queued operation, the unit Office JS sends to Excel at sync. */
export interface QueuedOp {
  /** "Range.values", "WorksheetCollection.add", ... (becomes debugInfo.errorLocation). */
  location: string;
  /** A readable statement for debugInfo.statement. */
  statement: string;
  /** Data sent with the operation: its JSON size counts toward the request payload limit. */
  payload: unknown;
  isWrite: boolean;
  /**
   * Applies the operation. Large ones return their work as steps (an iterator): the engine runs
   * them in time slices, yielding to the event loop between slices, and the sync still resolves
   * only after every step was applied.
   */
  run(state: SyncState): void | Iterator<unknown, void>;
}

/** What the proxies need from the engine. */
export interface EngineHooks {
  readonly model: WorkbookModel;
  /** Highest ExcelApi minor version of the host profile (1.x). */
  readonly apiVersion: number;
  execute(ops: QueuedOp[]): Promise<void>;
  addEventHandler(reg: EventRegistration): void;
  removeEventHandler(reg: EventRegistration): void;
  eventsEnabled: boolean;
  noteCalculationSuspended(): void;
}

export interface EventRegistration {
  id: number;
  /** Sheet id, or "*" for workbook-level (worksheets.onChanged). */
  scope: string;
  event: "onChanged" | "onActivated" | "onSelectionChanged" | "onAdded" | "onDeleted";
  handler: (args: unknown) => unknown;
}
