/**
 * Which row of an adopted sheet is its header: detected (never a title merged across columns),
 * chosen by the user, and found again after rows were inserted above it. Pure: the Excel layer
 * reads the cells and the merged areas.
 */
import { isBlank, type Grid } from "./grid";
import { findHeaderIndex } from "./layout";

/** A block of cells in sheet coordinates: Excel rows (1-based), 0-based column indexes, inclusive. */
export interface CellBlock {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
}

/** The header row as stored with the workbook: its row and its cells' text when it was chosen. */
export interface StoredHeader {
  row: number;
  cells: string[];
}

/**
 * Excel rows holding a merged area that spans more than one column: a title or a group label,
 * never the header itself.
 */
export function mergedTitleRows(merged: readonly CellBlock[]): Set<number> {
  const rows = new Set<number>();
  for (const m of merged) if (m.lastColumn > m.firstColumn) rows.add(m.firstRow);
  return rows;
}

/**
 * The header row (Excel row) of `grid`, whose first row is Excel row `rowOffset`; rows with a
 * title merged across columns are skipped. Null for an empty grid.
 */
export function detectHeaderRow(grid: Grid, rowOffset: number, merged: readonly CellBlock[] = []): number | null {
  const skip = new Set([...mergedTitleRows(merged)].map((row) => row - rowOffset));
  const index = findHeaderIndex(grid, skip);
  return index < 0 ? null : index + rowOffset;
}

/** The cells of a row as the text the header is recognised by (trailing blanks dropped). */
export function headerCells(row: readonly unknown[] | undefined): string[] {
  const cells = (row ?? []).map((v) => (v === null || v === undefined ? "" : String(v).trim()));
  while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
  return cells;
}

/**
 * Where a stored header is now: its own row when that row still holds the same cells, otherwise
 * the nearest row that does (a co-author inserted or deleted rows above it). Null when no row
 * holds those cells any more (the header was edited): detect it again then.
 */
export function locateStoredHeader(grid: Grid, rowOffset: number, stored: StoredHeader): number | null {
  const want = stored.cells.join("\u0000");
  if (stored.cells.every((c) => isBlank(c))) return null;
  const matches: number[] = [];
  grid.forEach((row, i) => {
    if (headerCells(row).join("\u0000") === want) matches.push(i + rowOffset);
  });
  if (matches.length === 0) return null;
  return matches.reduce((best, r) => (Math.abs(r - stored.row) < Math.abs(best - stored.row) ? r : best));
}

/** Reads a stored header leniently (a hand-edited setting is ignored rather than trusted). */
export function parseStoredHeader(value: unknown): StoredHeader | null {
  const raw: unknown = typeof value === "string" ? safeJson(value) : value;
  if (!raw || typeof raw !== "object") return null;
  const o = raw as { row?: unknown; cells?: unknown };
  if (typeof o.row !== "number" || !Number.isInteger(o.row) || o.row < 1 || !Array.isArray(o.cells)) return null;
  return { row: o.row, cells: o.cells.map((c) => String(c)) };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** 0-based column index of Excel column letters ("A" -> 0, "AA" -> 26). */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * The blocks of a RangeAreas address as Excel writes it ("Sheet1!A1:F1, 'My, sheet'!B2:C3"):
 * sheet names are dropped (a RangeAreas lies on one sheet), commas inside quoted names are kept.
 * https://learn.microsoft.com/javascript/api/excel/excel.rangeareas#excel-excel-rangeareas-address-member
 */
export function blocksFromAddress(address: string): CellBlock[] {
  const blocks: CellBlock[] = [];
  const pattern = /(?:(?:'(?:[^']|'')*'|[^',!]+)!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?/g;
  for (const m of address.matchAll(pattern)) {
    const [, c0 = "A", r0 = "1", c1, r1] = m;
    const a = { row: Number(r0), column: columnIndex(c0) };
    const b = c1 && r1 ? { row: Number(r1), column: columnIndex(c1) } : a;
    blocks.push({
      firstRow: Math.min(a.row, b.row),
      lastRow: Math.max(a.row, b.row),
      firstColumn: Math.min(a.column, b.column),
      lastColumn: Math.max(a.column, b.column),
    });
  }
  return blocks;
}
