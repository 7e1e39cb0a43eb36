/**
 * Statistics for replicates: mean, sample standard deviation, Student-t 95% confidence
 * interval and Welch's two-sided t-test. The t distribution comes from @stdlib (a maintained,
 * tested implementation), not a hand-written approximation.
 */
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";

/** Summary of a sample. `std` and `ci95` are null when n < 2 (no spread can be estimated). */
export interface Summary {
  n: number;
  mean: number;
  /** Sample standard deviation (divides by n - 1). */
  std: number | null;
  ci95: [number, number] | null;
}

/**
 * A power of two at least as large as the largest |x|, so dividing by it is exact and brings every
 * value into [-2, 2]: squares of deviations then neither overflow (spreads near 1e154 and above)
 * nor underflow (values near 1e-170 and below). 1 for an empty or all-zero sample; NaN or
 * Infinity when a value is not finite (the statistics are then not finite either, honestly).
 */
function scaleOf(values: ArrayLike<number>, start = 0, end = values.length): number {
  let max = 0;
  for (let i = start; i < end; i++) {
    const a = Math.abs(values[i] ?? 0);
    if (a > max || a !== a) max = a;
  }
  if (max === 0) return 1;
  if (!Number.isFinite(max)) return max;
  const k = Math.min(1023, Math.max(-1074, Math.ceil(Math.log2(max))));
  return 2 ** k;
}

/** Mean of values / scale, refined by a second pass over the residuals (accurate for large n). */
function scaledMean(values: ArrayLike<number>, scale: number, start = 0, end = values.length): number {
  const n = end - start;
  let s = 0;
  for (let i = start; i < end; i++) s += (values[i] ?? 0) / scale;
  const m = s / n;
  let r = 0;
  for (let i = start; i < end; i++) r += (values[i] ?? 0) / scale - m;
  return m + r / n;
}

/** Sample variance (n - 1) of values / scale around their scaled mean, by the corrected two-pass formula. */
function scaledVariance(values: ArrayLike<number>, scale: number, m: number, start = 0, end = values.length): number {
  const n = end - start;
  let ss = 0;
  let c = 0;
  for (let i = start; i < end; i++) {
    const d = (values[i] ?? 0) / scale - m;
    ss += d * d;
    c += d;
  }
  return Math.max(0, (ss - (c * c) / n) / (n - 1));
}

/**
 * Arithmetic mean (NaN for an empty sample). Computed on values scaled by a power of two, so a
 * sum of values near 1e308 does not overflow and values near 1e-300 keep their digits.
 */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const scale = scaleOf(values);
  if (!Number.isFinite(scale)) return values.reduce((a, b) => a + b, 0) / values.length;
  return scaledMean(values, scale) * scale;
}

/**
 * Sample variance (n - 1 denominator); NaN when n < 2. Centred and scaled internally; the result
 * itself is Infinity only when the variance exceeds the double range (spreads above ~1e154):
 * use summarize() for the standard deviation, which stays finite there.
 */
export function sampleVariance(values: readonly number[]): number {
  if (values.length < 2) return NaN;
  const scale = scaleOf(values);
  if (!Number.isFinite(scale)) return NaN;
  const v = scaledVariance(values, scale, scaledMean(values, scale));
  return v * scale * scale;
}

/** Quantile of Student's t distribution with `df` degrees of freedom. */
export function tInv(p: number, df: number): number {
  return tQuantile(p, df);
}

/** Cumulative distribution of Student's t distribution with `df` degrees of freedom. */
export function tCdfAt(x: number, df: number): number {
  return tCdf(x, df);
}

/** 97.5% quantiles of t by whole degrees of freedom, computed once each: best() asks for the same few n many times. */
const T975: number[] = [];

function tQuantile975(df: number): number {
  if (!Number.isInteger(df) || df > 4096) return tInv(0.975, df);
  let q = T975[df];
  if (q === undefined) {
    q = tInv(0.975, df);
    T975[df] = q;
  }
  return q;
}

/**
 * Mean, sample std and the two-sided `level` (default 95%) Student-t confidence interval of the
 * mean. Computed on centred values scaled by a power of two, so it stays finite and accurate for
 * magnitudes from 1e-300 to 1e300 (the std is scaled back after the square root).
 */
