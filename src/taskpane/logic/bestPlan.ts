/**
 * The Best tab's pure logic: which metrics to offer, running core's best() on checked runs, and
 * the Registry entry for the winner.
 */
import {
  best,
  type BestResult,
  type ConfigStats,
  type Goal,
  type Problem,
  type Result,
  type RunSchema,
  type RunValue,
} from "../../core/index";
import { rowRecord, type CheckOutcome, type RegistryEntry } from "../../excel/index";
import { formatMean, formatPValue } from "./format";

export interface MetricOption {
  name: string;
  goal: Goal | null;
}

/** The schema's metric columns (role `metric`), with their declared goals. */
export function metricOptions(schema: RunSchema): MetricOption[] {
  return schema.columns.filter((c) => c.role === "metric").map((c) => ({ name: c.name, goal: c.goal ?? null }));
}

export interface BestQuery {
  metric: string;
  goal?: Goal;
  /** Constraint text like `latency_ms <= 50`; blank = none. */
  where: string;
  /** Second metric for the Pareto front (its goal from the schema or its name); blank = none. */
  pareto?: string;
}

/** Runs best() on the checked runs. */
export function runBest(outcome: Pick<CheckOutcome, "runs" | "schema">, query: BestQuery): Result<BestResult, Problem> {
  return best(
    { runs: outcome.runs, schema: outcome.schema },
    {
      metric: query.metric,
      ...(query.goal ? { goal: query.goal } : {}),
      ...(query.where.trim() !== "" ? { where: query.where } : {}),
      ...(query.pareto && query.pareto !== query.metric ? { pareto: { metric: query.pareto } } : {}),
    },
  );
}

/**
 * The Registry entry for the winner: its best individual run, that run's value, and a reason
 * that keeps the statistics (mean ± CI over replicates, p-value vs the runner-up, constraints).
 */
export function registryEntryFor(
  result: BestResult,
  outcome: Pick<CheckOutcome, "runs" | "grid" | "headerRow">,
  where: string,
): RegistryEntry | null {
  const winner = result.ranking[0];
  if (!result.best || !winner) return null;
  const { row, id } = result.best;
  const run = outcome.runs.find((r) => r.excelRow === row);
  const own = run?.values[result.metric];
  const value = typeof own === "number" ? own : result.best.value;
  const parts = [
    `best ${result.metric} (${result.goal}) by mean over ${winner.n} run${winner.n === 1 ? "" : "s"}: ${formatMean(winner)}`,
    result.ranking.length > 1
      ? `vs runner-up ${formatPValue(result)}${result.tiedWithRunnerUp ? ", tied" : ""}`
      : "only configuration",
  ];
  if (where.trim() !== "") parts.push(`where ${where.trim()}`);
  return {
    runId: id,
    metric: result.metric,
    value,
    reason: parts.join("; "),
    row: outcome.grid ? rowRecord(outcome.grid, outcome.headerRow, row) : {},
  };
}

function valueText(value: RunValue | undefined): string {
  return value === null || value === undefined || value === "" ? "(empty)" : String(value);
}

/**
 * Short labels for ranked configurations: only the params whose values differ between them
 * (`layers=2`), since params all configurations share tell them apart no better than nothing.
 * Falls back to the run ids when every param is the same.
 */
export function distinctConfigLabels(ranking: readonly ConfigStats[]): string[] {
  const keys = [...new Set(ranking.flatMap((c) => Object.keys(c.config)))];
  const varying = keys.filter((k) => new Set(ranking.map((c) => valueText(c.config[k]))).size > 1);
  return ranking.map((c) => {
    const parts = varying.map((k) => `${k}=${valueText(c.config[k])}`);
    return parts.length > 0 ? parts.join(", ") : c.ids.join(", ");
  });
}

/** The Pareto front as sentences: `run e2-s2 (row 6)`, in sheet order. */
export function paretoRuns(result: BestResult, runs: readonly { excelRow: number; id: string }[]): string[] {
  const ids = new Map(runs.map((r) => [r.excelRow, r.id]));
  return (result.pareto ?? []).map((row) => `${ids.get(row) ?? "run"} (row ${row})`);
}
