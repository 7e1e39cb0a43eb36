// Excel.Workbook, Application, named items, settings and runtime.
// One class per documented Office JS object (https://learn.microsoft.com/javascript/api/excel), so
// the repeated constructor, `_scalarNames`/`_readScalar`, property getters and `_navigation` are
// the API's own surface mirrored member by member, not copied logic; what they share is in base.ts.
import { formatAddress } from "./address";
import { ClientObjectBase, CollectionBase, type ClientResult, queueResult } from "./base";
import type { SimRequestContext } from "./context";
import type { SyncState } from "./engine-types";
import { Codes, officeError } from "./errors";
import { type NamedItemModel, WorkbookModel } from "./model";
import { RangeProxy } from "./range";
import { TableCollectionProxy } from "./table";
import { WorksheetCollectionProxy } from "./worksheet";

/** Excel.Workbook. */
export class WorkbookProxy extends ClientObjectBase {
  readonly _type = "Workbook";
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly settings: SettingCollectionProxy;
  readonly application: ApplicationProxy;
  constructor(context: SimRequestContext) {
    super(context);
    this.worksheets = new WorksheetCollectionProxy(context);
    this.tables = new TableCollectionProxy(context);
    this.names = new NamedItemCollectionProxy(context);
    this.settings = new SettingCollectionProxy(context);
    this.application = new ApplicationProxy(context);
  }
  protected _exists(): boolean {
    return true;
  }
  protected _scalarNames(): readonly string[] {
    return ["name", "readOnly", "isDirty"];
  }
  protected _readScalar(name: string): unknown {
    if (name === "name") return "RunSheet.xlsx";
    return false;
  }
  protected override _navigation(name: string): ClientObjectBase | undefined {
    const nav: Record<string, ClientObjectBase> = {
      worksheets: this.worksheets,
      tables: this.tables,
      names: this.names,
      settings: this.settings,
      application: this.application,
    };
    return nav[name];
  }
  get name(): string {
    return this._get("name");
  }
  get readOnly(): boolean {
    return this._get("readOnly");
  }
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, (state) => {
      const m = state.model;
      const sel = m.selection;
      const sheet = (sel && m.sheetById(sel.sheetId)) ?? m.sheetById(m.activeSheetId);
      if (!sheet) return null;
      return { sheet, rect: sel && sel.sheetId === sheet.id ? sel.rect : { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }
  getActiveCell(): RangeProxy {
    return new RangeProxy(this.context, (state) => {
      const m = state.model;
      const sel = m.selection;
      const sheet = (sel && m.sheetById(sel.sheetId)) ?? m.sheetById(m.activeSheetId);
      if (!sheet) return null;
      const r = sel && sel.sheetId === sheet.id ? sel.rect : { r0: 0, c0: 0, r1: 0, c1: 0 };
      return { sheet, rect: { r0: r.r0, c0: r.c0, r1: r.r0, c1: r.c0 } };
    });
  }
}

/** Excel.Application. */
export class ApplicationProxy extends ClientObjectBase {
  readonly _type = "Application";
  protected _exists(): boolean {
    return true;
  }
  protected _scalarNames(): readonly string[] {
    return ["calculationMode"];
  }
  protected _readScalar(): unknown {
    return "Automatic";
  }
  get calculationMode(): string {
    return this._get("calculationMode");
  }
  /** Recalculation is suspended until the next sync (ExcelApi 1.6); counted in stats. */
  suspendApiCalculationUntilNextSync(): void {
    this._requires(6, "suspendApiCalculationUntilNextSync");
    this._queue({
      location: "Application.suspendApiCalculationUntilNextSync",
      statement: "application.suspendApiCalculationUntilNextSync();",
      payload: null,
      isWrite: false,
      run: (state) => {
        state.model.calcSuspended = true;
        state.after.push(() => this.context._engine.noteCalculationSuspended());
      },
    });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._queue({
      location: "Application.suspendScreenUpdatingUntilNextSync",
      statement: "",
      payload: null,
      isWrite: false,
      run: () => undefined,
    });
  }
  calculate(_calculationType?: string): void {
    this._write("calculate", null, (state) => state.model.recalculate());
  }
}

/** Excel.NamedItemCollection (workbook scope). */
export class NamedItemCollectionProxy extends CollectionBase<NamedItemProxy> {
  readonly _type = "NamedItemCollection";
  protected _list(state: SyncState): NamedItemProxy[] {
    return state.model.names.map((n) => new NamedItemProxy(this.context, () => n.name));
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, () => name);
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    const p = new NamedItemProxy(this.context, () => name, true);
    p._queueNullCheck("getItemOrNullObject");
    return p;
  }
  /** Defines a name for a range or formula (ExcelApi 1.4). */
  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    this._requires(4, "add");
    this._write(
      "add",
      { name, reference: typeof reference === "string" ? reference : "<range>", comment },
      (state) => {
        const m = state.model;
        if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
          throw officeError(Codes.invalidArgument, "NamedItemCollection.add", `'${name}' is not a valid name.`);
        if (m.names.some((n) => n.name.toLowerCase() === name.toLowerCase()) || m.tableByName(name)) {
          throw officeError(Codes.itemAlreadyExists, "NamedItemCollection.add", `The name '${name}' already exists.`);
        }
        let formula: string;
        if (typeof reference === "string") {
          formula = reference.startsWith("=") ? reference : `=${reference}`;
        } else {
          const ref = reference._ref(state);
          formula = WorkbookModel.refFormula(ref.sheet.name, ref.rect);
        }
        m.insertAt(m.names, m.names.length, { name, formula, comment: comment ?? "", visible: true });
      },
      `names.add(${JSON.stringify(name)}, ...);`,
    );
    return new NamedItemProxy(this.context, () => name);
  }
}

