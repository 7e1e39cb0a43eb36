// Excel.RequestContext: queues operations from proxies and sends them at sync().
// https://learn.microsoft.com/en-us/javascript/api/excel/excel.requestcontext
import type { ClientObjectBase, LoadOption } from "./base";
import type { EngineHooks, QueuedOp } from "./engine-types";
import { Codes, officeError } from "./errors";
import { RuntimeProxy, WorkbookProxy, type ApplicationProxy } from "./workbook";

/** OfficeExtension.TrackedObjects. */
export class TrackedObjects {
  private readonly objects = new Set<ClientObjectBase>();
  add(obj: ClientObjectBase | ClientObjectBase[]): void {
    for (const o of Array.isArray(obj) ? obj : [obj]) this.objects.add(o);
  }
  remove(obj: ClientObjectBase | ClientObjectBase[]): void {
    for (const o of Array.isArray(obj) ? obj : [obj]) this.objects.delete(o);
  }
  has(obj: ClientObjectBase): boolean {
    return this.objects.has(obj);
  }
}

export class SimRequestContext {
  readonly workbook: WorkbookProxy;
  readonly runtime: RuntimeProxy;
  readonly trackedObjects = new TrackedObjects();
  /** @internal */
  readonly _engine: EngineHooks;
  /** @internal */
  _ops: QueuedOp[] = [];
  /** @internal Set when the Excel.run batch that owned this context has finished. */
  _closed = false;
  private readonly _traces: string[] = [];

  constructor(engine: EngineHooks) {
    this._engine = engine;
    this.workbook = new WorkbookProxy(this);
    this.runtime = new RuntimeProxy(this);
  }

  get application(): ApplicationProxy {
    return this.workbook.application;
  }

  /** @internal Called by proxies. Objects used after their Excel.run ended fail like Office JS (InvalidObjectPath) unless tracked. */
  _enqueue(op: QueuedOp, obj: ClientObjectBase | undefined): void {
    if (this._closed && (!obj || !this.trackedObjects.has(obj))) {
      this._ops.push({
        ...op,
        run: () => {
          throw officeError(Codes.invalidObjectPath, op.location);
        },
      });
      return;
    }
    this._ops.push(op);
  }

  /** Queues `obj.load(option)`. */
  load<T extends ClientObjectBase>(obj: T, option?: LoadOption): T {
    obj.load(option);
    return obj;
  }

  trace(message: string): void {
    this._traces.push(message);
  }

  /** Sends the queued operations; rejects with OfficeExtension.Error when any fails (none applied). */
  async sync<T>(passThroughValue?: T): Promise<T> {
    const ops = this._ops;
    this._ops = [];
    await this._engine.execute(ops);
    return passThroughValue as T;
  }
}
