// Proxy-object machinery shared by every simulated Excel class: load/sync, PropertyNotLoaded,
// *OrNullObject, ClientResult and queued writes.
// https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model
import { jsonBytes } from "../core/json-bytes";
import { Codes, officeError, propertyNotLoaded } from "./errors";
import type { QueuedOp, SyncState } from "./engine-types";
import type { SimRequestContext } from "./context";
import type { WorkbookModel } from "./model";

export type LoadOption =
  | string
  | string[]
  | { select?: string | string[]; expand?: string | string[]; top?: number; skip?: number }
  | Record<string, unknown>;

/** Turns every accepted `load()` argument into a list of "a/b/c" paths (empty list = all scalars). */
export function loadPaths(option: LoadOption | undefined): string[] {
  if (option === undefined) return [];
  if (typeof option === "string")
    return option
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(option)) return option.flatMap((o) => loadPaths(o));
  if ("select" in option || "expand" in option) {
    const sel = option.select as string | string[] | undefined;
    const exp = option.expand as string | string[] | undefined;
    return [...loadPaths(sel), ...loadPaths(exp)];
  }
  const out: string[] = [];
  const walk = (obj: Record<string, unknown>, prefix: string): void => {
    for (const [k, v] of Object.entries(obj)) {
      if (k === "$all" || k === "$top" || k === "$skip") continue;
      if (v === true) out.push(prefix + k);
      else if (v && typeof v === "object") walk(v as Record<string, unknown>, `${prefix}${k}/`);
    }
  };
  walk(option as Record<string, unknown>, "");
  return out;
}

/** Base of every simulated proxy object (OfficeExtension.ClientObject). */
export abstract class ClientObjectBase {
  /** The request context this proxy belongs to. */
  readonly context: SimRequestContext;
  /** @internal Loaded property values, published at sync. */
  _loaded = new Map<string, unknown>();
  /** @internal undefined until a sync tells whether an *OrNullObject exists. */
  _isNull: boolean | undefined;
  /** @internal True for proxies obtained from *OrNullObject methods. */
  readonly _nullable: boolean;
  abstract readonly _type: string;

  constructor(context: SimRequestContext, nullable = false) {
    this.context = context;
    this._nullable = nullable;
  }

  /** Scalar properties `load()` with no argument loads. */
  protected abstract _scalarNames(): readonly string[];
  /** Reads one scalar property from the model (at sync). Throws officeError if the object is gone. */
  protected abstract _readScalar(name: string, state: SyncState): unknown;
  /** Navigation properties that can appear in load paths ("format" in "format/fill/color"). */
  protected _navigation(_name: string): ClientObjectBase | undefined {
    return undefined;
  }
  /** Throws ItemNotFound (or returns false for null objects) when the object does not exist. */
  protected abstract _exists(state: SyncState): boolean;

  /** @internal Reads a loaded property or throws PropertyNotLoaded (OfficeExtension.Error). */
  protected _get<T>(name: string): T {
    if (!this._loaded.has(name)) throw propertyNotLoaded(this._type, name);
    return this._loaded.get(name) as T;
  }

  /** isNullObject: readable after the sync that followed the *OrNullObject call. */
  get isNullObject(): boolean {
    if (this._isNull === undefined) {
      if (!this._nullable) return false;
      throw propertyNotLoaded(this._type, "isNullObject");
    }
    return this._isNull;
  }

  /** @internal Queues an operation on this object's context. */
  _queue(op: QueuedOp): void {
    this.context._enqueue(op, this);
  }

  /** @internal Queues a write; `apply` runs at sync inside the transaction. */
  protected _write(
    member: string,
    payload: unknown,
    apply: (state: SyncState) => void | Iterator<unknown, void>,
    statement?: string,
  ): void {
    const location = `${this._type}.${member}`;
    this._queue({ location, statement: statement ?? `${location}(...)`, payload, isWrite: true, run: apply });
  }

