/**
 * Where the table sits in a messy sheet: title rows, blank rows, the header row (not
 * necessarily row 1), and trailing notes under the data. Shared by inference and validation.
 */
import { isBlank, type CellValue, type Grid } from "./grid";
import { isExcelError, parseDateCell, parseNumberText } from "./cell-value";

/** How many rows from the top are searched for the header. */
export const HEADER_SCAN_ROWS = 60;

const NONE: ReadonlySet<number> = new Set();

/** Grid-relative (0-based) positions of the table. */
export interface TableLayout {
  headerIndex: number;
  firstDataIndex: number;
  /** Inclusive; `headerIndex` when the table has no data. */
  lastDataIndex: number;
  titleIndexes: number[];
  noteIndexes: number[];
}

/** Number of non-blank cells in a row. */
export function filledCount(row: readonly CellValue[] | undefined): number {
  if (!row) return 0;
  let n = 0;
  for (const cell of row) if (!isBlank(cell)) n++;
  return n;
}

/** A header cell is text that is not a number, a date or an Excel error. */
function isLabel(cell: CellValue | undefined): boolean {
  if (typeof cell !== "string" || cell.trim() === "") return false;
  if (isExcelError(cell)) return false;
  if (parseNumberText(cell) !== null) return false;
  return parseDateCell(cell) === null;
}

/**
 * Finds the header row: the first row, among the top rows, whose non-blank cells are all labels
 * and that fills at least half the width of the widest row (so a lone merged title or a
 * "Author: Bob" note above the table does not win). Rows in `notHeader` (grid indexes, e.g. rows
 * holding a title merged across columns) are never taken. Returns -1 for an empty grid.
 */
export function findHeaderIndex(grid: Grid, notHeader: ReadonlySet<number> = NONE): number {
  const limit = Math.min(grid.length, HEADER_SCAN_ROWS);
  let widest = 0;
  for (let r = 0; r < limit; r++) widest = Math.max(widest, filledCount(grid[r]));
  if (widest === 0) return -1;
  const need = Math.max(widest === 1 ? 1 : 2, Math.ceil(widest / 2));
  let fallback = -1;
  for (let r = 0; r < limit; r++) {
    const row = grid[r];
    if (!row || notHeader.has(r)) continue;
    const filled = filledCount(row);
    if (filled < need) continue;
    if (fallback === -1) fallback = r;
    let labels = 0;
    for (const cell of row) if (isLabel(cell)) labels++;
    if (labels === filled) return r;
  }
  return fallback;
}

/** Computes the layout around a header row (detected when `headerIndex` is undefined). */
export function tableLayout(grid: Grid, headerIndex?: number): TableLayout {
  const header = headerIndex ?? findHeaderIndex(grid);
  if (header < 0) return { headerIndex: -1, firstDataIndex: 0, lastDataIndex: -1, titleIndexes: [], noteIndexes: [] };
  const width = filledCount(grid[header]);
  const titleIndexes: number[] = [];
  for (let r = 0; r < header; r++) if (filledCount(grid[r]) > 0) titleIndexes.push(r);
  // Data ends at the last row that looks like a run (two cells or more, or one in a one-column
  // table); single-cell rows after it are notes people leave under their tables.
  const minCells = width <= 1 ? 1 : 2;
  let last = header;
  for (let r = grid.length - 1; r > header; r--) {
    if (filledCount(grid[r]) >= minCells) {
      last = r;
      break;
    }
  }
  const noteIndexes: number[] = [];
  for (let r = last + 1; r < grid.length; r++) if (filledCount(grid[r]) > 0) noteIndexes.push(r);
  return { headerIndex: header, firstDataIndex: header + 1, lastDataIndex: last, titleIndexes, noteIndexes };
}
