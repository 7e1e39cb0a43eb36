// Model operations shared by several proxies: protected-sheet checks, writing cell input,
// inserting/deleting cells with the shifting of tables, formats and validations that follows.
import { MAX_COLS, MAX_ROWS, type Rect, rectCols, rectRows } from "./address";
import { Codes, officeError } from "./errors";
import { checkFormula } from "./formula";
import { type ChangeRecord, type SheetModel, type WorkbookModel, cellKey, keyCol, keyRow } from "./model";
import { type CellData, type Scalar, parseInput } from "./values";

export interface RangeRef {
  sheet: SheetModel;
  rect: Rect;
}

/** Writes on a protected sheet fail as in Excel (AccessDenied). */
export function assertEditable(sheet: SheetModel, location: string): void {
  if (sheet.protected) {
    throw officeError(Codes.accessDenied, location, `The worksheet '${sheet.name}' is protected.`);
  }
}

export type Origin = { source: "Local" | "Remote"; triggerSource: "ThisLocalAddin" | "Unknown" };
export const FROM_ADDIN: Origin = { source: "Local", triggerSource: "ThisLocalAddin" };
export const FROM_USER: Origin = { source: "Local", triggerSource: "Unknown" };
export const FROM_COAUTHOR: Origin = { source: "Remote", triggerSource: "Unknown" };

/** Builds the new content of one cell from an input value, keeping its formatting. */
export function inputCell(model: WorkbookModel, sheet: SheetModel, old: CellData | undefined, raw: Scalar, location: string): CellData {
  let parsed;
  try {
    parsed = parseInput(raw, old?.nf);
  } catch {
    throw officeError(Codes.invalidArgument, location, "Numbers must be finite.");
  }
  const next: CellData = { ...(old ?? { v: "" }), v: parsed.v };
  delete next.f;
  delete next.err;
  if (parsed.err) next.err = true;
  if (parsed.autoFormat && (next.nf === undefined || next.nf === "General")) next.nf = parsed.autoFormat;
  if (parsed.formula !== undefined) {
    try {
      checkFormula(parsed.formula);
    } catch {
      throw officeError(Codes.invalidArgument, location, `The formula '${parsed.formula}' contains an error.`);
    }
    next.f = parsed.formula;
    const res = model.evaluate(sheet, parsed.formula);
    next.v = res.v;
    if (res.err) next.err = true;
  }
  return next;
}

/** Checks a 2-D input against the range shape; a single non-array value fills the range. */
export function shapeInput<T>(input: unknown, rect: Rect, location: string): (r: number, c: number) => T | null {
  if (!Array.isArray(input)) return () => input as T;
  const rows = rectRows(rect);
  const cols = rectCols(rect);
  const bad = input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols);
  if (bad) {
    const got = `${input.length}x${Array.isArray(input[0]) ? (input[0] as unknown[]).length : 0}`;
    throw officeError(Codes.invalidArgument, location, `The number of rows or columns in the input array doesn't match the size or dimensions of the range (range is ${rows}x${cols}, input is ${got}).`);
  }
  return (r, c) => ((input as unknown[][])[r]?.[c] ?? null) as T | null;
}

/** Writes input values (as typed) into a rectangle and records one change for events. */
export function writeInputs(model: WorkbookModel, ref: RangeRef, input: unknown, location: string, origin: Origin): void {
  const { sheet, rect } = ref;
  const at = shapeInput<Scalar>(input, rect, location);
  const single = rect.r0 === rect.r1 && rect.c0 === rect.c1;
  const before = single ? model.cellAt(sheet, rect.r0, rect.c0) : undefined;
  for (let r = rect.r0; r <= rect.r1; r++) {
    for (let c = rect.c0; c <= rect.c1; c++) {
      const raw = at(r - rect.r0, c - rect.c0);
      if (raw === null || raw === undefined) continue; // null means "leave this cell unchanged"
      if (typeof raw === "object") throw officeError(Codes.invalidArgument, location, "Cell values must be strings, numbers or booleans.");
      model.setCell(sheet, r, c, inputCell(model, sheet, model.cellAt(sheet, r, c), raw, location));
    }
  }
  const change: ChangeRecord = { sheetId: sheet.id, rect, changeType: "RangeEdited", ...origin };
  if (single) {
    change.before = before;
    change.after = model.cellAt(sheet, rect.r0, rect.c0);
  }
  model.noteChange(change);
}

