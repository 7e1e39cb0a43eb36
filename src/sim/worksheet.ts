// Excel.Worksheet, WorksheetCollection, protection, freeze panes and the onChanged event.
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets
// One class per documented Office JS object (https://learn.microsoft.com/javascript/api/excel), so
// the repeated constructor, `_scalarNames`/`_readScalar`, property getters and `_navigation` are
// the API's own surface mirrored member by member, not copied logic; what they share is in base.ts.
import { MAX_COLS, MAX_ROWS, parseAddress } from "./address";
import { ClientObjectBase, CollectionBase, type ClientResult, queueResult } from "./base";
import { ChartCollectionProxy } from "./chart";
import type { SimRequestContext } from "./context";
import type { EventRegistration, SyncState } from "./engine-types";
import { Codes, officeError } from "./errors";
import type { SheetModel } from "./model";
import { PageLayoutProxy } from "./page-layout";
import { RangeProxy, locateAddress } from "./range";
import { TableCollectionProxy } from "./table";

export type SheetLocator = (state: SyncState) => SheetModel | null;

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/;

/** Excel's rules for sheet names; throws InvalidArgument / ItemAlreadyExists. */
export function checkSheetName(state: SyncState, name: string, self: SheetModel | undefined, location: string): void {
  if (
    typeof name !== "string" ||
    name.trim() === "" ||
    name.length > 31 ||
    INVALID_SHEET_CHARS.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'")
  ) {
    throw officeError(Codes.invalidArgument, location, `'${String(name)}' is not a valid worksheet name.`);
  }
  const other = state.model.sheetByName(name);
  if (other && other !== self)
    throw officeError(Codes.itemAlreadyExists, location, `A worksheet named '${name}' already exists.`);
}

let eventIds = 0;

/** Excel.EventHandlers<T>: `add` registers at the next sync and returns an EventHandlerResult. */
export class EventProxy {
  constructor(
    private readonly _owner: ClientObjectBase,
    private readonly _event: EventRegistration["event"],
    private readonly _scope: (state: SyncState) => string,
    private readonly _minor: number,
  ) {}
  add(handler: (args: never) => Promise<unknown> | unknown): EventHandlerResultProxy {
    const ctx = this._owner.context;
    const reg: EventRegistration = {
      id: ++eventIds,
      scope: "",
      event: this._event,
      handler: handler as (args: unknown) => unknown,
    };
    if (ctx._engine.apiVersion < this._minor) {
      this._owner._queue({
        location: `${this._owner._type}.${this._event}`,
        statement: `${this._event}.add(handler)`,
        payload: null,
        isWrite: false,
        run: () => {
          throw officeError(
            Codes.apiNotFound,
            `${this._owner._type}.${this._event}`,
            `(requires ExcelApi 1.${this._minor})`,
          );
        },
      });
    }
    this._owner._queue({
      location: `${this._owner._type}.${this._event}.add`,
      statement: `${this._event}.add(handler)`,
      payload: null,
      isWrite: false,
      run: (state) => {
        reg.scope = this._scope(state);
        state.after.push(() => ctx._engine.addEventHandler(reg));
      },
    });
    return new EventHandlerResultProxy(ctx, reg);
  }
}

/** OfficeExtension.EventHandlerResult. */
export class EventHandlerResultProxy {
  constructor(
    readonly context: SimRequestContext,
    private readonly _reg: EventRegistration,
  ) {}
  remove(): void {
    this.context._enqueue(
      {
        location: "EventHandlerResult.remove",
        statement: "handler.remove()",
        payload: null,
        isWrite: false,
        run: (state) => {
          state.after.push(() => this.context._engine.removeEventHandler(this._reg));
        },
      },
      undefined,
    );
  }
}

/** Excel.Worksheet, bound to the sheet's id on first resolution (renames don't break it). */
export class WorksheetProxy extends ClientObjectBase {
  readonly _type = "Worksheet";
  private _boundId: string | undefined;
  private _tables: TableCollectionProxy | undefined;
  private _charts: ChartCollectionProxy | undefined;
  private _protection: WorksheetProtectionProxy | undefined;
  private _freeze: WorksheetFreezePanesProxy | undefined;
  private _pageLayout: PageLayoutProxy | undefined;

  constructor(
    context: SimRequestContext,
    private readonly _locate: SheetLocator,
    nullable = false,
  ) {
    super(context, nullable);
  }

