import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { SheetGrid } from "../../src/core/index";
import { mapColumns, parseText } from "../../src/core/parse/index";
import { DEFAULT_SCHEMA } from "../../src/excel/index";
import {
  chooseTarget,
  effectiveMapping,
  historyRows,
  initialChoices,
  isLargePaste,
  mapsRunId,
  newSchemaColumns,
  pickOf,
  planImport,
  withRunIds,
} from "../../src/taskpane/components/ImportTab/import-plan";

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
    const choices = initialChoices(mapColumns(result.columns, DEFAULT_SCHEMA, result.rows), result);
    const rows = historyRows(result.curves, planImport(result, choices, false, "keras-001"));
    const total = (result.curves ?? []).reduce((n, c) => n + c.points.length, 0);
    expect(total).toBeGreaterThan(0);
    expect(rows).toHaveLength(total);
    expect(rows.every((r) => r[0] === "keras-001" && r[2] === "epoch")).toBe(true);
    expect(historyRows(result.curves, planImport(result, choices, false, " "))).toEqual([]);
  });
});

describe("changing a column's target", () => {
  const csv = "run_id,eval_accuracy,top1,gpu_hours\nr1,0.91,0.9,2\n";
  const setup = () => {
    const result = parseText(csv);
    return { result, choices: initialChoices(mapColumns(result.columns, DEFAULT_SCHEMA, result.rows), result) };
  };
  const names = DEFAULT_SCHEMA.columns.map((c) => c.name);

  it("points a column at another schema column; the one that had it is skipped", () => {
    const { result, choices } = setup();
    expect(choices.map((c) => [c.source, c.target])).toEqual([
      ["run_id", "run_id"],
      ["eval_accuracy", "accuracy"],
      ["top1", null],
      ["gpu_hours", null],
    ]);
    const next = chooseTarget(choices, "top1", { kind: "schema", name: "accuracy" }, names);
    expect(next.map((c) => pickOf(c))).toEqual([
      { kind: "schema", name: "run_id" },
      { kind: "skip" },
      { kind: "schema", name: "accuracy" },
      { kind: "new" },
    ]);
    expect(next[2]?.match).toBe("chosen");
    expect(planImport(result, next, false).cells).toMatchObject({ header: ["run_id", "accuracy", "gpu_hours"] });
    expect(planImport(result, next, false).cells?.cells[0]).toEqual(["r1", 0.9, 2]);
  });

  it("skips a mapped column, and turns any column into a new one with a free name", () => {
    const { result, choices } = setup();
    const skipped = chooseTarget(choices, "eval_accuracy", { kind: "skip" }, names);
    // top1 lost accuracy to eval_accuracy, so it is offered as a new column; eval_accuracy is now left out.
    expect(planImport(result, skipped, false).cells?.header).toEqual(["run_id", "top1", "gpu_hours"]);
    const asNew = chooseTarget(skipped, "eval_accuracy", { kind: "new" }, names);
    expect(pickOf(asNew[1]!)).toEqual({ kind: "new" });
    expect(newSchemaColumns(asNew).map((c) => [c.name, c.role, c.goal])).toEqual([
      ["eval_accuracy", "metric", "max"],
      ["top1", "metric", "max"],
      ["gpu_hours", "param", undefined],
    ]);
    // run_id as a new column cannot be called run_id: the schema has one.
    const idAsNew = chooseTarget(choices, "run_id", { kind: "new" }, names);
    expect(idAsNew[0]?.suggested?.name).toBe("run_id_2");
  });

  it("leaves the other choices as they were", () => {
    const { choices } = setup();
    const next = chooseTarget(choices, "gpu_hours", { kind: "skip" }, names);
    expect(next[0]).toBe(choices[0]);
    expect(next[1]).toBe(choices[1]);
  });
});

