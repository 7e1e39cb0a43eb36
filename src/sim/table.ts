// Excel.Table and its columns and rows.
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-tables
// One class per documented Office JS object (https://learn.microsoft.com/javascript/api/excel), so
// the repeated constructor, `_scalarNames`/`_readScalar`, property getters and `_navigation` are
// the API's own surface mirrored member by member, not copied logic; what they share is in base.ts.
import { type Rect, parseAddress, rectCols } from "./address";
import { ClientObjectBase, CountedCollectionBase, type ClientResult, queueResult } from "./base";
import type { SimRequestContext } from "./context";
import type { SyncState } from "./engine-types";
import { Codes, officeError } from "./errors";
import { type SheetModel, type TableModel, type WorkbookModel, newId } from "./model";
import { FROM_ADDIN, assertEditable, shiftCells, writeInputs } from "./ops";
import { RangeProxy } from "./range";
import { formatText } from "./cell-input";
import { WorksheetProxy } from "./worksheet";

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

function checkTableName(model: WorkbookModel, name: string, self: TableModel | undefined, location: string): void {
  if (
    typeof name !== "string" ||
    !TABLE_NAME.test(name) ||
    /^[A-Za-z]{1,3}\d+$/.test(name) ||
    /^[rRcC]$/.test(name) ||
    name.length > 255
  ) {
    throw officeError(Codes.invalidArgument, location, `'${String(name)}' is not a valid table name.`);
  }
  const other = model.tableByName(name);
  const clashName = model.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  if ((other && other !== self) || clashName)
    throw officeError(Codes.itemAlreadyExists, location, `A table or name '${name}' already exists.`);
}

/** Header texts of a table (read from its header row cells). */
export function tableHeaders(model: WorkbookModel, t: TableModel): string[] {
  const sheet = model.sheetById(t.sheetId);
  const out: string[] = [];
  for (let c = t.rect.c0; c <= t.rect.c1; c++) out.push(sheet ? formatText(model.cellAt(sheet, t.rect.r0, c)) : "");
  return out;
}

/** Rows of data in a table, excluding header and totals. */
export function dataRect(t: TableModel): Rect {
  return { ...t.rect, r0: t.rect.r0 + (t.showHeaders ? 1 : 0), r1: t.rect.r1 - (t.showTotals ? 1 : 0) };
}

/** Makes header texts unique and non-empty, as Excel does ("Column1", "name2"). */
function fixHeaders(model: WorkbookModel, sheet: SheetModel, rect: Rect): void {
  const seen = new Set<string>();
  for (let c = rect.c0; c <= rect.c1; c++) {
    let text = formatText(model.cellAt(sheet, rect.r0, c)).trim();
    if (text === "") text = `Column${c - rect.c0 + 1}`;
    let candidate = text;
    for (let i = 2; seen.has(candidate.toLowerCase()); i++) candidate = `${text}${i}`;
    seen.add(candidate.toLowerCase());
    const old = model.cellAt(sheet, rect.r0, c);
    if (old?.v !== candidate || old.f) model.setCell(sheet, rect.r0, c, { ...(old ?? {}), v: candidate, nf: "@" });
  }
}

/**
 * New table rows take each column's number format from the neighbouring data row, so a Text
 * column stays Text and `007` written into it stays `007`; Excel extends a table's formatting
 * to the rows it adds.
 * https://support.microsoft.com/office/resize-a-table-by-adding-or-removing-rows-and-columns-e65ae4bb-e44b-43f4-ad8b-7d68784f1165
 */
export function inheritColumnFormats(
  model: WorkbookModel,
  sheet: SheetModel,
  t: TableModel,
  rows: { r0: number; r1: number },
  fromRow: number,
): void {
  for (let c = t.rect.c0; c <= t.rect.c1; c++) {
    const nf = model.cellAt(sheet, fromRow, c)?.nf;
    if (nf === undefined) continue;
    for (let r = rows.r0; r <= rows.r1; r++) {
      const cell = model.cellAt(sheet, r, c);
      if (cell?.nf === undefined) model.setCell(sheet, r, c, { ...(cell ?? { v: "" }), nf });
    }
  }
}

/**
 * Excel's table AutoExpansion (AutoCorrect > AutoFormat As You Type > "Include new rows and
 * columns in table", on by default): a value a person types or pastes into the row directly
 * below a table, or the column directly to its right, makes that row or column part of the
 * table. Add-in writes never expand a table.
 * https://support.microsoft.com/office/resize-a-table-by-adding-or-removing-rows-and-columns-e65ae4bb-e44b-43f4-ad8b-7d68784f1165
 */
