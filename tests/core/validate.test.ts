import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFast, compileColumn, NEEDS_COERCE } from "../../src/core/column-checks";
import {
  COLUMN_TYPES,
  coerceCell,
  columnReader,
  fastCell,
  gridFromRecords,
  inferSchema,
  SLOW,
  validate,
  type CellValue,
  type ColumnSpec,
  type Grid,
  type RunSchema,
  type ValidationIssue,
} from "../../src/core/index";
import { MESSY } from "./messy-grid";

const SCHEMA: RunSchema = {
  columns: [
    { name: "run_id", type: "text", role: "id", required: true, pattern: "r\\d+" },
    { name: "model", type: "choice", role: "param", choices: ["mlp", "cnn"] },
    { name: "lr", type: "number", role: "param", min: 0 },
    { name: "layers", type: "integer", role: "param", min: 1 },
    { name: "seed", type: "integer", role: "meta" },
    { name: "status", type: "choice", role: "meta", choices: ["finished", "running", "failed"] },
    { name: "accuracy", type: "number", role: "metric", goal: "max", min: 0, max: 1 },
    { name: "started", type: "date", role: "meta" },
    { name: "link", type: "url", role: "meta" },
  ],
};
const HEADER: CellValue[] = ["run_id", "model", "lr", "layers", "seed", "status", "accuracy", "started", "link"];

function issuesOf(rows: CellValue[][], schema: RunSchema = SCHEMA): ValidationIssue[] {
  return validate([HEADER, ...rows], schema).issues;
}

function only(rows: CellValue[][]): ValidationIssue {
  const issues = issuesOf(rows);
  expect(issues).toHaveLength(1);
  const [first] = issues;
  if (!first) throw new Error("no issue");
  return first;
}

const GOOD: CellValue[] = ["r1", "mlp", 0.01, 2, 1, "finished", 0.9, "2024-05-01", "https://example.org/r1"];
function withCell(index: number, value: CellValue, base: CellValue[] = GOOD): CellValue[] {
  const row = [...base];
  row[index] = value;
  return row;
}

