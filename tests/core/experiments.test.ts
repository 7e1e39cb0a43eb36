import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EXPERIMENTS_TABLE_HEADER,
  experimentIdsInRuns,
  experimentOrder,
  experimentRows,
  experimentVerdicts,
  idsToAppend,
  inferSchema,
  validate,
  type CellValue,
  type ExperimentRow,
} from "../../src/core/index";
import { SEEDS_HEADER, SEEDS_RUNS } from "../shared/seeds-example";

const HEADER = SEEDS_HEADER;

/** The seeds' example: exp1 one layer on 1,000 images, exp2 two layers on 2,000 images, three seeds each. */
const SEEDS: CellValue[][] = SEEDS_RUNS;

function checked(rows: CellValue[][]) {
  const grid = [HEADER, ...rows];
  return validate(grid, inferSchema(grid).schema, { source: "text" });
}

function row(id: string, fields: Partial<ExperimentRow> = {}): ExperimentRow {
  return {
    id,
    hypothesis: "",
    nullHypothesis: "",
    primaryMetric: "",
    goal: "",
    baseline: "",
    owner: "",
    status: "",
    conclusion: "",
    ...fields,
  };
}

describe("the Experiments table's rows", () => {
  it("are read by header name, in any column order, and rows without an id are skipped", () => {
    const rows = experimentRows([
      ["conclusion", "ID", "Primary Metric", "baseline", "notes of mine"],
      ["kept", " exp2 ", "val_loss", "exp1", "x"],
      ["a note row", "", "", "", ""],
      [null, "exp1", null, null, null],
    ]);
    expect(rows).toEqual([
      row("exp2", { conclusion: "kept", primaryMetric: "val_loss", baseline: "exp1" }),
      row("exp1"),
    ]);
  });
  it("have the user's nine columns and RunSheet's verdict last", () => {
    expect(EXPERIMENTS_TABLE_HEADER.slice(0, 9)).toEqual([
      "id",
      "hypothesis",
      "null_hypothesis",
      "primary_metric",
      "goal",
      "baseline",
      "owner",
      "status",
      "conclusion",
    ]);
    expect(EXPERIMENTS_TABLE_HEADER[9]).toBe("verdict");
  });
});

describe("which experiment ids to append", () => {
  it("finds every id in the runs once, trimmed, in sheet order", () => {
    const v = checked([
      ...SEEDS,
      ["x1", " exp3 ", 1000, 3, 1, "finished", 0.7, 0.6],
      ["x2", "", 1000, 1, 9, "finished", 0.7, 0.6],
    ]);
    expect(experimentIdsInRuns(v)).toEqual(["exp1", "exp2", "exp3"]);
  });
  it("appends only ids the sheet does not list, in the runs' order", () => {
    expect(idsToAppend(["exp2", " exp9 "], ["exp1", "exp2", "exp3", "exp1", "exp9"])).toEqual(["exp1", "exp3"]);
    expect(idsToAppend([], [])).toEqual([]);
  });
  it("never appends an id twice and never one the sheet has (property)", () => {
    const id = fc.constantFrom("exp1", "exp2", "exp3", " exp1", "exp4 ", "");
    fc.assert(
      fc.property(fc.array(id), fc.array(id), (sheet, runs) => {
        const added = idsToAppend(sheet, runs);
        const listed = new Set(sheet.map((s) => s.trim()));
        expect(new Set(added).size).toBe(added.length);
        for (const a of added) expect(listed.has(a)).toBe(false);
        // Appending them once leaves nothing to append: a retry adds no row.
        expect(idsToAppend([...sheet, ...added], runs)).toEqual([]);
      }),
    );
  });
  it("orders experiments as the sheet lists them, then the new ones", () => {
    expect(experimentOrder([row("exp2"), row("exp0")], ["exp1", "exp2", "exp3"])).toEqual([
      "exp2",
      "exp0",
      "exp1",
      "exp3",
    ]);
  });
});

