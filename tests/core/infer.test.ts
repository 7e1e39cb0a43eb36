import { readFileSync } from "node:fs";
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { findHeaderIndex, inferSchema, validate, type CellValue, type Grid } from "../../src/core/index";
import { parseText } from "../../src/core/parse/index";
import { MESSY } from "./messy-grid";

function col(grid: Grid, name: string) {
  const s = inferSchema(grid).schema.columns.find((c) => c.name === name);
  expect(s, name).toBeDefined();
  return s;
}

describe("inferSchema on a messy sheet", () => {
  const inferred = inferSchema(MESSY);

  it("finds the header below the title and note rows, and the notes under the data", () => {
    expect(inferred.headerRow).toBe(4);
    expect(inferred.firstDataRow).toBe(5);
    expect(inferred.lastDataRow).toBe(10);
    expect(inferred.titleRows).toEqual([1, 3]);
    expect(inferred.noteRows).toEqual([12]);
    expect(inferred.columnIndex).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("splits units out of headers", () => {
    expect(col(MESSY, "lr")?.unit).toBe("1e-3");
    expect(col(MESSY, "val_loss")?.unit).toBe("nats");
  });

  it("types columns from values: numbers as text, decimal comma, percent strings, errors, serial dates", () => {
    expect(col(MESSY, "lr")?.type).toBe("integer");
    expect(col(MESSY, "accuracy")?.type).toBe("number");
    expect(col(MESSY, "val_loss")?.type).toBe("number");
    expect(col(MESSY, "started")?.type).toBe("date");
    expect(col(MESSY, "model")?.type).toBe("choice");
    expect(col(MESSY, "model")?.choices).toEqual(["mlp", "cnn"]);
    expect(col(MESSY, "status")?.type).toBe("choice");
  });

  it("gives roles and goals by name", () => {
    expect(col(MESSY, "Run ID")?.role).toBe("id");
    expect(col(MESSY, "Run ID")?.required).toBe(true);
    expect(col(MESSY, "seed")?.role).toBe("meta");
    expect(col(MESSY, "layers")?.role).toBe("param");
    expect(col(MESSY, "accuracy")).toMatchObject({ role: "metric", goal: "max", min: 0, max: 1 });
    expect(col(MESSY, "val_loss")).toMatchObject({ role: "metric", goal: "min", min: 0 });
  });

  it("honours a row offset (grid read from a used range starting lower)", () => {
    const shifted = inferSchema(MESSY, { rowOffset: 3 });
    expect(shifted.headerRow).toBe(6);
    expect(shifted.noteRows).toEqual([14]);
  });

  it("reads the seeds' dogs-vs-cats CSV", () => {
    const text = readFileSync(new URL("../fixtures/core/dogs-vs-cats.csv", import.meta.url), "utf8");
    const grid = Papa.parse<string[]>(text).data;
    const inf = inferSchema(grid);
    expect(inf.headerRow).toBe(3);
    const byName = new Map(inf.schema.columns.map((c) => [c.name, c]));
    expect(byName.get("accuracy")).toMatchObject({ type: "number", role: "metric", goal: "max" });
    expect(byName.get("n_images")).toMatchObject({ type: "integer", role: "data" });
    expect(byName.get("layers")).toMatchObject({ type: "integer", role: "param" });
    expect(byName.get("hypothesis")?.role).toBe("meta");
  });
});

describe("inferSchema edge cases", () => {
  it("returns an empty schema for an empty grid", () => {
    expect(inferSchema([]).schema.columns).toEqual([]);
    expect(
      inferSchema([
        ["", ""],
        [null, null],
      ]).schema.columns,
    ).toEqual([]);
  });
  it("names columns that have data but no header", () => {
    const g: Grid = [
      ["a", "b", ""],
      [1, 2, 3],
      [2, 3, 4],
    ];
    expect(inferSchema(g).schema.columns.map((c) => c.name)).toEqual(["a", "b", "Column C"]);
    expect(inferSchema(g).schema.columns[2]?.role).toBe("meta");
  });
  it("validates an unnamed column (a pandas index) with the schema it inferred, outside the configuration", () => {
    const g: Grid = [
      ["", "run_id", "layers", "accuracy"],
      ["0", "a", "1", "0.5"],
      ["1", "b", "2", "0.6"],
    ];
    const { schema } = inferSchema(g);
    const v = validate(g, schema, { source: "text" });
    expect(v.issues).toEqual([]);
    expect(v.runs.map((r) => r.values["Column A"])).toEqual([0, 1]);
    expect(v.runs.map((r) => r.configKey)).toEqual(["[1]", "[2]"]);
  });
  it("keeps repeated header names apart", () => {
    const g: Grid = [
      ["loss", "loss"],
      [1, 2],
    ];
    expect(inferSchema(g).schema.columns.map((c) => c.name)).toEqual(["loss", "loss (2)"]);
  });
  it("types a numeric column whose gaps are written NA, None, nan or inf as a number, without text bounds", () => {
    const g: Grid = [
      ["run_id", "accuracy", "val_loss"],
      ["r1", "0.82", "nan"],
      ["r2", "NA", "inf"],
      ["r3", "0.9", "None"],
    ];
    const cols = inferSchema(g).schema.columns;
    expect(cols[1]).toMatchObject({ type: "number", min: 0, max: 1 });
    expect(cols[2]?.type).toBe("number");
    const text = inferSchema([["notes"], ["a"], ["b"]]).schema.columns[0];
    expect(text?.min).toBeUndefined();
  });
  it("detects percent columns and booleans", () => {
    const g: Grid = [
      ["acc", "augment"],
      ["91%", "TRUE"],
      ["92.5%", "false"],
    ];
    const cols = inferSchema(g).schema.columns;
    expect(cols[0]).toMatchObject({ type: "percent", min: 0, max: 1 });
    expect(cols[1]?.type).toBe("boolean");
  });
  it("never throws and keeps rows inside the grid (property)", () => {
    const cell: fc.Arbitrary<CellValue> = fc.oneof(
      fc.string(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom("#N/A", "0,5", "12%", "", "2024-01-01"),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 30 }), (grid) => {
        const inf = inferSchema(grid);
        expect(inf.schema.columns.length).toBe(inf.columnIndex.length);
        if (inf.schema.columns.length) {
          expect(inf.headerRow).toBeGreaterThanOrEqual(1);
          expect(inf.headerRow).toBeLessThanOrEqual(grid.length);
          expect(findHeaderIndex(grid)).toBe(inf.headerRow - 1);
        }
      }),
    );
  });
});

