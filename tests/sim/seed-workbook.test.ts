// The playground's starting workbooks: the seeds' dogs-vs-cats example keeps the mistakes the pane
// is meant to catch, and the large one has 5,000 runs in a Runs table.
import { describe, expect, it } from "vitest";
import {
  RUN_COLUMNS,
  buildEmptyWorkbook,
  buildExampleWorkbook,
  buildLargeWorkbook,
} from "../../src/playground/seed-workbook";
import { createExcelSimulator } from "../../src/sim";

function load(model: ReturnType<typeof buildExampleWorkbook>) {
  const sim = createExcelSimulator();
  sim.replaceWorkbook(model);
  return sim;
}

describe("example workbook", () => {
  const sim = load(buildExampleWorkbook());
  const table = sim.getTable("Runs");
  const rows = sim.getValues("Runs", `A2:P${(table?.rowCount ?? 0) + 1}`);
  const col = (name: (typeof RUN_COLUMNS)[number]) => rows.map((r) => r[RUN_COLUMNS.indexOf(name)]);

  it("is a Runs table on sheet Runs with the run columns", () => {
    expect(table).toMatchObject({ sheet: "Runs", headers: [...RUN_COLUMNS] });
    expect(sim.activeSheet()).toBe("Runs");
  });

  it("has exp1 (1 hidden layer, 1,000 images) and exp2 (2 layers, 2,000 images) with 3-5 seeds each", () => {
    for (const [exp, layers, n] of [
      ["exp1", 1, 1000],
      ["exp2", 2, 2000],
    ] as const) {
      const mine = rows.filter((r) => r[1] === exp);
      const seeds = new Set(mine.map((r) => r[8]));
      expect(seeds.size).toBeGreaterThanOrEqual(3);
      expect(seeds.size).toBeLessThanOrEqual(5);
      expect(new Set(mine.map((r) => r[6]))).toEqual(new Set([layers]));
      expect(new Set(mine.map((r) => r[5]))).toEqual(new Set([n]));
    }
  });

  it("contains the realistic mistakes: text number, status typo, duplicate id, #DIV/0!, blank required cell", () => {
    expect(col("accuracy")).toContain("0,91");
    expect(col("status")).toContain("finshed");
    const ids = col("run_id");
    expect(ids.length - new Set(ids).size).toBe(1);
    const divIndex = col("val_loss").indexOf("#DIV/0!");
    expect(divIndex).toBeGreaterThanOrEqual(0);
    expect(sim.getCell("Runs", `M${divIndex + 2}`)?.err).toBe(true);
    expect(col("model")).toContain("");
  });

  it("stores started as Excel dates, as typing an ISO date-time would", () => {
    expect(typeof sim.getCell("Runs", "K2")?.v).toBe("number");
    expect(sim.getNumberFormats("Runs", "K2")).toEqual([["m/d/yyyy h:mm"]]);
  });
});

describe("other workbooks", () => {
  it("the large workbook has 5,000 runs in its table", () => {
    const sim = load(buildLargeWorkbook());
    expect(sim.getTable("Runs")?.rowCount).toBe(5000);
    expect(new Set(sim.getValues("Runs", "A2:A5001").flat()).size).toBe(5000);
  });

  it("the empty workbook has one blank sheet", () => {
    const sim = load(buildEmptyWorkbook());
    expect(sim.sheetNames()).toEqual(["Sheet1"]);
    expect(sim.usedAddress("Sheet1")).toBeNull();
  });
});

describe("example workbook's saved RunSchema", () => {
  const sim = load(buildExampleWorkbook());

  it("lives in a RunSchema table on the Schema sheet, readable by core", async () => {
    const { schemaFromRows, validate, best } = await import("../../src/core");
    const schemaTable = sim.getTable("RunSchema");
    expect(schemaTable?.sheet).toBe("Schema");
    const schemaGrid = sim.getValues("Schema", `A1:K${(schemaTable?.rowCount ?? 0) + 1}`);
    const read = schemaFromRows(schemaGrid);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    const runsTable = sim.getTable("Runs");
    const grid = sim.getValues("Runs", `A1:P${(runsTable?.rowCount ?? 0) + 1}`);
    const checked = validate(grid, read.value);
    const codes = (code: string) => checked.issues.filter((i) => i.code === code).map((i) => `${i.column}@${i.row}`);
    expect(codes("missing_required")).toContain("model@9");
    expect(codes("not_in_choices")).toEqual(["status@5"]);
    // The run with the blank model is left out of the ranking with a reason, not ranked on its own.
    const ranked = best(checked, { metric: "accuracy" });
    if (!ranked.ok) throw new Error("best failed");
    expect(ranked.value.excluded).toContainEqual({ row: 9, reason: expect.stringContaining("model is empty") });
    expect(ranked.value.ranking.map((c) => c.config["layers"])).toEqual([2, 1]);
  });
});
