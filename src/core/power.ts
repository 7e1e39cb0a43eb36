/**
 * How many seeds would tell two configurations apart: the power of a two-sided two-sample
 * t-test (equal seeds per side, pooled spread, df = 2n - 2) from the noncentral t distribution,
 * as statsmodels' TTestIndPower computes it, and the smallest n per side that reaches the power
 * asked for. Used when a verdict is a tie or cannot be told.
 */
import jStat from "jstat/dist/jstat.js";
import { ALPHA, tInv } from "./stats";

/** The usual planning targets: 95% confidence (alpha 0.05, two-sided) and 80% power. */
export const PLANNING = { alpha: ALPHA, power: 0.8 } as const;

/** Above this many seeds per side the estimate says "more than" instead of a number. */
export const MAX_SEEDS = 10000;

/**
 * Power of a two-sided two-sample t-test with `n` runs per side for a standardized effect
 * `d` (difference of means over the pooled standard deviation, Cohen's d).
 */
export function tTestPower(d: number, n: number, alpha: number = PLANNING.alpha): number {
  if (!(n >= 2) || !Number.isFinite(d)) return NaN;
  const df = 2 * n - 2;
  const ncp = Math.abs(d) * Math.sqrt(n / 2);
  const crit = tInv(1 - alpha / 2, df);
  const upper = 1 - jStat.noncentralt.cdf(crit, df, ncp);
  const lower = jStat.noncentralt.cdf(-crit, df, ncp);
  return Math.min(1, Math.max(0, upper + lower));
}

/**
 * Pooled standard deviation of two samples from their standard deviations and sizes, scaled
 * first so spreads near 1e154 do not overflow when squared and spreads near 1e-170 do not
 * underflow. Needs at least 3 runs in total and a finite, non-negative spread on each side.
 */
export function pooledStd(sa: number, na: number, sb: number, nb: number): number {
  const scale = Math.max(Math.abs(sa), Math.abs(sb));
  if (!(scale > 0) || !Number.isFinite(scale)) return scale === 0 ? 0 : NaN;
  const a = sa / scale;
  const b = sb / scale;
  return scale * Math.sqrt(((na - 1) * a * a + (nb - 1) * b * b) / (na + nb - 2));
}

/** Seeds needed per side, or why there is no number. */
export type SeedsEstimate =
  | {
      ok: true;
      perSide: number;
      effect: number;
      /** Set when the plain estimate was no more than the seeds already run (see seedsBeyond). */
      raisedFrom?: number;
    }
  | { ok: false; reason: "no_difference" | "no_spread" | "too_many"; effect: number | null };

/**
 * The smallest number of seeds per side at which a two-sided t-test at `alpha` detects a
 * difference of `diff` with the given `power`, for runs spread by `std` (pooled). Power grows
 * with n, so a bisection between 2 and MAX_SEEDS finds it in about 14 evaluations.
 */
export function seedsNeeded(
  diff: number,
  std: number,
  options: { alpha?: number; power?: number } = {},
): SeedsEstimate {
  const alpha = options.alpha ?? PLANNING.alpha;
  const target = options.power ?? PLANNING.power;
  if (!(std > 0) || !Number.isFinite(std)) return { ok: false, reason: "no_spread", effect: null };
  // Dividing first keeps the effect finite for values near the float limits.
  const effect = Math.abs(diff / std);
  if (!(effect > 0)) return { ok: false, reason: "no_difference", effect: 0 };
  if (!Number.isFinite(effect)) return { ok: true, perSide: 2, effect };
  if (tTestPower(effect, MAX_SEEDS, alpha) < target) return { ok: false, reason: "too_many", effect };
  let lo = 2;
  let hi = MAX_SEEDS;
  if (tTestPower(effect, lo, alpha) >= target) return { ok: true, perSide: lo, effect };
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (tTestPower(effect, mid, alpha) >= target) hi = mid;
    else lo = mid;
  }
  return { ok: true, perSide: hi, effect };
}

/**
 * An estimate for a result that is still tied with `present` seeds per side (the smaller side):
 * the power formula plans with a pooled spread and equal sides, so for unequal spreads or sides
 * it can come out at `present` or fewer although `present` did not tell them apart. Seeds
 * already run are never "needed": such an estimate becomes `present + 1`, with the plain
 * estimate kept in `raisedFrom`.
 */
export function seedsBeyond(estimate: SeedsEstimate, present: number): SeedsEstimate {
  if (!estimate.ok || estimate.perSide > present) return estimate;
  return { ok: true, perSide: present + 1, effect: estimate.effect, raisedFrom: estimate.perSide };
}
