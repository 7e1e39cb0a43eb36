import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isFormulaLike,
  mapColumns,
  needsTextFormat,
  parseText,
  toSheetCells,
  validRowsOnly,
  hasErrors,
} from "../../../src/core/parse";
import type { RunSchema } from "../../../src/core/schema-types";

describe("isFormulaLike", () => {
  it.each(["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "  =1", "\n@x", " \t\r-1"])("flags %j", (t) => {
    expect(isFormulaLike(t)).toBe(true);
  });
  it.each(["a=1", "0.5", "", "x", "'=1", "1-2"])("leaves %j", (t) => {
    expect(isFormulaLike(t)).toBe(false);
  });
  it("flags every string whose first non-blank character is = + - @", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[ \t\r\n]{0,3}$/),
        fc.constantFrom("=", "+", "-", "@"),
        fc.string(),
        (ws, c, rest) => {
          expect(isFormulaLike(ws + c + rest)).toBe(true);
          expect(needsTextFormat(ws + c + rest)).toBe(true);
        },
      ),
    );
  });
});

describe("toSheetCells", () => {
  it("marks text Excel would interpret and keeps the exact characters", () => {
    const r = parseText('run_id,notes,accuracy\nr1,"=HYPERLINK(""x"")",0.9\nr2,007,-0.5\nr3,plain,\n');
    const out = toSheetCells(r, r.columns);
    expect(out.header).toEqual(["run_id", "notes", "accuracy"]);
    expect(out.cells).toEqual([
      ["r1", '=HYPERLINK("x")', 0.9],
      ["r2", "007", -0.5],
      ["r3", "plain", ""],
    ]);
    // "007" would lose its zeros, the HYPERLINK would run; the negative number is a number.
    expect(out.textCells).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });
  it("protects a header that looks like a formula", () => {
    const r = parseText("=cmd,b\n1,2\n");
    expect(toSheetCells(r, r.columns).textHeader).toEqual([0]);
  });
  it("lays rows out under a confirmed mapping, leaving unmapped columns out", () => {
    const r = parseText("acc,lr,extra\n0.9,0.01,x\n");
    const schema: RunSchema = {
      columns: [
        { name: "accuracy", type: "number", role: "metric", goal: "max" },
        { name: "learning_rate", type: "number", role: "param" },
      ],
    };
    const out = toSheetCells(r, mapColumns(r.columns, schema, r.rows));
    expect(out).toMatchObject({ header: ["accuracy", "learning_rate"], cells: [[0.9, 0.01]] });
  });
});

describe("mapColumns", () => {
  const schema: RunSchema = {
    columns: [
      { name: "run_id", type: "text", role: "id" },
      { name: "accuracy", type: "number", role: "metric", goal: "max" },
      { name: "learning_rate", type: "number", role: "param" },
      { name: "train_loss", type: "number", role: "metric", goal: "min" },
      { name: "val_loss", type: "number", role: "metric", goal: "min" },
      { name: "val_loss_best", type: "number", role: "metric", goal: "min" },
      { name: "Batch Size", type: "integer", role: "param" },
    ],
  };
  it("says how each column was matched", () => {
    const m = mapColumns(
      [
        "run_id",
        "batch_size",
        "metrics.accuracy",
        "lr",
        "loss",
        "eval_loss",
        "val_loss.min",
        "seed",
        "params.optimizer",
      ],
      schema,
      [{ seed: 1, "params.optimizer": "adam" }],
    );
    expect(m.map((x) => [x.source, x.target, x.match])).toEqual([
      ["run_id", "run_id", "exact"],
      ["batch_size", "Batch Size", "normalized"],
      ["metrics.accuracy", "accuracy", "prefix"],
      ["lr", "learning_rate", "synonym"],
      ["loss", "train_loss", "synonym"],
      ["eval_loss", "val_loss", "synonym"],
      ["val_loss.min", "val_loss_best", "synonym"],
      ["seed", null, "unknown"],
      ["params.optimizer", null, "unknown"],
    ]);
    expect(m[7]?.suggested).toEqual({ name: "seed", type: "integer", role: "meta" });
    expect(m[8]?.suggested).toEqual({ name: "optimizer", type: "text", role: "param" });
  });
  it("maps loss to loss when the schema has it, and never maps two columns to one", () => {
    const m = mapColumns(["acc", "accuracy", "loss"], {
      columns: [...schema.columns, { name: "loss", type: "number", role: "metric" }],
    });
    expect(m.map((x) => x.target)).toEqual([null, "accuracy", "loss"]);
    expect(m[0]?.suggested).toMatchObject({ role: "metric", goal: "max" });
  });
});

describe("import valid rows only", () => {
  it("drops rows with errors and keeps the rest", () => {
    const r = parseText("run_id,accuracy\nr1,0.9\nr2,0.8,extra\nr3,0.7\nr4,0.6\n");
    expect(hasErrors(r)).toBe(true);
    const v = validRowsOnly(r);
    expect(hasErrors(v)).toBe(false);
    expect(v.rows.map((x) => x.run_id)).toEqual(["r1", "r3", "r4"]);
    expect(v.rowLines).toEqual([2, 4, 5]);
  });
  it("reports long text without truncating it", () => {
    const long = "x".repeat(32_768);
    const r = parseText(`run_id,notes\nr1,${long}\n`);
    expect(r.rows[0]?.notes).toBe(long);
    expect(r.issues).toMatchObject([{ line: 2, column: "notes", code: "text_too_long", severity: "error" }]);
  });
});

describe("numbers decided per column", () => {
  it("reads 1,000 as thousands in a comma column and 0,91 as decimal", () => {
    const r = parseText("a\tb\n1,000\t0,91\n2,500\t0,5\n", { format: "tsv" });
    expect(r.rows).toEqual([
      { a: 1000, b: 0.91 },
      { a: 2500, b: 0.5 },
    ]);
  });
  it("reads ambiguous 1,000 as a decimal when the column has decimal commas", () => {
    const r = parseText("a\n1,000\n0,5\n", { format: "csv-semicolon" });
    expect(r.rows.map((x) => x.a)).toEqual([1, 0.5]);
  });
  it("keeps ids with leading zeros as text", () => {
    expect(parseText("id,x\n007,1\n010,2\n").rows.map((x) => x.id)).toEqual(["007", "010"]);
  });
});

describe("hostile keys", () => {
  it("keeps a __proto__ column as data, in CSV and JSON", () => {
    const csv = parseText("__proto__,b\n1,2\n");
    expect(Object.keys(csv.rows[0] ?? {})).toEqual(["__proto__", "b"]);
    expect(Object.getPrototypeOf(csv.rows[0])).toBe(Object.prototype);
    const json = parseText('{"__proto__": {"x": 1}, "b": 2}', { format: "json" });
    expect(json.columns).toEqual(["__proto__.x", "b"]);
  });
});
