import { describe, expect, it } from "vitest";
import { checkGrid, DEFAULT_SCHEMA, metricOptions, runBest, type Grid, type SheetGrid } from "../../src/core/index";

const header = ["run_id", "experiment", "layers", "seed", "status", "accuracy", "val_loss"];
const rows: Grid = [
  ["e1-s1", "exp1", 1, 1, "finished", 0.71, 0.6],
  ["e1-s2", "exp1", 1, 2, "finished", 0.73, 0.58],
  ["e2-s1", "exp2", 2, 1, "finished", 0.8, 0.5],
  ["e2-s2", "exp2", 2, 2, "finished", 0.82, 0.48],
];
function checked(extra: Grid = []) {
  const grid: SheetGrid = {
    sheet: "Runs",
    grid: [header, ...rows, ...extra],
    rowOffset: 1,
    columnOffset: 0,
    source: "table",
    headerRow: 1,
  };
  return checkGrid(grid, DEFAULT_SCHEMA);
}

describe("best query (shared by the Best tab and the ribbon)", () => {
  it("offers only metric columns, with a null goal where none is declared", () => {
    const schema = {
      columns: [
        { name: "layers", type: "integer" as const, role: "param" as const },
        { name: "accuracy", type: "number" as const, role: "metric" as const, goal: "max" as const },
        { name: "f1", type: "number" as const, role: "metric" as const },
      ],
    };
    expect(metricOptions(schema)).toEqual([
      { name: "accuracy", goal: "max" },
      { name: "f1", goal: null },
    ]);
  });

  it("takes an explicit goal over the schema's", () => {
    const r = runBest(checked(), { metric: "accuracy", goal: "min", where: "" });
    expect(r.ok && r.value.goal).toBe("min");
    expect(r.ok && r.value.best?.id).toBe("e1-s1");
  });

  it("treats blank constraint text as no constraint", () => {
    const r = runBest(checked(), { metric: "accuracy", where: "   " });
    expect(r.ok && r.value.excluded).toEqual([]);
  });

  it("asks for no Pareto front when the second metric is the ranked one", () => {
    const same = runBest(checked(), { metric: "accuracy", where: "", pareto: "accuracy" });
    expect(same.ok && same.value.pareto).toBeFalsy();
    const other = runBest(checked(), { metric: "accuracy", where: "", pareto: "val_loss" });
    expect(other.ok && other.value.pareto?.length).toBeGreaterThan(0);
  });

  it("leaves out rows with validation errors, with validation's sentence", () => {
    const r = runBest(checked([["e2-s2", "exp2", 2, 2, "finished", 0.9, 0.4]]), { metric: "accuracy", where: "" });
    if (!r.ok) throw new Error("best failed");
    expect(r.value.excluded.map((e) => e.row)).toEqual([6]);
    expect(r.value.excluded[0]?.reason).toMatch(/already used/);
  });
});
