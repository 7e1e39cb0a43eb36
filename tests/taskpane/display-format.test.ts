import { describe, expect, it } from "vitest";
import type { BestResult, ConfigStats } from "../../src/core/index";
import {
  formatInterval,
  formatMean,
  formatPValue,
  formatSpread,
  formatValue,
  plural,
  verdictOf,
} from "../../src/taskpane/logic/display-format";

function config(mean: number, n: number, ci: [number, number] | null): ConfigStats {
  return { rows: [2], ids: ["r1"], config: {}, n, mean, std: ci ? 0.01 : null, ci95: ci };
}

function result(overrides: Partial<BestResult>): BestResult {
  return {
    metric: "accuracy",
    goal: "max",
    best: { row: 2, id: "r1", value: 0.9 },
    ranking: [config(0.9, 3, [0.88, 0.92]), config(0.85, 3, [0.83, 0.87])],
    pValue: 0.004,
    tiedWithRunnerUp: false,
    excluded: [],
    ...overrides,
  };
}

describe("number formatting", () => {
  it("shows missing values as a dash, never 0", () => {
    expect(formatValue(null)).toBe("–");
    expect(formatValue(Number.NaN)).toBe("–");
    expect(formatValue(0)).toBe("0");
    expect(formatValue(0.123456)).toBe("0.1235");
  });
  it("a spread to 2 significant digits, as the CI's half-width", () => {
    expect(formatSpread(0.006083)).toBe("0.0061");
    expect(formatSpread(0.01185)).toBe("0.012");
    expect(formatSpread(12.34)).toBe("12");
    expect(formatSpread(0)).toBe("0");
    expect(formatSpread(null)).toBe("–");
  });
  it("formats intervals and says when there is none", () => {
    expect(formatInterval([0.8812, 0.9245])).toBe("[0.8812, 0.9245]");
    expect(formatInterval(null)).toBe("n < 2");
  });
  it("mean ± half-width of the CI", () => {
    expect(formatMean({ mean: 0.9, ci95: [0.88, 0.92] })).toBe("0.900 ± 0.020");
  });
  it("p-values and their reasons", () => {
    expect(formatPValue({ pValue: 0.0004 })).toBe("p < 0.001");
    expect(formatPValue({ pValue: 0.41 })).toBe("p = 0.41");
    expect(formatPValue({ pValue: null, pValueReason: "cannot tell: a single run each" })).toBe(
      "cannot tell: a single run each",
    );
  });
  it("plural", () => {
    expect(plural(1, "error")).toBe("1 error");
    expect(plural(0, "error")).toBe("0 errors");
  });
});

describe("verdictOf", () => {
  it("clear winner when p < 0.05 and not tied", () => {
    const v = verdictOf(result({}));
    expect(v.kind).toBe("clear");
    expect(v.intent).toBe("success");
    expect(v.text).toContain("p = 0.004");
  });
  it("tied with the runner-up", () => {
    const v = verdictOf(result({ pValue: 0.3, tiedWithRunnerUp: true }));
    expect(v.kind).toBe("tied");
    expect(v.text).toMatch(/Tied with the runner-up/);
  });
  it("cannot tell without a p-value", () => {
    const v = verdictOf(result({ pValue: null, pValueReason: "a single run each", tiedWithRunnerUp: true }));
    expect(v.kind).toBe("cannot-tell");
    expect(v.text).toContain("a single run each");
    const prefixed = verdictOf(
      result({ pValue: null, pValueReason: "cannot tell: the runner-up has a single run", tiedWithRunnerUp: true }),
    );
    expect(prefixed.text).toBe(
      "Cannot tell the best from the runner-up: the runner-up has a single run. Run more seeds of both to decide.",
    );
  });
  it("no qualifying run, and a single configuration", () => {
    expect(verdictOf(result({ best: null, ranking: [] })).kind).toBe("none");
    expect(verdictOf(result({ ranking: [config(0.9, 1, null)], pValue: null })).kind).toBe("single");
  });
});
