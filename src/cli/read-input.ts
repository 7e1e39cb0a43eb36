/**
 * Reading the CLI's input into what every command works on. Text files go through the same
 * readers as the task pane's import (src/core/parse: byte decoding, format detection, every
 * tracker's and logger's format), so `parse`, `validate`, `best`, `schema`, `report` and
 * `compare` see the same runs. Workbooks (.xlsx) are read cell by cell as `Range.values` would
 * give them, after checking how large they become once unzipped.
 */
import ExcelJS from "exceljs";
import {
  fail,
  ok,
  readExcelJsValue,
  tableLayout,
  xlsxTooLarge,
  type CellSource,
  type CellValue,
  type Grid,
  type Result,
} from "../core/index";
import { detectFormat, parseText, type FormatName, type ParseIssue, type ParseResult } from "../core/parse/index";
import { delimitedRecords, guessDelimiter } from "../core/parse/delimited";
import { decodeText } from "../core/parse/encoding";
import type { CliIO } from "./io";

/** A problem the reader found in the file, positioned by line (and by the row validate reports). */
export interface InputIssue {
  row: number;
  line: number;
  column: string;
  code: ParseIssue["code"];
  severity: ParseIssue["severity"];
  message: string;
  value: null;
  fix?: string;
}

/** A table read from a file, ready for inferSchema/validate. */
export interface InputTable {
  grid: Grid;
  /** Excel row number of `grid[0]`. */
  rowOffset: number;
  /** Header row (Excel row number) when the reader knows it (every text format, an Excel table). */
  headerRow?: number;
  /** Last row holding a run, so a run with a single filled cell is not taken for a note. */
  lastRow?: number;
  source: CellSource;
  /** What was read, for messages (`runs.xlsx, sheet Log, table Runs`). */
  label: string;
  /** The text format that was read (absent for workbooks). */
  format?: FormatName;
  /** Structure problems found while reading (unterminated quotes, ragged rows, duplicate names, ...). */
  issues: InputIssue[];
  /** The line of the file where the run on an Excel row starts (text input), for issue positions. */
  lineOfRow?: (row: number) => number | undefined;
}

export interface ReadOptions {
  sheet?: string;
  /** Read text as this format instead of detecting it. */
  format?: FormatName;
}

/** Extensions the CLI reads. */
const TEXT_EXTENSIONS = ["csv", "tsv", "tab", "txt", "json", "jsonl", "ndjson", "md", "log"];
const XLSX_EXTENSIONS = ["xlsx", "xlsm"];

/** Parse issues that validation finds again, cell by cell, against the schema (required, type). */
const RECHECKED_BY_VALIDATE: ReadonlySet<string> = new Set(["wrong_type", "missing"]);

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function extension(path: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(path);
  return m?.[1]?.toLowerCase() ?? "";
}