  /** @internal */
  _sheet(state: SyncState): SheetModel {
    if (this._boundId) {
      const s = state.model.sheetById(this._boundId);
      if (!s) throw officeError(Codes.itemNotFound, "Worksheet", "The worksheet was deleted.");
      return s;
    }
    const s = this._locate(state);
    if (!s) throw officeError(Codes.itemNotFound, "Worksheet", "The requested worksheet doesn't exist.");
    this._boundId = s.id;
    state.onFail.push(() => {
      this._boundId = undefined;
    });
    return s;
  }
  protected _exists(state: SyncState): boolean {
    if (!this._nullable || this._boundId) {
      this._sheet(state);
      return true;
    }
    const s = this._locate(state);
    if (s) this._sheet(state);
    return s !== null;
  }
  protected _scalarNames(): readonly string[] {
    return ["id", "name", "position", "visibility", "tabColor", "standardWidth", "showGridlines"];
  }
  protected _readScalar(name: string, state: SyncState): unknown {
    const s = this._sheet(state);
    switch (name) {
      case "id":
        return s.id;
      case "name":
        return s.name;
      case "position":
        return state.model.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
      case "tabColor":
        return s.tabColor;
      case "standardWidth":
        return 8.43;
      default:
        return true;
    }
  }
  protected override _navigation(name: string): ClientObjectBase | undefined {
    if (name === "tables") return this.tables;
    if (name === "charts") return this.charts;
    if (name === "protection") return this.protection;
    return undefined;
  }

  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._write(
      "name",
      v,
      (state) => {
        const s = this._sheet(state);
        checkSheetName(state, v, s, "Worksheet.name");
        state.model.set(s, "name", v);
      },
      `worksheet.name = ${JSON.stringify(v)};`,
    );
  }
  get position(): number {
    return this._get("position");
  }
  set position(v: number) {
    this._write("position", v, (state) => {
      const s = this._sheet(state);
      if (!Number.isInteger(v) || v < 0 || v >= state.model.sheets.length)
        throw officeError(Codes.invalidArgument, "Worksheet.position");
      state.model.removeItem(state.model.sheets, s);
      state.model.insertAt(state.model.sheets, v, s);
    });
  }
  get visibility(): string {
    return this._get("visibility");
  }
  set visibility(v: string) {
    this._write("visibility", v, (state) => {
      const s = this._sheet(state);
      if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden")
        throw officeError(Codes.invalidArgument, "Worksheet.visibility");
      if (v !== "Visible" && state.model.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0) {
        throw officeError(
          Codes.invalidOperation,
          "Worksheet.visibility",
          "A workbook must contain at least one visible worksheet.",
        );
      }
      state.model.set(s, "visibility", v);
    });
  }
  get tabColor(): string {
    return this._get("tabColor");
  }
  set tabColor(v: string) {
    this._write("tabColor", v, (state) => state.model.set(this._sheet(state), "tabColor", v));
  }

  get tables(): TableCollectionProxy {
    this._tables ??= new TableCollectionProxy(this.context, this);
    return this._tables;
  }
  get charts(): ChartCollectionProxy {
    this._charts ??= new ChartCollectionProxy(this.context, this);
    return this._charts;
  }
  get protection(): WorksheetProtectionProxy {
    this._protection ??= new WorksheetProtectionProxy(this.context, this);
    return this._protection;
  }
  /** Print settings (ExcelApi 1.9). */
  get pageLayout(): PageLayoutProxy {
    this._pageLayout ??= new PageLayoutProxy(this.context, this);
    return this._pageLayout;
  }
  get freezePanes(): WorksheetFreezePanesProxy {
    this._freeze ??= new WorksheetFreezePanesProxy(this.context, this);
    return this._freeze;
  }
  /** Fires after a sync or user/co-author edit changes cells on this sheet (ExcelApi 1.7). */
  get onChanged(): EventProxy {
    return new EventProxy(this, "onChanged", (state) => this._sheet(state).id, 7);
  }

  /** The range at `address` (whole sheet when omitted). */
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, (state) => {
      const sheet = this._sheet(state);
      if (address === undefined || address === "")
        return { sheet, rect: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } };
      const named = state.model.names.find((n) => n.name.toLowerCase() === address.toLowerCase());
      if (named) {
        const target = state.model.nameTarget(named);
        if (target) return target;
      }
      const parsed = parseAddress(address);
      if (parsed?.sheet !== undefined && state.model.sheetByName(parsed.sheet) !== sheet) {
        throw officeError(Codes.invalidArgument, "Worksheet.getRange", "The address refers to another worksheet.");
      }
      return locateAddress(state, sheet, address, "Worksheet.getRange");
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    this._requires(7, "getRangeByIndexes");
    return new RangeProxy(this.context, (state) => {
      const sheet = this._sheet(state);
      const rect = { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 };
      if (rowCount < 1 || columnCount < 1 || rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS) {
        throw officeError(Codes.invalidArgument, "Worksheet.getRangeByIndexes");
      }
      return { sheet, rect };
    });
  }
  getCell(row: number, column: number): RangeProxy {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  /** Used range; on a blank sheet this is A1 (documented behaviour). */
  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, (state) => {
      const sheet = this._sheet(state);
      return { sheet, rect: state.model.usedRect(sheet, valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    const p = new RangeProxy(
      this.context,
      (state) => {
        const sheet = this._sheet(state);
        const rect = state.model.usedRect(sheet, valuesOnly);
        return rect ? { sheet, rect } : null;
      },
      true,
    );
    p._queueNullCheck("getUsedRangeOrNullObject");
    return p;
  }
  activate(): void {
    this._write(
      "activate",
      null,
      (state) => {
        const s = this._sheet(state);
        if (s.visibility !== "Visible")
          throw officeError(Codes.invalidOperation, "Worksheet.activate", "A hidden worksheet can't be activated.");
        state.model.set(state.model, "activeSheetId", s.id);
      },
      "worksheet.activate();",
    );
  }
  delete(): void {
    this._write(
      "delete",
      null,
      (state) => {
        const s = this._sheet(state);
        const m = state.model;
        if (m.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0) {
          throw officeError(
            Codes.invalidOperation,
            "Worksheet.delete",
            "A workbook must contain at least one visible worksheet.",
          );
        }
        for (const t of m.tablesOn(s.id)) m.removeItem(m.tables, t);
        m.removeItem(m.sheets, s);
        if (m.activeSheetId === s.id)
          m.set(m, "activeSheetId", m.sheets.find((x) => x.visibility === "Visible")?.id ?? "");
      },
      "worksheet.delete();",
    );
  }
  /** Recalculates formulas (the simulator always calculates fully). */
  calculate(_markAllDirty = false): void {
    this._write("calculate", null, (state) => state.model.recalculate());
  }
}

/** Excel.WorksheetCollection. */
export class WorksheetCollectionProxy extends CollectionBase<WorksheetProxy> {
  readonly _type = "WorksheetCollection";
  protected _list(state: SyncState): WorksheetProxy[] {
    return state.model.sheets.map((s) => {
      const p = new WorksheetProxy(this.context, (st) => st.model.sheetById(s.id) ?? null);
      return p;
    });
  }
  private _byKey(key: string): SheetLocator {
    return (state) => state.model.sheetById(key) ?? state.model.sheetByName(key) ?? null;
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, this._byKey(key));
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    const p = new WorksheetProxy(this.context, this._byKey(key), true);
    p._queueNullCheck("getItemOrNullObject");
    return p;
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, (state) => state.model.sheetById(state.model.activeSheetId) ?? null);
  }
  getFirst(visibleOnly = false): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      (state) => state.model.sheets.find((s) => !visibleOnly || s.visibility === "Visible") ?? null,
    );
  }
  getLast(visibleOnly = false): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      (state) => [...state.model.sheets].reverse().find((s) => !visibleOnly || s.visibility === "Visible") ?? null,
    );
  }
  /** Adds a worksheet (default name "SheetN"); ItemAlreadyExists when the name is taken. */
  add(name?: string): WorksheetProxy {
    let created: string | undefined;
    this._write(
      "add",
      name ?? null,
      (state) => {
        let n = name;
        if (n === undefined) {
          let i = state.model.sheets.length + 1;
          while (state.model.sheetByName(`Sheet${i}`)) i++;
          n = `Sheet${i}`;
        }
        checkSheetName(state, n, undefined, "WorksheetCollection.add");
        created = state.model.addSheet(n).id;
      },
      `worksheets.add(${JSON.stringify(name ?? "")});`,
    );
    return new WorksheetProxy(this.context, (state) => (created ? (state.model.sheetById(created) ?? null) : null));
  }
  /** Fires for changes on any sheet (ExcelApi 1.9). */
  get onChanged(): EventProxy {
    return new EventProxy(this, "onChanged", () => "*", 9);
  }
  /**
   * Fires when any sheet is activated (ExcelApi 1.7), with `{type: "WorksheetActivated", worksheetId}`.
   * https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-onactivated-member
   */
  get onActivated(): EventProxy {
    return new EventProxy(this, "onActivated", () => "*", 7);
  }
  /**
   * Fires when the selection changes on any sheet (ExcelApi 1.9), with
   * `{type: "WorksheetSelectionChanged", address, worksheetId}`.
   * https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-onselectionchanged-member
   */
  get onSelectionChanged(): EventProxy {
    return new EventProxy(this, "onSelectionChanged", () => "*", 9);
  }
  override getCount(visibleOnly = false): ClientResult<number> {
    return queueResult(
      this,
      "getCount",
      (state) => state.model.sheets.filter((s) => !visibleOnly || s.visibility === "Visible").length,
    );
  }
}

