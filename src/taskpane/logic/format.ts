/**
 * Number and sentence formatting for the pane. Pure: tested in tests/taskpane.
 */
import { formatP, meanPlusMinus, sig, type BestResult, type ConfigStats } from "../../core/index";

/** A metric value for tables: up to 4 significant digits, "–" for missing. */
export function formatValue(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  return sig(x, 4);
}

/** `[lo, hi]` of a 95% CI, or "n < 2" when there is none. */
export function formatInterval(ci: [number, number] | null): string {
  if (!ci) return "n < 2";
  return `[${sig(ci[0], 4)}, ${sig(ci[1], 4)}]`;
}

/** `mean ± half-width` of a configuration (its CI), e.g. `0.912 ± 0.014`. */
export function formatMean(stats: Pick<ConfigStats, "mean" | "ci95">): string {
  return meanPlusMinus(stats.mean, stats.ci95);
}

/** The p-value as shown: `p = 0.041`, `p < 0.001`, or the reason it is missing. */
export function formatPValue(result: Pick<BestResult, "pValue" | "pValueReason">): string {
  if (result.pValue === null) return result.pValueReason ?? "no p-value";
  return `p ${formatP(result.pValue)}`;
}

export type VerdictKind = "none" | "single" | "clear" | "tied" | "cannot-tell";

export interface Verdict {
  kind: VerdictKind;
  /** A sentence for the MessageBar. */
  text: string;
  /** MessageBar intent the pane uses. */
  intent: "success" | "warning" | "info";
}

/**
 * The honest headline of a best() result: a clear winner, a tie with the runner-up, or
 * "cannot tell" when there are not enough replicates for a test.
 */
export function verdictOf(result: BestResult): Verdict {
  const [winner, runnerUp] = result.ranking;
  if (!winner || !result.best)
    return {
      kind: "none",
      text: `No run qualifies for ${result.metric}: see the excluded runs below.`,
      intent: "warning",
    };
  const what = `${result.goal === "max" ? "highest" : "lowest"} mean ${result.metric}`;
  if (!runnerUp)
    return {
      kind: "single",
      text: `Only one configuration qualifies; it has the ${what} (${formatMean(winner)}).`,
      intent: "info",
    };
  if (result.pValue === null) {
    return {
      kind: "cannot-tell",
      text: `Cannot tell the best from the runner-up: ${(result.pValueReason ?? "not enough runs for a test").replace(/^cannot tell:\s*/i, "")}. Run more seeds of both to decide.`,
      intent: "warning",
    };
  }
  if (result.tiedWithRunnerUp) {
    return {
      kind: "tied",
      text: `Tied with the runner-up (${formatPValue(result)}): the difference in ${result.metric} could be noise. Run more seeds or pick by another criterion.`,
      intent: "warning",
    };
  }
  return {
    kind: "clear",
    text: `The best configuration has the ${what}, clearly ahead of the runner-up (${formatPValue(result)}).`,
    intent: "success",
  };
}

/** "3 errors, 1 warning" style counts. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