/** Offsets where each line starts (CRLF, CR and LF end a line, as issues count them). */
function lineStarts(text: string, max: number): number[] {
  const starts = [0];
  for (let i = 0; i < text.length && starts.length <= max; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** The text with everything outside [from, to) emptied, line breaks kept, so line numbers stay the file's. */
function keepOnly(text: string, from: number, to: number): string {
  if (from === 0 && to === text.length) return text;
  const breaks = (s: string): string => s.replace(/[^\r\n]+/g, "");
  return breaks(text.slice(0, from)) + text.slice(from, to) + breaks(text.slice(to));
}

/** The table's text (other lines emptied) and its header line when it is a delimited table. */
interface LocatedTable {
  text: string;
  headerLine: number | null;
}

/** Formats a spreadsheet saves, possibly with titles above and notes below the table. */
const PLAIN_TABLES: ReadonlySet<FormatName> = new Set<FormatName>(["csv", "csv-semicolon", "tsv"]);

/** How many leading lines may be titles or notes above a delimited table. */
const TITLE_LINES = 20;

/**
 * Finds the table in delimited text saved from a spreadsheet: title rows above it and notes
 * below it are emptied (their lines stay, so every line number is the file's), as in a sheet
 * the user adopts. Other text is read whole.
 */
function locateTable(text: string): LocatedTable {
  const whole: LocatedTable = { text, headerLine: null };
  // Only plain tables can sit under titles; tool outputs and logs are read as they are.
  const guess = detectFormat(text)[0];
  if (!guess || !PLAIN_TABLES.has(guess.format)) return whole;
  const starts = lineStarts(text, TITLE_LINES);
  for (let k = 0; k < starts.length && k <= TITLE_LINES; k++) {
    const at = starts[k] ?? 0;
    // Only lines without any separator can be titles; past one, the table starts (ragged or not).
    if (k > 0 && /[,;\t]/.test(text.slice(starts[k - 1] ?? 0, at))) return whole;
    const rest = k === 0 ? text : text.slice(at);
    const { delimiter, consistency } = guessDelimiter(rest);
    if (consistency < 0.6) continue;
    const recs = delimitedRecords(rest, delimiter);
    const layout = tableLayout(recs.records);
    if (layout.headerIndex < 0) return whole;
    const from = at + (recs.starts[layout.headerIndex] ?? 0);
    const next = recs.starts[layout.lastDataIndex + 1];
    const to = next === undefined ? text.length : at + next;
    return { text: keepOnly(text, from, to), headerLine: k + (recs.lines[layout.headerIndex] ?? 1) };
  }
  return whole;
}

/** A parse result of a whole file: every line number is the file's. */
export interface ParsedFile {
  result: ParseResult;
  /** Line of the header when the file is a delimited table whose runs sit on their own lines; else null. */
  headerLine: number | null;
}

/**
 * Reads decoded text with the pane's parser. Without a forced format, title rows above a
 * delimited table and notes under it are left out.
 */
export function parseFileText(text: string, format?: FormatName): ParsedFile {
  const located: LocatedTable = format ? { text, headerLine: null } : locateTable(text);
  const result = parseText(located.text, format ? { format } : undefined);
  const h = located.headerLine;
  // Runs must sit below the header for rows to be the file's lines (key=value lines do not).
  const onLines = h !== null && result.rowLines.every((l) => l > h);
  return { result, headerLine: onLines ? h : null };
}

/** Formats whose values were typed by the tool that wrote them: a number in quotes is worth a warning. */
function sourceOf(result: ParseResult): CellSource {
  return /^(json|jsonl|dvc-json|pydict)$/.test(result.format) ? "excel" : "text";
}

function inputIssues(result: ParseResult, rowOfLine: (line: number) => number): InputIssue[] {
  return result.issues
    .filter((i) => !RECHECKED_BY_VALIDATE.has(i.code))
    .map((i) => {
      const issue: InputIssue = {
        row: rowOfLine(i.line),
        line: i.line,
        column: i.column ?? "",
        code: i.code,
        severity: i.severity,
        message: i.message,
        value: null,
      };
      if (i.fix !== undefined) issue.fix = i.fix;
      return issue;
    });
}

/**
 * The grid validate checks. Delimited text keeps its lines as rows (row N is line N, as Excel
 * shows the file); other formats are laid out as the pane writes them: header on row 1, run i on
 * row i + 2.
 */
function tableFromParse(parsed: ParsedFile, label: string): Result<InputTable, string> {
  const { result, headerLine } = parsed;
  const errors = result.issues.filter((i) => i.severity === "error");
  if (result.rows.length === 0 && errors.length > 0)
    return fail(
      `${label}: ${errors
        .slice(0, 3)
        .map((i) => `line ${i.line}: ${i.message}`)
        .join("; ")}`,
    );
  const values = (row: Record<string, unknown>): CellValue[] =>
    result.columns.map((c) => {
      const v = row[c];
      return v === undefined ? null : (v as CellValue);
    });
  const base = { source: sourceOf(result), label, format: result.format, rowOffset: 1 };
  if (headerLine !== null) {
    const last = result.rowLines[result.rowLines.length - 1] ?? headerLine;
    const grid: Grid = Array.from({ length: last }, () => []);
    grid[headerLine - 1] = [...result.columns];
    result.rows.forEach((row, i) => {
      const line = result.rowLines[i];
      if (line !== undefined) grid[line - 1] = values(row);
    });
    return ok({
      ...base,
      grid,
      headerRow: headerLine,
      lastRow: last,
      issues: inputIssues(result, (line) => line),
      lineOfRow: (row) => (row >= 1 && row <= last ? row : undefined),
    });
  }
  const grid: Grid = [[...result.columns], ...result.rows.map(values)];
  const rowOfLine = (line: number): number => {
    let row = 1;
    result.rowLines.forEach((l, i) => {
      if (l <= line) row = i + 2;
    });
    return row;
  };
  return ok({
    ...base,
    grid,
    headerRow: 1,
    lastRow: result.rows.length + 1,
    issues: inputIssues(result, rowOfLine),
    lineOfRow: (row) => result.rowLines[row - 2],
  });
}

interface TableRef {
  name: string;
  ref: string;
}

function tablesOf(ws: ExcelJS.Worksheet): TableRef[] {
  const out: TableRef[] = [];
  for (const entry of ws.getTables() as unknown[]) {
    const t =
      entry && typeof entry === "object"
        ? (entry as { table?: { name?: unknown; tableRef?: unknown; ref?: unknown } }).table
        : undefined;
    const ref = typeof t?.tableRef === "string" ? t.tableRef : typeof t?.ref === "string" ? t.ref : undefined;
    if (t && typeof t.name === "string" && ref) out.push({ name: t.name, ref });
  }
  return out;
}

function decodeRef(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref.trim());
  if (!m || !m[1] || !m[2]) return null;
  const col = (s: string): number => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { left: col(m[1]), top: Number(m[2]), right: col(m[3] ?? m[1]), bottom: Number(m[4] ?? m[2]) };
}

function sheetGrid(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): Grid {
  const grid: Grid = [];
  for (let r = top; r <= bottom; r++) {
    const row = ws.getRow(r);
    const cells: CellValue[] = [];
    for (let c = left; c <= right; c++) {
      const { value, formula } = row.getCell(c);
      cells.push(readExcelJsValue(value, formula).value);
    }
    grid.push(cells);
  }
  return grid;
}

async function readXlsx(bytes: Uint8Array, path: string, options: ReadOptions): Promise<Result<InputTable, string>> {
  const tooLarge = xlsxTooLarge(bytes);
  if (tooLarge) return fail(tooLarge);
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings want a Node Buffer; a Uint8Array view of the same bytes is what it reads.
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    return fail(`is not a readable .xlsx workbook (${errorText(e)})`);
  }
  let ws: ExcelJS.Worksheet | undefined;
  if (options.sheet !== undefined) {
    ws =
      wb.worksheets.find((s) => s.name === options.sheet) ??
      wb.worksheets.find((s) => s.name.toLowerCase() === options.sheet?.toLowerCase());
    if (!ws)
      return fail(`has no sheet named "${options.sheet}" (sheets: ${wb.worksheets.map((s) => s.name).join(", ")})`);
  } else {
    ws =
      wb.worksheets.find((s) => tablesOf(s).some((t) => t.name.toLowerCase() === "runs")) ??
      wb.worksheets.find((s) => s.name.toLowerCase() === "runs") ??
      wb.worksheets[0];
  }
  if (!ws) return fail("has no sheets");
  const table = tablesOf(ws).find((t) => t.name.toLowerCase() === "runs");
  const range = table ? decodeRef(table.ref) : null;
  if (table && range) {
    return ok({
      grid: sheetGrid(ws, range.top, range.left, range.bottom, range.right),
      rowOffset: range.top,
      headerRow: range.top,
      source: "excel",
      label: `${path}, sheet ${ws.name}, table ${table.name}`,
      issues: [],
    });
  }
  return ok({
    grid: sheetGrid(ws, 1, 1, ws.rowCount, ws.columnCount),
    rowOffset: 1,
    source: "excel",
    label: `${path}, sheet ${ws.name}`,
    issues: [],
  });
}