/** Excel.NamedItem. */
export class NamedItemProxy extends ClientObjectBase {
  readonly _type = "NamedItem";
  constructor(
    context: SimRequestContext,
    private readonly _name: () => string,
    nullable = false,
  ) {
    super(context, nullable);
  }
  private _item(state: SyncState): NamedItemModel {
    const key = this._name().toLowerCase();
    const n = state.model.names.find((x) => x.name.toLowerCase() === key);
    if (!n) throw officeError(Codes.itemNotFound, "NamedItem", "The requested name doesn't exist.");
    return n;
  }
  protected _exists(state: SyncState): boolean {
    if (!this._nullable) {
      this._item(state);
      return true;
    }
    const key = this._name().toLowerCase();
    return state.model.names.some((x) => x.name.toLowerCase() === key);
  }
  protected _scalarNames(): readonly string[] {
    return ["name", "type", "value", "formula", "comment", "visible"];
  }
  protected _readScalar(name: string, state: SyncState): unknown {
    const n = this._item(state);
    const target = state.model.nameTarget(n);
    switch (name) {
      case "name":
        return n.name;
      case "formula":
        return n.formula;
      case "comment":
        return n.comment;
      case "visible":
        return n.visible;
      case "type":
        return target ? "Range" : "String";
      default:
        return target ? formatAddress(target.sheet.name, target.rect) : n.formula.replace(/^=/, "");
    }
  }
  get name(): string {
    return this._get("name");
  }
  get type(): string {
    return this._get("type");
  }
  get value(): unknown {
    return this._get("value");
  }
  get formula(): string {
    return this._get("formula");
  }
  set formula(v: string) {
    this._write("formula", v, (state) =>
      state.model.set(this._item(state), "formula", v.startsWith("=") ? v : `=${v}`),
    );
  }
  get comment(): string {
    return this._get("comment");
  }
  set comment(v: string) {
    this._write("comment", v, (state) => state.model.set(this._item(state), "comment", v));
  }
  get visible(): boolean {
    return this._get("visible");
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.context, (state) => {
      const target = state.model.nameTarget(this._item(state));
      if (!target)
        throw officeError(Codes.invalidOperation, "NamedItem.getRange", "The name doesn't refer to a range.");
      return target;
    });
  }
  getRangeOrNullObject(): RangeProxy {
    const p = new RangeProxy(
      this.context,
      (state) => {
        const key = this._name().toLowerCase();
        const n = state.model.names.find((x) => x.name.toLowerCase() === key);
        return n ? state.model.nameTarget(n) : null;
      },
      true,
    );
    p._queueNullCheck("getRangeOrNullObject");
    return p;
  }
  delete(): void {
    this._write("delete", null, (state) => state.model.removeItem(state.model.names, this._item(state)));
  }
}

