import { describe, expect, it } from "vitest";
import {
  appendRuns,
  createTracker,
  DEFAULT_SCHEMA,
  readSchemaTable,
  readSheetUsedRange,
  readWorkbook,
  rowsToSchema,
} from "../../src/excel/index";
import { createExcelSimulator } from "../../src/sim/index";
import { workbook } from "./helpers";

describe("readWorkbook", () => {
  it("reads runs and schema in three syncs for a table that fits one response", async () => {
    const { run, counted } = workbook();
    await run((ctx) => createTracker(ctx));
    await run((ctx) => appendRuns(ctx, ["run_id", "accuracy"], [["r1", 0.5]]));
    const { value, syncs } = await counted((ctx) => readWorkbook(ctx));
    expect(syncs).toBe(3);
    expect(value.runs?.grid[1]?.[0]).toBe("r1");
    expect(value.runs?.source).toBe("table");
  });

  it("reads a table larger than one response in blocks, identical to the sheet", async () => {
    const sim = createExcelSimulator({ payloadLimitBytes: 512 * 1024 });
    await sim.Excel.run((ctx) =>
      createTracker(ctx, {
        columns: [
          { name: "run_id", type: "text", role: "id" },
          { name: "accuracy", type: "number", role: "metric", goal: "max" },
        ],
      }),
    );
    const rows = Array.from({ length: 30000 }, (_, i) => [`run-${i}`, (i % 1000) / 1000]);
    await sim.Excel.run((ctx) => appendRuns(ctx, ["run_id", "accuracy"], rows, [], { maxRequestBytes: 256 * 1024 }));
    const before = sim.stats.syncCount;
    const snapshot = await sim.Excel.run((ctx) => readWorkbook(ctx, 10_000));
    expect(sim.stats.syncCount - before).toBe(2 + Math.ceil(30001 / 5000));
    expect(snapshot.runs?.grid.length).toBe(30001);
    expect(snapshot.runs?.grid[30000]).toEqual(["run-29999", 0.999]);
    expect(snapshot.runs?.grid[1]).toEqual(["run-0", 0]);
  });

  it("returns no runs for a workbook without tracker or adopted sheet", async () => {
    const { run } = workbook();
    expect(await run((ctx) => readWorkbook(ctx))).toEqual({ runs: null, schema: null });
  });

  it("reads a sheet's used range where it sits", async () => {
    const { sim, run } = workbook();
    sim.setValues("Sheet1", "C4:D5", [
      ["a", 1],
      ["b", 2],
    ]);
    const grid = await run((ctx) => readSheetUsedRange(ctx, "Sheet1"));
    expect(grid).toMatchObject({
      rowOffset: 4,
      columnOffset: 2,
      grid: [
        ["a", 1],
        ["b", 2],
      ],
    });
    sim.addSheet("Empty");
    expect(await run((ctx) => readSheetUsedRange(ctx, "Empty"))).toBeNull();
  });
});

describe("readSchemaTable", () => {
  it("reads only the Schema sheet, or null without one", async () => {
    const { run, counted } = workbook();
    expect(await run((ctx) => readSchemaTable(ctx))).toBeNull();
    await run((ctx) => createTracker(ctx));
    const { value, syncs } = await counted((ctx) => readSchemaTable(ctx));
    expect(syncs).toBe(2);
    expect(value?.schema).toEqual(DEFAULT_SCHEMA);
  });
});

describe("rowsToSchema (lenient Schema sheet reading)", () => {
  it("keeps going past typos, saying which row and cell", () => {
    const { schema, problems } = rowsToSchema(
      [
        ["name", "type", "role", "required", "min", "max", "choices", "pattern", "unit", "goal", "description"],
        ["accuracy", "numbr", "metric", "", 0, 1, "", "", "", "max", ""],
        ["status", "choice", "meta", "yes", "", "", "running; finished", "", "", "", ""],
        ["", "", "", "", "", "", "", "", "", "", ""],
        ["status", "text", "meta", "", "", "", "", "", "", "", ""],
        ["lr", "number", "hyper", "", "", "", "", "", "", "upward", ""],
      ],
      1,
    );
    expect(schema.columns.map((c) => c.name)).toEqual(["accuracy", "status", "lr"]);
    expect(schema.columns[0]).toMatchObject({ type: "text", min: 0, max: 1, goal: "max" });
    expect(schema.columns[1]).toMatchObject({ type: "choice", required: true, choices: ["running", "finished"] });
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, "type"],
      [5, "name"],
      [6, "role"],
      [6, "goal"],
    ]);
  });
});