  /** @internal Fails with ApiNotFound at sync when the host profile lacks ExcelApi 1.`minor`. */
  protected _requires(minor: number, member: string): void {
    if (this.context._engine.apiVersion < minor) {
      const location = `${this._type}.${member}`;
      this._queue({
        location,
        statement: location,
        payload: null,
        isWrite: false,
        run: () => {
          throw officeError(Codes.apiNotFound, location, `(requires ExcelApi 1.${minor})`);
        },
      });
    }
  }

  /** @internal For *OrNullObject proxies: queue the existence check that sets isNullObject. */
  _queueNullCheck(member: string): void {
    this._queue({
      location: `${this._type}.${member}`,
      statement: member,
      payload: null,
      isWrite: false,
      run: (state) => {
        const exists = this._exists(state);
        state.after.push(() => {
          this._isNull = !exists;
        });
      },
    });
  }

  /** Queues loading of properties; values are readable after `context.sync()`. */
  load(option?: LoadOption): this {
    const paths = loadPaths(option);
    this._queue({
      location: `${this._type}.load`,
      statement: `${this._type}.load(${JSON.stringify(paths)})`,
      payload: paths,
      isWrite: false,
      run: (state) => this._loadSteps(paths, state),
    });
    return this;
  }

  /** @internal A load as the engine runs it; proxies with large values return steps (see QueuedOp.run). */
  protected _loadSteps(paths: string[], state: SyncState): void | Iterator<unknown, void> {
    this._loadNow(paths, state);
  }

  /** @internal Computes the requested values now and publishes them when the batch commits. */
  _loadNow(paths: string[], state: SyncState): void {
    if (this._nullable) {
      const exists = this._exists(state);
      state.after.push(() => {
        this._isNull = !exists;
      });
      if (!exists) {
        // Properties of a null object load as null.
        const names = paths.length ? paths.filter((p) => !p.includes("/")) : this._scalarNames();
        state.after.push(() => {
          for (const n of names) this._loaded.set(n, null);
        });
        return;
      }
    } else if (!this._exists(state)) {
      throw officeError(Codes.itemNotFound, `${this._type}.load`);
    }
    const scalars: string[] = [];
    const nested = new Map<string, string[]>();
    for (const p of paths.length ? paths : this._scalarNames()) {
      const slash = p.indexOf("/");
      if (slash < 0) {
        if (this._navigation(p)) nested.set(p, [...(nested.get(p) ?? [])]);
        else scalars.push(p);
      } else {
        const head = p.slice(0, slash);
        nested.set(head, [...(nested.get(head) ?? []), p.slice(slash + 1)]);
      }
    }
    const values = new Map<string, unknown>();
    for (const name of scalars) {
      if (!this._scalarNames().includes(name)) {
        throw officeError(
          Codes.invalidArgument,
          `${this._type}.load`,
          `The property '${name}' does not exist on ${this._type}.`,
        );
      }
      const v = this._readScalar(name, state);
      values.set(name, v);
      state.responseBytes += (typeof v === "object" && v !== null ? measuredBytes.get(v) : undefined) ?? jsonBytes(v);
    }
    for (const [head, rest] of nested) {
      const child = this._navigation(head);
      if (!child)
        throw officeError(
          Codes.invalidArgument,
          `${this._type}.load`,
          `'${head}' is not a navigation property of ${this._type}.`,
        );
      child._loadNow(rest, state);
    }
    state.after.push(() => {
      for (const [k, v] of values) this._loaded.set(k, v);
    });
  }

  /** Sets several properties at once (the `set()` method of every Excel object). */
  set(properties: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(properties)) {
      const target = this as unknown as Record<string, unknown>;
      if (v && typeof v === "object" && !Array.isArray(v)) {
        const child = this._navigation(k);
        if (child) {
          child.set(v as Record<string, unknown>);
          continue;
        }
      }
      target[k] = v;
    }
  }

  /** Plain object of the loaded properties (what JSON.stringify prints in real Office JS). */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }

  /** Present for API fidelity: the simulator never invalidates objects across syncs. */
  track(): this {
    this.context.trackedObjects.add(this);
    return this;
  }
  untrack(): this {
    this.context.trackedObjects.remove(this);
    return this;
  }
}