describe("the preview checked against the schema and the workbook", () => {
  const tableHeader = ["run_id", "experiment", "layers", "seed", "status", "accuracy"];
  const existing: SheetGrid = {
    sheet: "Runs",
    grid: [tableHeader, ["exp1-s1", "exp1", 1, 1, "finished", 0.71], ["exp1-s2", "exp1", 1, 2, "finished", 0.73]],
    rowOffset: 1,
    columnOffset: 0,
    source: "table",
    headerRow: 1,
  };
  const context = { existing, schema: DEFAULT_SCHEMA };
  const paste = [
    "{'run_id': 'exp2-s1', 'experiment': 'exp2', 'layers': 2, 'seed': 1, 'status': 'finished', 'accuracy': 0.8}",
    "{'run_id': 'exp1-s2', 'experiment': 'exp2', 'layers': 2, 'seed': 2, 'status': 'finished', 'accuracy': 0.82}",
    "{'run_id': 'exp2-s3', 'experiment': 'exp2', 'layers': 2, 'seed': 3, 'status': 'finshed', 'accuracy': 0.81}",
    "{'run_id': 'exp2-s1', 'experiment': 'exp2', 'layers': 2, 'seed': 4, 'status': 'finished', 'accuracy': 0.83}",
  ].join("\n");
  const setup = () => {
    const result = parseText(paste);
    return { result, choices: initialChoices(mapColumns(result.columns, DEFAULT_SCHEMA, result.rows), result) };
  };

  it("counts a duplicate run_id (with the table and within the paste) and a status typo as errors, by line", () => {
    const { result, choices } = setup();
    expect(result.issues).toEqual([]);
    expect(planImport(result, choices, false).errors).toBe(0);
    const plan = planImport(result, choices, false, undefined, context);
    expect(plan.errors).toBe(3);
    expect(plan.canImport).toBe(false);
    const errors = plan.issues.filter((i) => i.severity === "error").map((i) => `${i.line}:${i.column}:${i.message}`);
    expect(errors).toEqual([
      expect.stringMatching(/^2:run_id:The run_id "exp1-s2" is already in the Runs table \(row 3\)/),
      expect.stringMatching(/^3:status:"finshed" is not one of the choices/),
      expect.stringMatching(/^4:run_id:The run_id "exp2-s1" is also on line 1 of the paste/),
    ]);
    expect(plan.issues.every((i) => i.origin === "check")).toBe(true);
  });

  it("imports only the clean rows when valid rows only is ticked, and their curves only", () => {
    const { result, choices } = setup();
    const plan = planImport(result, choices, true, undefined, context);
    expect(plan.canImport).toBe(true);
    expect(plan.cells?.cells.map((r) => r[0])).toEqual(["exp2-s1"]);
    expect(plan.sourceRows).toEqual([0]);
    const curves = [
      { metric: "loss", x: "epoch", points: [{ x: 1, y: 0.5, line: 1 }], row: 0 },
      { metric: "loss", x: "epoch", points: [{ x: 1, y: 0.4, line: 2 }], row: 1 },
    ];
    expect(historyRows(curves, plan)).toEqual([["exp2-s1", "loss", "epoch", 1, 0.5]]);
  });

  it("passes a clean paste, warning once about a required column it lacks", () => {
    const result = parseText("run_id,accuracy\nexp3-s1,0.9\nexp3-s2,0.91\n");
    const choices = initialChoices(mapColumns(result.columns, DEFAULT_SCHEMA, result.rows), result);
    const plan = planImport(result, choices, false, undefined, context);
    expect(plan.canImport).toBe(true);
    expect(plan.errors).toBe(0);
    expect(plan.issues.filter((i) => /experiment/.test(i.message))).toEqual([
      expect.objectContaining({ line: 0, severity: "warning", column: "experiment" }),
    ]);
  });

  it("knows the new columns the user adds, so they are not unknown", () => {
    const result = parseText("run_id,experiment,gpu_hours\nexp3-s1,exp3,2\n");
    const choices = initialChoices(mapColumns(result.columns, DEFAULT_SCHEMA, result.rows), result);
    const plan = planImport(result, choices, false, undefined, context);
    expect(plan.issues.filter((i) => i.column === "gpu_hours")).toEqual([]);
  });
});

describe("curves of several runs", () => {
  it("go to History under each run's own id (MLflow metric history, three runs)", () => {
    const csv = readFileSync(new URL("../fixtures/parse/mlflow-metric-history.csv", import.meta.url), "utf8");
    const result = parseText(csv);
    expect(result.rows).toHaveLength(3);
    const choices = initialChoices(mapColumns(result.columns, DEFAULT_SCHEMA, result.rows), result);
    const plan = planImport(result, choices, false);
    const rows = historyRows(result.curves, plan);
    const ids = result.rows.map((r) => String(r.run_id));
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(ids));
    for (const [k, id] of ids.entries()) {
      const mine = (result.curves ?? []).filter((c) => (c.row ?? 0) === k);
      expect(rows.filter((r) => r[0] === id)).toHaveLength(mine.reduce((n, c) => n + c.points.length, 0));
    }
    // A run the table already had (skipped by the write) gets no curve points.
    expect(historyRows(result.curves, plan, [ids[1]!]).some((r) => r[0] === ids[1])).toBe(false);
  });

  it("number the generated ids of a log without ids (Keras fits appended to one file)", () => {
    const csv = readFileSync(new URL("../fixtures/parse/keras-csvlogger-appended.csv", import.meta.url), "utf8");
    const result = parseText(csv);
    expect(result.rows).toHaveLength(2);
    const choices = initialChoices(mapColumns(result.columns, DEFAULT_SCHEMA, result.rows), result);
    const rows = historyRows(result.curves, planImport(result, choices, false, "fit"));
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(["fit-1", "fit-2"]));
  });
});