/** Excel.WorksheetProtection. */
export class WorksheetProtectionProxy extends ClientObjectBase {
  readonly _type = "WorksheetProtection";
  constructor(
    context: SimRequestContext,
    private readonly _ws: WorksheetProxy,
  ) {
    super(context);
  }
  protected _exists(state: SyncState): boolean {
    this._ws._sheet(state);
    return true;
  }
  protected _scalarNames(): readonly string[] {
    return ["protected", "options"];
  }
  protected _readScalar(name: string, state: SyncState): unknown {
    const s = this._ws._sheet(state);
    return name === "protected" ? s.protected : {};
  }
  get protected(): boolean {
    return this._get("protected");
  }
  get options(): Record<string, unknown> {
    return this._get("options");
  }
  /** Protects the sheet; fails if it is already protected (documented). */
  protect(_options?: Record<string, unknown>, password?: string): void {
    this._requires(2, "protect");
    this._write(
      "protect",
      null,
      (state) => {
        const s = this._ws._sheet(state);
        if (s.protected)
          throw officeError(
            Codes.invalidOperation,
            "WorksheetProtection.protect",
            "The worksheet is already protected.",
          );
        state.model.set(s, "protected", true);
        if (password !== undefined) state.model.set(s, "password", password);
      },
      "worksheet.protection.protect();",
    );
  }
  unprotect(password?: string): void {
    this._write(
      "unprotect",
      null,
      (state) => {
        const s = this._ws._sheet(state);
        if (s.password !== undefined && s.password !== password)
          throw officeError(Codes.invalidArgument, "WorksheetProtection.unprotect", "The password is incorrect.");
        state.model.set(s, "protected", false);
        state.model.set(s, "password", undefined);
      },
      "worksheet.protection.unprotect();",
    );
  }
}

