/**
 * Structured runs: what validation hands to best/compare/report. Values are typed by the schema
 * (numbers for integer/number/percent/duration, booleans, ISO strings for dates), and every run
 * knows the Excel row it came from so issues and results point at what the user sees.
 */
import type { ColumnSpec, RunSchema } from "./schema-types";

/** A typed cell value: `null` when the cell is empty or invalid (never 0 in its place). */
export type RunValue = string | number | boolean | null;

export interface Run {
  /** The 1-based Excel row number the run sits on (sheet-relative, header row included). */
  excelRow: number;
  /** The id column's value as text, or `row N` when the schema has no id column or it is empty. */
  id: string;
  /** Values keyed by column name, typed by the schema. */
  values: Record<string, RunValue>;
  /**
   * Why a value is null although the cell was not empty (e.g. `accuracy is #DIV/0!`), keyed by
   * column name; best() uses it to explain exclusions.
   */
  invalid: Record<string, string>;
  /** Canonical text of the run's params (role `param`, excluding `seed`): equal keys = same configuration. */
  configKey: string;
  /** Index (0-based, in order of first appearance) of the configuration this run replicates. */
  replicateGroup: number;
}

/** Column names that never make a configuration different: the replicate axis. */
export const REPLICATE_COLUMNS: ReadonlySet<string> = new Set(["seed", "random_seed", "rng_seed"]);

/**
 * The columns that define a configuration: params and data (role `param` or `data`), not a seed.
 * Data belongs in it: the same model trained on another dataset or sample size is a different
 * experiment, not a replicate, and averaging the two would hide exactly what changed.
 */
export function configColumns(schema: RunSchema): ColumnSpec[] {
  return schema.columns.filter(
    (c) => (c.role === "param" || c.role === "data") && !REPLICATE_COLUMNS.has(c.name.toLowerCase()),
  );
}

/**
 * Canonical configuration key of a run's values over the given columns. JSON keeps numbers,
 * strings and booleans distinct ("1" vs 1), and the fixed column order makes keys comparable.
 */
export function configKeyOf(values: Record<string, RunValue>, columns: readonly string[]): string {
  const parts: RunValue[] = [];
  for (const name of columns) parts.push(values[name] ?? null);
  return JSON.stringify(parts);
}
