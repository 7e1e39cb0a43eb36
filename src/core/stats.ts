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

/** Arithmetic mean (NaN for an empty sample). Uses a running mean, which stays accurate for large samples. */
export function mean(values: readonly number[]): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m += ((values[i] ?? 0) - m) / (i + 1);
  return values.length ? m : NaN;
}

/** Sample variance (n - 1 denominator) by Welford's algorithm; NaN when n < 2. */
export function sampleVariance(values: readonly number[]): number {
  if (values.length < 2) return NaN;
  let m = 0;
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] ?? 0;
    const d = x - m;
    m += d / (i + 1);
    s += d * (x - m);
  }
  return Math.max(0, s / (values.length - 1));
}

/** Quantile of Student's t distribution with `df` degrees of freedom. */
export function tInv(p: number, df: number): number {
  return tQuantile(p, df);
}

/** Cumulative distribution of Student's t distribution with `df` degrees of freedom. */
export function tCdfAt(x: number, df: number): number {
  return tCdf(x, df);
}

/** Mean, sample std and the two-sided `level` (default 95%) Student-t confidence interval of the mean. */
export function summarize(values: readonly number[], level = 0.95): Summary {
  const n = values.length;
  const m = mean(values);
  if (n < 2) return { n, mean: m, std: null, ci95: null };
  const sd = Math.sqrt(sampleVariance(values));
  const half = tInv(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { n, mean: m, std: sd, ci95: [m - half, m + half] };
}

/**
 * RunSheet's tie rule between two configurations: indistinguishable when Welch's p >= 0.05 or
 * their 95% confidence intervals overlap (a missing interval counts as overlapping). Why this
 * conservative reading: see best.ts.
 */
export function isTie(p: number, a: [number, number] | null, b: [number, number] | null): boolean {
  const overlap = a === null || b === null || (a[0] <= b[1] && b[0] <= a[1]);
  return p >= 0.05 || overlap;
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
 * Null when either sample has fewer than 2 values. When both samples have no spread at all the
 * test is degenerate: p = 1 if the means are equal, 0 otherwise (any difference is exact).
 */
export function welchTTest(a: readonly number[], b: readonly number[]): WelchResult | null {
  if (a.length < 2 || b.length < 2) return null;
  const va = sampleVariance(a) / a.length;
  const vb = sampleVariance(b) / b.length;
  const diff = mean(a) - mean(b);
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
