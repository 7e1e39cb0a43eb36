import { describe, expect, it } from "vitest";
import { compare, type Grid } from "../../src/core/index";
import { checkGrid, compareTable, DEFAULT_SCHEMA, deltaDirection, writeCompareSheet } from "../../src/excel/index";
import { workbook } from "./helpers";

const header = ["run_id", "experiment", "n_images", "layers", "seed", "status", "accuracy", "val_loss"];
const rows: Grid = [
  ["=e1", "exp1", 1000, 1, 1, "finished", 0.71, 0.6],
  ["e2-s1", "exp2", 2000, 2, 1, "finished", 0.8, 0.65],
];
const checked = checkGrid(
  { sheet: "Runs", grid: [header, ...rows], rowOffset: 1, columnOffset: 0, source: "table", headerRow: 1 },
  DEFAULT_SCHEMA,
);

function compared(allColumns = false) {
  const r = compare({ runs: checked.runs, schema: checked.schema }, ["=e1", "e2-s1"], { allColumns });
  if (!r.ok) throw new Error("compare failed");
  return r.value;
}

describe("compare table", () => {
  it("colours a delta by the metric's goal: more accuracy is better, more val_loss is worse", () => {
    expect(deltaDirection(0.09, "max")).toBe(1);
    expect(deltaDirection(0.05, "min")).toBe(-1);
    expect(deltaDirection(0, "max")).toBe(0);
    expect(deltaDirection(null, "max")).toBeNull();
    const table = compareTable(compared(), checked.schema);
    const acc = table.find((r) => r.label === "Δ accuracy vs =e1");
    const loss = table.find((r) => r.label === "Δ val_loss vs =e1");
    expect(acc?.cells[1]).toBeCloseTo(0.09, 12);
    expect(acc?.direction).toEqual([null, 1]);
    expect(loss?.direction).toEqual([null, -1]);
  });

  it("diff-only keeps only the columns that differ; all columns keeps the rest too", () => {
    const diff = compareTable(compared(), checked.schema)
      .filter((r) => r.kind === "value")
      .map((r) => r.label);
    expect(diff).toEqual(["run_id", "experiment", "n_images", "layers", "accuracy", "val_loss"]);
    const all = compareTable(compared(true), checked.schema).map((r) => r.label);
    expect(all).toContain("seed");
    expect(all).toContain("status");
  });
});

describe("Compare sheet", () => {
  it("is written with text kept as text, then regenerated in place, never duplicated", async () => {
    const { run, sim } = workbook();
    const result = compared();
    const first = await run((ctx) => writeCompareSheet(ctx, result, compareTable(result, checked.schema)));
    expect(first).toMatchObject({ sheet: "Compare", replaced: false });
    expect(sim.getValues("Compare", "A1:C2")).toEqual([
      ["column", "=e1 (baseline)", "e2-s1"],
      ["run_id", "=e1", "e2-s1"],
    ]);
    expect(sim.getFormulas("Compare", "B2")[0]?.[0]).toBe("=e1");

    const narrower = compare({ runs: checked.runs, schema: checked.schema }, ["e2-s1"]);
    if (!narrower.ok) throw new Error("compare failed");
    const again = await run((ctx) =>
      writeCompareSheet(ctx, narrower.value, compareTable(narrower.value, checked.schema)),
    );
    expect(again.replaced).toBe(true);
    expect(sim.getValues("Compare", "A1:C2")).toEqual([
      ["column", "e2-s1 (baseline)", ""],
      ["", "", ""],
    ]);
    expect(sim.workbook.sheets.filter((s) => s.name.startsWith("Compare"))).toHaveLength(1);
  });

  it("leaves a user's own sheet named Compare alone", async () => {
    const { run, sim } = workbook();
    sim.addSheet("Compare");
    sim.setValues("Compare", "A1", [["my notes"]]);
    const result = compared();
    await expect(run((ctx) => writeCompareSheet(ctx, result, compareTable(result, checked.schema)))).rejects.toThrow(
      /RunSheet did not create/,
    );
    expect(sim.getValues("Compare", "A1")).toEqual([["my notes"]]);
  });
});
