/**
 * The parse pipeline: detect -> split into a raw table -> type columns -> tidy up (pandas index,
 * step-log reduction). `parseText` runs it in one go; `parseInChunks` yields between slices.
 */
import { detectFormat } from "./detect";
import { formatLabel } from "./formats";
import { parseDvcJson } from "./dvc";
import { parseDelimitedFormat } from "./flavors";
import { parseJsonDocument, parseJsonLines } from "./json";
import { parseKeyValue } from "./keyvalue";
import { parseMarkdown } from "./markdown";
import { parsePyDictLines } from "./pydict";
import type { RawTable } from "./raw";
import { parseDvcMarkdown, parseDvcMetricsJson } from "./dvc-more";
import { parseTrainerState, parseLogMetrics } from "./hf-trainer";
import { layoutColumns, rawStepLayout, reduceStepLog, summariseNonFinite } from "./steplog";
import { parseHParamsJson } from "./tensorboard-hparams";
import type { FormatName, ParseIssue, ParseOptions, ParseResult, ParsedValue } from "./types";

/** The format to use: the forced one, or the most likely detected one. */
export function chooseFormat(text: string, options?: ParseOptions): FormatName {
  return chooseReading(text, options).format;
}

/** Two readings this close in confidence are both offered. */
const CLOSE = 0.1;

/** The format to use and, when detected, the other readings that came close to it. */
export function chooseReading(text: string, options?: ParseOptions): { format: FormatName; close: FormatName[] } {
  if (options?.format) return { format: options.format, close: [] };
  const guesses = detectFormat(text);
  const top = guesses[0] ?? { format: "csv" as const, confidence: 0 };
  const close = guesses.slice(1).filter((g) => g.confidence > 0 && top.confidence - g.confidence < CLOSE);
  return { format: top.format, close: close.map((g) => g.format) };
}

/** Says which reading was chosen when another came close, and offers the others. */
export function noteAlternatives(result: ParseResult, close: readonly FormatName[]): ParseResult {
  if (close.length === 0) return result;
  result.alternatives = [...close];
  const others = close.map((f) => `${formatLabel(f)} (${f})`).join(" or ");
  result.issues = [
    {
      line: 1,
      code: "ambiguous_format",
      severity: "warning",
      message: `Read as ${formatLabel(result.format)}; it could also be read as ${others}.`,
      fix: `If the runs look wrong, choose ${close.length === 1 ? "that format" : "one of those formats"} instead.`,
    },
    ...result.issues,
  ];
  return result;
}

/** Formats whose rows are runs by construction: never reduced as a step log. */
const RUN_TABLES: ReadonlySet<FormatName> = new Set([
  "mlflow",
  "mlflow-ui",
  "wandb",
  "wandb-dataframe",
  "dvc-csv",
  "dvc-json",
  "dvc-md",
  "dvc-metrics-json",
  "dvc-metrics-md",
  "optuna",
  "sklearn-cv",
  "tensorboard-hparams",
  "json-by-key",
  "hf-log-metrics",
]);

/**
 * Splits text into a raw table for `format` and judges from its structure whether it is a
 * step-wise log (one run per trial); never throws.
 */
export function parseRaw(text: string, format: FormatName): RawTable {
  const raw = splitRaw(text, format);
  if (raw.stepLog) raw.layout ??= rawStepLayout(raw);
  else if (!RUN_TABLES.has(format)) {
    raw.layout = rawStepLayout(raw);
    raw.stepLog = raw.layout !== null;
  }
  return raw;
}

function splitRaw(text: string, format: FormatName): RawTable {
  switch (format) {
    case "json":
    case "json-by-key":
      return parseJsonDocument(text, format);
    case "hf-trainer-state":
      return parseTrainerState(text);
    case "hf-log-metrics":
      return parseLogMetrics(text);
    case "tensorboard-hparams":
      return parseHParamsJson(text);
    case "dvc-metrics-json":
      return parseDvcMetricsJson(text);
    case "dvc-md":
    case "dvc-metrics-md":
      return parseDvcMarkdown(text, format);
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
  const rowLines = raw.rowLines;
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
    const reduced = reduceStepLog(columns, rows, rowLines, layoutColumns(raw.columns, raw.layout ?? null));
    result.columns = reduced.columns;
    result.rows = reduced.rows;
    result.rowLines = reduced.rowLines;
    result.curves = reduced.curves;
    result.issues = sortIssues(summariseNonFinite([...result.issues, ...reduced.issues]));
  } else if (raw.curves && raw.curves.length > 0) {
    result.curves = raw.curves;
  }
  return result;
}

function sortIssues(issues: ParseIssue[]): ParseIssue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => a.issue.line - b.issue.line || a.i - b.i)
    .map((x) => x.issue);
}
