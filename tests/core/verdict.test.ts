import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareWithBaseline,
  formatDifference,
  formatDifferenceCi,
  overlapSentence,
  pooledStd,
  seedsNeeded,
  summarize,
  tTestPower,
  type VerdictSide,
} from "../../src/core/index";

interface Reference {
  power: { d: number; n: number; power: number }[];
  seeds: { diff: number; std: number; solve: number; perSide: number }[];
  welch: { a: number[]; b: number[]; diff: number; low: number; high: number; p: number }[];
}
const ref = JSON.parse(
  readFileSync(new URL("../fixtures/core/verdict-reference.json", import.meta.url), "utf8"),
) as Reference;

const accuracy = { name: "accuracy", type: "number", min: 0, max: 1 } as const;

function side(name: string, values: number[], config: Record<string, string | number> = {}): VerdictSide {
  const s = summarize(values);
  return { name, values, stats: { config, n: s.n, mean: s.mean, std: s.std, ci95: s.ci95 } };
}

describe("power and seeds needed against statsmodels", () => {
  it("power of the two-sample t-test matches TTestIndPower.power", () => {
    expect(ref.power.length).toBeGreaterThan(40);
    for (const c of ref.power) expect(tTestPower(c.d, c.n)).toBeCloseTo(c.power, 6);
  });
  it("seeds per side is solve_power rounded up, at every magnitude from 1e-300 to 1e300", () => {
    for (const c of ref.seeds) {
      const got = seedsNeeded(c.diff, c.std);
      expect(got.ok).toBe(true);
      if (got.ok) expect(got.perSide).toBe(c.perSide);
    }
  });
  it("says why there is no number: no spread, equal means, too many seeds", () => {
    expect(seedsNeeded(0.1, 0)).toMatchObject({ ok: false, reason: "no_spread" });
    expect(seedsNeeded(0, 0.1)).toMatchObject({ ok: false, reason: "no_difference" });
    expect(seedsNeeded(1e-6, 1)).toMatchObject({ ok: false, reason: "too_many" });
  });
  it("pooled std stays finite for spreads near 1e154 and above 0 near 1e-170", () => {
    expect(pooledStd(1e154, 3, 2e154, 3)).toBeCloseTo(Math.sqrt(2.5) * 1e154, -140);
    expect(pooledStd(1e-170, 3, 1e-170, 3)).toBeGreaterThan(0);
  });
  it("more seeds never lower the power, a larger effect never needs more seeds", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 5, noNaN: true }), fc.integer({ min: 2, max: 200 }), (d, n) => {
        expect(tTestPower(d, n + 1)).toBeGreaterThanOrEqual(tTestPower(d, n) - 1e-12);
        const a = seedsNeeded(d, 1);
        const b = seedsNeeded(d * 1.5, 1);
        if (a.ok && b.ok) expect(b.perSide).toBeLessThanOrEqual(a.perSide);
      }),
      { numRuns: 60 },
    );
  });
});

describe("difference of means against SciPy", () => {
  it("Welch's 95% CI of the difference and its p-value match ttest_ind(equal_var=False)", () => {
    for (const c of ref.welch) {
      const v = compareWithBaseline(side("a", c.a), side("b", c.b), accuracy, "max");
      const scale = Math.max(Math.abs(c.low), Math.abs(c.high));
      expect(Math.abs(v.difference - c.diff) / scale).toBeLessThan(1e-12);
      expect(Math.abs((v.differenceCi?.[0] ?? NaN) - c.low) / scale).toBeLessThan(1e-8);
      expect(Math.abs((v.differenceCi?.[1] ?? NaN) - c.high) / scale).toBeLessThan(1e-8);
      expect(Math.abs((v.pValue ?? NaN) - c.p)).toBeLessThan(1e-8);
    }
  });
});