export function autoExpandTables(model: WorkbookModel, sheet: SheetModel, rect: Rect): void {
  for (const t of model.tablesOn(sheet.id)) {
    // A totals row sits where the new row would go: Excel does not grow such a table downward.
    const lastRow = t.showTotals ? -1 : expansionEnd(model, sheet, t, rect, DOWN);
    if (lastRow >= 0) {
      const grown = { r0: t.rect.r1 + 1, r1: lastRow };
      const from = t.rect.r1;
      model.set(t, "rect", { ...t.rect, r1: lastRow });
      if (from > t.rect.r0) inheritColumnFormats(model, sheet, t, grown, from);
    }
    const lastColumn = expansionEnd(model, sheet, t, rect, RIGHT);
    if (lastColumn >= 0) {
      model.set(t, "rect", { ...t.rect, c1: lastColumn });
      fixHeaders(model, sheet, { ...t.rect, r1: t.rect.r0 });
    }
  }
}

/** A direction a table grows in: `lo`/`hi` the edges along it, `crossLo`/`crossHi` across it. */
interface Axis {
  lo: "r0" | "c0";
  hi: "r1" | "c1";
  crossLo: "r0" | "c0";
  crossHi: "r1" | "c1";
  /** The cell at `along` on this axis and `across` on the other, as [row, column]. */
  cell(along: number, across: number): [number, number];
}
const DOWN: Axis = { lo: "r0", hi: "r1", crossLo: "c0", crossHi: "c1", cell: (along, across) => [along, across] };
const RIGHT: Axis = { lo: "c0", hi: "c1", crossLo: "r0", crossHi: "r1", cell: (along, across) => [across, along] };

/**
 * How far table `t` grows along `axis` for an entry into `rect`: the last row (DOWN) or column
 * (RIGHT) of `rect` that holds a value within the table's span, when `rect` starts right after
 * the table and no other table stands in the way; -1 when it does not grow.
 */
function expansionEnd(model: WorkbookModel, sheet: SheetModel, t: TableModel, rect: Rect, axis: Axis): number {
  const { lo, hi, crossLo, crossHi } = axis;
  const adjacent = rect[lo] === t.rect[hi] + 1 && rect[crossLo] <= t.rect[crossHi] && rect[crossHi] >= t.rect[crossLo];
  if (!adjacent) return -1;
  let last = -1;
  for (let a = rect[lo]; a <= rect[hi]; a++) {
    for (let x = Math.max(rect[crossLo], t.rect[crossLo]); x <= Math.min(rect[crossHi], t.rect[crossHi]); x++) {
      const cell = model.cellAt(sheet, ...axis.cell(a, x));
      if (cell !== undefined && (cell.v !== "" || cell.f !== undefined)) last = a;
    }
  }
  if (last < 0) return -1;
  const blocked = model.tables.some(
    (o) =>
      o !== t &&
      o.sheetId === t.sheetId &&
      o.rect[lo] <= last &&
      o.rect[hi] > t.rect[hi] &&
      o.rect[crossLo] <= t.rect[crossHi] &&
      o.rect[crossHi] >= t.rect[crossLo],
  );
  return blocked ? -1 : last;
}

