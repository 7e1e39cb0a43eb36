/**
 * CSV / TSV / semicolon text via PapaParse (RFC 4180 quoting, doubled quotes, quoted newlines,
 * as Excel's clipboard writes them). This module only splits; typing happens in `table.ts`.
 */
import Papa from "papaparse";
import { LineTracker, uniqueColumns } from "./raw";
import type { ParseIssue } from "./types";

export interface DelimitedRows {
  header: string[];
  /** Data rows, each padded or cut to the header's width. */
  records: string[][];
  /** 1-based line of each record. */
  lines: number[];
  headerLine: number;
  issues: ParseIssue[];
}

/** Removes a leading byte-order mark (Excel's "CSV UTF-8" starts with one). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Removes NUL characters, reporting where the first one was. A NUL is never text: it comes from
 * a binary file or from UTF-16 read as UTF-8, and would otherwise end up inside names and values.
 */
function withoutNul(text: string, issues: ParseIssue[]): string {
  const first = text.indexOf("\u0000");
  if (first < 0) return text;
  let count = 0;
  for (let i = first; i < text.length; i++) if (text.charCodeAt(i) === 0) count++;
  const line = new LineTracker(text).lineAt(first);
  issues.push({
    line,
    code: "nul_character",
    severity: "warning",
    message:
      count === 1
        ? `Line ${line} contains a NUL character (byte 0), which is not text; it was removed.`
        : `The text contains ${count} NUL characters (byte 0), the first on line ${line}; they were removed.`,
    fix: "Export the file again as UTF-8 or UTF-16 text; a NUL usually means a binary file or a wrong encoding.",
  });
  return text.replaceAll("\u0000", "");
}

function isEmptyRecord(cells: string[]): boolean {
  return cells.every((c) => c.trim() === "");
}

/** Every record of delimited text, blank ones included, with where each starts. */
export interface DelimitedRecords {
  records: string[][];
  /** 1-based line where each record starts. */
  lines: number[];
  /** Character offset where each record starts. */
  starts: number[];
  /** Unterminated quotes, with the line of the record they open in. */
  issues: ParseIssue[];
}

/**
 * Splits delimited text into records with PapaParse (RFC 4180 quoting), keeping blank records
 * so record positions match the lines a spreadsheet shows. `text` must have no BOM.
 */
export function delimitedRecords(text: string, delimiter: string): DelimitedRecords {
  if (!text.includes('"') && !text.includes("\r")) return unquotedRecords(text, delimiter);
  const issues: ParseIssue[] = [];
  const tracker = new LineTracker(text);
  const records: string[][] = [];
  const lines: number[] = [];
  const starts: number[] = [];
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (res) => {
      const line = tracker.lineAt(start);
      starts.push(start);
      start = res.meta.cursor;
      for (const err of res.errors) {
        if (err.type === "Quotes") {
          issues.push({
            line,
            code: "unterminated_quote",
            severity: "error",
            message: `A quoted value starting on line ${line} is never closed, so the rest of the text is read as one cell.`,
            fix: 'Add the closing double quote ("), or double every quote inside a quoted value ("").',
          });
        }
      }
      records.push(res.data);
      lines.push(line);
    },
  });
  return { records, lines, starts, issues };
}

/**
 * `delimitedRecords` for text without quotes and without CR: every record is one LF-ended line,
 * so PapaParse splits it in one call (no per-record callback) and positions follow the LFs.
 */
function unquotedRecords(text: string, delimiter: string): DelimitedRecords {
  const records = Papa.parse<string[]>(text, { delimiter, newline: "\n", skipEmptyLines: false }).data;
  const lines: number[] = new Array<number>(records.length);
  const starts: number[] = new Array<number>(records.length);
  let start = 0;
  for (let i = 0; i < records.length; i++) {
    lines[i] = i + 1;
    starts[i] = start;
    const lf = text.indexOf("\n", start);
    start = lf < 0 ? text.length : lf + 1;
  }
  return { records, lines, starts, issues: [] };
}

/**
 * Splits delimited text into a header and records with their line numbers. Blank lines are
 * skipped; rows wider than the header are errors (data would be lost), narrower rows warnings.
 */
export function splitDelimited(input: string, delimiter: string): DelimitedRows {
  const issues: ParseIssue[] = [];
  const text = withoutNul(stripBom(input), issues);
  const split = delimitedRecords(text, delimiter);
  issues.push(...split.issues);
  const all: string[][] = [];
  const lines: number[] = [];
  split.records.forEach((cells, i) => {
    if (isEmptyRecord(cells)) return;
    all.push(cells);
    lines.push(split.lines[i] ?? 1);
  });
  const headerCells = all.shift() ?? [];
  const headerLine = lines.shift() ?? 1;
  const header = uniqueColumns(headerCells, headerLine, issues);
  const width = header.length;
  const records = all.map((cells, i) => {
    const line = lines[i] ?? headerLine;
    if (cells.length > width) {
      const extra = cells.slice(width);
      if (extra.some((c) => c.trim() !== "")) {
        issues.push({
          line,
          code: "too_many_fields",
          severity: "error",
          message: `Line ${line} has ${cells.length} values but the header has ${width} columns.`,
          fix: `Quote values that contain the separator "${printable(delimiter)}", or add the missing column names to the header.`,
        });
      }
      return cells.slice(0, width);
    }
    if (cells.length < width) {
      issues.push({
        line,
        code: "too_few_fields",
        severity: "warning",
        message: `Line ${line} has ${cells.length} values but the header has ${width} columns; the missing ones are left empty.`,
        fix: "Check that no value was cut off or merged with its neighbour.",
      });
      return [...cells, ...new Array<string>(width - cells.length).fill("")];
    }
    return cells;
  });
  return { header, records, lines, headerLine, issues };
}

function printable(delimiter: string): string {
  return delimiter === "\t" ? "tab" : delimiter;
}

/**
 * Guesses the delimiter from the first rows: the candidate whose rows (split by PapaParse, so
 * quoted separators and quoted newlines count correctly) most consistently have the header's
 * width, with at least two columns.
 */
export function guessDelimiter(text: string): { delimiter: string; consistency: number } {
  const sample = stripBom(text).slice(0, 64 * 1024);
  let best = { delimiter: ",", consistency: 0 };
  for (const d of ["\t", ";", ","]) {
    const rows = Papa.parse<string[]>(sample, { delimiter: d, preview: 20, skipEmptyLines: "greedy" }).data;
    const width = rows[0]?.length ?? 0;
    if (width < 2) continue;
    const same = rows.filter((r) => r.length === width).length / rows.length;
    // Earlier candidates win ties: commas also appear inside decimal-comma numbers and text.
    if (same > best.consistency) best = { delimiter: d, consistency: same };
  }
  return best;
}
