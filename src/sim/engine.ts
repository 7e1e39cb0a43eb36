// The simulated Excel host: runs queued batches atomically, enforces limits, injects faults,
// records statistics and delivers worksheet events.
import { formatRect, parseAddress, type Rect } from "./address";
import { jsonBytes } from "../core/json-bytes";
import type { SimRequestContext } from "./context";
import type { EngineHooks, EventRegistration, QueuedOp, SyncState } from "./engine-types";
import { Codes, MESSAGE_CELL_EDIT, SimOfficeError, officeError } from "./errors";
import type { HostProfile } from "./hosts";
import { type ChangeRecord, WorkbookModel } from "./model";
import { valueType } from "./values";

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

  failSync(nth: number, code: string, message?: string): void {
    const fault: ScheduledFault = { atSync: this.syncs + nth, code };
    if (message !== undefined) fault.message = message;
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

  /** Executes one sync's operations: all of them or, on any error, none. */
  async execute(ops: QueuedOp[]): Promise<void> {
    await new Promise((r) => setTimeout(r, this.options.latencyMs));
    this.syncs++;
    const index = this.syncs;
    for (const b of this.beforeSync.filter((x) => x.atSync === index)) b.apply();
    this.beforeSync = this.beforeSync.filter((x) => x.atSync !== index);
    const bytes = ops.length === 0 ? 0 : jsonBytes(ops.map((o) => [o.location, o.payload]));
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
    for (const [i, op] of ops.entries()) {
      point = this.model.savepoint();
      if (partial && fault && i === Math.floor(ops.length / 2)) abort(faultError(fault));
      try {
        if (!op.isWrite) this.model.recalcIfDirty();
        op.run(state);
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
