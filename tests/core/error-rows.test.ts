import { describe, expect, it } from "vitest";
import { best, buildReport, runsWithoutErrors, validate, type CellValue, type RunSchema } from "../../src/core/index";

const SCHEMA: RunSchema = {
  columns: [
    { name: "run_id", type: "text", role: "id", required: true },
    { name: "experiment", type: "text", role: "tag" },
    { name: "layers", type: "integer", role: "param" },
    { name: "seed", type: "integer", role: "meta" },
    { name: "status", type: "choice", role: "meta", choices: ["finished", "running", "failed"] },
    { name: "accuracy", type: "number", role: "metric", goal: "max" },
  ],
};
const HEADER = ["run_id", "experiment", "layers", "seed", "status", "accuracy"];
const ROWS: CellValue[][] = [
  ["a1", "exp1", 1, 1, "finished", 0.8],
  ["a2", "exp1", 1, 2, "finished", 0.82],
  ["a3", "exp1", 1, 3, "finished", 0.81],
  ["b1", "exp2", 2, 1, "finished", 0.9],
  ["b2", "exp2", 2, 2, "finished", 0.91],
  // A duplicate run_id with a seed of its own: without the rule it becomes a fourth replicate.
  ["b2", "exp2", 2, 3, "finished", 0.95],
];

describe("runsWithoutErrors", () => {
  it("leaves out exactly the rows with an error, with validation's first sentence, and keeps warnings", () => {
    const runs = [{ excelRow: 2 }, { excelRow: 3 }, { excelRow: 4 }];
    const split = runsWithoutErrors(runs, [
      { row: 3, severity: "error", message: "first" },
      { row: 3, severity: "error", message: "second" },
      { row: 4, severity: "warning", message: "only a warning" },
    ]);
    expect(split.runs.map((r) => r.excelRow)).toEqual([2, 4]);
    expect(split.excluded).toEqual([{ row: 3, reason: "first" }]);
  });
});

describe("best() with leaveOutErrorsOf", () => {
  const checked = validate([HEADER, ...ROWS], SCHEMA);

  it("does not count a duplicate run_id as a replicate, and says why it left the rows out", () => {
    const errorRows = new Set(checked.issues.filter((i) => i.severity === "error").map((i) => i.row));
    expect(errorRows.size).toBeGreaterThan(0);
    const r = best({ ...checked, leaveOutErrorsOf: checked.issues }, { metric: "accuracy" });
    if (!r.ok) throw new Error("best failed");
    const top = r.value.ranking[0];
    expect(top?.config).toMatchObject({ layers: 2 });
    expect(top?.rows.some((row) => errorRows.has(row))).toBe(false);
    for (const row of errorRows) expect(r.value.excluded.map((e) => e.row)).toContain(row);
    const plain = best(checked, { metric: "accuracy" });
    if (!plain.ok) throw new Error("best failed");
    expect(plain.value.ranking[0]?.n).toBeGreaterThan(top?.n ?? 0);
  });

  it("gives the Report's verdict the same ranking the Best tab sees", () => {
    const data = { ...checked, leaveOutErrorsOf: checked.issues };
    const ranked = best(data, { metric: "accuracy" });
    const report = buildReport(data, { metric: "accuracy", now: new Date("2026-12-01T00:00:00Z") });
    if (!ranked.ok || !report.ok) throw new Error("failed");
    const winner = ranked.value.ranking[0];
    expect(winner?.n).toBe(2);
    // The verdict states n per side: exp2's two clean runs against exp1's three.
    expect(JSON.stringify(report.value)).toContain("n = 2 vs 3");
    const counted = buildReport(checked, { metric: "accuracy", now: new Date("2026-12-01T00:00:00Z") });
    if (!counted.ok) throw new Error("failed");
    expect(JSON.stringify(counted.value)).not.toContain("n = 2 vs 3");
  });
});
