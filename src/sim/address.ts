// A1-style address parsing and formatting for the simulator (sheet-qualified, whole rows/columns).
import { columnLetter } from "../core/grid";

/** Excel's grid limits (rows, columns). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** An inclusive, 0-based rectangle of cells. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface ParsedAddress {
  sheet?: string;
  rect: Rect;
}

/** Converts column letters to a 0-based index (A -> 0), or -1 when not letters. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) return -1;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function parsePart(part: string): { r: number | null; c: number | null } | null {
  let m = CELL.exec(part);
  if (m?.[1] && m[2]) return { r: Number(m[2]) - 1, c: columnIndex(m[1]) };
  m = COL.exec(part);
  if (m?.[1]) return { r: null, c: columnIndex(m[1]) };
  m = ROW.exec(part);
  if (m?.[1]) return { r: Number(m[1]) - 1, c: null };
  return null;
}

/** Splits "Sheet!A1" / "'My sheet'!A1" into sheet and local part. */
function splitSheet(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/** Parses "A1", "A1:C3", "A:C", "2:5", optionally sheet-qualified. Returns null when invalid. */
export function parseAddress(address: string): ParsedAddress | null {
  const { sheet, local } = splitSheet(address.trim());
  const parts = local.split(":");
  if (parts.length < 1 || parts.length > 2) return null;
  const a = parsePart(parts[0] ?? "");
  const b = parts.length === 2 ? parsePart(parts[1] ?? "") : a;
  if (!a || !b) return null;
  // A whole column ("A:C") has no rows, a whole row ("2:5") no columns; mixing them is invalid.
  if ((a.r === null) !== (b.r === null) || (a.c === null) !== (b.c === null)) return null;
  if (parts.length === 1 && (a.r === null || a.c === null)) return null;
  const r0 = a.r ?? 0;
  const r1 = b.r ?? MAX_ROWS - 1;
  const c0 = a.c ?? 0;
  const c1 = b.c ?? MAX_COLS - 1;
  const rect = { r0: Math.min(r0, r1), r1: Math.max(r0, r1), c0: Math.min(c0, c1), c1: Math.max(c0, c1) };
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS) return null;
  return sheet === undefined ? { rect } : { sheet, rect };
}

/** Quotes a sheet name the way Excel does in addresses ('My sheet'!A1). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** A1 of a single 0-based cell. */
export function cellAddress(r: number, c: number): string {
  return `${columnLetter(c)}${r + 1}`;
}

/** Local address of a rectangle as Excel reports it: "A1", "A1:C3", "A:C", "2:5". */
export function formatRect(rect: Rect): string {
  const wholeCols = rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
  const wholeRows = rect.c0 === 0 && rect.c1 === MAX_COLS - 1;
  if (wholeCols && !wholeRows) return `${columnLetter(rect.c0)}:${columnLetter(rect.c1)}`;
  if (wholeRows && !wholeCols) return `${rect.r0 + 1}:${rect.r1 + 1}`;
  const a = cellAddress(rect.r0, rect.c0);
  if (rect.r0 === rect.r1 && rect.c0 === rect.c1) return a;
  return `${a}:${cellAddress(rect.r1, rect.c1)}`;
}

/** Sheet-qualified address, e.g. "Runs!A1:C3". */
export function formatAddress(sheet: string, rect: Rect): string {
  return `${quoteSheet(sheet)}!${formatRect(rect)}`;
}

export function rectRows(rect: Rect): number {
  return rect.r1 - rect.r0 + 1;
}
export function rectCols(rect: Rect): number {
  return rect.c1 - rect.c0 + 1;
}
export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}
export function contains(outer: Rect, r: number, c: number): boolean {
  return r >= outer.r0 && r <= outer.r1 && c >= outer.c0 && c <= outer.c1;
}
