/** Types of run comparison (see compare.ts). */
import type { RunValue } from "./runs";
import type { ColumnRole } from "./schema-types";

/** Options for compare(). */
export interface CompareOptions {
  /** Id of the baseline run (default: the first id given). */
  baseline?: string;
  /** Keep columns whose values are equal across the runs (default false: only differences). */
  allColumns?: boolean;
}

/** A metric delta against the baseline. `relative` is null when the baseline is 0. */
export interface Delta {
  absolute: number;
  relative: number | null;
}

/** One compared column: values per run (in the order of `runs`), and deltas for metrics. */
export interface CompareColumn {
  name: string;
  role: ColumnRole;
  differs: boolean;
  values: RunValue[];
  /** For metrics: delta of each run vs the baseline (null for the baseline itself or missing values). */
  deltas?: (Delta | null)[];
}

/** Side-by-side of selected runs. */
export interface CompareResult {
  baseline: { id: string; row: number };
  runs: { id: string; row: number }[];
  columns: CompareColumn[];
  /** Param names whose values differ from the baseline, per run (same order as `runs`). */
  paramDiffs: string[][];
  /** Ids asked for but not found. */
  missing: string[];
}
