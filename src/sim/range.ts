// Excel.Range: addresses, values and formulas, number formats, navigation, insert/delete/clear.
// Its sub-objects live beside it: range-format.ts (format, fill, font), conditional-formats.ts,
// data-validation.ts.
// https://learn.microsoft.com/javascript/api/excel/excel.range
// https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member
// One class per documented Office JS object (https://learn.microsoft.com/javascript/api/excel), so
// the repeated constructor, `_scalarNames`/`_readScalar`, property getters and `_navigation` are
// the API's own surface mirrored member by member, not copied logic; what they share is in base.ts.
import { MAX_COLS, MAX_ROWS, type Rect, formatAddress, intersects, parseAddress, rectCols, rectRows } from "./address";
import { jsonBytes } from "../core/json-bytes";
import { ClientObjectBase, type LoadOption, rememberBytes } from "./base";
import { ConditionalFormatCollectionProxy } from "./conditional-formats";
import type { SimRequestContext } from "./context";
import { DataValidationProxy } from "./data-validation";
import type { SyncState } from "./engine-types";
import { Codes, officeError } from "./errors";
import type { SheetModel } from "./model";
import { FROM_ADDIN, type RangeRef, assertEditable, shapeInput, shiftCells, updateCells, writeInputSteps } from "./ops";
import { RangeAreasProxy } from "./range-areas";
import { RangeFormatProxy } from "./range-format";
import { type CellData, formatText, valueType } from "./cell-input";
import { WorksheetProxy } from "./worksheet";

export type RangeLocator = (state: SyncState) => RangeRef | null;

/** What each grid property of a range reports for one cell. */
const GRID_READERS: Partial<Record<string, (cell: CellData | undefined) => unknown>> = {
  values: (cell) => cell?.v ?? "",
  formulas: (cell) => cell?.f ?? cell?.v ?? "",
  formulasLocal: (cell) => cell?.f ?? cell?.v ?? "",
  numberFormat: (cell) => cell?.nf ?? "General",
  numberFormatLocal: (cell) => cell?.nf ?? "General",
  text: formatText,
  valueTypes: valueType,
};

/** Loads of at least this many cells are read in steps (see RangeProxy._loadSteps). */
const READ_AHEAD_CELLS = 20_000;

/** Excel.Range. Addresses resolve when the sync runs; the range then stays bound to its cells. */
export class RangeProxy extends ClientObjectBase {
  readonly _type = "Range";
  private _bound: { sheetId: string; rect: Rect } | undefined;
  private _format: RangeFormatProxy | undefined;
  private _cfs: ConditionalFormatCollectionProxy | undefined;
  private _dv: DataValidationProxy | undefined;

  constructor(
    context: SimRequestContext,
    private readonly _locate: RangeLocator,
    nullable = false,
  ) {
    super(context, nullable);
  }

  /** @internal The cells this range covers, resolving (and binding) on first use. */
  _ref(state: SyncState): RangeRef {
    if (this._bound) {
      const sheet = state.model.sheetById(this._bound.sheetId);
      if (!sheet) throw officeError(Codes.itemNotFound, "Range", "The worksheet of this range was deleted.");
      return { sheet, rect: this._bound.rect };
    }
    const ref = this._locate(state);
    if (!ref) throw officeError(Codes.itemNotFound, "Range");
    this._bound = { sheetId: ref.sheet.id, rect: ref.rect };
    state.onFail.push(() => {
      this._bound = undefined;
    });
    return ref;
  }

  protected _exists(state: SyncState): boolean {
    if (!this._nullable) {
      this._ref(state);
      return true;
    }
    if (this._bound) return true;
    const ref = this._locate(state);
    if (ref) this._ref(state);
    return ref !== null;
  }

  protected _scalarNames(): readonly string[] {
    return RANGE_SCALARS;
  }

  /** Grids read ahead in steps by _loadSteps for the sync that is running. */
  private _readAhead: { state: SyncState; grids: Map<string, unknown[][]> } | undefined;

