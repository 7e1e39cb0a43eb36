/**
 * The parse pipeline: detect -> split into a raw table -> type columns -> tidy up (pandas index,
 * step-log reduction). `parseText` runs it in one go; `parseInChunks` yields between slices.
 */
import { detectFormat } from "./detect";
import { parseDvcJson } from "./dvc";
import { parseDelimitedFormat } from "./flavors";
import { parseJsonDocument, parseJsonLines } from "./json";
import { parseKeyValue } from "./keyvalue";
import { parseMarkdown } from "./markdown";
import { parsePyDictLines } from "./pydict";
import type { RawTable } from "./raw";
import { reduceStepLog } from "./steplog";
import type { FormatName, ParseIssue, ParseOptions, ParseResult, ParsedValue } from "./types";

/** The format to use: the forced one, or the most likely detected one. */
export function chooseFormat(text: string, options?: ParseOptions): FormatName {
  return options?.format ?? detectFormat(text)[0]?.format ?? "csv";
}

/** Splits text into a raw table for `format`; never throws. */
export function parseRaw(text: string, format: FormatName): RawTable {
  switch (format) {
    case "json":
      return parseJsonDocument(text);
    case "jsonl":
      return parseJsonLines(text);
    case "dvc-json":
      return parseDvcJson(text);
    case "pydict":
      return parsePyDictLines(text);
    case "keyvalue":
      return parseKeyValue(text);
    case "markdown":
      return parseMarkdown(text);
    default:
      return parseDelimitedFormat(text, format);
  }
}

/** The result for an empty paste. */
export function emptyResult(format: FormatName): ParseResult {
  return {
    format,
    columns: [],
    rows: [],
    rowLines: [],
    issues: [
      {
        line: 1,
        code: "empty_input",
        severity: "error",
        message: "There is nothing to import: the text is empty.",
        fix: "Paste the output of your script or tracker.",
      },
    ],
  };
}

/** True when the first column is pandas' unnamed 0..n-1 index (to_csv / to_markdown write it). */
function isPandasIndex(columns: string[], rows: Record<string, ParsedValue>[]): boolean {
  if (columns[0] !== "") return false;
  return rows.every((r, i) => r[""] === i || r[""] === null);
}

/** Last step: drop pandas' index, reduce step logs, report a table without rows. */
export function finishResult(raw: RawTable, rows: Record<string, ParsedValue>[], issues: ParseIssue[]): ParseResult {
  let columns = raw.columns;
  let rowLines = raw.rowLines;
  if (columns[0] === "") {
    if (isPandasIndex(columns, rows)) {
      columns = columns.slice(1);
      for (const r of rows) delete r[""];
    } else {
      columns = ["column_1", ...columns.slice(1)];
      for (const r of rows) {
        r.column_1 = r[""] ?? null;
        delete r[""];
      }
      issues.push({
        line: rowLines[0] ?? 1,
        code: "empty_column_name",
        severity: "warning",
        message: 'Column 1 has no name; it is called "column_1".',
        fix: "Give the column a header.",
      });
    }
  }
  if (rows.length === 0 && !issues.some((i) => i.severity === "error")) {
    issues.push({
      line: 1,
      code: "no_rows",
      severity: "error",
      message: "No data rows were found under the header.",
      fix: "Paste the header together with at least one row of values.",
    });
  }
  const result: ParseResult = { format: raw.format, columns, rows, rowLines, issues: sortIssues(issues) };
  if (raw.stepLog && rows.length > 0) {
    const reduced = reduceStepLog(columns, rows, rowLines);
    result.columns = reduced.columns;
    result.rows = [reduced.row];
    result.rowLines = rowLines = [rowLines[0] ?? 1];
    result.curves = reduced.curves;
  }
  return result;
}

function sortIssues(issues: ParseIssue[]): ParseIssue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => a.issue.line - b.issue.line || a.i - b.i)
    .map((x) => x.issue);
}
