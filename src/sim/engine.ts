// The simulated Excel host: runs queued batches atomically, enforces limits, injects faults,
// records statistics and delivers worksheet events.
import { formatRect, parseAddress, type Rect } from "./address";
import { jsonBytes } from "../core/json-bytes";
import type { SimRequestContext } from "./context";
import type { EngineHooks, EventRegistration, QueuedOp, SyncState } from "./engine-types";
import { Codes, MESSAGE_CELL_EDIT, SimOfficeError, officeError } from "./errors";
import type { HostProfile } from "./hosts";
import { type ChangeRecord, WorkbookModel } from "./model";
import { valueType } from "./cell-input";

/** One request (sync) as the host saw it. */
export interface RequestStat {
  /** 1-based sync number. */
  index: number;
  /** JSON size of the queued operations (what counts toward the request payload limit). */
  bytes: number;
  /** JSON size of the values loaded back. */
  responseBytes: number;
  operations: number;
  writes: number;
  loads: number;
  ok: boolean;
  errorCode?: string;
}

export interface SimStats {
  /** Number of context.sync() calls that reached the host (including Excel.run's final sync). */
  readonly syncCount: number;
  readonly requests: readonly RequestStat[];
  readonly lastRequest: RequestStat | undefined;
  /** Writes in each sync, in order. */
  readonly writesPerSync: number[];
  readonly totalBytes: number;
  /** How many times suspendApiCalculationUntilNextSync was honoured. */
  readonly calculationSuspensions: number;
  reset(): void;
}

export interface ScheduledFault {
  /** Absolute sync number to fail. */
  atSync: number;
  code: string;
  message?: string;
  /**
   * In "partial" mode, the operation (0-based, in the order queued) the sync fails before, so a
   * test can fail a batch at every point; default: the middle one. Past the last operation, the
   * whole batch applies and the sync still fails.
   */
  atOperation?: number;
}

/** The argument passed to worksheet onChanged handlers (Excel.WorksheetChangedEventArgs). */
export interface SimChangedEventArgs {
  type: "WorksheetChanged";
  worksheetId: string;
  address: string;
  changeType: ChangeRecord["changeType"];
  source: "Local" | "Remote";
  /** ExcelApi 1.14+. */
  triggerSource?: "ThisLocalAddin" | "Unknown";
  /** ExcelApi 1.9+, single-cell changes only. */
  details?: { valueBefore: unknown; valueAfter: unknown; valueTypeBefore: string; valueTypeAfter: string };
  getRange(ctx: SimRequestContext): unknown;
  getRangeOrNullObject(ctx: SimRequestContext): unknown;
}

export interface EngineOptions {
  profile: HostProfile;
  payloadLimitBytes: number;
  latencyMs: number;
  /**
   * "atomic": a failed sync applies none of its operations (what the RunSheet spec asks for).
   * "partial": operations before the failing one stay applied, the worst case an add-in must
   * survive (an injected fault then fails after half of the operations).
   */
  syncSemantics: "atomic" | "partial";
  /** Longest stretch a sync's work runs before yielding to the event loop (ms; default SLICE_MS). */
  sliceMs?: number;
}

export class Engine implements EngineHooks {
  model = new WorkbookModel();
  eventsEnabled = true;
  cellEditMode = false;
  readonly profile: HostProfile;
  readonly options: EngineOptions;
  /** @internal */ syncs = 0;
  /** @internal */ requests: RequestStat[] = [];
  /** @internal */ suspensions = 0;
  /** @internal */ faults: ScheduledFault[] = [];
  /** @internal */ beforeSync: Array<{ atSync: number; apply: () => void }> = [];
  private handlers: EventRegistration[] = [];
  private listeners = new Set<() => void>();
  private pending = new Set<Promise<unknown>>();
  private editWaiters: Array<() => void> = [];
  /** Set while a sync that yielded to the event loop mid-way is still applying; resolves at its end. */
  private applying: Promise<void> | null = null;
  private sliceStart = 0;
  /** Every committed change, for inspection in tests and the playground's event log. */
  readonly changeLog: ChangeRecord[] = [];
  /** Errors thrown by event handlers (Excel swallows them; tests may want to see them). */
  readonly handlerErrors: unknown[] = [];

  constructor(options: EngineOptions) {
    this.options = options;
    this.profile = options.profile;
  }

  get apiVersion(): number {
    return this.profile.excelApi;
  }