describe("verdicts per experiment", () => {
  const v = checked(SEEDS);

  it("won and confounded: the seeds' exp2 changes layers and images at once", () => {
    const [first, second] = experimentVerdicts(v, [row("exp1"), row("exp2", { baseline: "exp1" })], {
      metric: "accuracy",
    });
    expect(first?.baseline).toBeNull();
    expect(first?.text).toMatch(/^exp1 is the first experiment: accuracy 0\.72/);
    expect(second?.verdict?.outcome).toBe("won");
    expect(second?.verdict?.state).toBe("confounded");
    expect(second?.baselineDefaulted).toBe(false);
    expect(second?.text).toMatch(
      /^exp2 beats exp1: accuracy \+9\.0 points, 95% CI \+[\d.]+ to \+[\d.]+ points, p [<=] 0\.\d+, n = 3 vs 3\. /,
    );
    expect(second?.text).toContain(
      "exp2 changes n_images 1,000 -> 2,000 and layers 1 -> 2 at once: the gain cannot be attributed to either; run one that changes a single factor.",
    );
  });

  it("says when the baseline defaulted to the previous experiment", () => {
    const [, second] = experimentVerdicts(v, [], { metric: "accuracy" });
    expect(second?.baseline).toBe("exp1");
    expect(second?.baselineDefaulted).toBe(true);
    expect(second?.text).toMatch(/^exp2 beats exp1 \(the previous experiment; no baseline set\): /);
  });

  it("lost: the row's own primary metric and goal win over the pane's", () => {
    // exp1 against exp2 on val_loss, lower is better: exp1's loss is higher, so it lost.
    const [first] = experimentVerdicts(
      v,
      [row("exp1", { baseline: "exp2", primaryMetric: "val_loss", goal: "min" }), row("exp2")],
      { metric: "accuracy", goal: "max" },
    );
    expect(first?.metric).toBe("val_loss");
    expect(first?.goal).toBe("min");
    expect(first?.metricFromSheet).toBe(true);
    expect(first?.verdict?.outcome).toBe("lost");
    expect(first?.text).toMatch(/^exp1 is worse than exp2: val_loss \+0\.10/);
  });

  it("tied, with the seeds that would decide it, never fewer than are there", () => {
    const tied = checked([
      ["a1", "expA", 1000, 1, 1, "finished", 0.8, 0.5],
      ["a2", "expA", 1000, 1, 2, "finished", 0.9, 0.5],
      ["a3", "expA", 1000, 1, 3, "finished", 0.85, 0.5],
      ["b1", "expB", 1000, 2, 1, "finished", 0.82, 0.5],
      ["b2", "expB", 1000, 2, 2, "finished", 0.88, 0.5],
      ["b3", "expB", 1000, 2, 3, "finished", 0.86, 0.5],
    ]);
    const [, b] = experimentVerdicts(tied, [row("expA"), row("expB", { baseline: "expA" })], { metric: "accuracy" });
    expect(b?.verdict?.outcome).toBe("tied");
    expect(b?.verdict?.state).toBe("seeds needed");
    expect(b?.verdict?.seeds?.ok && b.verdict.seeds.perSide).toBeGreaterThan(3);
    expect(b?.text).toMatch(/^cannot tell expB from expA: .* n = 3 vs 3\. About [\d,]+ seeds per side would detect/);
  });

  it("cannot tell with a single run on a side", () => {
    const single = checked([SEEDS[0] ?? [], ...SEEDS.slice(3, 4)]);
    const [, second] = experimentVerdicts(single, [], { metric: "accuracy" });
    expect(second?.verdict?.outcome).toBe("cannot tell");
    expect(second?.verdict?.pValue).toBeNull();
    expect(second?.text).toContain("no test: a single run each, n = 1 vs 1");
  });

  it("explains the rows it cannot compare instead of guessing", () => {
    const out = experimentVerdicts(
      v,
      [
        row("exp1", { baseline: "exp7" }),
        row("exp2", { baseline: "exp2" }),
        row("planned"),
        row("exp3", { primaryMetric: "f1" }),
      ],
      { metric: "accuracy" },
    );
    expect(out.map((e) => [e.id, e.text])).toEqual([
      ["exp1", "cannot compare exp1 with exp7: there is no experiment exp7."],
      ["exp2", "exp2 names itself as its baseline: pick another experiment to compare with."],
      ["planned", "planned has no finished run with accuracy yet."],
      ["exp3", expect.stringMatching(/^There is no column "f1"/)],
    ]);
    const none = experimentVerdicts(v, [], { metric: "" });
    expect(none[0]?.text).toMatch(/^No primary metric/);
  });

  it("leaves out rows with validation errors, as the Best tab does", () => {
    const dup = checked([...SEEDS, ["e2-s2", "exp2", 2000, 2, 2, "finished", 0.82, 0.48]]);
    expect(dup.issues.some((i) => i.code === "duplicate_id")).toBe(true);
    const [, second] = experimentVerdicts({ ...dup, leaveOutErrorsOf: dup.issues }, [], { metric: "accuracy" });
    expect(second?.verdict?.n).toEqual([3, 3]);
  });
});
