/**
 * The best-run question as the pane and the ribbon ask it: which metrics a schema offers, and
 * best() on checked runs from a metric, a goal, constraint text and an optional Pareto metric.
 * Both callers share it so "Mark best run" and the Best tab can never rank differently.
 */
import { best } from "./best";
import type { BestResult } from "./best-types";
import type { Problem, Result } from "./result";
import { configColumns, type Run } from "./runs";
import type { Goal, RunSchema, ValidationIssue } from "./schema-types";

/** A metric the user may rank by, with the goal the schema declares (null: none declared). */
export interface MetricOption {
  name: string;
  goal: Goal | null;
}

/** The schema's metric columns (role `metric`), with their declared goals. */
export function metricOptions(schema: RunSchema): MetricOption[] {
  return schema.columns.filter((c) => c.role === "metric").map((c) => ({ name: c.name, goal: c.goal ?? null }));
}

/** What the user asked for: the metric, an optional goal, constraints and a Pareto metric. */
export interface BestQuery {
  metric: string;
  goal?: Goal;
  /** Constraint text like `latency_ms <= 50`; blank = none. */
  where: string;
  /** Second metric for the Pareto front (its goal from the schema or its name); blank = none. */
  pareto?: string;
  /** The column replicates differ in (the workbook's seed column setting); blank = a column named seed. */
  seedColumn?: string;
}

/** Checked runs: the runs, their schema and (optionally) validation's issues. */
export interface CheckedRuns {
  runs: readonly Run[];
  schema: RunSchema;
  issues?: readonly Pick<ValidationIssue, "row" | "severity" | "message">[];
}

/**
 * Runs best() on the checked runs. Rows with an open validation error are left out and listed
 * among the excluded runs with validation's sentence (core's runsWithoutErrors, the same rule
 * the Report, the Summary and `runsheet best` use). Blank constraint text and a Pareto metric
 * equal to the ranked one mean "none".
 */
export function runBest(checked: CheckedRuns, query: BestQuery): Result<BestResult, Problem> {
  return best(
    { runs: checked.runs, schema: checked.schema, leaveOutErrorsOf: checked.issues ?? [] },
    {
      metric: query.metric,
      ...(query.goal ? { goal: query.goal } : {}),
      ...(query.where.trim() !== "" ? { where: query.where } : {}),
      ...(query.pareto && query.pareto !== query.metric ? { pareto: { metric: query.pareto } } : {}),
      ...(query.seedColumn
        ? { groupBy: configColumns(checked.schema).flatMap((c) => (c.name === query.seedColumn ? [] : [c.name])) }
        : {}),
    },
  );
}