/** OfficeExtension.ClientResult: `.value` is readable after the sync that computes it. */
export class ClientResult<T> {
  private _has = false;
  private _value: T | undefined;
  get value(): T {
    if (!this._has) {
      throw officeError(
        Codes.valueNotLoaded,
        "ClientResult.value",
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
      );
    }
    return this._value as T;
  }
  /** @internal */
  _set(v: T): void {
    this._value = v;
    this._has = true;
  }
}

/** JSON sizes of loaded values already counted while they were read in steps. */
const measuredBytes = new WeakMap<object, number>();

/** Records the JSON size of a loaded value, so loading it does not measure it again. */
export function rememberBytes(value: object, bytes: number): void {
  measuredBytes.set(value, bytes);
}

/** Queues an operation that produces a ClientResult. */
export function queueResult<T>(
  obj: ClientObjectBase,
  member: string,
  compute: (state: SyncState) => T,
): ClientResult<T> {
  const result = new ClientResult<T>();
  obj._queue({
    location: `${obj._type}.${member}`,
    statement: `${obj._type}.${member}()`,
    payload: null,
    isWrite: false,
    run: (state) => {
      const v = compute(state);
      state.responseBytes += jsonBytes(v);
      state.after.push(() => result._set(v));
    },
  });
  return result;
}

/** Base of collection proxies: `items` after load, loading item properties through "items/x" or "x". */
export abstract class CollectionBase<T extends ClientObjectBase> extends ClientObjectBase {
  protected _scalarNames(): readonly string[] {
    return [];
  }
  protected _readScalar(name: string, state: SyncState): unknown {
    if (name === "count") return this._list(state).length;
    throw officeError(Codes.invalidArgument, `${this._type}.load`);
  }
  protected _exists(): boolean {
    return true;
  }
  /** Current members, as fresh proxies bound by id. */
  protected abstract _list(state: SyncState): T[];

  get items(): T[] {
    return this._get<T[]>("items");
  }

  override _loadNow(paths: string[], state: SyncState): void {
    const own: string[] = [];
    const itemPaths: string[] = [];
    for (const p of paths) {
      if (p === "items") continue;
      if (p.startsWith("items/")) itemPaths.push(p.slice(6));
      else if (this._collectionScalars().includes(p)) own.push(p);
      else itemPaths.push(p);
    }
    const items = this._list(state);
    for (const item of items) item._loadNow(itemPaths, state);
    const ownValues = own.map((p) => [p, this._readScalar(p, state)] as const);
    state.after.push(() => {
      this._loaded.set("items", items);
      for (const [k, v] of ownValues) this._loaded.set(k, v);
    });
  }

  /** Scalar properties of the collection itself (e.g. "count" on table rows). */
  protected _collectionScalars(): readonly string[] {
    return [];
  }

  /** Number of items (ClientResult). */
  getCount(): ClientResult<number> {
    return queueResult(this, "getCount", (state) => this._list(state).length);
  }
}

/**
 * A collection with a loadable `count` property besides `getCount()`, as the Excel API documents
 * for tables, table columns and rows, charts and chart series
 * (https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-count-member).
 * The count is the number of listed items unless a subclass reads it otherwise.
 */
export abstract class CountedCollectionBase<T extends ClientObjectBase> extends CollectionBase<T> {
  protected override _collectionScalars(): readonly string[] {
    return ["count"];
  }
  get count(): number {
    return this._get("count");
  }
}

/** Helper for subclasses: the model from a sync state. */
export function modelOf(state: SyncState): WorkbookModel {
  return state.model;
}
