// Model operations shared by several proxies: protected-sheet checks, writing cell input,
// inserting/deleting cells with the shifting of tables, formats and validations that follows.
import { MAX_COLS, MAX_ROWS, type Rect, rectCols, rectRows } from "./address";
import { Codes, officeError } from "./errors";
import { checkFormula } from "./formula";
import { type ChangeRecord, type SheetModel, type WorkbookModel, cellKey, keyCol, keyRow } from "./model";
import { type CellData, type Scalar, parseInput } from "./cell-input";

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
export function inputCell(
  model: WorkbookModel,
  sheet: SheetModel,
  old: CellData | undefined,
  raw: Scalar,
  location: string,
): CellData {
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
    throw officeError(
      Codes.invalidArgument,
      location,
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (range is ${rows}x${cols}, input is ${got}).`,
    );
  }
  return (r, c) => ((input as unknown[][])[r]?.[c] ?? null) as T | null;
}

/** Writes input values (as typed) into a rectangle and records one change for events. */
export function writeInputs(
  model: WorkbookModel,
  ref: RangeRef,
  input: unknown,
  location: string,
  origin: Origin,
): void {
  const steps = writeInputSteps(model, ref, input, location, origin);
  while (!steps.next().done);
}

/** Rows written between the steps of writeInputSteps. */
const ROWS_PER_STEP = 500;

/** writeInputs as steps of ROWS_PER_STEP rows, for the engine to run in time slices. */
export function* writeInputSteps(
  model: WorkbookModel,
  ref: RangeRef,
  input: unknown,
  location: string,
  origin: Origin,
): Generator<void, void, void> {
  const { sheet, rect } = ref;
  const at = shapeInput<Scalar>(input, rect, location);
  const single = rect.r0 === rect.r1 && rect.c0 === rect.c1;
  const before = single ? model.cellAt(sheet, rect.r0, rect.c0) : undefined;
  for (let r = rect.r0; r <= rect.r1; r++) {
    for (let c = rect.c0; c <= rect.c1; c++) {
      const raw = at(r - rect.r0, c - rect.c0);
      if (raw === null || raw === undefined) continue; // null means "leave this cell unchanged"
      if (typeof raw === "object")
        throw officeError(Codes.invalidArgument, location, "Cell values must be strings, numbers or booleans.");
      model.setCell(sheet, r, c, inputCell(model, sheet, model.cellAt(sheet, r, c), raw, location));
    }
    if ((r - rect.r0) % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
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
  adjustFormulaReferences(model, sheet, rect, dir, by);
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
  // Merged areas move with their cells; one whose cells are deleted goes.
  if (sheet.merges?.length)
    model.set(
      sheet,
      "merges",
      sheet.merges.flatMap((m) => {
        const moved = shiftRect(m, dir, rect, by);
        return moved === null ? [] : [moved];
      }),
    );
  const entireRows = rect.c0 === 0 && rect.c1 === MAX_COLS - 1;
  const entireCols = rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
  const changeType =
    dir === "down"
      ? entireRows
        ? "RowInserted"
        : "CellInserted"
      : dir === "up"
        ? entireRows
          ? "RowDeleted"
          : "CellDeleted"
        : dir === "right"
          ? entireCols
            ? "ColumnInserted"
            : "CellInserted"
          : entireCols
            ? "ColumnDeleted"
            : "CellDeleted";
  model.noteChange({ sheetId: sheet.id, rect, changeType, ...origin });
}

const REF_IN_FORMULA =
  /((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?(?![\w(!])/g;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}
function colLetters(index: number): string {
  let l = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) l = String.fromCharCode(65 + ((n - 1) % 26)) + l;
  return l;
}

/**
 * Rewrites references in every formula after cells moved, as Excel does: references past an
 * insertion move with their cells; a single-cell reference to deleted cells becomes #REF!, a range
 * shrinks. (String literals are not parsed out; formulas here are simple.)
 */
function adjustFormulaReferences(
  model: WorkbookModel,
  moved: SheetModel,
  rect: Rect,
  dir: Direction,
  by: number,
): void {
  const vertical = dir === "down" || dir === "up";
  const insert = dir === "down" || dir === "right";
  const start = vertical ? rect.r0 : rect.c0;
  const end = start + by - 1;
  const shiftIndex = (i: number): number | null => {
    if (insert) return i >= start ? i + by : i;
    if (i > end) return i - by;
    return i >= start ? null : i;
  };
  const inBand = (r: number, c: number): boolean =>
    vertical ? c >= rect.c0 && c <= rect.c1 : r >= rect.r0 && r <= rect.r1;
  for (const sheet of model.sheets) {
    for (const [k, cell] of sheet.cells) {
      if (!cell.f) continue;
      const f = cell.f.replace(
        REF_IN_FORMULA,
        (
          whole: string,
          prefix: string | undefined,
          ca: string,
          cl: string,
          ra: string,
          rd: string,
          ca2?: string,
          cl2?: string,
          ra2?: string,
          rd2?: string,
        ) => {
          const target = prefix
            ? model.sheetByName(prefix.slice(0, -1).replace(/^'|'$/g, "").replace(/''/g, "'"))
            : sheet;
          if (target !== moved) return whole;
          const pts = [[Number(rd) - 1, colNumber(cl)]];
          if (cl2 !== undefined && rd2 !== undefined) pts.push([Number(rd2) - 1, colNumber(cl2)]);
          if (!pts.every(([r, c]) => inBand(r ?? 0, c ?? 0))) return whole;
          const movedPts = pts.map(
            ([r = 0, c = 0]) => (vertical ? [shiftIndex(r), c] : [r, shiftIndex(c)]) as [number | null, number | null],
          );
          if (movedPts.length === 1) {
            const [r, c] = movedPts[0] ?? [null, null];
            if (r === null || c === null) return "#REF!";
            return `${prefix ?? ""}${ca}${colLetters(c)}${ra}${r + 1}`;
          }
          // A range: clamp endpoints that fell inside the deleted band.
          const [[r1, c1] = [null, null], [r2, c2] = [null, null]] = movedPts;
          const a = [r1 ?? (vertical ? start : (pts[0]?.[0] ?? 0)), c1 ?? (vertical ? (pts[0]?.[1] ?? 0) : start)];
          const b = [
            r2 ?? (vertical ? start - 1 : (pts[1]?.[0] ?? 0)),
            c2 ?? (vertical ? (pts[1]?.[1] ?? 0) : start - 1),
          ];
          if ((a[0] ?? 0) > (b[0] ?? 0) || (a[1] ?? 0) > (b[1] ?? 0)) return "#REF!";
          return `${prefix ?? ""}${ca}${colLetters(a[1] ?? 0)}${ra}${(a[0] ?? 0) + 1}:${ca2 ?? ""}${colLetters(b[1] ?? 0)}${ra2 ?? ""}${(b[0] ?? 0) + 1}`;
        },
      );
      if (f !== cell.f) model.mapSet(sheet.cells, k, { ...cell, f });
    }
  }
}