describe("validate: one issue per problem, at the Excel row", () => {
  it("accepts a clean row", () => {
    const r = validate([HEADER, GOOD], SCHEMA);
    expect(r.issues).toEqual([]);
    expect(r.runs).toHaveLength(1);
    expect(r.runs[0]).toMatchObject({
      excelRow: 2,
      id: "r1",
      values: { lr: 0.01, accuracy: 0.9, started: "2024-05-01" },
    });
  });
  it("missing_required", () => {
    expect(only([withCell(0, "")])).toMatchObject({
      row: 2,
      column: "run_id",
      code: "missing_required",
      severity: "error",
    });
  });
  it("number_as_text with the fix, and a decimal comma message naming the fix", () => {
    expect(only([withCell(6, "0.91")])).toMatchObject({
      code: "number_as_text",
      severity: "warning",
      fix: 0.91,
      value: "0.91",
    });
    const comma = only([withCell(6, "0,91")]);
    expect(comma.message).toBe('"0,91" looks like a number written with a decimal comma: use 0.91.');
    expect(comma.fix).toBe(0.91);
  });
  it("plain numbers in text are normal for CSV input", () => {
    expect(validate([HEADER, withCell(6, "0.91")], SCHEMA, { source: "text" }).issues).toEqual([]);
    expect(validate([HEADER, withCell(6, "0,91")], SCHEMA, { source: "text" }).issues[0]?.code).toBe("number_as_text");
  });
  it("wrong_type", () => {
    expect(only([withCell(6, "high")])).toMatchObject({ code: "wrong_type", severity: "error" });
    expect(only([withCell(3, 2.5)])).toMatchObject({ code: "wrong_type", column: "layers" });
    expect(only([withCell(8, "not a link")])).toMatchObject({ code: "wrong_type", column: "link" });
  });
  it("out_of_range", () => {
    const i = only([withCell(6, 91)]);
    expect(i).toMatchObject({ code: "out_of_range", column: "accuracy" });
    expect(i.message).toContain("at most 1");
  });
  it("not_in_choices, with a safe fix for the case of a choice", () => {
    expect(only([withCell(1, "transformer")])).toMatchObject({ code: "not_in_choices", severity: "error" });
    expect(only([withCell(5, "Finished")])).toMatchObject({
      code: "not_in_choices",
      severity: "warning",
      fix: "finished",
    });
  });
  it("pattern_mismatch", () => {
    expect(only([withCell(0, "run-1")])).toMatchObject({ code: "pattern_mismatch", column: "run_id" });
  });
  it("excel_error", () => {
    const i = only([withCell(6, "#DIV/0!")]);
    expect(i).toMatchObject({ code: "excel_error", value: "#DIV/0!" });
    expect(i.message).toContain("#DIV/0!");
  });
  it("bad_date", () => {
    expect(only([withCell(7, "2024-13-01")])).toMatchObject({ code: "bad_date", column: "started" });
  });
  it("non_finite values are missing with a warning, never 0", () => {
    const r = validate([HEADER, withCell(6, "nan")], SCHEMA);
    expect(r.issues[0]).toMatchObject({ code: "non_finite", severity: "warning" });
    expect(r.runs[0]?.values.accuracy).toBeNull();
    expect(r.runs[0]?.invalid.accuracy).toBe("is nan");
  });
  it("NA and None in a numeric column are missing with a warning", () => {
    const r = validate([HEADER, withCell(6, "NA"), withCell(0, "r2", withCell(4, 2, withCell(6, "None")))], SCHEMA);
    expect(r.issues.map((i) => [i.row, i.code, i.severity])).toEqual([
      [2, "non_finite", "warning"],
      [3, "non_finite", "warning"],
    ]);
    expect(r.runs[0]?.invalid.accuracy).toBe("is missing (NA)");
  });
  it("extra spaces get a trimmed fix", () => {
    const r = validate(
      [
        ["run_id", "notes"],
        ["r1", " tuned "],
      ],
      {
        columns: [
          SCHEMA.columns[0] ?? { name: "run_id", type: "text", role: "id" },
          { name: "notes", type: "text", role: "meta" },
        ],
      },
    );
    expect(r.issues[0]).toMatchObject({ code: "extra_spaces", severity: "info", fix: "tuned" });
  });
  it("never offers a fix that Excel would turn into a formula", () => {
    const schema: RunSchema = { columns: [{ name: "notes", type: "text", role: "meta" }] };
    const r = validate([["notes"], [" =HYPERLINK(1)"], [" @x "], [" ok "]], schema);
    expect(r.issues.map((i) => [i.code, i.fix])).toEqual([
      ["extra_spaces", undefined],
      ["extra_spaces", undefined],
      ["extra_spaces", "ok"],
    ]);
  });
  it("duplicate_id (error) and duplicate_config (warning) point at the later row", () => {
    const issues = issuesOf([GOOD, withCell(4, 2), withCell(0, "r3")]);
    expect(issues.map((i) => [i.row, i.code])).toEqual([
      [3, "duplicate_id"],
      [4, "duplicate_config"],
    ]);
    expect(issues[0]?.message).toContain("row 2");
  });
  it("unknown_column once, at the header row", () => {
    const r = validate(
      [
        [...HEADER, "gpu"],
        [...GOOD, "A100"],
        [...withCell(0, "r2"), "A100"],
      ],
      SCHEMA,
    );
    expect(r.issues.filter((i) => i.code === "unknown_column")).toEqual([
      expect.objectContaining({ row: 1, column: "gpu", severity: "warning" }),
    ]);
  });
  it("a required column missing from the header is reported once", () => {
    const r = validate([["model"], ["mlp"]], SCHEMA);
    expect(r.issues).toEqual([expect.objectContaining({ row: 1, column: "run_id", code: "missing_required" })]);
  });
});

describe("validate: structured runs", () => {
  it("groups replicates by params except seed", () => {
    const r = validate([HEADER, GOOD, withCell(0, "r2", withCell(4, 2)), withCell(0, "r3", withCell(3, 3))], SCHEMA);
    expect(r.runs.map((x) => x.replicateGroup)).toEqual([0, 0, 1]);
    expect(r.runs[0]?.configKey).toBe(r.runs[1]?.configKey);
    expect(r.runs[0]?.configKey).not.toBe(r.runs[2]?.configKey);
  });
  it("a seed declared as a param still separates replicates from duplicates", () => {
    const schema: RunSchema = {
      columns: [
        { name: "layers", type: "integer", role: "param" },
        { name: "seed", type: "integer", role: "param" },
      ],
    };
    const r = validate(
      [
        ["layers", "seed"],
        [1, 1],
        [1, 2],
        [1, 2],
      ],
      schema,
    );
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([[4, "duplicate_config"]]);
    expect(r.runs.map((x) => x.replicateGroup)).toEqual([0, 0, 0]);
  });
  it("reads the messy sheet with its own inferred schema: rows are the sheet's rows", () => {
    const { schema } = inferSchema(MESSY);
    const r = validate(MESSY, schema);
    expect(r.headerRow).toBe(4);
    expect(r.runs.map((x) => x.excelRow)).toEqual([5, 6, 7, 9, 10]);
    const byCode = (code: string) => r.issues.filter((i) => i.code === code).map((i) => [i.row, i.column]);
    expect(byCode("number_as_text")).toEqual([
      [6, "accuracy"],
      [7, "accuracy"],
      [10, "lr"],
    ]);
    expect(byCode("excel_error")).toEqual([[9, "accuracy"]]);
    expect(byCode("not_in_choices")).toEqual([[10, "status"]]);
    expect(r.runs.find((x) => x.excelRow === 7)?.values.accuracy).toBeCloseTo(0.93, 12);
    expect(r.runs.find((x) => x.excelRow === 9)?.invalid.accuracy).toBe("is #DIV/0!");
  });
  it("validates records directly, record i on row i + 2", () => {
    const r = validate(
      [
        { run_id: "r1", accuracy: 0.5 },
        { run_id: "r1", accuracy: 2 },
      ],
      SCHEMA,
    );
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([
      [3, "out_of_range"],
      [3, "duplicate_id"],
    ]);
    expect(r.runs.map((x) => x.values.accuracy)).toEqual([0.5, null]);
  });
  it("turns JSON records into a grid", () => {
    const g = gridFromRecords([
      { a: 1, b: "x" },
      { b: "y", c: { nested: true } },
    ]);
    expect(g).toEqual([
      ["a", "b", "c"],
      [1, "x", null],
      [null, "y", '{"nested":true}'],
    ]);
  });
});