/** Reads a text file's bytes (or standard input's) and decodes them; errors are sentences. */
export async function readText(path: string, io: CliIO): Promise<Result<string, string>> {
  const label = path === "-" ? "standard input" : path;
  let bytes: Uint8Array;
  try {
    bytes = path === "-" ? await io.readStdin() : await io.readFile(path);
  } catch (e) {
    return fail(`cannot read ${label} (${errorText(e)})`);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return fail(`${label}: ${decoded.issues.map((i) => i.message).join(" ")}`);
  return ok(decoded.value.text);
}

/** Why a path cannot be read by its extension, or null when it can (stdin is `-`). */
export function unsupportedPath(path: string): string | null {
  if (path === "-") return null;
  const ext = extension(path);
  if ([...TEXT_EXTENSIONS, ...XLSX_EXTENSIONS].includes(ext)) return null;
  return `cannot read ${path}: use a .csv, .tsv, .txt, .json, .jsonl, .md or .xlsx file`;
}

/**
 * Reads a file (or stdin when path is `-`) into a table: .xlsx/.xlsm as a workbook, any other
 * supported file as text in any format the pane imports. Errors are sentences for stderr (the
 * caller exits with code 2), never exceptions.
 */
export async function readInput(
  path: string,
  io: CliIO,
  options: ReadOptions = {},
): Promise<Result<InputTable, string>> {
  const unsupported = unsupportedPath(path);
  if (unsupported) return fail(unsupported);
  if (XLSX_EXTENSIONS.includes(extension(path))) {
    let bytes: Uint8Array;
    try {
      bytes = await io.readFile(path);
    } catch (e) {
      return fail(`cannot read ${path} (${errorText(e)})`);
    }
    const r = await readXlsx(bytes, path, options);
    return r.ok ? r : fail(`${path} ${r.issues[0] ?? "cannot be read"}`);
  }
  const text = await readText(path, io);
  if (!text.ok) return text;
  return tableFromParse(parseFileText(text.value, options.format), path === "-" ? "standard input" : path);
}