/** Excel.TableCollection (workbook.tables, or worksheet.tables when `_ws` is set). */
export class TableCollectionProxy extends CountedCollectionBase<TableProxy> {
  readonly _type = "TableCollection";
  constructor(
    context: SimRequestContext,
    private readonly _ws?: WorksheetProxy,
  ) {
    super(context);
  }
  private _models(state: SyncState): TableModel[] {
    if (!this._ws) return state.model.tables;
    const id = this._ws._sheet(state).id;
    return state.model.tables.filter((t) => t.sheetId === id);
  }
  protected _list(state: SyncState): TableProxy[] {
    return this._models(state).map((t) => new TableProxy(this.context, () => t.id));
  }
  private _locator(key: string): (state: SyncState) => string | null {
    return (state) => {
      const lower = key.toLowerCase();
      return this._models(state).find((t) => t.id === key || t.name.toLowerCase() === lower)?.id ?? null;
    };
  }
  getItem(key: string): TableProxy {
    return new TableProxy(this.context, this._locator(key));
  }
  getItemOrNullObject(key: string): TableProxy {
    const p = new TableProxy(this.context, this._locator(key), true);
    p._queueNullCheck("getItemOrNullObject");
    return p;
  }
  getItemAt(index: number): TableProxy {
    return new TableProxy(this.context, (state) => this._models(state)[index]?.id ?? null);
  }
  /**
   * Creates a table over `address`. With hasHeaders=false Excel inserts a header row of
   * "Column1..n" above the data; a header-only range gets one empty data row.
   */
  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    const id = newId();
    this._write(
      "add",
      { address: typeof address === "string" ? address : "<range>", hasHeaders },
      (state) => {
        const m = state.model;
        let sheet: SheetModel | undefined;
        let rect: Rect | undefined;
        if (typeof address === "string") {
          const parsed = parseAddress(address);
          if (!parsed)
            throw officeError(Codes.invalidArgument, "TableCollection.add", `'${address}' is not a valid address.`);
          sheet =
            parsed.sheet !== undefined
              ? m.sheetByName(parsed.sheet)
              : this._ws
                ? this._ws._sheet(state)
                : m.sheetById(m.activeSheetId);
          rect = parsed.rect;
        } else {
          const ref = address._ref(state);
          sheet = ref.sheet;
          rect = ref.rect;
        }
        if (!sheet) throw officeError(Codes.itemNotFound, "TableCollection.add", "The worksheet doesn't exist.");
        assertEditable(sheet, "TableCollection.add");
        if (rect.r1 - rect.r0 > 1_000_000)
          throw officeError(Codes.invalidArgument, "TableCollection.add", "A table can't span whole columns.");
        const s = sheet;
        const r = rect;
        if (
          m.tables.some(
            (t) =>
              t.sheetId === s.id && t.rect.r0 <= r.r1 && r.r0 <= t.rect.r1 && t.rect.c0 <= r.c1 && r.c0 <= t.rect.c1,
          )
        ) {
          throw officeError(Codes.invalidOperation, "TableCollection.add", "A table can't overlap another table.");
        }
        let tableRect = { ...r };
        if (!hasHeaders) {
          shiftCells(m, s, { ...r, r1: r.r0 }, "down", FROM_ADDIN);
          tableRect = { ...r, r1: r.r1 + 1 };
          for (let c = r.c0; c <= r.c1; c++) m.setCell(s, r.r0, c, { v: `Column${c - r.c0 + 1}`, nf: "@" });
        } else {
          fixHeaders(m, s, r);
        }
        if (tableRect.r1 === tableRect.r0) tableRect.r1++;
        let n = m.tables.length + 1;
        while (m.tableByName(`Table${n}`)) n++;
        const table: TableModel = {
          id,
          name: `Table${n}`,
          sheetId: s.id,
          rect: tableRect,
          showHeaders: true,
          showTotals: false,
          style: "TableStyleMedium2",
          showBandedRows: true,
        };
        m.insertAt(m.tables, m.tables.length, table);
      },
      `tables.add(${JSON.stringify(typeof address === "string" ? address : "range")}, ${hasHeaders});`,
    );
    return new TableProxy(this.context, () => id);
  }
  override getCount(): ClientResult<number> {
    return queueResult(this, "getCount", (state) => this._models(state).length);
  }
}