describe("verdict states and sentences", () => {
  const exp1 = [0.701, 0.712, 0.705];
  const exp2 = [0.741, 0.733, 0.738];
  it("won: difference, its CI, p and n per side", () => {
    const v = compareWithBaseline(side("exp2", exp2), side("exp1", exp1), accuracy, "max");
    expect(v.state).toBe("won");
    expect(v.n).toEqual([3, 3]);
    expect(v.sentence).toMatch(
      /^exp2 beats exp1: accuracy \+3\.1 points, 95% CI \+[\d.]+ to \+[\d.]+ points, p = 0\.\d+, n = 3 vs 3\.$/,
    );
  });
  it("lost, for a lower-is-better metric in its own unit", () => {
    const loss = { name: "latency", type: "number", unit: "ms" } as const;
    const v = compareWithBaseline(side("exp2", [52, 54, 53]), side("exp1", [40, 41, 42]), loss, "min");
    expect(v.state).toBe("lost");
    // Digits follow the CI's half-width (about 2 ms here): one decimal.
    expect(v.differenceText).toBe("+12.0 ms");
    expect(v.sentence).toMatch(
      /^exp2 is worse than exp1: latency \+12\.0 ms, 95% CI \+9\.7 to \+14\.3 ms, p < 0\.001, n = 3 vs 3\.$/,
    );
  });
  it("confounded: the seeds' example changes layers and images at once", () => {
    const v = compareWithBaseline(
      side("exp2", exp2, { layers: 2, n_images: 2000 }),
      side("exp1", exp1, { layers: 1, n_images: 1000 }),
      accuracy,
      "max",
    );
    expect(v.state).toBe("confounded");
    expect(v.outcome).toBe("won");
    expect(v.changes).toEqual([
      { column: "layers", from: 1, to: 2 },
      { column: "n_images", from: 1000, to: 2000 },
    ]);
    expect(v.sentence).toContain(
      "exp2 changes layers 1 -> 2 and n_images 1,000 -> 2,000 at once: the gain cannot be attributed to either; run one that changes a single factor.",
    );
  });
  it("a single changed factor is not confounded", () => {
    const v = compareWithBaseline(
      side("exp2", exp2, { layers: 2 }),
      side("exp1", exp1, { layers: 1 }),
      accuracy,
      "max",
    );
    expect(v.state).toBe("won");
  });
  it("seeds needed: a tie with an estimate from the observed spread", () => {
    const v = compareWithBaseline(side("exp2", [0.8, 0.9, 0.85]), side("exp1", [0.82, 0.88, 0.84]), accuracy, "max");
    expect(v.outcome).toBe("tied");
    expect(v.state).toBe("seeds needed");
    // Pooled std of the two samples (0.05 and 0.0306), effect 0.0033 / 0.0414: about 2,400 seeds.
    const expected = seedsNeeded(v.difference, pooledStd(0.05, 3, summarize([0.82, 0.88, 0.84]).std ?? NaN, 3));
    expect(expected.ok && v.seeds?.ok && v.seeds.perSide === expected.perSide).toBe(true);
    expect(v.sentence).toBe(
      "cannot tell exp2 from exp1: accuracy +0.33 points, 95% CI -10 to +11 points, p = 0.93, n = 3 vs 3. About 2,427 seeds per side would detect a difference of this size (95% confidence, 80% power).",
    );
  });
  it("cannot tell with single runs, and says what to do", () => {
    const v = compareWithBaseline(side("exp2", [0.9]), side("exp1", [0.8]), accuracy, "max");
    expect(v.state).toBe("cannot tell");
    expect(v.pValue).toBeNull();
    expect(v.sentence).toBe(
      "cannot tell exp2 from exp1: accuracy +10 points, no test: a single run each, n = 1 vs 1. Run at least 2 seeds of each to estimate the spread.",
    );
  });
  it("cannot tell with one single run plans from the other side's spread", () => {
    const v = compareWithBaseline(side("exp2", [0.9]), side("exp1", [0.8, 0.82, 0.81]), accuracy, "max");
    expect(v.outcome).toBe("cannot tell");
    expect(v.seeds?.ok).toBe(true);
    expect(v.sentence).toContain("exp2 has a single run");
  });
  it("says when the baseline defaulted to the previous experiment", () => {
    const v = compareWithBaseline(side("exp2", exp2), side("exp1", exp1), accuracy, "max", { baselineDefaulted: true });
    expect(v.baselineDefaulted).toBe(true);
    expect(v.sentence).toMatch(/^exp2 beats exp1 \(the previous experiment; no baseline set\): /);
  });
});

