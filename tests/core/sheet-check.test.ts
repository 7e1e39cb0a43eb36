import { describe, expect, it } from "vitest";
import { cellLocator, checkGrid, DEFAULT_SCHEMA, rowRecord, type SheetGrid } from "../../src/core/index";

const grid: SheetGrid = {
  sheet: "Runs",
  grid: [
    ["Run ID", "Learning Rate", "val_loss (nats)", "status"],
    ["r1", 0.01, 0.4, "finished"],
    ["r1", "0,02", 0.5, "Finished"],
  ],
  rowOffset: 3,
  columnOffset: 2,
  source: "sheet",
  headerRow: 3,
};

describe("cellLocator (core's one name normaliser)", () => {
  it("matches `Run ID` to run_id, `Learning Rate` to learning_rate and a header with units by its bare name", () => {
    const locate = cellLocator(grid);
    expect(locate({ row: 5, column: "run_id" })).toEqual({ sheet: "Runs", row: 5, column: 2 });
    expect(locate({ row: 5, column: "learning_rate" })).toEqual({ sheet: "Runs", row: 5, column: 3 });
    expect(locate({ row: 4, column: "val_loss" })).toEqual({ sheet: "Runs", row: 4, column: 4 });
    expect(locate({ row: 4, column: "" })).toEqual({ sheet: "Runs", row: 4, column: 2 });
    expect(locate({ row: 4, column: "missing" })).toBeNull();
  });
});

describe("checkGrid", () => {
  it("validates a sheet's grid and places each issue on its cell", () => {
    const checked = checkGrid(grid, {
      columns: [
        { name: "run_id", type: "text", role: "id", required: true },
        { name: "learning_rate", type: "number", role: "param" },
        { name: "status", type: "choice", role: "meta", choices: ["finished", "failed"] },
      ],
    });
    const codes = checked.issues.map((i) => [i.code, i.cell?.row, i.cell?.column]);
    expect(codes).toContainEqual(["duplicate_id", 5, 2]);
    expect(codes).toContainEqual(["number_as_text", 5, 3]);
    expect(codes).toContainEqual(["not_in_choices", 5, 5]);
    expect(checked.schemaOrigin).toBe("table");
  });

  it("infers a schema when none is given", () => {
    const checked = checkGrid(grid, null);
    expect(checked.schemaOrigin).toBe("inferred");
    expect(checked.schema.columns.length).toBeGreaterThan(0);
  });
});

describe("rowRecord and DEFAULT_SCHEMA", () => {
  it("gives a run's row by header name", () => {
    expect(rowRecord(grid, 3, 4)).toEqual({
      "Run ID": "r1",
      "Learning Rate": 0.01,
      "val_loss (nats)": 0.4,
      status: "finished",
    });
  });

  it("the default schema is in core, with an id column first", () => {
    expect(DEFAULT_SCHEMA.columns[0]).toMatchObject({ name: "run_id", role: "id" });
  });
});
