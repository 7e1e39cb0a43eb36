import fc from "fast-check";
import jStat from "jstat";
import { describe, expect, it } from "vitest";
import { mean, sampleVariance, summarize, tCdfAt, tInv, welchTTest } from "../../src/core/index";

// Reference values computed with SciPy 1.17 (scipy.stats.t.ppf / t.cdf / ttest_ind(equal_var=False) /
// t.interval), an implementation independent of both @stdlib and jStat.
const SCIPY_PPF: [number, number, number][] = [
  [0.975, 1, 12.706204736174694],
  [0.975, 2, 4.302652729749462],
  [0.975, 4, 2.7764451051977934],
  [0.975, 9, 2.262157162798205],
  [0.975, 29, 2.045229642132703],
  [0.95, 3.5, 2.2224334936496004],
  [0.995, 17.776, 2.8826598665420695],
  [0.6, 100, 0.25402218245822766],
];
const SCIPY_CDF: [number, number, number][] = [
  [-1.8608, 17.776, 0.03969828906988993],
  [2.5, 3, 0.9561466764959672],
  [0.3, 1, 0.5927735790777423],
  [-4, 7.25, 0.0024149315402901684],
];

// R's `sleep` data (Student 1908), the textbook Welch example: t = -1.8608, df = 17.776, p = 0.07939.
const SLEEP_A = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const SLEEP_B = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe("t distribution", () => {
  it.each(SCIPY_PPF)("quantile(%f, df=%f) matches SciPy and jStat to 1e-6", (p, df, ref) => {
    expect(Math.abs(tInv(p, df) - ref)).toBeLessThan(1e-6);
    expect(Math.abs(tInv(p, df) - jStat.studentt.inv(p, df))).toBeLessThan(1e-6);
  });
  it.each(SCIPY_CDF)("cdf(%f, df=%f) matches SciPy and jStat to 1e-6", (x, df, ref) => {
    expect(Math.abs(tCdfAt(x, df) - ref)).toBeLessThan(1e-6);
    expect(Math.abs(tCdfAt(x, df) - jStat.studentt.cdf(x, df))).toBeLessThan(1e-6);
  });
  it("agrees with jStat's quantile on random p and df", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 1, max: 200, noNaN: true }),
        (p, df) => {
          expect(Math.abs(tInv(p, df) - jStat.studentt.inv(p, df))).toBeLessThan(1e-6);
        },
      ),
    );
  });
});

describe("welchTTest", () => {
  it("reproduces the sleep data example (SciPy ttest_ind, equal_var=False)", () => {
    const r = welchTTest(SLEEP_A, SLEEP_B);
    expect(r).not.toBeNull();
    expect(Math.abs((r?.t ?? 0) - -1.8608134674868526)).toBeLessThan(1e-9);
    expect(Math.abs((r?.df ?? 0) - 17.776473516178488)).toBeLessThan(1e-9);
    expect(Math.abs((r?.p ?? 0) - 0.0793941401873583)).toBeLessThan(1e-6);
  });
  it("reproduces SciPy on the dogs-vs-cats accuracies and on unequal sizes", () => {
    expect(
      Math.abs((welchTTest([0.741, 0.733, 0.738], [0.712, 0.698, 0.705])?.p ?? 0) - 0.004986961498900327),
    ).toBeLessThan(1e-6);
    const u = welchTTest([0.91, 0.93, 0.92, 0.95, 0.9], [0.89, 0.94]);
    expect(Math.abs((u?.p ?? 0) - 0.8282249734478461)).toBeLessThan(1e-6);
    expect(Math.abs((u?.df ?? 0) - 1.2464502007683793)).toBeLessThan(1e-9);
  });
  it("returns null with fewer than two values on a side", () => {
    expect(welchTTest([1], [1, 2, 3])).toBeNull();
    expect(welchTTest([1, 2], [])).toBeNull();
  });
  it("handles samples without spread", () => {
    expect(welchTTest([1, 1], [1, 1])?.p).toBe(1);
    expect(welchTTest([1, 1], [2, 2])?.p).toBe(0);
  });
  it("is symmetric in its samples (property)", () => {
    const sample = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 20 });
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const x = welchTTest(a, b);
        const y = welchTTest(b, a);
        expect(x).not.toBeNull();
        expect(Math.abs((x?.p ?? 0) - (y?.p ?? 1))).toBeLessThan(1e-12);
        expect((x?.p ?? -1) >= 0 && (x?.p ?? 2) <= 1).toBe(true);
      }),
    );
  });
  it("agrees with a direct two-pass computation evaluated by jStat (property)", () => {
    const sample = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 12 });
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const m = (s: number[]): number => s.reduce((x, y) => x + y, 0) / s.length;
        const v = (s: number[]): number => s.reduce((x, y) => x + (y - m(s)) ** 2, 0) / (s.length - 1);
        const se2 = v(a) / a.length + v(b) / b.length;
        fc.pre(se2 > 1e-12);
        const t = (m(a) - m(b)) / Math.sqrt(se2);
        const df = se2 ** 2 / ((v(a) / a.length) ** 2 / (a.length - 1) + (v(b) / b.length) ** 2 / (b.length - 1));
        const p = 2 * jStat.studentt.cdf(-Math.abs(t), df);
        expect(Math.abs((welchTTest(a, b)?.p ?? -1) - p)).toBeLessThan(1e-6);
      }),
    );
  });
});

describe("summarize", () => {
  it("gives SciPy's 95% interval", () => {
    const s = summarize(SLEEP_A);
    expect(s.n).toBe(10);
    expect(Math.abs(s.mean - 0.75)).toBeLessThan(1e-12);
    expect(Math.abs((s.ci95?.[0] ?? 0) - -0.5297804135262318)).toBeLessThan(1e-9);
    expect(Math.abs((s.ci95?.[1] ?? 0) - 2.0297804135262316)).toBeLessThan(1e-9);
  });
  it("has no std or interval for a single run", () => {
    expect(summarize([0.9])).toEqual({ n: 1, mean: 0.9, std: null, ci95: null });
  });
  it("keeps the mean inside the interval (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 50 }), (xs) => {
        const s = summarize(xs);
        expect(s.ci95).not.toBeNull();
        expect(s.ci95?.[0] ?? Infinity).toBeLessThanOrEqual(s.mean);
        expect(s.ci95?.[1] ?? -Infinity).toBeGreaterThanOrEqual(s.mean);
      }),
    );
  });
  it("computes mean and variance stably", () => {
    expect(mean([])).toBeNaN();
    expect(sampleVariance([1e9 + 1, 1e9 + 2, 1e9 + 3])).toBeCloseTo(1, 9);
  });
});
