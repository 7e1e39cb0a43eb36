/**
 * Turning a parse result into exactly what the Excel layer writes to `Range.values`.
 *
 * Injection policy: a text cell that Excel would *interpret* (a formula starting with = + - @,
 * also after leading tabs, CR, LF or spaces; or text Excel would coerce to a number, date or
 * boolean, such as "007" or "1e5") is written unchanged, and listed in `textCells` so the Excel
 * layer sets its number format to "@" (Text) *before* writing the value. Excel then stores and
 * shows the exact characters and never evaluates them. We do not add an apostrophe: the value
 * read back must equal the pasted text.
 */
import type { CellValue } from "../grid";
import type { ParseResult, ParsedValue } from "./types";
import type { ColumnMapping } from "./mapping";

const FORMULA_START = /^[\t\r\n ]*[=+\-@]/;
const NUMBER_LIKE = /^\s*[+-]?(?:[$€£¥]\s*)?(?:\d[\d,.\s]*|\.\d+)(?:[eE][+-]?\d+)?\s*%?\s*$/;
const DATE_LIKE =
  /^\s*(?:\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?|\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}[- ](?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)/i;
const BOOL_LIKE = /^\s*(?:true|false)\s*$/i;
const ERROR_LIKE = /^\s*#(?:N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)/i;

/**
 * True when `text` would be taken as a formula if written as a cell value: it starts with
 * = + - or @, possibly after leading tabs, carriage returns, line feeds or spaces.
 */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * True when a text value must be written with the Text number format ("@") to stay exactly
 * the same in Excel: formulas, and strings Excel would turn into numbers, dates, booleans or
 * error values.
 */
export function needsTextFormat(text: string): boolean {
  return (
    isFormulaLike(text) ||
    NUMBER_LIKE.test(text) ||
    DATE_LIKE.test(text) ||
    BOOL_LIKE.test(text) ||
    ERROR_LIKE.test(text)
  );
}

export interface SheetCells {
  header: string[];
  /** Rows of values for `Range.values`; a missing value is "" (an empty cell). */
  cells: CellValue[][];
  /** `[row, column]` (0-based, in `cells`) of text cells to format as "@" before writing. */
  textCells: [number, number][];
  /** 0-based header positions to format as "@" (a header from a paste can start with "=" too). */
  textHeader: number[];
}

function toCell(v: ParsedValue | undefined): CellValue {
  if (v === null || v === undefined) return "";
  return v;
}

/**
 * Lays out rows under `header` (column names of the result, in that order) or under a
 * confirmed mapping (`target` names become the header; unmapped or skipped columns are left out).
 */
export function toSheetCells(result: ParseResult, header: string[] | ColumnMapping[]): SheetCells {
  const pairs: { source: string; target: string }[] = header
    .map((h) => (typeof h === "string" ? { source: h, target: h } : { source: h.source, target: h.target ?? "" }))
    .filter((p) => p.target !== "");
  const cells: CellValue[][] = [];
  const textCells: [number, number][] = [];
  result.rows.forEach((row, r) => {
    const out: CellValue[] = [];
    pairs.forEach((p, c) => {
      const v = toCell(row[p.source]);
      if (typeof v === "string" && v !== "" && needsTextFormat(v)) textCells.push([r, c]);
      out.push(v);
    });
    cells.push(out);
  });
  const headerNames = pairs.map((p) => p.target);
  const textHeader = headerNames.flatMap((h, i) => (needsTextFormat(h) ? [i] : []));
  return { header: headerNames, cells, textCells, textHeader };
}

/**
 * The result restricted to rows without errors ("import valid rows only"): rows starting on a
 * line with an error are dropped, and so are the errors (they are accounted for); warnings stay.
 * Errors not tied to any row (a broken line in JSON Lines) only drop that line's data, which
 * was never a row.
 */
export function validRowsOnly(result: ParseResult): ParseResult {
  const badLines = new Set(result.issues.filter((i) => i.severity === "error").map((i) => i.line));
  const keep = result.rows.map((_, i) => !badLines.has(result.rowLines[i] ?? -1));
  const rows = result.rows.filter((_, i) => keep[i]);
  const rowLines = result.rowLines.filter((_, i) => keep[i]);
  const issues = result.issues.filter((i) => i.severity !== "error");
  return { ...result, rows, rowLines, issues };
}

/** True when nothing should be written without the user's consent: any error. */
export function hasErrors(result: ParseResult): boolean {
  return result.issues.some((i) => i.severity === "error");
}
