import { describe, expect, it } from "vitest";
import { checkImportRows, DEFAULT_SCHEMA, type SheetGrid } from "../../src/core/index";

const table = (grid: SheetGrid["grid"], rowOffset = 1): SheetGrid => ({
  sheet: "Runs",
  grid,
  rowOffset,
  columnOffset: 0,
  source: "table",
  headerRow: rowOffset,
});

describe("checkImportRows", () => {
  const existing = table([
    ["Run ID", "Experiment", "Status", "accuracy"],
    ["a1", "exp1", "finished", 0.7],
    ["a2", "exp1", "finished", 0.71],
    [null, null, null, null],
  ]);

  it("places the pasted columns by name, whatever their order and spelling in the table", () => {
    const check = checkImportRows(
      existing,
      DEFAULT_SCHEMA,
      ["accuracy", "run_id", "experiment", "status"],
      [[0.8, "b1", "exp2", "finished"]],
    );
    expect(check).toMatchObject({ errors: 0, warnings: 0, issues: [] });
  });

  it("tells a run_id taken in the table from one repeated in the paste", () => {
    const check = checkImportRows(
      existing,
      DEFAULT_SCHEMA,
      ["run_id", "experiment", "status"],
      [
        ["a2", "exp2", "finished"],
        ["b1", "exp2", "finished"],
        ["b1", "exp2", "finished"],
      ],
      [4, 5, 9],
    );
    const dups = check.issues.filter((i) => i.code === "duplicate_id");
    expect(dups.map((i) => [i.index, i.message])).toEqual([
      [0, expect.stringContaining('"a2" is already in the Runs table (row 3)')],
      [2, expect.stringContaining('"b1" is also on line 5 of the paste')],
    ]);
    expect([...check.badRows].sort()).toEqual([0, 2]);
    expect(check.errors).toBe(2);
  });

  it("reports a value error on the pasted row it belongs to, and never an issue of the rows already there", () => {
    const withOldTypo = table([
      ["run_id", "experiment", "status"],
      ["a1", "exp1", "finshed"],
    ]);
    const check = checkImportRows(
      withOldTypo,
      DEFAULT_SCHEMA,
      ["run_id", "experiment", "status"],
      [
        ["b1", "exp2", "finished"],
        ["b2", "exp2", "runing"],
      ],
    );
    expect(check.issues.map((i) => [i.index, i.column, i.code, i.severity])).toEqual([
      [1, "status", "not_in_choices", "error"],
    ]);
  });

  it("turns a required column the paste lacks into one warning, not an error per row", () => {
    const check = checkImportRows(existing, DEFAULT_SCHEMA, ["run_id"], [["b1"], ["b2"], ["b3"]]);
    expect(check.errors).toBe(0);
    expect(check.issues).toEqual([
      expect.objectContaining({ index: null, column: "experiment", code: "missing_required", severity: "warning" }),
    ]);
  });

  it("keeps an empty required value in a pasted column an error", () => {
    const check = checkImportRows(existing, DEFAULT_SCHEMA, ["run_id", "experiment"], [["b1", ""]]);
    expect(check.issues).toEqual([
      expect.objectContaining({ index: 0, column: "experiment", code: "missing_required", severity: "error" }),
    ]);
  });

  it("checks the paste alone when the workbook has no runs yet", () => {
    const check = checkImportRows(
      null,
      DEFAULT_SCHEMA,
      ["run_id", "experiment", "accuracy"],
      [
        ["b1", "exp2", 1.5],
        ["b1", "exp2", 0.5],
      ],
    );
    expect(check.issues.map((i) => [i.index, i.code])).toEqual([
      [0, "out_of_range"],
      [1, "duplicate_id"],
    ]);
  });
});

describe("checkImportRows on repeated settings", () => {
  it("words a repeated configuration for a run not written yet, naming the table row or the paste line", () => {
    const grid = table([
      ["run_id", "experiment", "layers", "seed"],
      ["a1", "exp1", 1, 1],
    ]);
    const check = checkImportRows(
      grid,
      DEFAULT_SCHEMA,
      ["run_id", "experiment", "layers", "seed"],
      [
        ["b1", "exp1", 1, 1],
        ["b2", "exp1", 2, 1],
        ["b3", "exp1", 2, 1],
      ],
      [1, 2, 3],
    );
    const messages = check.issues.filter((i) => i.code === "duplicate_config").map((i) => [i.index, i.message]);
    expect(messages).toEqual([
      [0, expect.stringMatching(/^This run has the same settings as row 2 of the Runs table/)],
      [2, expect.stringMatching(/^This run has the same settings as line 2 of the paste/)],
    ]);
    expect(check.errors).toBe(0);
  });
});
