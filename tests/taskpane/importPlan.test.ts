import { describe, expect, it } from "vitest";
import { mapColumns, parseText } from "../../src/core/parse/index";
import { DEFAULT_SCHEMA } from "../../src/excel/index";
import {
  effectiveMapping,
  historyRows,
  initialChoices,
  isLargePaste,
  mapsRunId,
  newSchemaColumns,
  planImport,
  withRunIds,
} from "../../src/taskpane/logic/importPlan";

describe("isLargePaste", () => {
  it("counts lines against the threshold", () => {
    expect(isLargePaste("a\nb\nc", 3)).toBe(false);
    expect(isLargePaste("a\nb\nc\nd", 3)).toBe(true);
    expect(isLargePaste("x\n".repeat(2500))).toBe(true);
    expect(isLargePaste("x\n".repeat(100))).toBe(false);
  });
});

describe("planImport", () => {
  const csv = "run_id,acc,lr,gpu_hours\nr1,0.91,0.001,2\nr2,0.93,0.01,3\n";

  it("maps synonyms and offers unknown columns for the schema", () => {
    const result = parseText(csv);
    const choices = initialChoices(mapColumns(result.columns, DEFAULT_SCHEMA, result.rows), result);
    const bySource = Object.fromEntries(choices.map((c) => [c.source, c]));
    expect(bySource.acc?.target).toBe("accuracy");
    expect(bySource.lr?.target).toBe("learning_rate");
    expect(bySource.gpu_hours?.target).toBeNull();
    expect(bySource.gpu_hours?.addToSchema).toBe(true);
    expect(newSchemaColumns(choices).map((c) => c.name)).toEqual(["gpu_hours"]);
    const plan = planImport(result, choices, false);
    expect(plan.canImport).toBe(true);
    expect(plan.rows).toBe(2);
    expect(plan.cells?.header).toEqual(["run_id", "accuracy", "learning_rate", "gpu_hours"]);
  });

  it("skips unknown columns the user unticks", () => {
    const result = parseText(csv);
    const choices = initialChoices(mapColumns(result.columns, DEFAULT_SCHEMA, result.rows), result).map((c) => ({
      ...c,
      addToSchema: false,
    }));
    expect(effectiveMapping(choices).find((m) => m.source === "gpu_hours")?.target).toBeNull();
    expect(planImport(result, choices, false).cells?.header).toEqual(["run_id", "accuracy", "learning_rate"]);
    expect(newSchemaColumns(choices)).toEqual([]);
  });

  it("refuses to import on errors unless valid rows only is ticked", () => {
    const broken = parseText("run_id,accuracy\nr1,0.9\nr2,0.8,extra\nr3,0.7\n", { format: "csv" });
    expect(broken.issues.some((i) => i.severity === "error")).toBe(true);
    const choices = initialChoices(mapColumns(broken.columns, DEFAULT_SCHEMA, broken.rows), broken);
    const blocked = planImport(broken, choices, false);
    expect(blocked.canImport).toBe(false);
    expect(blocked.reason).toMatch(/valid rows only/);
    const allowed = planImport(broken, choices, true);
    expect(allowed.canImport).toBe(true);
    expect(allowed.rows).toBeLessThan(broken.rows.length + 1);
    expect(allowed.cells?.cells.every((row) => row[0] !== "r2")).toBe(true);
  });

  it("flags formula-like text for the text format", () => {
    const result = parseText('run_id,notes\nr1,=HYPERLINK("http://x")\n', { format: "csv" });
    const choices = initialChoices(mapColumns(result.columns, DEFAULT_SCHEMA, result.rows), result);
    const plan = planImport(result, choices, false);
    expect(plan.cells?.textCells).toContainEqual([0, 1]);
  });

  it("nothing to import without a result", () => {
    expect(planImport(null, [], false).canImport).toBe(false);
  });
});

describe("step logs: run ids and History rows", () => {
  const keras =
    "epoch,accuracy,loss,val_accuracy,val_loss\n0,0.61,0.66,0.6,0.65\n1,0.72,0.55,0.7,0.56\n2,0.8,0.43,0.74,0.49\n";

  it("asks for a run id when the paste has none, and writes it as the first column", () => {
    const result = parseText(keras);
    const choices = initialChoices(mapColumns(result.columns, DEFAULT_SCHEMA, result.rows), result);
    expect(mapsRunId(choices)).toBe(false);
    expect(planImport(result, choices, false, "  ")).toMatchObject({
      canImport: false,
      reason: "Give the run an id first.",
    });
    const plan = planImport(result, choices, false, "keras-001");
    expect(plan.cells?.header[0]).toBe("run_id");
    expect(plan.cells?.cells).toHaveLength(1);
    expect(plan.cells?.cells[0]?.[0]).toBe("keras-001");
  });

  it("numbers ids for several runs and keeps number-like ids as text", () => {
    const cells = withRunIds({ header: ["a"], cells: [[1], [2]], textCells: [[1, 0]], textHeader: [] }, "007");
    expect(cells.cells.map((r) => r[0])).toEqual(["007-1", "007-2"]);
    expect(cells.textCells).toEqual([
      [1, 1],
      [0, 0],
      [1, 0],
    ]);
    const untouched = { header: ["run_id"], cells: [["x"]], textCells: [], textHeader: [] };
    expect(withRunIds(untouched, "y")).toBe(untouched);
  });

  it("turns the curves into History rows for the run", () => {
    const result = parseText(keras);
    const rows = historyRows(result.curves, "keras-001");
    const total = (result.curves ?? []).reduce((n, c) => n + c.points.length, 0);
    expect(total).toBeGreaterThan(0);
    expect(rows).toHaveLength(total);
    expect(rows.every((r) => r[0] === "keras-001" && r[2] === "epoch")).toBe(true);
    expect(historyRows(result.curves, " ")).toEqual([]);
  });
});
