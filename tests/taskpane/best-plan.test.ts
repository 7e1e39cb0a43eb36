import { describe, expect, it } from "vitest";
import { metricOptions, runBest, type Grid } from "../../src/core/index";
import { checkGrid, DEFAULT_SCHEMA, type SheetGrid } from "../../src/excel/index";
import { distinctConfigLabels, paretoRuns, registryEntryFor } from "../../src/taskpane/components/BestTab/best-plan";

// Dogs vs cats: exp1 (1 layer, 1,000 images) and exp2 (2 layers, 2,000 images), three seeds each.
const header = ["run_id", "experiment", "n_images", "layers", "seed", "status", "accuracy", "latency_ms"];
const rows: Grid = [
  ["e1-s1", "exp1", 1000, 1, 1, "finished", 0.71, 10],
  ["e1-s2", "exp1", 1000, 1, 2, "finished", 0.73, 11],
  ["e1-s3", "exp1", 1000, 1, 3, "finished", 0.72, 10],
  ["e2-s1", "exp2", 2000, 2, 1, "finished", 0.8, 20],
  ["e2-s2", "exp2", 2000, 2, 2, "finished", 0.82, 21],
  ["e2-s3", "exp2", 2000, 2, 3, "finished", 0.81, 60],
  ["e2-s4", "exp2", 2000, 2, 4, "failed", "", 20],
];
const schema = {
  columns: [
    ...DEFAULT_SCHEMA.columns.filter((c) => header.includes(c.name)),
    { name: "latency_ms", type: "number" as const, role: "metric" as const, goal: "min" as const },
  ],
};
const grid: SheetGrid = {
  sheet: "Runs",
  grid: [header, ...rows],
  rowOffset: 1,
  columnOffset: 0,
  source: "table",
  headerRow: 1,
};

describe("Best tab logic", () => {
  const outcome = checkGrid(grid, schema);

  it("offers the schema's metrics with their goals", () => {
    expect(metricOptions(schema)).toEqual([
      { name: "accuracy", goal: "max" },
      { name: "latency_ms", goal: "min" },
    ]);
  });

  it("ranks configurations by mean and excludes the failed run with a reason", () => {
    const r = runBest(outcome, { metric: "accuracy", where: "" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.best?.id).toBe("e2-s2");
    expect(r.value.ranking[0]?.n).toBe(3);
    expect(r.value.excluded.map((e) => e.row)).toContain(8);
  });

  it("labels configurations by the params and data that differ only", () => {
    const r = runBest(outcome, { metric: "accuracy", where: "" });
    if (!r.ok) throw new Error("best failed");
    // n_images is data: part of the configuration (another sample size is not a replicate).
    expect(distinctConfigLabels(r.value.ranking)).toEqual(["n_images=2000, layers=2", "n_images=1000, layers=1"]);
    const same = r.value.ranking.map((c) => ({ ...c, config: { layers: 1 } }));
    expect(distinctConfigLabels(same)).toEqual(same.map((c) => c.ids.join(", ")));
  });

  it("computes the Pareto front over accuracy (max) and latency (min)", () => {
    const r = runBest(outcome, { metric: "accuracy", where: "", pareto: "latency_ms" });
    if (!r.ok) throw new Error("best failed");
    expect(r.value.paretoMetric).toEqual({ metric: "latency_ms", goal: "min" });
    const front = paretoRuns(r.value, outcome.runs);
    // e1-s1 is dominated by e1-s3 (same latency, less accurate), e2-s3 by e2-s2 (faster and more accurate).
    expect([...front].sort()).toEqual(["e1-s2 (row 3)", "e1-s3 (row 4)", "e2-s1 (row 5)", "e2-s2 (row 6)"]);
  });

  it("applies constraint text", () => {
    const r = runBest(outcome, { metric: "accuracy", where: "latency_ms <= 50" });
    expect(r.ok && r.value.ranking[0]?.n).toBe(2);
  });

  it("reports bad options as issues, not throws", () => {
    expect(runBest(outcome, { metric: "nope", where: "" }).ok).toBe(false);
  });

  it("builds a Registry entry with the winner's own value and its frozen row", () => {
    const r = runBest(outcome, { metric: "accuracy", where: "" });
    if (!r.ok) throw new Error("best failed");
    const entry = registryEntryFor(r.value, outcome, "");
    expect(entry?.runId).toBe("e2-s2");
    expect(entry?.value).toBe(0.82);
    expect(entry?.row).toMatchObject({ run_id: "e2-s2", layers: 2, accuracy: 0.82 });
    expect(entry?.reason).toMatch(/mean over 3 runs/);
    expect(entry?.reason).toMatch(/runner-up/);
  });
});
