/**
 * The RunSchema contract shared by core, the Excel layer, the pane and the CLI.
 * JSON form: `{"columns":[{...}]}`; the same table lives in the workbook's `Schema` sheet
 * (table `RunSchema`), one row per column.
 */
export const COLUMN_TYPES = [
  "text",
  "integer",
  "number",
  "percent",
  "boolean",
  "date",
  "datetime",
  "choice",
  "url",
  "duration",
] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export const COLUMN_ROLES = ["id", "param", "metric", "data", "meta", "tag"] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export type Goal = "max" | "min";

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  role: ColumnRole;
  required?: boolean;
  min?: number;
  max?: number;
  choices?: string[];
  pattern?: string;
  unit?: string;
  /** Only for metrics: whether bigger (`max`) or smaller (`min`) is better. */
  goal?: Goal;
  description?: string;
  /** Part of the recipe that re-runs a run (code/data version, environment, command): a finished run without it is `not_reproducible`. */
  recipe?: boolean;
}

export interface RunSchema {
  columns: ColumnSpec[];
}

/** Validation codes: stable names the Check tab, the marks and the CLI report issues by. */
export const ISSUE_CODES = [
  "missing_required",
  "wrong_type",
  "number_as_text",
  "out_of_range",
  "not_in_choices",
  "pattern_mismatch",
  "duplicate_id",
  "duplicate_config",
  "excel_error",
  "unknown_column",
  "bad_date",
  "non_finite",
  "text_too_long",
  /** Leading or trailing spaces in a text cell (info, safe fix: the trimmed text). */
  "extra_spaces",
  /** A finished run whose recipe (code, data, environment, command) is missing or not pinned (warning). */
  "not_reproducible",
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export type Severity = "error" | "warning" | "info";

/**
 * One problem in the sheet. `row` is the Excel row number the user sees (1-based, header row
 * included, relative to the sheet, not the table); `column` is the column's header name.
 */
export interface ValidationIssue {
  row: number;
  column: string;
  code: IssueCode;
  severity: Severity;
  message: string;
  value: string | number | boolean | null;
  /** A safe replacement value the pane can apply in one click (number stored as text, trimmed spaces, case of a choice). */
  fix?: string | number | boolean;
}
