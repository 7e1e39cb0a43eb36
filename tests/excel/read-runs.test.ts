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
  it("reads runs and schema in two syncs for a table that fits one sample", async () => {
    const { run, counted } = workbook();
    await run((ctx) => createTracker(ctx));
    await run((ctx) => appendRuns(ctx, ["run_id", "accuracy"], [["r1", 0.5]]));
    const { value, syncs } = await counted((ctx) => readWorkbook(ctx));
    expect(syncs).toBe(2);
    expect(value.runs?.grid[1]?.[0]).toBe("r1");
    expect(value.runs?.source).toBe("table");
  });

  /** Response bytes of the syncs since `from`, and how many syncs there were. */
  const responses = (sim: ReturnType<typeof createExcelSimulator>, from: number) => {
    const reqs = sim.stats.requests.slice(from);
    return { syncs: reqs.length, bytes: reqs.reduce((n, r) => n + r.responseBytes, 0) };
  };

  it("reads a table larger than one response in measured blocks, identical to the sheet", async () => {
    const limit = 512 * 1024;
    const sim = createExcelSimulator({ payloadLimitBytes: limit });
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
    const from = sim.stats.requests.length;
    const snapshot = await sim.Excel.run((ctx) => readWorkbook(ctx, Math.floor(limit * 0.96)));
    const { syncs, bytes } = responses(sim, from);
    expect(bytes).toBeGreaterThan(limit);
    expect(syncs).toBeLessThanOrEqual(Math.ceil(bytes / limit) + 2);
    expect(sim.stats.requests.slice(from).every((r) => r.ok)).toBe(true);
    expect(snapshot.runs?.grid.length).toBe(30001);
    expect(snapshot.runs?.grid[30000]).toEqual(["run-29999", 0.999]);
    expect(snapshot.runs?.grid[1]).toEqual(["run-0", 0]);
  });

  it(
    "reads 50,000 runs x 20 columns in at most ceil(response bytes / 5 MB) + 2 syncs",
    { timeout: 60_000 },
    async () => {
      const sim = createExcelSimulator();
      const columns = Array.from({ length: 20 }, (_, c) => `c${c}`);
      sim.addSheet("Runs");
      const grid = [
        columns,
        ...Array.from({ length: 50000 }, (_, r) =>
          columns.map((_, c) => (c === 0 ? `run-${r}` : c % 3 === 0 ? `exp${r % 9} note ${r}` : (r * c) / 7)),
        ),
      ];
      sim.setValues("Runs", `A1:T${grid.length}`, grid);
      sim.addTable("Runs", `A1:T${grid.length}`, "Runs");
      const from = sim.stats.requests.length;
      const snapshot = await sim.Excel.run((ctx) => readWorkbook(ctx));
      const { syncs, bytes } = responses(sim, from);
      expect(bytes).toBeGreaterThan(5 * 1024 * 1024);
      expect(syncs).toBeLessThanOrEqual(Math.ceil(bytes / (5 * 1024 * 1024)) + 2);
      expect(snapshot.runs?.grid).toEqual(grid);
    },
  );

  it("halves a block Excel refuses as too large and reads it again", async () => {
    const sim = createExcelSimulator({ payloadLimitBytes: 64 * 1024 });
    sim.addSheet("Runs");
    const grid = [["run_id", "notes"], ...Array.from({ length: 3000 }, (_, r) => [`r${r}`, "x".repeat(r % 40)])];
    sim.setValues("Runs", `A1:B${grid.length}`, grid);
    sim.addTable("Runs", `A1:B${grid.length}`, "Runs");
    // A budget above the host's limit: some blocks are refused, their halves are not.
    const snapshot = await sim.Excel.run((ctx) => readWorkbook(ctx, 200 * 1024));
    expect(sim.stats.requests.some((r) => r.errorCode === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    expect(snapshot.runs?.grid).toEqual(grid);
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
