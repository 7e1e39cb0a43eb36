/**
 * What the Experiments sheet and the Report share when they set an experiment against its
 * baseline: which experiment is the baseline, the winner's replicate values for the test, and
 * the winner's one-line summary. One place, so both surfaces say the same of the same runs.
 */
import type { ConfigStats } from "./best-types";
import type { Run } from "./runs";
import { meanPlusMinus } from "./sentence-numbers";

/** An experiment's baseline and whether it was taken by default rather than named. */
export interface BaselineChoice {
  /** The experiment compared against; null for the first experiment when none is named. */
  baseline: string | null;
  /** True when no baseline was named and the previous experiment was taken. */
  defaulted: boolean;
}

/**
 * The baseline of the experiment at `index` of `order`: the one the user named, else the
 * experiment before it (the first experiment has none).
 */
export function chooseBaseline(named: string | null, order: readonly string[], index: number): BaselineChoice {
  const baseline = named ?? (index > 0 ? (order[index - 1] ?? null) : null);
  return { baseline, defaulted: named === null && baseline !== null };
}

/**
 * The `metric` values of the runs at the Excel `rows` (a configuration's replicates), numbers
 * only, in the rows' order: one side of the baseline comparison's Welch test.
 */
export function replicateValues(rows: readonly number[], byRow: ReadonlyMap<number, Run>, metric: string): number[] {
  return rows.map((row) => byRow.get(row)?.values[metric]).filter((v): v is number => typeof v === "number");
}

/** `mean ± half-width (95% CI, n = N)` over replicates, or `mean (single run)` when there is one run. */
export function replicateSummary(stats: Pick<ConfigStats, "mean" | "ci95" | "n">): string {
  return stats.n > 1
    ? `${meanPlusMinus(stats.mean, stats.ci95)} (95% CI, n = ${stats.n})`
    : `${meanPlusMinus(stats.mean, null)} (single run)`;
}
