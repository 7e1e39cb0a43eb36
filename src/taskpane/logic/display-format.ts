/**
 * Number and sentence formatting for the pane. Pure: tested in tests/taskpane.
 */
import { formatP, meanPlusMinus, sig, type BestResult, type ConfigStats } from "../../core/index";

/** `x` to `digits` significant digits, "–" for a missing or non-finite value (never 0). */
function sigOrDash(x: number | null | undefined, digits: number): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  return sig(x, digits);
}

/** A metric value for tables: up to 4 significant digits, "–" for missing. */
export function formatValue(x: number | null | undefined): string {
  return sigOrDash(x, 4);
}

/**
 * A spread (a standard deviation) to 2 significant digits, the precision `formatMean` gives the
 * CI's half-width, so the std beside `0.913 ± 0.015` reads `0.0061`, not `0.006083`.
 */
export function formatSpread(x: number | null | undefined): string {
  return sigOrDash(x, 2);
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

/** The headline of a best() result, written in core so the pane and the CLI say the same. */
export {
  bestVerdict as verdictOf,
  type BestVerdict as Verdict,
  type BestVerdictKind as VerdictKind,
} from "../../core/index";

/** "3 errors, 1 warning" style counts. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