/** Applies `fn` to each cell of a rectangle (creating the cell if needed) for formatting writes. */
export function updateCells(model: WorkbookModel, ref: RangeRef, fn: (cell: CellData) => CellData): void {
  const { sheet, rect } = ref;
  for (let r = rect.r0; r <= rect.r1; r++) {
    for (let c = rect.c0; c <= rect.c1; c++) {
      model.setCell(sheet, r, c, fn({ ...(model.cellAt(sheet, r, c) ?? { v: "" }) }));
    }
  }
}

type Direction = "down" | "right" | "up" | "left";

/** Moves a rectangle for an insert (down/right) or delete (up/left) of `by` rows/cols at `at`. */
function shiftRect(rect: Rect, dir: Direction, band: Rect, by: number): Rect | null {
  const vertical = dir === "down" || dir === "up";
  // Only rectangles lying within the band's columns (rows) move.
  if (vertical ? rect.c0 < band.c0 || rect.c1 > band.c1 : rect.r0 < band.r0 || rect.r1 > band.r1) return rect;
  const start = vertical ? band.r0 : band.c0;
  const lo = vertical ? rect.r0 : rect.c0;
  const hi = vertical ? rect.r1 : rect.c1;
  let nlo = lo;
  let nhi = hi;
  if (dir === "down" || dir === "right") {
    if (lo >= start) {
      nlo += by;
      nhi += by;
    } else if (hi >= start) nhi += by;
  } else {
    const end = start + by - 1;
    if (lo > end) {
      nlo -= by;
      nhi -= by;
    } else if (hi >= start) {
      const removed = Math.min(hi, end) - Math.max(lo, start) + 1;
      if (removed >= hi - lo + 1) return null;
      nlo = Math.min(lo, start);
      nhi = hi - removed;
    }
  }
  return vertical ? { ...rect, r0: nlo, r1: nhi } : { ...rect, c0: nlo, c1: nhi };
}

/**
 * Inserts (down/right) or deletes (up/left) the cells of `rect`, shifting neighbours the way Excel
 * does, and moves tables, conditional formats and validations along.
 */
export function shiftCells(model: WorkbookModel, sheet: SheetModel, rect: Rect, dir: Direction, origin: Origin): void {
  const vertical = dir === "down" || dir === "up";
  const by = vertical ? rectRows(rect) : rectCols(rect);
  const next = new Map<number, CellData>();
  for (const [k, cell] of sheet.cells) {
    let r = keyRow(k);
    let c = keyCol(k);
    const inBand = vertical ? c >= rect.c0 && c <= rect.c1 : r >= rect.r0 && r <= rect.r1;
    if (inBand) {
      if (dir === "down" && r >= rect.r0) r += by;
      else if (dir === "right" && c >= rect.c0) c += by;
      else if (dir === "up" && r >= rect.r0) {
        if (r <= rect.r1) continue;
        r -= by;
      } else if (dir === "left" && c >= rect.c0) {
        if (c <= rect.c1) continue;
        c -= by;
      }
    }
    if (r < MAX_ROWS && c < MAX_COLS) next.set(cellKey(r, c), cell);
  }
  model.set(sheet, "cells", next);
  model.dirty = true;
  for (const t of model.tablesOn(sheet.id)) {
    const moved = shiftRect(t.rect, dir, rect, by);
    if (moved === null) model.removeItem(model.tables, t);
    else model.set(t, "rect", moved);
  }
  for (const cf of [...sheet.conditionalFormats]) {
    const moved = shiftRect(cf.rect, dir, rect, by);
    if (moved === null) model.removeItem(sheet.conditionalFormats, cf);
    else model.set(cf, "rect", moved);
  }
  for (const dv of [...sheet.validations]) {
    const moved = shiftRect(dv.rect, dir, rect, by);
    if (moved === null) model.removeItem(sheet.validations, dv);
    else model.set(dv, "rect", moved);
  }
  const entireRows = rect.c0 === 0 && rect.c1 === MAX_COLS - 1;
  const entireCols = rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
  const changeType =
    dir === "down" ? (entireRows ? "RowInserted" : "CellInserted")
    : dir === "up" ? (entireRows ? "RowDeleted" : "CellDeleted")
    : dir === "right" ? (entireCols ? "ColumnInserted" : "CellInserted")
    : entireCols ? "ColumnDeleted" : "CellDeleted";
  model.noteChange({ sheetId: sheet.id, rect, changeType, ...origin });
}