export function summarize(values: readonly number[], level = 0.95): Summary {
  return summarizeRange(values, 0, values.length, level);
}

/** summarize() of `values[start..end)`, without copying the slice (best() keeps all groups in one array). */
export function summarizeRange(values: ArrayLike<number>, start: number, end: number, level = 0.95): Summary {
  const n = end - start;
  if (n === 0) return { n, mean: NaN, std: null, ci95: null };
  const scale = scaleOf(values, start, end);
  if (!Number.isFinite(scale)) {
    let s = 0;
    for (let i = start; i < end; i++) s += values[i] ?? 0;
    return { n, mean: s / n, std: null, ci95: null };
  }
  const my = scaledMean(values, scale, start, end);
  const m = my * scale;
  if (n < 2) return { n, mean: m, std: null, ci95: null };
  const sy = Math.sqrt(scaledVariance(values, scale, my, start, end));
  const sd = sy * scale;
  const q = level === 0.95 ? tQuantile975(n - 1) : tInv(1 - (1 - level) / 2, n - 1);
  const half = q * (sy / Math.sqrt(n)) * scale;
  return { n, mean: m, std: sd, ci95: [m - half, m + half] };
}

/** The significance level of every RunSheet verdict: 95% confidence, two-sided. */
export const ALPHA = 0.05;

/**
 * RunSheet's tie rule between two configurations, as the product brief states it: tied when
 * Welch's p >= 0.05 OR their 95% confidence intervals overlap (a missing interval counts as
 * overlapping). The conservative reading is on purpose: the chart a stakeholder sees shows the
 * error bars, and a "winner" whose bar overlaps the runner-up's would contradict it. When p < 0.05
 * but the bars overlap, verdicts say so in words (see `overlapOnlyTie`), so a printed difference
 * interval that excludes 0 never sits unexplained beside "tied".
 */
export function isTie(p: number, a: [number, number] | null, b: [number, number] | null): boolean {
  return !(p < ALPHA) || intervalsOverlap(a, b);
}

/** True when Welch's test alone is significant but the tie comes from overlapping intervals. */
export function overlapOnlyTie(p: number, a: [number, number] | null, b: [number, number] | null): boolean {
  return p < ALPHA && intervalsOverlap(a, b);
}

function intervalsOverlap(a: [number, number] | null, b: [number, number] | null): boolean {
  return a === null || b === null || (a[0] <= b[1] && b[0] <= a[1]);
}

/** Welch's t-test result. */
export interface WelchResult {
  t: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
  /** Two-sided p-value. */
  p: number;
}

/**
 * Welch's unequal-variances t-test, two-sided, with Welch–Satterthwaite degrees of freedom.
 * Null when either sample has fewer than 2 values or holds a value that is not finite. Both
 * samples are scaled by one power of two before centring (t, df and p do not change under
 * scaling), so spreads near 1e154 do not overflow and values near 1e-170 do not underflow.
 * When both samples have no spread at all the test is degenerate: p = 1 if the means are equal,
 * 0 otherwise (any difference is exact).
 */
export function welchTTest(a: readonly number[], b: readonly number[]): WelchResult | null {
  if (a.length < 2 || b.length < 2) return null;
  const scale = Math.max(scaleOf(a), scaleOf(b));
  if (!Number.isFinite(scale)) return null;
  const ma = scaledMean(a, scale);
  const mb = scaledMean(b, scale);
  const va = scaledVariance(a, scale, ma) / a.length;
  const vb = scaledVariance(b, scale, mb) / b.length;
  const diff = ma - mb;
  const se2 = va + vb;
  if (se2 === 0) {
    return diff === 0
      ? { t: 0, df: a.length + b.length - 2, p: 1 }
      : { t: diff > 0 ? Infinity : -Infinity, df: a.length + b.length - 2, p: 0 };
  }
  const t = diff / Math.sqrt(se2);
  // Welch–Satterthwaite, written with variance shares so tiny variances do not underflow to 0/0.
  const ra = va / se2;
  const rb = vb / se2;
  const df = 1 / ((ra * ra) / (a.length - 1) + (rb * rb) / (b.length - 1));
  const p = Math.min(1, 2 * tCdfAt(-Math.abs(t), df));
  return { t, df, p };
}