/** Excel.Table. */
export class TableProxy extends ClientObjectBase {
  readonly _type = "Table";
  private _boundId: string | undefined;
  private _columns: TableColumnCollectionProxy | undefined;
  private _rows: TableRowCollectionProxy | undefined;
  constructor(
    context: SimRequestContext,
    private readonly _locate: (state: SyncState) => string | null,
    nullable = false,
  ) {
    super(context, nullable);
  }
  /** @internal */
  _table(state: SyncState): TableModel {
    const id = this._boundId ?? this._locate(state);
    const t = id ? state.model.tables.find((x) => x.id === id) : undefined;
    if (!t) throw officeError(Codes.itemNotFound, "Table", "The requested table doesn't exist.");
    if (!this._boundId) {
      this._boundId = t.id;
      state.onFail.push(() => {
        this._boundId = undefined;
      });
    }
    return t;
  }
  /** @internal */
  _sheet(state: SyncState): SheetModel {
    const t = this._table(state);
    const s = state.model.sheetById(t.sheetId);
    if (!s) throw officeError(Codes.itemNotFound, "Table");
    return s;
  }
  protected _exists(state: SyncState): boolean {
    if (!this._nullable || this._boundId) {
      this._table(state);
      return true;
    }
    const id = this._locate(state);
    if (id) this._table(state);
    return id !== null;
  }
  protected _scalarNames(): readonly string[] {
    return [
      "id",
      "name",
      "showHeaders",
      "showTotals",
      "style",
      "showBandedRows",
      "showBandedColumns",
      "showFilterButton",
      "highlightFirstColumn",
      "highlightLastColumn",
      "legacyId",
    ];
  }
  protected _readScalar(name: string, state: SyncState): unknown {
    const t = this._table(state);
    switch (name) {
      case "id":
        return t.id;
      case "legacyId":
        return String(state.model.tables.indexOf(t) + 1);
      case "name":
        return t.name;
      case "showHeaders":
        return t.showHeaders;
      case "showTotals":
        return t.showTotals;
      case "style":
        return t.style;
      case "showBandedRows":
        return t.showBandedRows;
      case "showFilterButton":
        return t.showHeaders;
      default:
        return false;
    }
  }
  protected override _navigation(name: string): ClientObjectBase | undefined {
    if (name === "columns") return this.columns;
    if (name === "rows") return this.rows;
    if (name === "worksheet") return this.worksheet;
    if (name === "autoFilter") return this.autoFilter;
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
        const t = this._table(state);
        checkTableName(state.model, v, t, "Table.name");
        state.model.set(t, "name", v);
      },
      `table.name = ${JSON.stringify(v)};`,
    );
  }
  get showHeaders(): boolean {
    return this._get("showHeaders");
  }
  get showTotals(): boolean {
    return this._get("showTotals");
  }
  /** Turning totals on adds a row under the data (inserting cells), off removes it. */
  set showTotals(v: boolean) {
    this._write("showTotals", v, (state) => {
      const t = this._table(state);
      if (t.showTotals === v) return;
      const s = this._sheet(state);
      assertEditable(s, "Table.showTotals");
      const m = state.model;
      if (v) {
        const row = { r0: t.rect.r1 + 1, r1: t.rect.r1 + 1, c0: t.rect.c0, c1: t.rect.c1 };
        shiftCells(m, s, row, "down", FROM_ADDIN);
        m.set(t, "rect", { ...t.rect, r1: t.rect.r1 + 1 });
        m.setCell(s, row.r0, t.rect.c0, { v: "Total" });
      } else {
        const row = { r0: t.rect.r1, r1: t.rect.r1, c0: t.rect.c0, c1: t.rect.c1 };
        m.set(t, "rect", { ...t.rect, r1: t.rect.r1 - 1 });
        shiftCells(m, s, row, "up", FROM_ADDIN);
      }
      m.set(t, "showTotals", v);
    });
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._write("style", v, (state) => {
      if (typeof v !== "string" || !/^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(v))
        throw officeError(Codes.invalidArgument, "Table.style", `'${String(v)}' is not a built-in table style.`);
      state.model.set(this._table(state), "style", v);
    });
  }
  get showBandedRows(): boolean {
    return this._get("showBandedRows");
  }
  set showBandedRows(v: boolean) {
    this._write("showBandedRows", v, (state) => state.model.set(this._table(state), "showBandedRows", v));
  }
  get columns(): TableColumnCollectionProxy {
    this._columns ??= new TableColumnCollectionProxy(this.context, this);
    return this._columns;
  }
  get rows(): TableRowCollectionProxy {
    this._rows ??= new TableRowCollectionProxy(this.context, this);
    return this._rows;
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, (state) => this._sheet(state));
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.context, (state) => ({ sheet: this._sheet(state), rect: this._table(state).rect }));
  }
  getHeaderRowRange(): RangeProxy {
    return new RangeProxy(this.context, (state) => {
      const t = this._table(state);
      return { sheet: this._sheet(state), rect: { ...t.rect, r1: t.rect.r0 } };
    });
  }
  getDataBodyRange(): RangeProxy {
    return new RangeProxy(this.context, (state) => ({ sheet: this._sheet(state), rect: dataRect(this._table(state)) }));
  }
  getTotalRowRange(): RangeProxy {
    return new RangeProxy(this.context, (state) => {
      const t = this._table(state);
      if (!t.showTotals)
        throw officeError(Codes.itemNotFound, "Table.getTotalRowRange", "The table has no totals row.");
      return { sheet: this._sheet(state), rect: { ...t.rect, r0: t.rect.r1 } };
    });
  }
  delete(): void {
    this._write("delete", null, (state) => {
      const t = this._table(state);
      const s = this._sheet(state);
      assertEditable(s, "Table.delete");
      state.model.removeItem(state.model.tables, t);
      for (let r = t.rect.r0; r <= t.rect.r1; r++)
        for (let c = t.rect.c0; c <= t.rect.c1; c++) state.model.setCell(s, r, c, undefined);
    });
  }
  convertToRange(): RangeProxy {
    const range = this.getRange();
    this._write("convertToRange", null, (state) => {
      range._ref(state);
      state.model.removeItem(state.model.tables, this._table(state));
    });
    return range;
  }
  /** Shows every row again (ExcelApi 1.2). */
  clearFilters(): void {
    this._write("clearFilters", null, (state) => state.model.set(this._table(state), "filters", undefined));
  }
  /** The table's AutoFilter (ExcelApi 1.9). */
  get autoFilter(): AutoFilterProxy {
    this._requires(9, "autoFilter");
    return new AutoFilterProxy(this.context, this);
  }
  /**
   * Resizes the table to `newRange` (ExcelApi 1.13): same sheet, header in the same row, overlapping
   * the old range; cells are not moved, new header cells are made unique.
   * https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-resize-member(1)
   */
  resize(newRange: RangeProxy | string): void {
    this._requires(13, "resize");
    this._write("resize", typeof newRange === "string" ? newRange : "<range>", (state) => {
      const t = this._table(state);
      const s = this._sheet(state);
      assertEditable(s, "Table.resize");
      let rect: Rect | undefined;
      let sheet: SheetModel | undefined = s;
      if (typeof newRange === "string") {
        const parsed = parseAddress(newRange);
        rect = parsed?.rect;
        if (parsed?.sheet !== undefined) sheet = state.model.sheetByName(parsed.sheet);
      } else {
        const ref = newRange._ref(state);
        rect = ref.rect;
        sheet = ref.sheet;
      }
      const overlaps =
        rect !== undefined &&
        rect.r0 <= t.rect.r1 &&
        rect.r1 >= t.rect.r0 &&
        rect.c0 <= t.rect.c1 &&
        rect.c1 >= t.rect.c0;
      if (!rect || sheet !== s || rect.r0 !== t.rect.r0 || !overlaps || rect.r1 <= rect.r0)
        throw officeError(
          Codes.invalidArgument,
          "Table.resize",
          "The new range must keep the header row and overlap the table.",
        );
      state.model.set(t, "rect", rect);
      fixHeaders(state.model, s, { ...rect, r1: rect.r0 });
    });
  }
}

