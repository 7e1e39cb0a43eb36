import fc from "fast-check";
import jStat from "jstat";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { best, mean, sampleVariance, summarize, tCdfAt, tInv, validate, welchTTest } from "../../src/core/index";

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

interface Reference {
  scipy: string;
  cases: {
    name: string;
    a: number[];
    b: number[];
    summary_a: { mean: number; std: number; ci95: [number, number] };
    summary_b: { mean: number; std: number; ci95: [number, number] };
    welch: { t: number; df: number; p: number };
  }[];
}

// Exact means/std/t/df of each sample and SciPy's t quantile and cdf, over magnitudes 1e-300..1e300
// (generated by tests/fixtures/generate/stats_reference.py).
const REFERENCE = JSON.parse(
  readFileSync(new URL("../fixtures/core/stats-reference.json", import.meta.url), "utf8"),
) as Reference;

function relClose(actual: number | undefined, expected: number, tol: number): void {
  expect(Number.isFinite(actual)).toBe(true);
  expect(Math.abs((actual ?? NaN) - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
}

describe("statistics at any magnitude (SciPy reference)", () => {
  it("covers magnitudes from 1e-300 to 1e300, spreads near 1e154 included", () => {
    const names = REFERENCE.cases.map((c) => c.name);
    expect(names).toContain("centred x 1e+154");
    expect(names).toContain("offset x 1e-170");
    expect(names).toContain("offset x 1e-300");
    expect(names).toContain("tied x 1e+300");
  });
  it.each(REFERENCE.cases.map((c) => [c.name, c] as const))("%s: mean, std, 95%% CI", (_name, c) => {
    for (const [xs, ref] of [
      [c.a, c.summary_a],
      [c.b, c.summary_b],
    ] as const) {
      const s = summarize(xs);
      relClose(s.mean, ref.mean, 1e-12);
      relClose(mean(xs), ref.mean, 1e-12);
      relClose(s.std ?? NaN, ref.std, 1e-12);
      relClose(s.ci95?.[0], ref.ci95[0], 1e-9);
      relClose(s.ci95?.[1], ref.ci95[1], 1e-9);
    }
  });
  it.each(REFERENCE.cases.map((c) => [c.name, c] as const))("%s: Welch t, df and p", (_name, c) => {
    const w = welchTTest(c.a, c.b);
    relClose(w?.t, c.welch.t, 1e-10);
    relClose(w?.df, c.welch.df, 1e-10);
    expect(Math.abs((w?.p ?? NaN) - c.welch.p)).toBeLessThan(1e-9);
  });
  it("best() on a 1e154 spread gives a finite std, a bounded CI and a p-value", () => {
    const schema = {
      columns: [
        { name: "run_id", type: "text" as const, role: "id" as const },
        { name: "model", type: "text" as const, role: "param" as const },
        { name: "seed", type: "integer" as const, role: "param" as const },
        { name: "score", type: "number" as const, role: "metric" as const, goal: "max" as const },
      ],
    };
    const c = REFERENCE.cases.find((x) => x.name === "centred x 1e+154");
    if (!c) throw new Error("reference case missing");
    const grid = [
      ["run_id", "model", "seed", "score"],
      ...c.a.map((v, i) => [`a${i}`, "a", i, v]),
      ...c.b.map((v, i) => [`b${i}`, "b", i, v]),
    ];
    const r = best(validate(grid, schema), { metric: "score" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const cfg of r.value.ranking) {
      expect(Number.isFinite(cfg.std)).toBe(true);
      expect(cfg.ci95?.every(Number.isFinite)).toBe(true);
    }
    expect(Math.abs((r.value.pValue ?? NaN) - c.welch.p)).toBeLessThan(1e-9);
  });
  it("does not underflow at 1e-170: the p-value is the rescaled one, not 0", () => {
    const a = [0.91, 0.93, 0.9].map((x) => x * 1e-170);
    const b = [0.92, 0.9, 0.91].map((x) => x * 1e-170);
    const tiny = welchTTest(a, b);
    const unit = welchTTest([0.91, 0.93, 0.9], [0.92, 0.9, 0.91]);
    expect(tiny?.p).toBeGreaterThan(0.1);
    expect(Math.abs((tiny?.p ?? NaN) - (unit?.p ?? NaN))).toBeLessThan(1e-9);
    expect(summarize(a).std).toBeGreaterThan(0);
  });
  it("returns null, not NaN, for samples holding a value that is not finite", () => {
    expect(welchTTest([1, Infinity], [1, 2])).toBeNull();
    expect(summarize([1, NaN]).std).toBeNull();
  });
});

describe("Welch's p under scaling and translation (properties)", () => {
  // Values in steps of 1e-4 so none becomes subnormal at the smallest scale tried.
  const sample = fc.array(
    fc.integer({ min: -10_000, max: 10_000 }).map((x) => x / 10_000),
    { minLength: 2, maxLength: 10 },
  );
  it("is invariant under scaling by any power of ten from 1e-300 to 1e300", () => {
    fc.assert(
      fc.property(sample, sample, fc.integer({ min: -300, max: 300 }), (a, b, k) => {
        const base = welchTTest(a, b);
        fc.pre(base !== null && base.p > 0 && base.p < 1 && Math.abs(base.t) < 1e6);
        const f = 10 ** k;
        const scaled = welchTTest(
          a.map((x) => x * f),
          b.map((x) => x * f),
        );
        expect(Number.isFinite(scaled?.p)).toBe(true);
        expect(Math.abs((scaled?.p ?? NaN) - base.p)).toBeLessThan(1e-7);
      }),
    );
  });
  it("is invariant under translation of both samples", () => {
    fc.assert(
      fc.property(sample, sample, fc.double({ min: -100, max: 100, noNaN: true }), (a, b, c) => {
        const base = welchTTest(a, b);
        fc.pre(base !== null && base.p > 0 && base.p < 1 && Math.abs(base.t) < 1e6);
        // Spread well above the rounding of the shift, or the shifted samples are other samples.
        fc.pre(Math.min(sampleVariance(a), sampleVariance(b)) > 1e-6);
        const moved = welchTTest(
          a.map((x) => x + c),
          b.map((x) => x + c),
        );
        expect(Math.abs((moved?.p ?? NaN) - base.p)).toBeLessThan(1e-6);
      }),
    );
  });
  it("never yields NaN for finite samples at any magnitude", () => {
    const wide = fc.array(fc.double({ min: -1e300, max: 1e300, noNaN: true, noDefaultInfinity: true }), {
      minLength: 2,
      maxLength: 8,
    });
    fc.assert(
      fc.property(wide, wide, (a, b) => {
        const w = welchTTest(a, b);
        expect(w).not.toBeNull();
        expect(Number.isNaN(w?.p)).toBe(false);
        const s = summarize(a);
        expect(Number.isFinite(s.std)).toBe(true);
        expect(s.ci95?.every(Number.isFinite)).toBe(true);
      }),
    );
  });
});
