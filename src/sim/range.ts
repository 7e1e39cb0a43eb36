// Excel.Range and what hangs off it: format (fill, font), conditional formats, data validation.
// https://learn.microsoft.com/en-us/javascript/api/excel/excel.range
import { MAX_COLS, MAX_ROWS, type Rect, formatAddress, parseAddress, rectCols, rectRows } from "./address";
import { ClientObjectBase, CollectionBase, type LoadOption } from "./base";
import type { SimRequestContext } from "./context";
import type { SyncState } from "./engine-types";
import { Codes, officeError } from "./errors";
import {
  type ConditionalFormatModel,
  DEFAULT_COLUMN_WIDTH,
  type DataValidationModel,
  type SheetModel,
  newId,
} from "./model";
import { FROM_ADDIN, type RangeRef, assertEditable, shapeInput, shiftCells, updateCells, writeInputs } from "./ops";
import { type CellData, formatText, valueType } from "./values";
import { WorksheetProxy } from "./worksheet";

export type RangeLocator = (state: SyncState) => RangeRef | null;

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

  protected _readScalar(name: string, state: SyncState): unknown {
    const { sheet, rect } = this._ref(state);
    const m = state.model;
    const grid = <T>(fn: (cell: CellData | undefined) => T): T[][] => {
      const out: T[][] = [];
      for (let r = rect.r0; r <= rect.r1; r++) {
        const row: T[] = [];
        for (let c = rect.c0; c <= rect.c1; c++) row.push(fn(m.cellAt(sheet, r, c)));
        out.push(row);
      }
      return out;
    };
    switch (name) {
      case "address":
      case "addressLocal":
        return formatAddress(sheet.name, rect);
      case "values":
        return grid((cell) => cell?.v ?? "");
      case "formulas":
      case "formulasLocal":
        return grid((cell) => cell?.f ?? cell?.v ?? "");
      case "numberFormat":
      case "numberFormatLocal":
        return grid((cell) => cell?.nf ?? "General");
      case "text":
        return grid(formatText);
      case "valueTypes":
        return grid(valueType);
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
        writeInputs(state.model, ref, v, "Range.values", FROM_ADDIN);
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
        writeInputs(state.model, ref, v, "Range.formulas", FROM_ADDIN);
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
        }
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
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    this._requires(7, "getResizedRange");
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

function clipUsed(state: SyncState, sheet: SheetModel, r: Rect, valuesOnly: boolean): Rect | null {
  const used = state.model.usedRect(sheet, valuesOnly);
  if (!used) return null;
  const x = {
    r0: Math.max(r.r0, used.r0),
    c0: Math.max(r.c0, used.c0),
    r1: Math.min(r.r1, used.r1),
    c1: Math.min(r.c1, used.c1),
  };
  return x.r0 > x.r1 || x.c0 > x.c1 ? null : x;
}

/** A child object that lives on a range (format, fill, font, validation). */
abstract class RangeChild extends ClientObjectBase {
  constructor(
    context: SimRequestContext,
    protected readonly _range: RangeProxy,
  ) {
    super(context);
  }
  protected _exists(state: SyncState): boolean {
    this._range._ref(state);
    return true;
  }
  /** Common value over the range's cells, or null when they differ (as Excel reports mixed formats). */
  protected _common<T>(state: SyncState, fn: (cell: CellData | undefined, r: number, c: number) => T): T | null {
    const { sheet, rect } = this._range._ref(state);
    let first: T | undefined;
    let seen = false;
    const maxR = Math.min(rect.r1, rect.r0 + 10_000);
    const maxC = Math.min(rect.c1, rect.c0 + 500);
    for (let r = rect.r0; r <= maxR; r++) {
      for (let c = rect.c0; c <= maxC; c++) {
        const v = fn(state.model.cellAt(sheet, r, c), r, c);
        if (!seen) {
          first = v;
          seen = true;
        } else if (v !== first) return null;
      }
    }
    return first ?? null;
  }
  protected _writeCells(member: string, value: unknown, fn: (cell: CellData) => CellData): void {
    this._write(
      member,
      value,
      (state) => {
        const ref = this._range._ref(state);
        assertEditable(ref.sheet, `${this._type}.${member}`);
        updateCells(state.model, ref, fn);
      },
      `${this._type}.${member} = ${JSON.stringify(value)};`,
    );
  }
}

/** Excel.RangeFormat. */
export class RangeFormatProxy extends RangeChild {
  readonly _type = "RangeFormat";
  private _fill: RangeFillProxy | undefined;
  private _font: RangeFontProxy | undefined;
  protected _scalarNames(): readonly string[] {
    return ["columnWidth", "rowHeight", "horizontalAlignment", "verticalAlignment", "wrapText"];
  }
  protected _readScalar(name: string, state: SyncState): unknown {
    const { sheet } = this._range._ref(state);
    switch (name) {
      case "columnWidth":
        return this._common(state, (_cell, _r, c) => sheet.colWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
      case "rowHeight":
        return 15;
      case "horizontalAlignment":
        return "General";
      case "verticalAlignment":
        return "Bottom";
      case "wrapText":
        return this._common(state, (cell) => cell?.wrap ?? false);
      default:
        return false;
    }
  }
  protected override _navigation(name: string): ClientObjectBase | undefined {
    if (name === "fill") return this.fill;
    if (name === "font") return this.font;
    return undefined;
  }
  get fill(): RangeFillProxy {
    this._fill ??= new RangeFillProxy(this.context, this._range);
    return this._fill;
  }
  get font(): RangeFontProxy {
    this._font ??= new RangeFontProxy(this.context, this._range);
    return this._font;
  }
  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(v: number) {
    this._write("columnWidth", v, (state) => {
      const { sheet, rect } = this._range._ref(state);
      assertEditable(sheet, "RangeFormat.columnWidth");
      if (!(v >= 0)) throw officeError(Codes.invalidArgument, "RangeFormat.columnWidth");
      for (let c = rect.c0; c <= Math.min(rect.c1, rect.c0 + 1000); c++) state.model.mapSet(sheet.colWidths, c, v);
    });
  }
  get rowHeight(): number {
    return this._get("rowHeight");
  }
  get horizontalAlignment(): string {
    return this._get("horizontalAlignment");
  }
  get wrapText(): boolean {
    return this._get("wrapText");
  }
  /** Wraps text in the cells (https://learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-wraptext-member). */
  set wrapText(v: boolean) {
    this._writeCells("wrapText", v, (cell) => ({ ...cell, wrap: v }));
  }
  /** Sizes columns to their longest displayed text (approximated at 7 points per character). */
  autofitColumns(): void {
    this._write("autofitColumns", null, (state) => {
      const { sheet, rect } = this._range._ref(state);
      const used = state.model.usedRect(sheet, true);
      if (!used) return;
      for (let c = rect.c0; c <= Math.min(rect.c1, used.c1); c++) {
        let longest = 0;
        for (let r = Math.max(rect.r0, used.r0); r <= Math.min(rect.r1, used.r1); r++) {
          longest = Math.max(longest, formatText(state.model.cellAt(sheet, r, c)).length);
        }
        if (longest > 0)
          state.model.mapSet(
            sheet.colWidths,
            c,
            Math.min(255 * 7, Math.max(DEFAULT_COLUMN_WIDTH / 2, longest * 7 + 6)),
          );
      }
    });
  }
  autofitRows(): void {
    this._write("autofitRows", null, (state) => void this._range._ref(state));
  }
}

/** Excel.RangeFill. Excel reports "#FFFFFF" for no fill. */
export class RangeFillProxy extends RangeChild {
  readonly _type = "RangeFill";
  protected _scalarNames(): readonly string[] {
    return ["color"];
  }
  protected _readScalar(_name: string, state: SyncState): unknown {
    return this._common(state, (cell) => cell?.fill ?? "#FFFFFF");
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._writeCells("color", v, (cell) => ({ ...cell, fill: normalizeColor(v) }));
  }
  clear(): void {
    this._writeCells("clear", null, (cell) => {
      delete cell.fill;
      return cell;
    });
  }
}

/** Excel.RangeFont. */
export class RangeFontProxy extends RangeChild {
  readonly _type = "RangeFont";
  protected _scalarNames(): readonly string[] {
    return ["bold", "italic", "color", "name", "size", "underline", "strikethrough"];
  }
  protected _readScalar(name: string, state: SyncState): unknown {
    switch (name) {
      case "bold":
        return this._common(state, (cell) => cell?.bold ?? false);
      case "italic":
        return this._common(state, (cell) => cell?.italic ?? false);
      case "color":
        return this._common(state, (cell) => cell?.color ?? "#000000");
      case "name":
        return "Aptos Narrow";
      case "size":
        return 11;
      case "underline":
        return "None";
      default:
        return false;
    }
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._writeCells("bold", v, (cell) => ({ ...cell, bold: v }));
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(v: boolean) {
    this._writeCells("italic", v, (cell) => ({ ...cell, italic: v }));
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._writeCells("color", v, (cell) => ({ ...cell, color: normalizeColor(v) }));
  }
  get name(): string {
    return this._get("name");
  }
  get size(): number {
    return this._get("size");
  }
}

const NAMED_COLORS: Record<string, string> = {
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  white: "#FFFFFF",
  black: "#000000",
  gray: "#808080",
  grey: "#808080",
  lightgreen: "#90EE90",
  lightblue: "#ADD8E6",
  pink: "#FFC0CB",
  purple: "#800080",
  lightgray: "#D3D3D3",
  lightyellow: "#FFFFE0",
  darkgreen: "#006400",
  darkred: "#8B0000",
};

/** Excel accepts "#RRGGBB" or an HTML colour name and reports "#RRGGBB". */
export function normalizeColor(v: string): string {
  if (/^#[0-9a-fA-F]{6}$/.test(v)) return v.toUpperCase();
  const named = NAMED_COLORS[v.toLowerCase()];
  if (named) return named;
  throw officeError(Codes.invalidArgument, "RangeFill.color", `'${v}' is not a colour Excel accepts.`);
}

// ---- conditional formats ----------------------------------------------------------------

/** Excel.ConditionalFormatCollection. */
export class ConditionalFormatCollectionProxy extends CollectionBase<ConditionalFormatProxy> {
  readonly _type = "ConditionalFormatCollection";
  constructor(
    context: SimRequestContext,
    private readonly _range: RangeProxy,
  ) {
    super(context);
  }
  protected _list(state: SyncState): ConditionalFormatProxy[] {
    const { sheet, rect } = this._range._ref(state);
    return sheet.conditionalFormats
      .filter((cf) => cf.rect.r0 <= rect.r1 && rect.r0 <= cf.rect.r1 && cf.rect.c0 <= rect.c1 && rect.c0 <= cf.rect.c1)
      .map((cf) => new ConditionalFormatProxy(this.context, sheet.id, cf.id));
  }
  /** Adds a conditional format of the given Excel.ConditionalFormatType ("Custom", "CellValue", ...). */
  add(type: string): ConditionalFormatProxy {
    this._requires(6, "add");
    const id = newId();
    this._write(
      "add",
      type,
      (state) => {
        const { sheet, rect } = this._range._ref(state);
        assertEditable(sheet, "ConditionalFormatCollection.add");
        const model: ConditionalFormatModel = {
          id,
          rect,
          type: type as ConditionalFormatModel["type"],
          stopIfTrue: false,
        };
        state.model.insertAt(sheet.conditionalFormats, 0, model);
      },
      `conditionalFormats.add("${type}");`,
    );
    return new ConditionalFormatProxy(this.context, undefined, id, this._range);
  }
  clearAll(): void {
    this._write("clearAll", null, (state) => {
      const { sheet, rect } = this._range._ref(state);
      assertEditable(sheet, "ConditionalFormatCollection.clearAll");
      for (const cf of [...sheet.conditionalFormats]) {
        if (cf.rect.r0 >= rect.r0 && cf.rect.r1 <= rect.r1 && cf.rect.c0 >= rect.c0 && cf.rect.c1 <= rect.c1)
          state.model.removeItem(sheet.conditionalFormats, cf);
      }
    });
  }
}

/** Excel.ConditionalFormat with its `custom` and `cellValue` views. */
export class ConditionalFormatProxy extends ClientObjectBase {
  readonly _type = "ConditionalFormat";
  constructor(
    context: SimRequestContext,
    private _sheetId: string | undefined,
    readonly _id: string,
    private readonly _range?: RangeProxy,
  ) {
    super(context);
  }
  /** @internal */
  _model(state: SyncState): ConditionalFormatModel {
    const sheets = this._sheetId
      ? [state.model.sheetById(this._sheetId)]
      : this._range
        ? [this._range._ref(state).sheet]
        : state.model.sheets;
    for (const s of sheets) {
      const cf = s?.conditionalFormats.find((x) => x.id === this._id);
      if (cf) return cf;
    }
    throw officeError(Codes.itemNotFound, "ConditionalFormat");
  }
  protected _exists(state: SyncState): boolean {
    this._model(state);
    return true;
  }
  protected _scalarNames(): readonly string[] {
    return ["type", "priority", "stopIfTrue", "id"];
  }
  protected _readScalar(name: string, state: SyncState): unknown {
    const cf = this._model(state);
    if (name === "type") return cf.type;
    if (name === "stopIfTrue") return cf.stopIfTrue;
    if (name === "id") return cf.id;
    const sheet = state.model.sheets.find((s) => s.conditionalFormats.includes(cf));
    return sheet ? sheet.conditionalFormats.indexOf(cf) : 0;
  }
  protected override _navigation(name: string): ClientObjectBase | undefined {
    if (name === "custom") return this.custom;
    if (name === "cellValue") return this.cellValue;
    return undefined;
  }
  get type(): string {
    return this._get("type");
  }
  get priority(): number {
    return this._get("priority");
  }
  get stopIfTrue(): boolean {
    return this._get("stopIfTrue");
  }
  set stopIfTrue(v: boolean) {
    this._write("stopIfTrue", v, (state) => state.model.set(this._model(state), "stopIfTrue", v));
  }
  get custom(): CustomConditionalFormatProxy {
    return new CustomConditionalFormatProxy(this.context, this, "Custom");
  }
  get cellValue(): CustomConditionalFormatProxy {
    return new CustomConditionalFormatProxy(this.context, this, "CellValue");
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.context, (state) => {
      const cf = this._model(state);
      const sheet = state.model.sheets.find((s) => s.conditionalFormats.includes(cf));
      return sheet ? { sheet, rect: cf.rect } : null;
    });
  }
  delete(): void {
    this._write("delete", null, (state) => {
      const cf = this._model(state);
      const sheet = state.model.sheets.find((s) => s.conditionalFormats.includes(cf));
      if (sheet) state.model.removeItem(sheet.conditionalFormats, cf);
    });
  }
}

/** Excel.CustomConditionalFormat / CellValueConditionalFormat: `rule` and `format`. */
export class CustomConditionalFormatProxy extends ClientObjectBase {
  readonly _type: string;
  constructor(
    context: SimRequestContext,
    private readonly _cf: ConditionalFormatProxy,
    private readonly _kind: "Custom" | "CellValue",
  ) {
    super(context);
    this._type = _kind === "Custom" ? "CustomConditionalFormat" : "CellValueConditionalFormat";
  }
  private _model(state: SyncState): ConditionalFormatModel {
    const cf = this._cf._model(state);
    if (cf.type !== this._kind)
      throw officeError(Codes.invalidOperation, `${this._type}`, `The conditional format is of type ${cf.type}.`);
    return cf;
  }
  protected _exists(state: SyncState): boolean {
    this._model(state);
    return true;
  }
  protected _scalarNames(): readonly string[] {
    return this._kind === "CellValue" ? ["rule"] : [];
  }
  protected _readScalar(_name: string, state: SyncState): unknown {
    const cf = this._model(state);
    const rule: Record<string, string> = { formula1: cf.formula1 ?? "", operator: cf.operator ?? "Invalid" };
    if (cf.formula2 !== undefined) rule.formula2 = cf.formula2;
    return rule;
  }
  protected override _navigation(name: string): ClientObjectBase | undefined {
    if (name === "format") return this.format;
    if (name === "rule" && this._kind === "Custom") return this.rule;
    return undefined;
  }
  /** Custom: a ConditionalFormatRule proxy (`rule.formula = ...`). CellValue: a plain rule object, settable. */
  get rule(): ConditionalFormatRuleProxy {
    if (this._kind === "CellValue") return this._get("rule");
    return new ConditionalFormatRuleProxy(this.context, (state) => this._model(state));
  }
  set rule(v: unknown) {
    this._write("rule", v, (state) => {
      const cf = this._model(state);
      const r = v as { formula1?: unknown; formula2?: unknown; operator?: unknown };
      if (typeof r.operator !== "string" || (typeof r.formula1 !== "string" && typeof r.formula1 !== "number")) {
        throw officeError(
          Codes.invalidArgument,
          `${this._type}.rule`,
          "A cell-value rule needs formula1 and operator.",
        );
      }
      state.model.set(cf, "operator", r.operator);
      state.model.set(cf, "formula1", String(r.formula1));
      if (r.formula2 !== undefined) state.model.set(cf, "formula2", String(r.formula2));
    });
  }
  get format(): ConditionalRangeFormatProxy {
    return new ConditionalRangeFormatProxy(this.context, (state) => this._model(state));
  }
}

/** Excel.ConditionalFormatRule (custom formula). */
export class ConditionalFormatRuleProxy extends ClientObjectBase {
  readonly _type = "ConditionalFormatRule";
  constructor(
    context: SimRequestContext,
    private readonly _cf: (state: SyncState) => ConditionalFormatModel,
  ) {
    super(context);
  }
  protected _exists(state: SyncState): boolean {
    this._cf(state);
    return true;
  }
  protected _scalarNames(): readonly string[] {
    return ["formula", "formulaLocal"];
  }
  protected _readScalar(_name: string, state: SyncState): unknown {
    return this._cf(state).formula ?? "";
  }
  get formula(): string {
    return this._get("formula");
  }
  set formula(v: string) {
    this._write("formula", v, (state) => {
      if (typeof v !== "string" || !v.startsWith("="))
        throw officeError(Codes.invalidArgument, "ConditionalFormatRule.formula", "The formula must start with '='.");
      state.model.set(this._cf(state), "formula", v);
    });
  }
}

/** Excel.ConditionalRangeFormat with fill and font. */
export class ConditionalRangeFormatProxy extends ClientObjectBase {
  readonly _type = "ConditionalRangeFormat";
  constructor(
    context: SimRequestContext,
    private readonly _cf: (state: SyncState) => ConditionalFormatModel,
  ) {
    super(context);
  }
  protected _exists(state: SyncState): boolean {
    this._cf(state);
    return true;
  }
  protected _scalarNames(): readonly string[] {
    return ["numberFormat"];
  }
  protected _readScalar(): unknown {
    return null;
  }
  protected override _navigation(name: string): ClientObjectBase | undefined {
    if (name === "fill") return this.fill;
    if (name === "font") return this.font;
    return undefined;
  }
  get fill(): ConditionalPartProxy {
    return new ConditionalPartProxy(this.context, this._cf, "ConditionalRangeFill");
  }
  get font(): ConditionalPartProxy {
    return new ConditionalPartProxy(this.context, this._cf, "ConditionalRangeFont");
  }
}

/** Excel.ConditionalRangeFill / ConditionalRangeFont. */
export class ConditionalPartProxy extends ClientObjectBase {
  constructor(
    context: SimRequestContext,
    private readonly _cf: (state: SyncState) => ConditionalFormatModel,
    readonly _type: "ConditionalRangeFill" | "ConditionalRangeFont",
  ) {
    super(context);
  }
  protected _exists(state: SyncState): boolean {
    this._cf(state);
    return true;
  }
  protected _scalarNames(): readonly string[] {
    return this._type === "ConditionalRangeFill" ? ["color"] : ["color", "bold", "italic"];
  }
  protected _readScalar(name: string, state: SyncState): unknown {
    const cf = this._cf(state);
    if (name === "bold") return cf.bold ?? false;
    if (name === "italic") return false;
    return (this._type === "ConditionalRangeFill" ? cf.fill : cf.fontColor) ?? null;
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._write("color", v, (state) => {
      const cf = this._cf(state);
      state.model.set(cf, this._type === "ConditionalRangeFill" ? "fill" : "fontColor", normalizeColor(v));
    });
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._write("bold", v, (state) => state.model.set(this._cf(state), "bold", v));
  }
  clear(): void {
    this._write("clear", null, (state) =>
      state.model.set(this._cf(state), this._type === "ConditionalRangeFill" ? "fill" : "fontColor", undefined),
    );
  }
}

// ---- data validation ----------------------------------------------------------------

const RULE_TYPES: Record<string, string> = {
  list: "List",
  decimal: "Decimal",
  wholeNumber: "WholeNumber",
  textLength: "TextLength",
  date: "Date",
  time: "Time",
  custom: "Custom",
};

/** Excel.DataValidation. Setting `rule` replaces validation on the range's cells. */
export class DataValidationProxy extends RangeChild {
  readonly _type = "DataValidation";
  private _find(state: SyncState): DataValidationModel | undefined {
    const { sheet, rect } = this._range._ref(state);
    return sheet.validations.find(
      (d) => d.rect.r0 <= rect.r0 && d.rect.c0 <= rect.c0 && d.rect.r1 >= rect.r0 && d.rect.c1 >= rect.c0,
    );
  }
  protected _scalarNames(): readonly string[] {
    return ["type", "rule", "ignoreBlanks", "valid", "errorAlert", "prompt"];
  }
  protected _readScalar(name: string, state: SyncState): unknown {
    const dv = this._find(state);
    switch (name) {
      case "type":
        return dv?.type ?? "None";
      case "ignoreBlanks":
        return dv?.ignoreBlanks ?? true;
      case "rule":
        return dv ? ruleOf(dv) : {};
      case "errorAlert":
        return { message: dv?.errorMessage ?? "", title: dv?.errorTitle ?? "", showAlert: true, style: "Stop" };
      case "prompt":
        return { message: dv?.promptMessage ?? "", title: "", showPrompt: Boolean(dv?.promptMessage) };
      default:
        return dv ? this._valid(state, dv) : true;
    }
  }
  private _valid(state: SyncState, dv: DataValidationModel): boolean {
    const { sheet, rect } = this._range._ref(state);
    for (let r = rect.r0; r <= rect.r1; r++) {
      for (let c = rect.c0; c <= rect.c1; c++) {
        const v = state.model.cellAt(sheet, r, c)?.v ?? "";
        if (v === "" && dv.ignoreBlanks) continue;
        if (dv.type === "List") {
          const options = (dv.source ?? "").split(",").map((s) => s.trim());
          if (!options.includes(String(v))) return false;
        } else if (dv.type === "Decimal" || dv.type === "WholeNumber") {
          if (typeof v !== "number" || (dv.type === "WholeNumber" && !Number.isInteger(v))) return false;
          const a = Number(dv.formula1);
          const b = Number(dv.formula2);
          const ok =
            dv.operator === "Between"
              ? v >= a && v <= b
              : dv.operator === "GreaterThan"
                ? v > a
                : dv.operator === "GreaterThanOrEqualTo"
                  ? v >= a
                  : dv.operator === "LessThan"
                    ? v < a
                    : dv.operator === "LessThanOrEqualTo"
                      ? v <= a
                      : dv.operator === "EqualTo"
                        ? v === a
                        : true;
          if (!ok) return false;
        }
      }
    }
    return true;
  }
  get type(): string {
    return this._get("type");
  }
  get valid(): boolean {
    return this._get("valid");
  }
  get ignoreBlanks(): boolean {
    return this._get("ignoreBlanks");
  }
  set ignoreBlanks(v: boolean) {
    this._write("ignoreBlanks", v, (state) => {
      const dv = this._find(state);
      if (dv) state.model.set(dv, "ignoreBlanks", v);
    });
  }
  get rule(): Record<string, unknown> {
    return this._get("rule");
  }
  set rule(v: Record<string, unknown>) {
    this._requires(8, "rule");
    this._write("rule", v, (state) => {
      const { sheet, rect } = this._range._ref(state);
      assertEditable(sheet, "DataValidation.rule");
      const entries = Object.entries(v ?? {}).filter(([, x]) => x !== undefined && x !== null);
      const [key, body] = entries[0] ?? [];
      const type = key ? RULE_TYPES[key] : undefined;
      if (entries.length !== 1 || !type || typeof body !== "object" || body === null) {
        throw officeError(
          Codes.invalidArgument,
          "DataValidation.rule",
          "Give exactly one rule type (list, decimal, wholeNumber, ...).",
        );
      }
      const b = body as Record<string, unknown>;
      const dv: DataValidationModel = { id: newId(), rect, type, ignoreBlanks: true };
      if (type === "List") {
        if (typeof b.source !== "string")
          throw officeError(Codes.invalidArgument, "DataValidation.rule", "A list rule needs a source.");
        dv.source = b.source;
        dv.inCellDropDown = b.inCellDropDown !== false;
      } else {
        if (typeof b.operator === "string") dv.operator = b.operator;
        if (typeof b.formula1 === "string" || typeof b.formula1 === "number") dv.formula1 = b.formula1;
        if (typeof b.formula2 === "string" || typeof b.formula2 === "number") dv.formula2 = b.formula2;
        if (type !== "Custom" && (dv.operator === undefined || dv.formula1 === undefined)) {
          throw officeError(Codes.invalidArgument, "DataValidation.rule", "The rule needs an operator and formula1.");
        }
      }
      for (const old of [...sheet.validations]) {
        if (old.rect.r0 >= rect.r0 && old.rect.r1 <= rect.r1 && old.rect.c0 >= rect.c0 && old.rect.c1 <= rect.c1)
          state.model.removeItem(sheet.validations, old);
      }
      state.model.insertAt(sheet.validations, sheet.validations.length, dv);
    });
  }
  get errorAlert(): Record<string, unknown> {
    return this._get("errorAlert");
  }
  set errorAlert(v: { message?: string; title?: string }) {
    this._write("errorAlert", v, (state) => {
      const dv = this._find(state);
      if (!dv) return;
      if (v.message !== undefined) state.model.set(dv, "errorMessage", v.message);
      if (v.title !== undefined) state.model.set(dv, "errorTitle", v.title);
    });
  }
  get prompt(): Record<string, unknown> {
    return this._get("prompt");
  }
  set prompt(v: { message?: string }) {
    this._write("prompt", v, (state) => {
      const dv = this._find(state);
      if (dv && v.message !== undefined) state.model.set(dv, "promptMessage", v.message);
    });
  }
  clear(): void {
    this._write("clear", null, (state) => {
      const { sheet, rect } = this._range._ref(state);
      for (const old of [...sheet.validations]) {
        if (old.rect.r0 <= rect.r1 && rect.r0 <= old.rect.r1 && old.rect.c0 <= rect.c1 && rect.c0 <= old.rect.c1)
          state.model.removeItem(sheet.validations, old);
      }
    });
  }
}

function ruleOf(dv: DataValidationModel): Record<string, unknown> {
  const key = Object.entries(RULE_TYPES).find(([, v]) => v === dv.type)?.[0] ?? "custom";
  if (dv.type === "List") return { list: { source: dv.source, inCellDropDown: dv.inCellDropDown ?? true } };
  const body: Record<string, unknown> = { formula1: dv.formula1, operator: dv.operator };
  if (dv.formula2 !== undefined) body.formula2 = dv.formula2;
  return { [key]: body };
}

/** Resolves an address string relative to a sheet ("A1:B2" or "Other!A1"). */
export function locateAddress(state: SyncState, defaultSheet: SheetModel, address: string, location: string): RangeRef {
  const parsed = parseAddress(address);
  if (!parsed) throw officeError(Codes.invalidArgument, location, `'${address}' is not a valid address.`);
  const sheet = parsed.sheet === undefined ? defaultSheet : state.model.sheetByName(parsed.sheet);
  if (!sheet) throw officeError(Codes.itemNotFound, location, `The worksheet '${parsed.sheet ?? ""}' doesn't exist.`);
  return { sheet, rect: parsed.rect };
}