/** Excel.TableColumnCollection. */
export class TableColumnCollectionProxy extends CountedCollectionBase<TableColumnProxy> {
  readonly _type = "TableColumnCollection";
  constructor(
    context: SimRequestContext,
    private readonly _table: TableProxy,
  ) {
    super(context);
  }
  protected _list(state: SyncState): TableColumnProxy[] {
    const t = this._table._table(state);
    return tableHeaders(state.model, t).map((_, i) => new TableColumnProxy(this.context, this._table, () => i));
  }
  getItem(key: string | number): TableColumnProxy {
    return new TableColumnProxy(this.context, this._table, (state) => this._find(state, key));
  }
  getItemOrNullObject(key: string | number): TableColumnProxy {
    const p = new TableColumnProxy(this.context, this._table, (state) => this._find(state, key), true);
    p._queueNullCheck("getItemOrNullObject");
    return p;
  }
  getItemAt(index: number): TableColumnProxy {
    return new TableColumnProxy(this.context, this._table, (state) =>
      index >= 0 && index < rectCols(this._table._table(state).rect) ? index : null,
    );
  }
  private _find(state: SyncState, key: string | number): number | null {
    const headers = tableHeaders(state.model, this._table._table(state));
    if (typeof key === "number") return key >= 1 && key <= headers.length ? key - 1 : null;
    const i = headers.findIndex((h) => h.toLowerCase() === key.toLowerCase());
    if (i >= 0) return i;
    return /^\d+$/.test(key) && Number(key) >= 1 && Number(key) <= headers.length ? Number(key) - 1 : null;
  }
  /** Adds a column at `index` (end when null); `values` includes the header row. */
  add(index?: number | null, values?: unknown, name?: string): TableColumnProxy {
    let created = -1;
    this._write("add", { index, values, name }, (state) => {
      const t = this._table._table(state);
      const s = this._table._sheet(state);
      assertEditable(s, "TableColumnCollection.add");
      const m = state.model;
      const width = rectCols(t.rect);
      const at = index === undefined || index === null ? width : index;
      if (at < 0 || at > width)
        throw officeError(Codes.invalidArgument, "TableColumnCollection.add", "The index is out of range.");
      const col = t.rect.c0 + at;
      shiftCells(m, s, { r0: t.rect.r0, r1: t.rect.r1, c0: col, c1: col }, "right", FROM_ADDIN);
      const rect = { ...t.rect, c1: t.rect.c1 + 1 };
      m.set(t, "rect", rect);
      const colRect = { r0: t.rect.r0, r1: t.rect.r1, c0: col, c1: col };
      if (values !== undefined && values !== null)
        writeInputs(m, { sheet: s, rect: colRect }, values, "TableColumnCollection.add", FROM_ADDIN);
      if (name !== undefined) m.setCell(s, t.rect.r0, col, { v: name, nf: "@" });
      else if (values === undefined || values === null) m.setCell(s, t.rect.r0, col, { v: `Column${at + 1}` });
      fixHeaders(m, s, { ...rect, r1: rect.r0 });
      created = at;
    });
    return new TableColumnProxy(this.context, this._table, () => (created >= 0 ? created : null));
  }
  override getCount(): ClientResult<number> {
    return queueResult(this, "getCount", (state) => rectCols(this._table._table(state).rect));
  }
}