  /**
   * Loads of many cells read their grids row by row in steps first (the engine runs them in time
   * slices), measuring their JSON size on the way; then the load completes as usual.
   */
  protected override _loadSteps(paths: string[], state: SyncState): void | Iterator<unknown, void> {
    let ref: RangeRef;
    try {
      ref = this._ref(state);
    } catch {
      return this._loadNow(paths, state);
    }
    const names = paths.filter((p) => GRID_READERS[p] !== undefined);
    if (names.length === 0 || rectRows(ref.rect) * rectCols(ref.rect) < READ_AHEAD_CELLS)
      return this._loadNow(paths, state);
    return this._readAheadSteps(paths, names, ref, state);
  }

  private *_readAheadSteps(paths: string[], names: string[], ref: RangeRef, state: SyncState): Generator<void, void> {
    const { sheet, rect } = ref;
    const grids = new Map<string, unknown[][]>();
    for (const name of names) {
      const read = GRID_READERS[name] as (cell: CellData | undefined) => unknown;
      const out: unknown[][] = [];
      let bytes = 2 + rectRows(rect) - 1;
      for (let r = rect.r0; r <= rect.r1; r++) {
        const row: unknown[] = [];
        for (let c = rect.c0; c <= rect.c1; c++) row.push(read(state.model.cellAt(sheet, r, c)));
        out.push(row);
        bytes += jsonBytes(row);
        if ((r - rect.r0) % 500 === 499) yield;
      }
      rememberBytes(out, bytes);
      grids.set(name, out);
    }
    this._readAhead = { state, grids };
    try {
      this._loadNow(paths, state);
    } finally {
      this._readAhead = undefined;
    }
  }

  protected _readScalar(name: string, state: SyncState): unknown {
    const ahead = this._readAhead?.state === state ? this._readAhead.grids.get(name) : undefined;
    if (ahead) return ahead;
    const { sheet, rect } = this._ref(state);
    const m = state.model;
    const read = GRID_READERS[name];
    if (read) {
      const out: unknown[][] = [];
      for (let r = rect.r0; r <= rect.r1; r++) {
        const row: unknown[] = [];
        for (let c = rect.c0; c <= rect.c1; c++) row.push(read(m.cellAt(sheet, r, c)));
        out.push(row);
      }
      return out;
    }
    switch (name) {
      case "address":
      case "addressLocal":
        return formatAddress(sheet.name, rect);
      case "rowIndex":
        return rect.r0;
      case "columnIndex":
        return rect.c0;
      case "rowCount":
        return rectRows(rect);
      case "columnCount":
        return rectCols(rect);
      case "cellCount":
        return rectRows(rect) * rectCols(rect);
      case "isEntireRow":
        return rect.c0 === 0 && rect.c1 === MAX_COLS - 1;
      case "isEntireColumn":
        return rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
      case "hidden":
      case "rowHidden": {
        // true when every row is hidden, false when none is, null when mixed (Range.rowHidden).
        const hidden = m.hiddenRows(sheet);
        const count = [...hidden].filter((r) => r >= rect.r0 && r <= rect.r1).length;
        const rows = rectRows(rect);
        return count === 0 ? false : count === rows ? true : name === "hidden" ? false : null;
      }
      default:
        throw officeError(Codes.invalidArgument, `Range.${name}`);
    }
  }

  protected override _navigation(name: string): ClientObjectBase | undefined {
    if (name === "format") return this.format;
    if (name === "worksheet") return this.worksheet;
    if (name === "conditionalFormats") return this.conditionalFormats;
    if (name === "dataValidation") return this.dataValidation;
    return undefined;
  }

  override load(option?: LoadOption): this {
    return super.load(option);
  }

