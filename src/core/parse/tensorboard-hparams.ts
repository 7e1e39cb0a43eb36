/**
 * TensorBoard HParams dashboard's JSON download: `{"header": [hparams..., metrics...],
 * "rows": [[...], ...]}`, one row per session group (one run). Missing metrics are `null`;
 * TensorBoard writes NaN and infinities as the strings "NaN", "Infinity", "-Infinity".
 */
import { readShapedJson } from "./json-shape";
import type { Literal } from "./literal";
import { isRecord } from "./records";
import { LineTracker, uniqueColumns, type RawTable, type RawValue } from "./raw";
import type { ParseIssue } from "./types";
import { nonFiniteIssue } from "./column-typing";

/** True for `{header: string[], rows: array[]}`. */
export function looksLikeHParams(v: Literal): boolean {
  return (
    isRecord(v) &&
    Array.isArray(v.header) &&
    v.header.every((h) => typeof h === "string") &&
    Array.isArray(v.rows) &&
    v.rows.every((r) => Array.isArray(r))
  );
}

const NON_FINITE_TEXT = new Set(["NaN", "Infinity", "-Infinity"]);

/** Parses the HParams JSON export into one run per row. */
export function parseHParamsJson(text: string): RawTable {
  const issues: ParseIssue[] = [];
  const table: RawTable = {
    format: "tensorboard-hparams",
    columns: [],
    rows: [],
    rowLines: [],
    issues,
    textual: false,
    commaHint: "thousands",
    stepLog: false,
  };
  const r = readShapedJson(text, looksLikeHParams, {
    what: "The JSON",
    notThisTool: 'This JSON has no "header" and "rows" lists, so it is not a TensorBoard HParams export.',
    fix: "Download the table again from the HParams dashboard as JSON, or choose the JSON format.",
  });
  if (!r.ok) {
    issues.push(r.issue);
    return table;
  }
  const header = (r.value.header as Literal[]).map(String);
  const rows = r.value.rows as Literal[][];
  table.columns = uniqueColumns(header, 1, issues);
  const lines = new LineTracker(text);
  let from = Math.max(0, text.indexOf('"rows"'));
  for (const row of rows) {
    const at = text.indexOf("[", from + 1);
    if (at >= 0) from = at;
    const line = lines.lineAt(from);
    const cells: RawValue[] = table.columns.map((column, i) => {
      const v = row[i];
      if (v === undefined || v === null || v === "") return null;
      if (typeof v === "string" && NON_FINITE_TEXT.has(v)) {
        issues.push(nonFiniteIssue(v, line, column));
        return null;
      }
      if (typeof v === "object") return JSON.stringify(v);
      return v;
    });
    if (row.length > header.length)
      issues.push({
        line,
        code: "too_many_fields",
        severity: "error",
        message: `Row on line ${line} has ${row.length} values but the header has ${header.length}.`,
        fix: "Download the table again; the header and rows must have the same length.",
      });
    table.rows.push(cells);
    table.rowLines.push(line);
    from = text.indexOf("]", from);
    if (from < 0) from = text.length;
  }
  return table;
}