/** Excel.TableColumn (addressed by position within the table). */
export class TableColumnProxy extends ClientObjectBase {
  readonly _type = "TableColumn";
  constructor(
    context: SimRequestContext,
    private readonly _table: TableProxy,
    private readonly _locate: (state: SyncState) => number | null,
    nullable = false,
  ) {
    super(context, nullable);
  }
  private _index(state: SyncState): number {
    const i = this._locate(state);
    if (i === null) throw officeError(Codes.itemNotFound, "TableColumn", "The requested column doesn't exist.");
    return i;
  }
  protected _exists(state: SyncState): boolean {
    if (!this._nullable) {
      this._index(state);
      return true;
    }
    return this._locate(state) !== null;
  }
  protected _scalarNames(): readonly string[] {
    return ["id", "index", "name", "values"];
  }
  protected _readScalar(name: string, state: SyncState): unknown {
    const i = this._index(state);
    const t = this._table._table(state);
    switch (name) {
      case "id":
        return i + 1;
      case "index":
        return i;
      case "name":
        return tableHeaders(state.model, t)[i] ?? "";
      default: {
        const s = this._table._sheet(state);
        const out: (string | number | boolean)[][] = [];
        for (let r = t.rect.r0; r <= t.rect.r1; r++) out.push([state.model.cellAt(s, r, t.rect.c0 + i)?.v ?? ""]);
        return out;
      }
    }
  }
  get id(): number {
    return this._get("id");
  }
  get index(): number {
    return this._get("index");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._write("name", v, (state) => {
      const t = this._table._table(state);
      const s = this._table._sheet(state);
      assertEditable(s, "TableColumn.name");
      const i = this._index(state);
      if (tableHeaders(state.model, t).some((h, j) => j !== i && h.toLowerCase() === v.toLowerCase())) {
        throw officeError(Codes.itemAlreadyExists, "TableColumn.name", `The table already has a column named '${v}'.`);
      }
      state.model.setCell(s, t.rect.r0, t.rect.c0 + i, {
        ...(state.model.cellAt(s, t.rect.r0, t.rect.c0 + i) ?? {}),
        v,
        nf: "@",
      });
    });
  }
  get values(): (string | number | boolean)[][] {
    return this._get("values");
  }
  private _colRange(rows: (t: TableModel) => { r0: number; r1: number }): RangeProxy {
    return new RangeProxy(this.context, (state) => {
      const t = this._table._table(state);
      const c = t.rect.c0 + this._index(state);
      return { sheet: this._table._sheet(state), rect: { ...rows(t), c0: c, c1: c } };
    });
  }
  getRange(): RangeProxy {
    return this._colRange((t) => t.rect);
  }
  getDataBodyRange(): RangeProxy {
    return this._colRange((t) => dataRect(t));
  }
  getHeaderRowRange(): RangeProxy {
    return this._colRange((t) => ({ r0: t.rect.r0, r1: t.rect.r0 }));
  }
  delete(): void {
    this._write("delete", null, (state) => {
      const t = this._table._table(state);
      const s = this._table._sheet(state);
      assertEditable(s, "TableColumn.delete");
      if (rectCols(t.rect) === 1)
        throw officeError(Codes.invalidOperation, "TableColumn.delete", "A table must keep at least one column.");
      const c = t.rect.c0 + this._index(state);
      state.model.set(t, "rect", { ...t.rect, c1: t.rect.c1 - 1 });
      shiftCells(state.model, s, { r0: t.rect.r0, r1: t.rect.r1, c0: c, c1: c }, "left", FROM_ADDIN);
    });
  }
}