/** Excel.SettingCollection: add-in settings stored in the workbook (JSON values). */
export class SettingCollectionProxy extends CollectionBase<SettingProxy> {
  readonly _type = "SettingCollection";
  protected _list(state: SyncState): SettingProxy[] {
    return [...state.model.settings.keys()].map((k) => new SettingProxy(this.context, k));
  }
  add(key: string, value: unknown): SettingProxy {
    this._requires(4, "add");
    const json = JSON.stringify(value);
    this._write(
      "add",
      { key, value },
      (state) => {
        if (typeof key !== "string" || key === "") throw officeError(Codes.invalidArgument, "SettingCollection.add");
        if (json === undefined)
          throw officeError(Codes.invalidArgument, "SettingCollection.add", "The value must be JSON-serialisable.");
        state.model.mapSet(state.model.settings, key, JSON.parse(json) as unknown);
      },
      `settings.add(${JSON.stringify(key)}, ...);`,
    );
    return new SettingProxy(this.context, key);
  }
  getItem(key: string): SettingProxy {
    return new SettingProxy(this.context, key);
  }
  getItemOrNullObject(key: string): SettingProxy {
    const p = new SettingProxy(this.context, key, true);
    p._queueNullCheck("getItemOrNullObject");
    return p;
  }
  override getCount(): ClientResult<number> {
    return queueResult(this, "getCount", (state) => state.model.settings.size);
  }
}

/** Excel.Setting. */
export class SettingProxy extends ClientObjectBase {
  readonly _type = "Setting";
  constructor(
    context: SimRequestContext,
    private readonly _key: string,
    nullable = false,
  ) {
    super(context, nullable);
  }
  protected _exists(state: SyncState): boolean {
    const has = state.model.settings.has(this._key);
    if (!has && !this._nullable)
      throw officeError(Codes.itemNotFound, "Setting", `The setting '${this._key}' doesn't exist.`);
    return has;
  }
  protected _scalarNames(): readonly string[] {
    return ["key", "value"];
  }
  protected _readScalar(name: string, state: SyncState): unknown {
    this._exists(state);
    return name === "key" ? this._key : state.model.settings.get(this._key);
  }
  get key(): string {
    return this._get("key");
  }
  get value(): unknown {
    return this._get("value");
  }
  set value(v: unknown) {
    const json = JSON.stringify(v);
    this._write("value", v, (state) => {
      this._exists(state);
      state.model.mapSet(state.model.settings, this._key, json === undefined ? null : (JSON.parse(json) as unknown));
    });
  }
  delete(): void {
    this._write("delete", null, (state) => {
      this._exists(state);
      state.model.mapSet(state.model.settings, this._key, undefined);
    });
  }
}

/** Excel.Runtime: `enableEvents` turns event delivery off for this add-in (ExcelApi 1.8). */
export class RuntimeProxy extends ClientObjectBase {
  readonly _type = "Runtime";
  protected _exists(): boolean {
    return true;
  }
  protected _scalarNames(): readonly string[] {
    return ["enableEvents"];
  }
  protected _readScalar(): unknown {
    return this.context._engine.eventsEnabled;
  }
  get enableEvents(): boolean {
    return this._get("enableEvents");
  }
  set enableEvents(v: boolean) {
    this._requires(8, "enableEvents");
    this._queue({
      location: "Runtime.enableEvents",
      statement: `runtime.enableEvents = ${v};`,
      payload: v,
      isWrite: false,
      run: (state) => {
        state.after.push(() => {
          this.context._engine.eventsEnabled = v;
        });
      },
    });
  }
}
