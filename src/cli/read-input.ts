/**
 * Reading the CLI's input files into a Grid the core validates: CSV/TSV (cells kept as the text
 * the user wrote), JSON (array of objects or `{runs: [...]}`), and .xlsx (first sheet, `--sheet`,
 * or the `Runs` table), keeping sheet row numbers so issue rows match what Excel shows.
 */
import ExcelJS from "exceljs";
import Papa from "papaparse";
import {
  dateToExcelSerial,
  fail,
  gridFromRecords,
  ok,
  type CellSource,
  type CellValue,
  type Grid,
  type Result,
} from "../core/index";
import { parseText } from "../core/parse/index";
import type { CliIO } from "./io";

/** A table read from a file, ready for inferSchema/validate. */
export interface InputTable {
  grid: Grid;
  /** Excel row number of `grid[0]`. */
  rowOffset: number;
  /** Header row (Excel row number) when the file says where it is (an Excel table, JSON). */
  headerRow?: number;
  source: CellSource;
  /** What was read, for messages (`runs.xlsx, sheet Log, table Runs`). */
  label: string;
}

export interface ReadOptions {
  sheet?: string;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function extension(path: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(path);
  return m?.[1]?.toLowerCase() ?? "";
}

/** Parses delimited text with PapaParse, keeping every cell as text (numbers stay as the user wrote them). */
export function gridFromDelimited(text: string, delimiter?: string): Grid {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, {
    delimiter: delimiter ?? "",
    skipEmptyLines: false,
    delimitersToGuess: [",", "\t", ";", "|"],
  });
  const rows = parsed.data;
  // PapaParse reports the final newline as one empty row; Excel shows no such row.
  const last = rows[rows.length - 1];
  if (last && last.length === 1 && last[0] === "") rows.pop();
  return rows;
}

/** Parses JSON runs: an array of objects, or an object with a `runs` array. Row 1 is the header; run i is on row i + 2. */
export function gridFromJson(text: string): Result<Grid, string> {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return fail(`is not valid JSON (${errorText(e)})`);
  }
  const list = Array.isArray(value)
    ? value
    : value && typeof value === "object" && Array.isArray((value as { runs?: unknown }).runs)
      ? (value as { runs: unknown[] }).runs
      : null;
  if (!list) return fail('must hold an array of runs, or an object {"runs": [...]}');
  const records: Record<string, unknown>[] = [];
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    if (!item || typeof item !== "object" || Array.isArray(item)) return fail(`run ${i + 1} is not an object`);
    records.push(item as Record<string, unknown>);
  }
  return ok(gridFromRecords(records));
}

/** Converts an exceljs cell value to what `Range.values` would give (dates as serial numbers, errors as text). */
export function excelJsCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return dateToExcelSerial(value);
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (typeof v.error === "string") return v.error;
    if ("formula" in v || "sharedFormula" in v) return excelJsCell(v.result);
    if (Array.isArray(v.richText))
      return v.richText
        .map((p: unknown) =>
          p && typeof p === "object" && typeof (p as { text?: unknown }).text === "string"
            ? (p as { text: string }).text
            : "",
        )
        .join("");
    if (typeof v.text === "string") return v.text;
  }
  return JSON.stringify(value);
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
      const { value } = row.getCell(c);
      cells.push(excelJsCell(value));
    }
    grid.push(cells);
  }
  return grid;
}

async function readXlsx(bytes: Uint8Array, path: string, options: ReadOptions): Promise<Result<InputTable, string>> {
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
    });
  }
  const bottom = ws.rowCount;
  const right = ws.columnCount;
  return ok({
    grid: sheetGrid(ws, 1, 1, bottom, right),
    rowOffset: 1,
    source: "excel",
    label: `${path}, sheet ${ws.name}`,
  });
}

/**
 * JSON that JSON.parse refuses but scripts really write (Python's `NaN`/`Infinity`), and JSON
 * Lines, go through the paste parser of src/core/parse, which reports errors by line.
 */
function gridFromScriptJson(text: string, format: "json" | "jsonl", label: string): Result<InputTable, string> {
  const parsed = parseText(text, { format });
  const errors = parsed.issues.filter((i) => i.severity === "error");
  if (errors.length)
    return fail(
      `${label}: ${errors
        .slice(0, 3)
        .map((i) => `line ${i.line}: ${i.message}`)
        .join("; ")}`,
    );
  return ok({ grid: gridFromRecords(parsed.rows), rowOffset: 1, headerRow: 1, source: "excel", label });
}

function fromText(text: string, ext: string, label: string): Result<InputTable, string> {
  const trimmed = text.trimStart();
  if (ext === "jsonl" || ext === "ndjson") return gridFromScriptJson(text, "jsonl", label);
  if (ext === "json" || (ext === "" && (trimmed.startsWith("[") || trimmed.startsWith("{")))) {
    const g = gridFromJson(text);
    if (g.ok) return ok({ grid: g.value, rowOffset: 1, headerRow: 1, source: "excel", label });
    const script = gridFromScriptJson(text, "json", label);
    return script.ok ? script : fail(`${label} ${g.issues[0] ?? "is not valid JSON"}`);
  }
  const delimiter = ext === "tsv" || ext === "tab" ? "\t" : ext === "csv" ? undefined : undefined;
  return ok({ grid: gridFromDelimited(text, delimiter), rowOffset: 1, source: "text", label });
}

/**
 * Reads a file (or stdin when path is `-`) by its extension: .csv, .tsv, .txt, .json, .jsonl, .xlsx.
 * Errors are sentences for stderr (the caller exits with code 2), never exceptions.
 */
export async function readInput(
  path: string,
  io: CliIO,
  options: ReadOptions = {},
): Promise<Result<InputTable, string>> {
  if (path === "-") {
    let text: string;
    try {
      text = await io.readStdin();
    } catch (e) {
      return fail(`cannot read standard input (${errorText(e)})`);
    }
    return fromText(text, "", "standard input");
  }
  const ext = extension(path);
  if (!["csv", "tsv", "tab", "txt", "json", "jsonl", "ndjson", "xlsx", "xlsm"].includes(ext)) {
    return fail(`cannot read ${path}: use a .csv, .tsv, .json, .jsonl or .xlsx file`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (e) {
    return fail(`cannot read ${path} (${errorText(e)})`);
  }
  if (ext === "xlsx" || ext === "xlsm") {
    const r = await readXlsx(bytes, path, options);
    return r.ok ? r : fail(`${path} ${r.issues[0] ?? "cannot be read"}`);
  }
  const text = new TextDecoder("utf-8").decode(bytes);
  return fromText(text, ext, path);
}