/** Excel.TableRowCollection. */
export class TableRowCollectionProxy extends CountedCollectionBase<TableRowProxy> {
  readonly _type = "TableRowCollection";
  constructor(
    context: SimRequestContext,
    private readonly _table: TableProxy,
  ) {
    super(context);
  }
  protected override _readScalar(name: string, state: SyncState): unknown {
    if (name === "count") {
      const d = dataRect(this._table._table(state));
      return d.r1 - d.r0 + 1;
    }
    return super._readScalar(name, state);
  }
  protected _list(state: SyncState): TableRowProxy[] {
    const d = dataRect(this._table._table(state));
    const out: TableRowProxy[] = [];
    for (let i = 0; i <= d.r1 - d.r0; i++) out.push(new TableRowProxy(this.context, this._table, i));
    return out;
  }
  getItemAt(index: number): TableRowProxy {
    return new TableRowProxy(this.context, this._table, index);
  }
  /**
   * Adds rows at `index` (end when null/undefined). `values` is rows x table width. Cells below the
   * table within its columns are shifted down, as Excel inserts table rows.
   */
  add(index?: number | null, values?: unknown, _alwaysInsert?: boolean): TableRowProxy {
    let created = -1;
    this._write(
      "add",
      { index, values },
      (state) => {
        const t = this._table._table(state);
        const s = this._table._sheet(state);
        assertEditable(s, "TableRowCollection.add");
        const m = state.model;
        const d = dataRect(t);
        const count = d.r1 - d.r0 + 1;
        const at = index === undefined || index === null ? count : index;
        if (at < 0 || at > count)
          throw officeError(Codes.invalidArgument, "TableRowCollection.add", "The index is out of range.");
        const n = Array.isArray(values) ? values.length : 1;
        if (n < 1) throw officeError(Codes.invalidArgument, "TableRowCollection.add", "values is empty.");
        const r0 = d.r0 + at;
        const band = { r0, r1: r0 + n - 1, c0: t.rect.c0, c1: t.rect.c1 };
        // Validate the shape before moving anything (a failure still rolls back, but fail early and clearly).
        if (Array.isArray(values) && values.some((row) => !Array.isArray(row) || row.length !== rectCols(t.rect))) {
          throw officeError(
            Codes.invalidArgument,
            "TableRowCollection.add",
            `Each row must have ${rectCols(t.rect)} values.`,
          );
        }
        const oldRect = t.rect;
        shiftCells(m, s, band, "down", FROM_ADDIN);
        // shiftCells grows the table only when the insertion point lies inside it; appending extends it here.
        if (t.rect === oldRect || t.rect.r1 === oldRect.r1) m.set(t, "rect", { ...t.rect, r1: oldRect.r1 + n });
        if (count > 0) inheritColumnFormats(m, s, t, band, at > 0 ? r0 - 1 : band.r1 + 1);
        if (values !== undefined && values !== null)
          writeInputs(m, { sheet: s, rect: band }, values, "TableRowCollection.add", FROM_ADDIN);
        created = at;
      },
      "table.rows.add(...);",
    );
    return new TableRowProxy(this.context, this._table, () => created);
  }
  override getCount(): ClientResult<number> {
    return queueResult(this, "getCount", (state) => {
      const d = dataRect(this._table._table(state));
      return d.r1 - d.r0 + 1;
    });
  }
}