  readonly stats: SimStats = new EngineStats(this);

  noteCalculationSuspended(): void {
    this.suspensions++;
  }

  failSync(nth: number, code: string, message?: string, atOperation?: number): void {
    const fault: ScheduledFault = { atSync: this.syncs + nth, code };
    if (message !== undefined) fault.message = message;
    if (atOperation !== undefined) fault.atOperation = atOperation;
    this.faults.push(fault);
  }
  clearFaults(): void {
    this.faults = [];
  }
  pendingFaults(): readonly ScheduledFault[] {
    return this.faults;
  }
  runBeforeSync(nth: number, apply: () => void): void {
    this.beforeSync.push({ atSync: this.syncs + nth, apply });
  }

  setCellEditMode(on: boolean): void {
    this.cellEditMode = on;
    if (!on) {
      const waiters = this.editWaiters;
      this.editWaiters = [];
      for (const w of waiters) w();
    }
  }
  waitForEditModeEnd(): Promise<void> {
    if (!this.cellEditMode) return Promise.resolve();
    return new Promise((resolve) => this.editWaiters.push(resolve));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  notify(): void {
    for (const l of [...this.listeners]) l();
  }

  addEventHandler(reg: EventRegistration): void {
    this.handlers.push(reg);
  }
  removeEventHandler(reg: EventRegistration): void {
    this.handlers = this.handlers.filter((h) => h !== reg);
  }
  /** Forgets every handler (a different workbook means a fresh add-in instance). */
  clearEventHandlers(): void {
    this.handlers = [];
    this.eventsEnabled = true;
  }
  handlerCount(): number {
    return this.handlers.length;
  }

  /** Runs `fn` as one committed change outside any sync (user typing, co-author, loading files). */
  applyExternal(fn: (model: WorkbookModel) => void): void {
    // A sync being applied in slices is still one batch: edits wait until it has finished.
    if (this.applying) {
      void this.applying.then(() => this.applyExternal(fn));
      return;
    }
    const changes = this.model.transact(() => fn(this.model));
    this.afterCommit(changes);
  }

  private afterCommit(changes: ChangeRecord[]): void {
    this.changeLog.push(...changes);
    if (this.changeLog.length > 5000) this.changeLog.splice(0, this.changeLog.length - 5000);
    this.notify();
    this.dispatch(changes);
  }

  /** Resolves when every event handler started so far (and those they caused) has finished. */
  async idle(): Promise<void> {
    for (let i = 0; i < 100 && this.pending.size > 0; i++) {
      await Promise.allSettled([...this.pending]);
      await new Promise((r) => setTimeout(r, 0));
    }
  }

  /**
   * Calls the handlers of a non-change event (`onActivated`, `onSelectionChanged`) registered for
   * the sheet or for every sheet, asynchronously as Excel does.
   */
  fire(event: "onActivated" | "onSelectionChanged", sheetId: string, args: Record<string, unknown>): void {
    if (!this.eventsEnabled) return;
    for (const reg of this.handlers) {
      if (reg.event !== event || (reg.scope !== "*" && reg.scope !== sheetId)) continue;
      const p = new Promise<void>((resolve) => setTimeout(resolve, 0))
        .then(() => reg.handler({ ...args, worksheetId: sheetId }))
        .catch((e: unknown) => {
          this.handlerErrors.push(e);
        })
        .finally(() => this.pending.delete(p));
      this.pending.add(p);
    }
  }

  private dispatch(changes: ChangeRecord[]): void {
    if (!this.eventsEnabled) return;
    for (const change of changes) {
      for (const reg of this.handlers) {
        if (reg.event !== "onChanged" || (reg.scope !== "*" && reg.scope !== change.sheetId)) continue;
        const args = this.eventArgs(change);
        const p = new Promise<void>((resolve) => setTimeout(resolve, 0))
          .then(() => reg.handler(args))
          .catch((e: unknown) => {
            this.handlerErrors.push(e);
          })
          .finally(() => this.pending.delete(p));
        this.pending.add(p);
      }
    }
  }

  private eventArgs(change: ChangeRecord): SimChangedEventArgs {
    const address = formatRect(change.rect);
    const sheetId = change.sheetId;
    const args: SimChangedEventArgs = {
      type: "WorksheetChanged",
      worksheetId: sheetId,
      address,
      changeType: change.changeType,
      source: change.source,
      getRange: (ctx) => ctx.workbook.worksheets.getItem(sheetId).getRange(address),
      getRangeOrNullObject: (ctx) => ctx.workbook.worksheets.getItem(sheetId).getRange(address),
    };
    // triggerSource arrived in ExcelApi 1.14; older hosts don't send it.
    if (this.apiVersion >= 14) args.triggerSource = change.triggerSource;
    // details is only available when a single cell changed (ExcelApi 1.9).
    if (
      this.apiVersion >= 9 &&
      change.rect.r0 === change.rect.r1 &&
      change.rect.c0 === change.rect.c1 &&
      change.changeType === "RangeEdited"
    ) {
      args.details = {
        valueBefore: change.before?.v ?? "",
        valueAfter: change.after?.v ?? "",
        valueTypeBefore: valueType(change.before),
        valueTypeAfter: valueType(change.after),
      };
    }
    return args;
  }

  /**
   * Executes one sync's operations: all of them or, on any error, none. `context.sync()` resolves
   * once the queued commands have been executed and loaded values are available
   * (https://learn.microsoft.com/javascript/api/excel/excel.requestcontext#excel-excel-requestcontext-sync-member(1));
   * how long the host takes, and what the add-in's page does meanwhile, is not part of the
   * contract. So a large batch is applied in time slices (SLICE_MS each) with the event loop free
   * in between, as a remote host leaves the page responsive, and the promise still resolves only
   * after everything was applied. Batches never interleave: the next one, and edits from outside,
   * wait until a sliced one has finished.
   */
  async execute(ops: QueuedOp[]): Promise<void> {
    await new Promise((r) => setTimeout(r, this.options.latencyMs));
    while (this.applying) await this.applying;
    let finish = (): void => undefined;
    const slices = {
      due: () => performance.now() - this.sliceStart >= (this.options.sliceMs ?? SLICE_MS),
      pause: async () => {
        if (!this.applying) this.applying = new Promise<void>((resolve) => (finish = resolve));
        await new Promise((r) => setTimeout(r, 0));
        this.sliceStart = performance.now();
      },
    };
    this.sliceStart = performance.now();
    try {
      await this.executeSliced(ops, slices);
    } finally {
      if (this.applying) {
        this.applying = null;
        finish();
      }
    }
  }

  private async executeSliced(
    ops: QueuedOp[],
    slices: { due: () => boolean; pause: () => Promise<void> },
  ): Promise<void> {
    this.syncs++;
    const index = this.syncs;
    for (const b of this.beforeSync.filter((x) => x.atSync === index)) b.apply();
    this.beforeSync = this.beforeSync.filter((x) => x.atSync !== index);
    let bytes = 0;
    if (ops.length > 0) {
      const counting = requestBytes(ops);
      let next = counting.next();
      for (; !next.done; next = counting.next()) if (slices.due()) await slices.pause();
      bytes = next.value;
    }
    const stat: RequestStat = {
      index,
      bytes,
      responseBytes: 0,
      operations: ops.length,
      writes: ops.filter((o) => o.isWrite).length,
      loads: ops.filter((o) => o.location.endsWith(".load")).length,
      ok: false,
    };
    this.requests.push(stat);
    const fail = (e: SimOfficeError): never => {
      stat.errorCode = e.code;
      throw e;
    };
    const fault = this.faults.find((f) => f.atSync === index);
    if (fault) this.faults = this.faults.filter((f) => f !== fault);
    const faultError = (f: ScheduledFault) =>
      officeError(f.code, "RequestContext.sync", f.message ?? "(injected fault)");
    if (ops.length === 0) {
      if (fault) fail(faultError(fault));
      stat.ok = true;
      return;
    }
    if (this.cellEditMode) {
      // Older builds answer with the generic code; the message still says why (hosts.ts).
      const code = this.profile.cellEditCode;
      const detail = code === Codes.invalidOperation ? MESSAGE_CELL_EDIT : undefined;
      fail(officeError(code, "RequestContext.sync", detail));
    }
    if (bytes > this.options.payloadLimitBytes) {
      fail(
        officeError(
          Codes.requestPayloadSizeLimitExceeded,
          "RequestContext.sync",
          `(${bytes} bytes; limit ${this.options.payloadLimitBytes}).`,
        ),
      );
    }
    const state: SyncState = { model: this.model, after: [], onFail: [], responseBytes: 0 };
    const partial = this.options.syncSemantics === "partial";
    this.model.begin();
    let point = this.model.savepoint();
    const abort = (e: SimOfficeError): never => {
      if (partial) {
        // Keep what ran before the failing operation; loaded values are not delivered.
        this.model.rollbackTo(point);
        this.afterCommit(this.model.commit());
      } else {
        this.model.rollback();
        for (const f of state.onFail) f();
      }
      return fail(e);
    };
    const failAt = fault?.atOperation ?? Math.floor(ops.length / 2);
    for (const [i, op] of ops.entries()) {
      point = this.model.savepoint();
      if (partial && fault && i === failAt) abort(faultError(fault));
      try {
        if (!op.isWrite) this.model.recalcIfDirty();
        const steps = op.run(state);
        if (steps) while (!steps.next().done) if (slices.due()) await slices.pause();
      } catch (e) {
        if (e instanceof SimOfficeError) {
          e.debugInfo.errorLocation ??= op.location;
          e.debugInfo.statement ??= op.statement;
          abort(e);
        }
        const inner = e instanceof Error ? e.message : String(e);
        abort(
          new SimOfficeError(
            Codes.generalException,
            `There was an internal error while processing the request. (${inner})`,
            op.location,
            op.statement,
          ),
        );
      }
    }
    point = this.model.savepoint();
    if (fault) abort(faultError(fault));
    if (state.responseBytes > this.options.payloadLimitBytes) {
      abort(
        officeError(Codes.responsePayloadSizeLimitExceeded, "RequestContext.sync", `(${state.responseBytes} bytes).`),
      );
    }
    stat.responseBytes = state.responseBytes;
    const changes = this.model.commit();
    for (const a of state.after) a();
    stat.ok = true;
    this.afterCommit(changes);
  }
}

/** Longest stretch a sync's work runs before the engine yields to the event loop (ms). */
const SLICE_MS = 40;
/** Rows of a 2-D payload counted between checks of the slice clock. */
const BYTES_ROWS_PER_STEP = 2000;

/**
 * jsonBytes of `[[location, payload], ...]` (the request as sent), counted in steps: a 2-D
 * array payload is counted row by row, so a 4 MB write does not stop the page while it is sized.
 */
export function* requestBytes(ops: readonly QueuedOp[]): Generator<void, number, void> {
  // "[" + "]" around the list, "," between its items.
  let bytes = 2 + ops.length - 1;
  for (const op of ops) {
    const payload = op.payload;
    // Each item is `[location,payload]`.
    bytes += 3 + jsonBytes(op.location);
    if (!Array.isArray(payload) || payload.length < BYTES_ROWS_PER_STEP) {
      bytes += jsonBytes(payload) || 4; // undefined inside an array is written as null
      continue;
    }
    bytes += 2 + payload.length - 1;
    for (let i = 0; i < payload.length; i++) {
      bytes += jsonBytes(payload[i]) || 4;
      if (i % BYTES_ROWS_PER_STEP === BYTES_ROWS_PER_STEP - 1) yield;
    }
  }
  return bytes;
}

/** Resolves "Sheet!A1" style test addresses against the model (throws plain Errors: test helpers). */
export function locate(
  model: WorkbookModel,
  sheetName: string,
  address: string,
): { sheet: NonNullable<ReturnType<WorkbookModel["sheetByName"]>>; rect: Rect } {
  const sheet = model.sheetByName(sheetName);
  if (!sheet) throw new Error(`No worksheet named '${sheetName}'.`);
  const parsed = parseAddress(address);
  if (!parsed) throw new Error(`Invalid address '${address}'.`);
  return { sheet, rect: parsed.rect };
}

/** Live view of an engine's counters. */
class EngineStats implements SimStats {
  constructor(private readonly e: Engine) {}
  get syncCount(): number {
    return this.e.syncs;
  }
  get requests(): readonly RequestStat[] {
    return this.e.requests;
  }
  get lastRequest(): RequestStat | undefined {
    return this.e.requests[this.e.requests.length - 1];
  }
  get writesPerSync(): number[] {
    return this.e.requests.map((r) => r.writes);
  }
  get totalBytes(): number {
    return this.e.requests.reduce((s, r) => s + r.bytes, 0);
  }
  get calculationSuspensions(): number {
    return this.e.suspensions;
  }
  reset(): void {
    this.e.syncs = 0;
    this.e.requests = [];
    this.e.suspensions = 0;
    this.e.faults = [];
    this.e.beforeSync = [];
  }
}
