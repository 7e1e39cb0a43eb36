/** Types of validation (see validate.ts). */
import type { CellSource } from "./coerce";
import type { Run } from "./runs";
import type { RunSchema, ValidationIssue } from "./schema-types";

/** Options for validate. */
export interface ValidateOptions {
  /** Excel row number of the header row (default: detected, like inferSchema). */
  headerRow?: number;
  /** Excel row number of `grid[0]` (default 1). */
  rowOffset?: number;
  /** Stop collecting issues after this many (counts stay exact); default 100,000. */
  maxIssues?: number;
  /** Build structured runs (default true); false saves memory when only issues are needed. */
  collectRuns?: boolean;
  /**
   * `excel` (default): cells keep Excel's types, so a number typed as text is flagged.
   * `text`: cells come from CSV/TSV, where every value is text; plain numbers are then normal
   * (decimal commas, thousands separators and percent strings are still flagged with the fix).
   */
  source?: CellSource;
  /** Last Excel row to read (default: the last row holding data, trailing notes excluded). */
  lastRow?: number;
  /** Environment ids the workbook stores: a run naming another one gets `not_reproducible`. */
  knownEnvironments?: ReadonlySet<string>;
}

/** Issue counts by severity (exact even when the issue list is truncated). */
export interface IssueCounts {
  error: number;
  warning: number;
  info: number;
}

/** What validate returns: structured runs, issues pointing at Excel rows, and the schema used. */
export interface ValidateResult {
  runs: Run[];
  issues: ValidationIssue[];
  schema: RunSchema;
  /** The Excel row number of the header row that was used. */
  headerRow: number;
  counts: IssueCounts;
  /** True when more issues were found than `maxIssues`. */
  truncated: boolean;
}