/** Excel.TableRow (by position in the data body). */
export class TableRowProxy extends ClientObjectBase {
  readonly _type = "TableRow";
  constructor(
    context: SimRequestContext,
    private readonly _table: TableProxy,
    private readonly _at: number | (() => number),
  ) {
    super(context);
  }
  private _index(state: SyncState): number {
    const i = typeof this._at === "number" ? this._at : this._at();
    const d = dataRect(this._table._table(state));
    if (i < 0 || i > d.r1 - d.r0) throw officeError(Codes.itemNotFound, "TableRow", "The requested row doesn't exist.");
    return i;
  }
  protected _exists(state: SyncState): boolean {
    this._index(state);
    return true;
  }
  protected _scalarNames(): readonly string[] {
    return ["index", "values"];
  }
  protected _readScalar(name: string, state: SyncState): unknown {
    const i = this._index(state);
    if (name === "index") return i;
    const t = this._table._table(state);
    const s = this._table._sheet(state);
    const r = dataRect(t).r0 + i;
    const row: (string | number | boolean)[] = [];
    for (let c = t.rect.c0; c <= t.rect.c1; c++) row.push(state.model.cellAt(s, r, c)?.v ?? "");
    return [row];
  }
  get index(): number {
    return this._get("index");
  }
  get values(): (string | number | boolean)[][] {
    return this._get("values");
  }
  set values(v: unknown) {
    this._write("values", v, (state) => {
      const t = this._table._table(state);
      const s = this._table._sheet(state);
      assertEditable(s, "TableRow.values");
      const r = dataRect(t).r0 + this._index(state);
      writeInputs(state.model, { sheet: s, rect: { ...t.rect, r0: r, r1: r } }, v, "TableRow.values", FROM_ADDIN);
    });
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.context, (state) => {
      const t = this._table._table(state);
      const r = dataRect(t).r0 + this._index(state);
      return { sheet: this._table._sheet(state), rect: { ...t.rect, r0: r, r1: r } };
    });
  }
  delete(): void {
    this._write("delete", null, (state) => {
      const t = this._table._table(state);
      const s = this._table._sheet(state);
      assertEditable(s, "TableRow.delete");
      const r = dataRect(t).r0 + this._index(state);
      // As Range.delete: under an AutoFilter the call succeeds and removes nothing (office-js issue 994).
      if (Object.keys(t.filters ?? {}).length > 0) return;
      shiftCells(state.model, s, { ...t.rect, r0: r, r1: r }, "up", FROM_ADDIN);
    });
  }
}

/**
 * Excel.AutoFilter of a table: `apply` with `filterOn: "Values"` criteria hides the data rows
 * whose text is not listed; `clearCriteria` shows them again.
 * https://learn.microsoft.com/javascript/api/excel/excel.autofilter
 */
export class AutoFilterProxy extends ClientObjectBase {
  readonly _type = "AutoFilter";
  constructor(
    context: SimRequestContext,
    private readonly _owner: TableProxy,
  ) {
    super(context);
  }
  protected _exists(state: SyncState): boolean {
    this._owner._table(state);
    return true;
  }
  protected _scalarNames(): readonly string[] {
    return ["enabled", "isDataFiltered"];
  }
  protected _readScalar(name: string, state: SyncState): unknown {
    const t = this._owner._table(state);
    return name === "enabled" ? t.showHeaders : Object.keys(t.filters ?? {}).length > 0;
  }
  get enabled(): boolean {
    return this._get("enabled");
  }
  get isDataFiltered(): boolean {
    return this._get("isDataFiltered");
  }
  apply(_range: unknown, columnIndex?: number, criteria?: { filterOn?: string; values?: unknown[] }): void {
    this._write("apply", { columnIndex, criteria }, (state) => {
      const t = this._owner._table(state);
      if (columnIndex === undefined || columnIndex < 0 || columnIndex > t.rect.c1 - t.rect.c0)
        throw officeError(Codes.invalidArgument, "AutoFilter.apply", "columnIndex is outside the table.");
      if (criteria?.filterOn !== "Values" || !Array.isArray(criteria.values))
        throw officeError(Codes.invalidArgument, "AutoFilter.apply", 'The simulator supports filterOn "Values".');
      state.model.set(t, "filters", { ...(t.filters ?? {}), [columnIndex]: criteria.values.map(String) });
    });
  }
  clearCriteria(): void {
    this._write("clearCriteria", null, (state) => state.model.set(this._owner._table(state), "filters", undefined));
  }
}