/** Excel.WorksheetFreezePanes. */
export class WorksheetFreezePanesProxy extends ClientObjectBase {
  readonly _type = "WorksheetFreezePanes";
  constructor(
    context: SimRequestContext,
    private readonly _ws: WorksheetProxy,
  ) {
    super(context);
  }
  protected _exists(state: SyncState): boolean {
    this._ws._sheet(state);
    return true;
  }
  protected _scalarNames(): readonly string[] {
    return [];
  }
  protected _readScalar(): unknown {
    return null;
  }
  private _set(member: string, rows: number, cols: number): void {
    this._requires(7, member);
    this._write(member, [rows, cols], (state) => {
      const s = this._ws._sheet(state);
      if (rows < 0 || cols < 0) throw officeError(Codes.invalidArgument, `WorksheetFreezePanes.${member}`);
      state.model.set(s, "freezeRows", rows);
      state.model.set(s, "freezeCols", cols);
    });
  }
  freezeRows(count = 1): void {
    this._set("freezeRows", count, 0);
  }
  freezeColumns(count = 1): void {
    this._set("freezeColumns", 0, count);
  }
  freezeAt(range: RangeProxy | string): void {
    this._requires(7, "freezeAt");
    this._write("freezeAt", null, (state) => {
      const s = this._ws._sheet(state);
      const rect = typeof range === "string" ? parseAddress(range)?.rect : range._ref(state).rect;
      if (!rect) throw officeError(Codes.invalidArgument, "WorksheetFreezePanes.freezeAt");
      state.model.set(s, "freezeRows", rect.r1 + 1);
      state.model.set(s, "freezeCols", rect.c1 + 1);
    });
  }
  unfreeze(): void {
    this._set("unfreeze", 0, 0);
  }
  getLocationOrNullObject(): RangeProxy {
    const p = new RangeProxy(
      this.context,
      (state) => {
        const s = this._ws._sheet(state);
        if (!s.freezeRows && !s.freezeCols) return null;
        return {
          sheet: s,
          rect: { r0: 0, c0: 0, r1: Math.max(0, s.freezeRows - 1), c1: s.freezeCols ? s.freezeCols - 1 : MAX_COLS - 1 },
        };
      },
      true,
    );
    p._queueNullCheck("getLocationOrNullObject");
    return p;
  }
}
