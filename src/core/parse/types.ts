/**
 * Public types of the paste/import parser. Everything here is plain data so it crosses a
 * Web Worker boundary (structured clone) unchanged.
 */
import type { Goal } from "../schema-types";

/** Every input format RunSheet recognises. */
export const FORMAT_NAMES = [
  "csv",
  "csv-semicolon",
  "tsv",
  "json",
  "jsonl",
  "keyvalue",
  "pydict",
  "markdown",
  "mlflow",
  "mlflow-ui",
  "wandb",
  "dvc-csv",
  "dvc-json",
  "keras",
  "lightning",
  "hf-trainer-state",
  "hf-log-metrics",
  "dvc-md",
  "dvc-metrics-json",
  "dvc-metrics-md",
  "tensorboard-hparams",
  "metric-history",
  "sklearn-cv",
  "optuna",
  "wandb-dataframe",
  "json-by-key",
] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** A parsed cell: `null` means missing (never 0). */
export type ParsedValue = string | number | boolean | null;

export type IssueSeverity = "error" | "warning";

/**
 * One problem found while parsing. `line` is 1-based in the pasted text; `column` is the
 * column name when the problem belongs to one cell.
 */
export interface ParseIssue {
  line: number;
  column?: string;
  code: ParseIssueCode;
  severity: IssueSeverity;
  message: string;
  fix?: string;
}

export type ParseIssueCode =
  | "empty_input"
  | "syntax"
  | "unterminated_quote"
  | "too_many_fields"
  | "too_few_fields"
  | "duplicate_column"
  | "empty_column_name"
  | "wrong_type"
  | "non_finite"
  | "missing"
  | "text_too_long"
  | "skipped_line"
  | "index_column_dropped"
  | "no_rows"
  | "invalid_encoding"
  | "nul_character"
  | "too_deep"
  | "number_out_of_range"
  | "duplicate_key"
  | "new_run"
  | "ambiguous_format"
  | "decimal_comma"
  | "scheduled_value";

/** One metric's curve from a step-wise log (epochs or steps), for the History sheet. */
export interface StepCurve {
  metric: string;
  /** The name of the x axis column: `epoch` or `step`. */
  x: string;
  points: { x: number; y: number; line: number }[];
  goal?: Goal;
  /** Index in `ParseResult.rows` of the run this curve belongs to (0 when the log is one run). */
  row?: number;
}

export interface ParseResult {
  format: FormatName;
  columns: string[];
  rows: Record<string, ParsedValue>[];
  /** `rowLines[i]` is the 1-based line in the pasted text where `rows[i]` starts. */
  rowLines: number[];
  issues: ParseIssue[];
  /** Present for step-wise logs (Keras, Lightning, Hugging Face Trainer lines). */
  curves?: StepCurve[];
  /** Other readings that came close to the chosen one, most likely first (pick one with `format`). */
  alternatives?: FormatName[];
}

export interface ParseOptions {
  /** Force a format instead of auto-detecting it. */
  format?: FormatName;
}