  // ---- properties ----------------------------------------------------------------------------
  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get values(): (string | number | boolean)[][] {
    return this._get("values");
  }
  set values(v: unknown) {
    this._write(
      "values",
      v,
      (state) => {
        const ref = this._ref(state);
        assertEditable(ref.sheet, "Range.values");
        return writeInputSteps(state.model, ref, v, "Range.values", FROM_ADDIN);
      },
      "range.values = ...;",
    );
  }
  get formulas(): (string | number | boolean)[][] {
    return this._get("formulas");
  }
  set formulas(v: unknown) {
    this._write(
      "formulas",
      v,
      (state) => {
        const ref = this._ref(state);
        assertEditable(ref.sheet, "Range.formulas");
        return writeInputSteps(state.model, ref, v, "Range.formulas", FROM_ADDIN);
      },
      "range.formulas = ...;",
    );
  }
  get formulasLocal(): (string | number | boolean)[][] {
    return this._get("formulasLocal");
  }
  get numberFormat(): string[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: unknown) {
    this._write(
      "numberFormat",
      v,
      (state) => {
        const ref = this._ref(state);
        assertEditable(ref.sheet, "Range.numberFormat");
        const at = shapeInput<string>(v, ref.rect, "Range.numberFormat");
        // In steps of rows, so the engine can apply a large write in time slices.
        return (function* () {
          for (let r = ref.rect.r0; r <= ref.rect.r1; r++) {
            for (let c = ref.rect.c0; c <= ref.rect.c1; c++) {
              const nf = at(r - ref.rect.r0, c - ref.rect.c0);
              if (nf === null) continue;
              if (typeof nf !== "string") throw officeError(Codes.invalidArgument, "Range.numberFormat");
              const cell = { ...(state.model.cellAt(ref.sheet, r, c) ?? { v: "" }) };
              if (nf === "General") delete cell.nf;
              else cell.nf = nf;
              state.model.setCell(ref.sheet, r, c, cell);
            }
            if ((r - ref.rect.r0) % 500 === 499) yield;
          }
        })();
      },
      "range.numberFormat = ...;",
    );
  }
  get numberFormatLocal(): string[][] {
    return this._get("numberFormatLocal");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get valueTypes(): string[][] {
    return this._get("valueTypes");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get isEntireRow(): boolean {
    return this._get("isEntireRow");
  }
  get isEntireColumn(): boolean {
    return this._get("isEntireColumn");
  }
  /** Rows hidden by a table's AutoFilter: true (all), false (none), null (some). ExcelApi 1.2. */
  get rowHidden(): boolean | null {
    return this._get("rowHidden");
  }
  get hidden(): boolean {
    return this._get("hidden");
  }

  // ---- navigation ----------------------------------------------------------------------------
  get format(): RangeFormatProxy {
    this._format ??= new RangeFormatProxy(this.context, this);
    return this._format;
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this._cfs ??= new ConditionalFormatCollectionProxy(this.context, this);
    return this._cfs;
  }
  get dataValidation(): DataValidationProxy {
    this._dv ??= new DataValidationProxy(this.context, this);
    return this._dv;
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, (state) => this._ref(state).sheet);
  }

  /** A range derived from this one by a pure geometric function (checked against the grid). */
  private _derive(
    member: string,
    fn: (rect: Rect, state: SyncState, sheet: SheetModel) => Rect | null,
    nullable = false,
  ): RangeProxy {
    return new RangeProxy(
      this.context,
      (state) => {
        const ref = this._ref(state);
        const rect = fn(ref.rect, state, ref.sheet);
        if (rect === null) return null;
        if (
          rect.r0 < 0 ||
          rect.c0 < 0 ||
          rect.r1 >= MAX_ROWS ||
          rect.c1 >= MAX_COLS ||
          rect.r1 < rect.r0 ||
          rect.c1 < rect.c0
        ) {
          throw officeError(Codes.invalidArgument, `Range.${member}`, "The resulting range is outside the worksheet.");
        }
        return { sheet: ref.sheet, rect };
      },
      nullable,
    );
  }

  getCell(row: number, column: number): RangeProxy {
    return this._derive("getCell", (r) => ({ r0: r.r0 + row, c0: r.c0 + column, r1: r.r0 + row, c1: r.c0 + column }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this._derive("getOffsetRange", (r) => ({
      r0: r.r0 + rowOffset,
      r1: r.r1 + rowOffset,
      c0: r.c0 + columnOffset,
      c1: r.c1 + columnOffset,
    }));
  }
  /** ExcelApi 1.2: https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getresizedrange-member(1) */
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    this._requires(2, "getResizedRange");
    return this._derive("getResizedRange", (r) => ({ ...r, r1: r.r1 + deltaRows, c1: r.c1 + deltaColumns }));
  }
  getRowsBelow(count = 1): RangeProxy {
    return this._derive("getRowsBelow", (r) => ({ ...r, r0: r.r1 + 1, r1: r.r1 + count }));
  }
  getRowsAbove(count = 1): RangeProxy {
    return this._derive("getRowsAbove", (r) => ({ ...r, r0: r.r0 - count, r1: r.r0 - 1 }));
  }
  getColumnsAfter(count = 1): RangeProxy {
    return this._derive("getColumnsAfter", (r) => ({ ...r, c0: r.c1 + 1, c1: r.c1 + count }));
  }
  getColumnsBefore(count = 1): RangeProxy {
    return this._derive("getColumnsBefore", (r) => ({ ...r, c0: r.c0 - count, c1: r.c0 - 1 }));
  }
  getEntireRow(): RangeProxy {
    return this._derive("getEntireRow", (r) => ({ ...r, c0: 0, c1: MAX_COLS - 1 }));
  }
  getEntireColumn(): RangeProxy {
    return this._derive("getEntireColumn", (r) => ({ ...r, r0: 0, r1: MAX_ROWS - 1 }));
  }
  getRow(row: number): RangeProxy {
    return this._derive("getRow", (r) => ({ ...r, r0: r.r0 + row, r1: r.r0 + row }));
  }
  getColumn(column: number): RangeProxy {
    return this._derive("getColumn", (r) => ({ ...r, c0: r.c0 + column, c1: r.c0 + column }));
  }
  getLastRow(): RangeProxy {
    return this._derive("getLastRow", (r) => ({ ...r, r0: r.r1 }));
  }
  getLastColumn(): RangeProxy {
    return this._derive("getLastColumn", (r) => ({ ...r, c0: r.c1 }));
  }
  getLastCell(): RangeProxy {
    return this._derive("getLastCell", (r) => ({ r0: r.r1, r1: r.r1, c0: r.c1, c1: r.c1 }));
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): RangeProxy {
    return this._derive("getAbsoluteResizedRange", (r) => ({
      ...r,
      r1: r.r0 + numRows - 1,
      c1: r.c0 + numColumns - 1,
    }));
  }
  /** The used part of this range (values only when asked); ItemNotFound-free: an empty range yields its top-left cell. */
  getUsedRange(valuesOnly = false): RangeProxy {
    return this._derive(
      "getUsedRange",
      (r, state, sheet) => clipUsed(state, sheet, r, valuesOnly) ?? { r0: r.r0, c0: r.c0, r1: r.r0, c1: r.c0 },
    );
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    const p = this._derive(
      "getUsedRangeOrNullObject",
      (r, state, sheet) => clipUsed(state, sheet, r, valuesOnly),
      true,
    );
    p._queueNullCheck("getUsedRangeOrNullObject");
    return p;
  }
  getIntersection(anotherRange: RangeProxy | string): RangeProxy {
    return this._derive("getIntersection", (r, state, sheet) => {
      const other = typeof anotherRange === "string" ? parseAddress(anotherRange)?.rect : anotherRange._ref(state).rect;
      void sheet;
      if (!other) throw officeError(Codes.invalidArgument, "Range.getIntersection");
      const x = {
        r0: Math.max(r.r0, other.r0),
        c0: Math.max(r.c0, other.c0),
        r1: Math.min(r.r1, other.r1),
        c1: Math.min(r.c1, other.c1),
      };
      if (x.r0 > x.r1 || x.c0 > x.c1) throw officeError(Codes.itemNotFound, "Range.getIntersection");
      return x;
    });
  }

  /**
   * The intersection with another range, or a null object when they do not meet (also when they
   * lie on different sheets). ExcelApi 1.4.
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getintersectionornullobject-member(1)
   */
  getIntersectionOrNullObject(anotherRange: RangeProxy | string): RangeProxy {
    const p = this._derive(
      "getIntersectionOrNullObject",
      (r, state, sheet) => {
        const other =
          typeof anotherRange === "string"
            ? { sheet, rect: parseAddress(anotherRange)?.rect }
            : (() => {
                const ref = anotherRange._ref(state);
                return { sheet: ref.sheet, rect: ref.rect };
              })();
        if (!other.rect) throw officeError(Codes.invalidArgument, "Range.getIntersectionOrNullObject");
        if (other.sheet !== sheet) return null;
        const x = {
          r0: Math.max(r.r0, other.rect.r0),
          c0: Math.max(r.c0, other.rect.c0),
          r1: Math.min(r.r1, other.rect.r1),
          c1: Math.min(r.c1, other.rect.c1),
        };
        return x.r0 > x.r1 || x.c0 > x.c1 ? null : x;
      },
      true,
    );
    p._queueNullCheck("getIntersectionOrNullObject");
    return p;
  }

  // ---- methods ---------------------------------------------------------------------------
  /** Inserts cells, shifting existing ones Down or Right; returns the inserted range. */
  insert(shift: string): RangeProxy {
    this._write(
      "insert",
      shift,
      (state) => {
        const { sheet, rect } = this._ref(state);
        assertEditable(sheet, "Range.insert");
        if (shift !== "Down" && shift !== "Right")
          throw officeError(Codes.invalidArgument, "Range.insert", "shift must be Down or Right.");
        shiftCells(state.model, sheet, rect, shift === "Down" ? "down" : "right", FROM_ADDIN);
      },
      `range.insert("${shift}");`,
    );
    return this._derive("insert", (r) => r);
  }
  /** Deletes the cells, shifting neighbours Up or Left. */
  delete(shift: string): void {
    this._write(
      "delete",
      shift,
      (state) => {
        const { sheet, rect } = this._ref(state);
        assertEditable(sheet, "Range.delete");
        if (shift !== "Up" && shift !== "Left")
          throw officeError(Codes.invalidArgument, "Range.delete", "shift must be Up or Left.");
        // Under an AutoFilter, deleting cells of the table succeeds and changes nothing.
        // https://github.com/OfficeDev/office-js/issues/994
        if (state.model.inFilteredTable(sheet, rect)) return;
        shiftCells(state.model, sheet, rect, shift === "Up" ? "up" : "left", FROM_ADDIN);
      },
      `range.delete("${shift}");`,
    );
  }
  /** Clears contents, formats or both ("All" by default). */
  clear(applyTo: string = "All"): void {
    this._write(
      "clear",
      applyTo,
      (state) => {
        const ref = this._ref(state);
        assertEditable(ref.sheet, "Range.clear");
        updateCells(state.model, ref, (cell) => {
          if (applyTo === "Contents") {
            const next: CellData = { ...cell, v: "" };
            delete next.f;
            delete next.err;
            return next;
          }
          if (applyTo === "Formats")
            return { v: cell.v, ...(cell.f ? { f: cell.f } : {}), ...(cell.err ? { err: true } : {}) };
          return { v: "" };
        });
        state.model.noteChange({ sheetId: ref.sheet.id, rect: ref.rect, changeType: "RangeEdited", ...FROM_ADDIN });
      },
      `range.clear("${applyTo}");`,
    );
  }
  /**
   * Merges the range into one cell, or each of its rows into one when `across` (ExcelApi 1.2).
   * As in Excel, only the upper-left value of each merged block is kept
   * (https://support.microsoft.com/office/merge-and-unmerge-cells-5cbd15d5-9375-4540-907f-c673a93fcedf),
   * and a merged area the new one overlaps is replaced by it.
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-merge-member(1)
   */
  merge(across = false): void {
    this._write(
      "merge",
      across,
      (state) => {
        const ref = this._ref(state);
        assertEditable(ref.sheet, "Range.merge");
        const { r0, r1, c0, c1 } = ref.rect;
        const blocks: Rect[] = across ? [] : [ref.rect];
        if (across) for (let r = r0; r <= r1; r++) blocks.push({ r0: r, r1: r, c0, c1 });
        const kept = (ref.sheet.merges ?? []).filter((m) => !blocks.some((b) => intersects(m, b)));
        const added = blocks.filter((b) => rectRows(b) * rectCols(b) > 1);
        state.model.set(ref.sheet, "merges", [...kept, ...added]);
        for (const b of added)
          for (let r = b.r0; r <= b.r1; r++)
            for (let c = b.c0; c <= b.c1; c++) {
              const cell = state.model.cellAt(ref.sheet, r, c);
              if ((r === b.r0 && c === b.c0) || !cell) continue;
              const next: CellData = { ...cell, v: "" };
              delete next.f;
              delete next.err;
              state.model.setCell(ref.sheet, r, c, next);
            }
        state.model.noteChange({ sheetId: ref.sheet.id, rect: ref.rect, changeType: "RangeEdited", ...FROM_ADDIN });
      },
      `range.merge(${String(across)});`,
    );
  }
  /**
   * Splits every merged area that overlaps the range back into single cells (ExcelApi 1.2).
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-unmerge-member(1)
   */
  unmerge(): void {
    this._write(
      "unmerge",
      null,
      (state) => {
        const ref = this._ref(state);
        assertEditable(ref.sheet, "Range.unmerge");
        const merges = ref.sheet.merges ?? [];
        const kept = merges.filter((m) => !intersects(m, ref.rect));
        if (kept.length !== merges.length) state.model.set(ref.sheet, "merges", kept);
      },
      "range.unmerge();",
    );
  }
  /**
   * The merged areas that overlap this range, whole, as a RangeAreas; a null object when there
   * are none (ExcelApi 1.13; more than 512 areas fail, as documented).
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)
   */
  getMergedAreasOrNullObject(): RangeAreasProxy {
    this._requires(13, "getMergedAreasOrNullObject");
    const areas = new RangeAreasProxy(
      this.context,
      (state) => {
        const { sheet, rect } = this._ref(state);
        const found = (sheet.merges ?? []).filter((m) => intersects(m, rect));
        if (found.length > 512)
          throw officeError(Codes.generalException, "Range.getMergedAreasOrNullObject", "More than 512 merged areas.");
        return found.length === 0 ? null : { sheet, rects: [...found].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0) };
      },
      true,
    );
    areas._queueNullCheck("getMergedAreasOrNullObject");
    return areas;
  }
  /** Selects the range in the UI. */
  select(): void {
    this._write(
      "select",
      null,
      (state) => {
        const { sheet, rect } = this._ref(state);
        state.model.set(state.model, "activeSheetId", sheet.id);
        state.model.set(state.model, "selection", { sheetId: sheet.id, rect });
      },
      "range.select();",
    );
  }
}

const RANGE_SCALARS = [
  "address",
  "addressLocal",
  "values",
  "formulas",
  "formulasLocal",
  "numberFormat",
  "numberFormatLocal",
  "text",
  "valueTypes",
  "rowIndex",
  "columnIndex",
  "rowCount",
  "columnCount",
  "cellCount",
  "isEntireRow",
  "isEntireColumn",
  "hidden",
  "rowHidden",
] as const;

/**
 * The used range of a range: the smallest rectangle inside `r` holding its used cells, or null
 * when none is used ("If there are no used cells within the range, this function will throw an
 * ItemNotFound error"). Blank cells between the range's edge and the sheet's used cells elsewhere
 * are not part of it.
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getusedrange-member(1)
 */
function clipUsed(state: SyncState, sheet: SheetModel, r: Rect, valuesOnly: boolean): Rect | null {
  return state.model.usedRect(sheet, valuesOnly, r);
}

/** Resolves an address string relative to a sheet ("A1:B2" or "Other!A1"). */
export function locateAddress(state: SyncState, defaultSheet: SheetModel, address: string, location: string): RangeRef {
  const parsed = parseAddress(address);
  if (!parsed) throw officeError(Codes.invalidArgument, location, `'${address}' is not a valid address.`);
  const sheet = parsed.sheet === undefined ? defaultSheet : state.model.sheetByName(parsed.sheet);
  if (!sheet) throw officeError(Codes.itemNotFound, location, `The worksheet '${parsed.sheet ?? ""}' doesn't exist.`);
  return { sheet, rect: parsed.rect };
}
