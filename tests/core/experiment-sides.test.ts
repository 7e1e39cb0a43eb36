import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chooseBaseline, replicateSummary, replicateValues } from "../../src/core/experiment-sides";
import type { Run } from "../../src/core/runs";

function run(excelRow: number, values: Run["values"]): Run {
  return { excelRow, id: `r${excelRow}`, values, invalid: {}, configKey: "", replicateGroup: 0 };
}

describe("chooseBaseline", () => {
  it("keeps a named baseline and says it was not defaulted", () => {
    expect(chooseBaseline("exp1", ["exp1", "exp2", "exp3"], 2)).toEqual({ baseline: "exp1", defaulted: false });
  });

  it("takes the previous experiment when none is named, and the first has none", () => {
    expect(chooseBaseline(null, ["exp1", "exp2"], 1)).toEqual({ baseline: "exp1", defaulted: true });
    expect(chooseBaseline(null, ["exp1", "exp2"], 0)).toEqual({ baseline: null, defaulted: false });
  });

  it("is defaulted exactly when nothing was named and a previous experiment exists", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string(), { minLength: 1, maxLength: 8 }),
        fc.option(fc.string(), { nil: null }),
        fc.nat(),
        (order, named, k) => {
          const i = k % order.length;
          const c = chooseBaseline(named, order, i);
          expect(c.defaulted).toBe(named === null && i > 0);
          expect(c.baseline).toBe(named ?? (i > 0 ? order[i - 1] : null));
        },
      ),
    );
  });
});

describe("replicateValues", () => {
  it("reads the metric of the runs at the rows, in the rows' order, numbers only", () => {
    const byRow = new Map([
      [2, run(2, { acc: 0.5 })],
      [3, run(3, { acc: null })],
      [4, run(4, { acc: 0.7 })],
      [5, run(5, { acc: "n/a" })],
    ]);
    expect(replicateValues([4, 2, 3, 5, 9], byRow, "acc")).toEqual([0.7, 0.5]);
    expect(replicateValues([2, 4], byRow, "loss")).toEqual([]);
  });
});

describe("replicateSummary", () => {
  it("gives mean ± half-width with n over replicates, and says when there is a single run", () => {
    expect(replicateSummary({ mean: 0.8123, ci95: [0.8, 0.8246], n: 3 })).toBe("0.812 ± 0.012 (95% CI, n = 3)");
    expect(replicateSummary({ mean: 0.8123, ci95: null, n: 1 })).toBe("0.8123 (single run)");
  });
});