describe("inferSchema with a stray word in a numeric column", () => {
  const grid: Grid = [
    ["run_id", "accuracy", "notes"],
    ["a", 0.9, "ok"],
    ["b", 0.91, "fine"],
    ["c", "abc", "typo"],
    ["d", 0.93, "ok"],
    ["e", 0.95, "x"],
  ];

  it("keeps the column numeric so the word is reported, not silently accepted", () => {
    const { schema } = inferSchema(grid);
    expect(schema.columns.find((c) => c.name === "accuracy")?.type).toBe("number");
    const issues = validate(grid, schema).issues.filter((i) => i.column === "accuracy");
    expect(issues).toEqual([expect.objectContaining({ row: 4, code: "wrong_type", value: "abc" })]);
  });

  it("calls a column text when words are more than a quarter of it", () => {
    const words: Grid = [["score"], [1], [2], [3], ["high"], ["low"]];
    expect(inferSchema(words).schema.columns[0]?.type).not.toBe("number");
  });
});

describe("inferSchema on Optuna's trials_dataframe()", () => {
  const gridOf = (file: string): Grid => {
    const r = parseText(readFileSync(new URL(`../fixtures/parse/${file}`, import.meta.url), "utf8"));
    return [r.columns, ...r.rows.map((row) => r.columns.map((c) => row[c] ?? null))];
  };
  const roles = (grid: Grid): Record<string, string> =>
    Object.fromEntries(inferSchema(grid).schema.columns.map((c) => [c.name, c.role]));

  it("makes the trial number the run id and the objective a metric, not params", () => {
    const s = inferSchema(gridOf("optuna-trials.csv")).schema.columns;
    expect(s.find((c) => c.name === "number")).toMatchObject({ role: "id", type: "integer", required: true });
    expect(s.find((c) => c.name === "value")).toMatchObject({ role: "metric", type: "number" });
    expect(s.find((c) => c.name === "value")?.goal).toBeUndefined();
    expect(roles(gridOf("optuna-trials.csv"))).toMatchObject({
      params_layers: "param",
      params_x: "param",
      duration: "meta",
      datetime_start: "meta",
      state: "meta",
    });
  });
  it("makes every objective of a multi-objective study a metric", () => {
    expect(roles(gridOf("optuna-trials-multi.csv"))).toMatchObject({
      number: "id",
      values_0: "metric",
      values_1: "metric",
      params_opt: "param",
    });
  });
  it("keeps the trial number an identifier beside another id column, and names goals from metric names", () => {
    const grid: Grid = [
      ["run_id", "number", "values_accuracy", "values_latency_ms", "params_lr", "state"],
      ["a", 0, 0.9, 12, 0.1, "COMPLETE"],
      ["b", 1, 0.8, 10, 0.01, "COMPLETE"],
    ];
    const s = inferSchema(grid).schema.columns;
    expect(s.map((c) => [c.name, c.role, c.goal])).toEqual([
      ["run_id", "id", undefined],
      ["number", "meta", undefined],
      ["values_accuracy", "metric", "max"],
      ["values_latency_ms", "metric", "min"],
      ["params_lr", "param", undefined],
      ["state", "meta", undefined],
    ]);
  });
  it("leaves a table that only has a number column alone", () => {
    const grid: Grid = [
      ["number", "value", "lr"],
      [1, 0.5, 0.1],
      [2, 0.6, 0.01],
    ];
    expect(roles(grid)).toEqual({ number: "param", value: "param", lr: "param" });
  });
});