describe("one unit style for differences", () => {
  it("fraction metrics in points, others in their own unit, digits from the CI", () => {
    expect(formatDifference(0.032, accuracy)).toBe("+3.2 points");
    expect(formatDifference(-0.0042, { type: "percent" })).toBe("-0.42 points");
    expect(formatDifference(1.5, { type: "number", unit: "%" })).toBe("+1.5 points");
    expect(formatDifference(-12, { type: "number", unit: "ms" })).toBe("-12 ms");
    expect(formatDifference(0.0344, { type: "number" })).toBe("+0.034");
    expect(formatDifference(0.0321, accuracy, [0.018, 0.046])).toBe("+3.2 points");
    expect(formatDifferenceCi([0.018, 0.046], accuracy)).toBe("+1.8 to +4.6 points");
  });
});

describe("one rule for ties, difference intervals and seeds needed", () => {
  it("keeps the brief's conservative tie when p < 0.05 but the error bars overlap, and says why", () => {
    const exp1 = side("exp1", [0.71, 0.73, 0.72]);
    const exp2 = side("exp2", [0.75, 0.77, 0.76]);
    // Each side's own interval: about +-2.5 points around its mean, so the bars overlap.
    expect((exp1.stats.ci95?.[1] ?? 0) > (exp2.stats.ci95?.[0] ?? 1)).toBe(true);
    const v = compareWithBaseline(exp2, exp1, accuracy, "max");
    expect(v.pValue ?? 1).toBeLessThan(0.05);
    expect(v.differenceCi?.[0] ?? 0).toBeGreaterThan(0);
    expect(v.outcome).toBe("tied");
    expect(v.sentence).toMatch(
      /^cannot tell exp2 from exp1: accuracy \+4\.0 points, 95% CI \+[\d.]+ to \+[\d.]+ points, p = 0\.0\d+/,
    );
    expect(v.caveats).toContain(overlapSentence("exp2", "exp1"));
    expect(v.seeds?.ok && v.seeds.perSide).toBeGreaterThan(3);
  });

  it("tied exactly when p >= 0.05 or the two 95% intervals overlap; an overlap-only tie is explained", () => {
    const sample = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 8 });
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const sa = side("a", a);
        const sb = side("b", b);
        const v = compareWithBaseline(sa, sb, accuracy, "max");
        const p = v.pValue;
        if (p === null || Math.abs(p - 0.05) < 1e-9) return;
        const [x, y] = [sa.stats.ci95, sb.stats.ci95];
        const overlap = x === null || y === null || (x[0] <= y[1] && y[0] <= x[1]);
        expect(v.outcome === "tied").toBe(p >= 0.05 || overlap);
        expect(v.caveats.includes(overlapSentence("a", "b"))).toBe(p < 0.05 && overlap);
      }),
      { numRuns: 300 },
    );
  });

  it("never calls seeds the sides already have 'needed'", () => {
    // Unequal spreads: the pooled power formula says 3 per side would do, yet 3 per side are tied.
    const a = side("exp2", [0.74, 0.98, 0.73]);
    const b = side("exp1", [0.486, 0.488, 0.485]);
    const v = compareWithBaseline(a, b, accuracy, "max");
    expect(v.outcome).toBe("tied");
    expect(v.state).toBe("seeds needed");
    const plain = seedsNeeded(v.difference, pooledStd(a.stats.std ?? NaN, 3, b.stats.std ?? NaN, 3));
    expect(plain.ok && plain.perSide <= 3).toBe(true);
    expect(v.seeds).toMatchObject({ ok: true, perSide: 4, raisedFrom: plain.ok ? plain.perSide : -1 });
    expect(v.sentence).toContain("More than 3 seeds per side are needed to tell them apart: 3 per side did not.");
    expect(v.sentence).not.toMatch(/About \d+ seeds/);
  });

  it("whenever it estimates seeds, it asks for more than the smaller side has", () => {
    const sample = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const v = compareWithBaseline(side("a", a), side("b", b), accuracy, "max");
        if (v.seeds?.ok) expect(v.seeds.perSide).toBeGreaterThan(Math.min(a.length, b.length));
        if (v.outcome === "won" || v.outcome === "lost") expect(v.seeds).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});
