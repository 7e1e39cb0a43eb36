/** Types of best-model selection (see best.ts). Matches the `runsheet best` JSON. */
import type { RunValue } from "./runs";
import type { Goal } from "./schema-types";
import type { Constraint } from "./where-types";

/** A secondary metric used to order configurations whose primary means are tied. */
export interface TieBreaker {
  metric: string;
  goal?: Goal;
}

/** Options for best(). */
export interface BestOptions {
  metric: string;
  /** Default: the schema's goal for the metric, else the name rules (`*loss*` -> min, `acc*` -> max). */
  goal?: Goal;
  /** Constraints, as objects or text like `"latency_ms<=50, dataset=cifar10"` (comma or `and`). */
  where?: Constraint[] | string;
  /** Applied in order when two configurations have equal means. */
  tieBreakers?: (string | TieBreaker)[];
  /** Status values kept (case-insensitive) when a status column exists; default `["finished"]`; `false` keeps all. */
  statusFilter?: string[] | false;
  /** Columns that define a configuration; default: the schema's params except `seed`. */
  groupBy?: string[];
  /** Second metric for a Pareto front. */
  pareto?: { metric: string; goal?: Goal };
}

/** One configuration (a group of replicate runs) and its statistics over the metric. */
export interface ConfigStats {
  /** Excel rows of the replicate runs, in sheet order. */
  rows: number[];
  /** Run ids, same order as rows. */
  ids: string[];
  /** The configuration's params (the groupBy columns). */
  config: Record<string, RunValue>;
  n: number;
  mean: number;
  /** Sample standard deviation (n - 1); null when n < 2. */
  std: number | null;
  /** 95% Student-t confidence interval of the mean; null when n < 2. */
  ci95: [number, number] | null;
}

/** The result of best(), shaped as the `runsheet best` JSON. */
export interface BestResult {
  metric: string;
  goal: Goal;
  /** The winning configuration: `value` is its mean, `row`/`id` its best individual run. Null when no run qualifies. */
  best: { row: number; id: string; value: number } | null;
  /** Configurations, best first. */
  ranking: ConfigStats[];
  /** Welch's two-sided t-test between winner and runner-up; null when it cannot be computed. */
  pValue: number | null;
  /** Why pValue is null (e.g. "cannot tell: a single run each"). */
  pValueReason?: string;
  /** See best.ts for the rule. */
  tiedWithRunnerUp: boolean;
  /** Every run left out, with a sentence saying why. */
  excluded: { row: number; reason: string }[];
  /** Excel rows on the Pareto front (when `pareto` was asked). */
  pareto?: number[];
  /** The second Pareto metric and its goal (when `pareto` was asked). */
  paretoMetric?: { metric: string; goal: Goal };
}
