/** Number formatting for sentences and the Report sheet: as many digits as the uncertainty allows. */

/** A number with `digits` significant digits, without trailing zeros (`0.004`, `0.41`, `1230`). */
export function sig(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  return String(Number(x.toPrecision(digits)));
}

/** A p-value as people write it: `0.004`, `0.41`, `< 0.001`. */
export function formatP(p: number): string {
  if (p < 0.001) return "< 0.001";
  return `= ${sig(p, 2)}`;
}

/**
 * `mean ± half-width` with the half-width rounded to 2 significant digits and the mean to the
 * same decimals (so no digits are shown that the noise makes meaningless).
 */
export function meanPlusMinus(mean: number, ci: [number, number] | null): string {
  if (!ci) return sig(mean, 4);
  const half = (ci[1] - ci[0]) / 2;
  if (!(half > 0)) return `${sig(mean, 4)} ± 0`;
  const decimals = Math.min(12, Math.max(0, 1 - Math.floor(Math.log10(half))));
  return `${mean.toFixed(decimals)} ± ${half.toFixed(decimals)}`;
}
