// Excel.RangeFormat and its fill and font, plus the base of every object that hangs off a range.
// https://learn.microsoft.com/javascript/api/excel/excel.rangeformat
// https://learn.microsoft.com/javascript/api/excel/excel.rangefill
// https://learn.microsoft.com/javascript/api/excel/excel.rangefont
// One class per documented Office JS object (https://learn.microsoft.com/javascript/api/excel), so
// the repeated constructor, `_scalarNames`/`_readScalar`, property getters and `_navigation` are
// the API's own surface mirrored member by member, not copied logic; what they share is in base.ts.
import { ClientObjectBase } from "./base";
import type { SimRequestContext } from "./context";
import type { SyncState } from "./engine-types";
import { Codes, officeError } from "./errors";
import { DEFAULT_COLUMN_WIDTH } from "./model";
import { assertEditable, updateCells } from "./ops";
import type { RangeProxy } from "./range";
import { type CellData, formatText } from "./cell-input";

/** A child object that lives on a range (format, fill, font, validation). */
export abstract class RangeChild extends ClientObjectBase {
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