describe("validate at scale", () => {
  function generated(rows: number, cols: number): { grid: Grid; schema: RunSchema } {
    const header = ["run_id", ...Array.from({ length: cols - 1 }, (_, i) => `p${i}`)];
    const grid: Grid = [header];
    for (let r = 0; r < rows; r++) {
      const row: CellValue[] = [`r${r}`];
      for (let c = 1; c < cols; c++) row.push(r % 97 === 0 && c === 3 ? "#N/A" : (r * 31 + c) % 1000);
      grid.push(row);
    }
    const schema: RunSchema = {
      columns: header.map((name, i) =>
        i === 0 ? { name, type: "text", role: "id", required: true } : { name, type: "integer", role: "param" },
      ),
    };
    return { grid, schema };
  }
  it("validates 50,000 rows x 30 columns with exact counts and a capped issue list", () => {
    const { grid, schema } = generated(50_000, 30);
    const r = validate(grid, schema, { maxIssues: 100 });
    const errors = Math.ceil(50_000 / 97);
    expect(r.runs).toHaveLength(50_000);
    expect(r.counts.error).toBe(errors);
    expect(r.issues).toHaveLength(100);
    expect(r.truncated).toBe(true);
    expect(r.issues[1]?.row).toBe(99);
  });
  it("keeps counting duplicate configurations after the issue list is full", () => {
    const schema: RunSchema = {
      columns: [
        { name: "run_id", type: "text", role: "id" },
        { name: "layers", type: "integer", role: "param" },
      ],
    };
    const grid: Grid = [["run_id", "layers"], ...Array.from({ length: 500 }, (_, i): CellValue[] => [`r${i}`, i % 2])];
    const r = validate(grid, schema, { maxIssues: 10 });
    expect(r.counts.warning).toBe(498);
    expect(r.issues).toHaveLength(10);
    expect(r.truncated).toBe(true);
    expect(r.runs.map((x) => x.replicateGroup).slice(0, 4)).toEqual([0, 1, 0, 1]);
  });
  it("can skip building runs", () => {
    const { grid, schema } = generated(1000, 5);
    expect(validate(grid, schema, { collectRuns: false }).runs).toEqual([]);
  });
});

describe("validate never throws (property)", () => {
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.string(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom("#N/A", "#DIV/0!", "0,5", "1,000", "12%", "", " x ", "nan", "2024-02-30", "TRUE", "https://a.b"),
  );
  it("on any grid, with the inferred schema and with a fixed one; issue rows are inside the grid", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 25 }),
        fc.integer({ min: 1, max: 50 }),
        (grid, offset) => {
          for (const schema of [inferSchema(grid).schema, SCHEMA]) {
            const r = validate(grid, schema, { rowOffset: offset });
            for (const i of r.issues) {
              expect(i.row).toBeGreaterThanOrEqual(offset);
              expect(i.row).toBeLessThan(offset + Math.max(grid.length, 1));
              expect(i.message.length).toBeGreaterThan(10);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("fastCell agrees with coerceCell (property)", () => {
  it("returns the same value whenever it answers", () => {
    const specs = [
      { name: "n", type: "number", role: "metric", min: 0, max: 1 },
      { name: "i", type: "integer", role: "param" },
      { name: "p", type: "percent", role: "metric" },
      { name: "t", type: "text", role: "meta" },
      { name: "c", type: "choice", role: "param", choices: ["a", "B"] },
      { name: "d", type: "date", role: "meta" },
    ] as const;
    const cell: fc.Arbitrary<CellValue> = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom("a", "b", "B", " a", "#N/A", "x".repeat(40000)),
    );
    fc.assert(
      fc.property(cell, fc.constantFrom(...specs), (raw, spec) => {
        const reader = columnReader({
          ...spec,
          choices: "choices" in spec ? [...spec.choices] : undefined,
        } as ColumnSpec);
        const quick = fastCell(raw, reader);
        if (quick === SLOW) return;
        const slow = coerceCell(raw, reader, "excel");
        expect(slow.issue).toBeUndefined();
        expect(quick).toBe(slow.value);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("compiled column checks agree with coerceCell (property)", () => {
  const spec: fc.Arbitrary<ColumnSpec> = fc
    .record(
      {
        name: fc.constant("x"),
        type: fc.constantFrom(...COLUMN_TYPES),
        role: fc.constant("param" as const),
        required: fc.boolean(),
        min: fc.double({ noNaN: true, min: -10, max: 10 }),
        max: fc.double({ noNaN: true, min: -10, max: 10 }),
        choices: fc.array(fc.constantFrom("a", "B", " x", "#N/A", "  ", "\u2003y"), { maxLength: 4 }),
        pattern: fc.constantFrom("r\\d+", "(", "[a-z]*", "\\S+"),
      },
      { requiredKeys: ["name", "type", "role"] },
    )
    .map((c) => c as ColumnSpec);
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.string({ maxLength: 5 }),
    fc.double(),
    fc.integer({ min: -12, max: 12 }),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom("", "a", "B", " x", "#N/A", "  ", "\u2003y", "r12", " r1", "a\u00a0", "x".repeat(32768)),
  );
  it("answers only when coerceCell would give the same value without an issue", () => {
    fc.assert(
      fc.property(spec, cell, (s, raw) => {
        const check = compileColumn(s, 0, 0);
        const quick = checkFast(raw, check);
        if (quick === NEEDS_COERCE) return;
        for (const source of ["excel", "text"] as const) {
          const slow = coerceCell(raw, columnReader(s), source);
          expect(slow.issue).toBeUndefined();
          expect(slow.invalid).toBeUndefined();
          expect(slow.value).toBe(quick === undefined ? null : quick);
        }
        if (quick === undefined) expect(raw === null || raw === "").toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("validate: compact runs", () => {
  it("runs read like plain objects: values by name, configKey as JSON of the params", () => {
    const r = validate([HEADER, GOOD, withCell(1, "cnn", withCell(0, "r2"))], SCHEMA);
    const [a, b] = r.runs;
    expect({ ...a?.values }).toEqual({
      run_id: "r1",
      model: "mlp",
      lr: 0.01,
      layers: 2,
      seed: 1,
      status: "finished",
      accuracy: 0.9,
      started: "2024-05-01",
      link: "https://example.org/r1",
    });
    expect(a?.configKey).toBe(JSON.stringify(["mlp", 0.01, 2]));
    expect(b?.configKey).toBe(JSON.stringify(["cnn", 0.01, 2]));
    expect(a?.values).toBe(a?.values);
  });
  it("finds duplicates among many replicates of one configuration, each against its first row", () => {
    const schema: RunSchema = {
      columns: [
        { name: "layers", type: "integer", role: "param" },
        { name: "seed", type: "integer", role: "meta" },
      ],
    };
    const rows: CellValue[][] = [];
    for (let i = 0; i < 40; i++) rows.push([1, i]);
    for (let i = 0; i < 40; i += 10) rows.push([1, i]);
    const r = validate([["layers", "seed"], ...rows], schema);
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([
      [42, "duplicate_config"],
      [43, "duplicate_config"],
      [44, "duplicate_config"],
      [45, "duplicate_config"],
    ]);
    expect(r.issues[1]?.message).toContain("same settings as row 12");
    expect(new Set(r.runs.map((x) => x.replicateGroup))).toEqual(new Set([0]));
  });
  it('keeps 1 and "1" apart in configurations, as JSON keys did', () => {
    const schema: RunSchema = { columns: [{ name: "opt", type: "text", role: "param" }] };
    const r = validate([["opt"], [1], ["1"], [1]], schema, { source: "text" });
    expect(r.runs.map((x) => x.replicateGroup)).toEqual([0, 0, 0]);
    const mixed = validate([["opt"], [true], ["true"]], { columns: [{ name: "opt", type: "boolean", role: "param" }] });
    expect(mixed.runs.map((x) => x.replicateGroup)).toEqual([0, 0]);
  });
});
