import { describe, expect, it } from "vitest";
import { markBestRunAction, validateRunsAction } from "../../src/commands/actions";
import {
  appendRuns,
  checkRuns,
  createTracker,
  createWorkbookGateway,
  DEFAULT_SCHEMA,
  fixesOf,
  readTrackerStatus,
  setUpTracker,
  type ExcelRunner,
} from "../../src/excel/index";
import { workbook } from "./helpers";

const header = ["run_id", "experiment", "n_images", "layers", "seed", "status", "accuracy", "val_loss"];
// Dogs vs cats with realistic mistakes: a decimal comma, a status in the wrong case, a duplicate id.
const runs = [
  ["e1-s1", "exp1", 1000, 1, 1, "finished", 0.71, 0.61],
  ["e1-s2", "exp1", 1000, 1, 2, "finished", "0,73", 0.6],
  ["e1-s3", "exp1", 1000, 1, 3, "Finished", 0.72, 0.62],
  ["e2-s1", "exp2", 2000, 2, 1, "finished", 0.8, 0.5],
  ["e2-s2", "exp2", 2000, 2, 2, "finished", 0.82, 0.48],
  ["e2-s2", "exp2", 2000, 2, 3, "finished", 0.81, 0.49],
];

async function seeded() {
  const wb = workbook();
  const gateway = createWorkbookGateway(wb.run as ExcelRunner);
  await wb.run((ctx) => createTracker(ctx));
  await wb.run((ctx) => appendRuns(ctx, header, runs));
  return { ...wb, gateway };
}

describe("checkRuns (Validate)", () => {
  it("reports issues at the Excel rows the user sees, on the right cells", async () => {
    const { sim, gateway } = await seeded();
    const outcome = await checkRuns(gateway, { mark: true });
    expect(outcome.grid?.sheet).toBe("Runs");
    expect(outcome.schemaOrigin).toBe("table");
    const headers = sim.getTable("Runs")?.headers ?? [];
    const decimalComma = outcome.issues.find((i) => i.column === "accuracy" && i.row === 3);
    expect(decimalComma?.cell).toEqual({ sheet: "Runs", row: 3, column: headers.indexOf("accuracy") });
    expect(decimalComma?.fix).toBe(0.73);
    const duplicate = outcome.issues.find((i) => i.code === "duplicate_id");
    expect(duplicate?.row).toBe(7);
    expect(outcome.marks?.marked).toBeGreaterThanOrEqual(2);
    expect(sim.displayStyle("Runs", 2, headers.indexOf("accuracy")).fill).toBeDefined();
  });

  it("Fix all safe fixes what can be fixed, and revalidation shows fewer issues", async () => {
    const { sim, gateway } = await seeded();
    const before = await checkRuns(gateway, { mark: true });
    const fixes = fixesOf(before.issues);
    expect(fixes.length).toBeGreaterThanOrEqual(2);
    const applied = await gateway.applyFixes(fixes);
    expect(applied.applied).toBe(fixes.length);
    const after = await checkRuns(gateway, { mark: true });
    expect(fixesOf(after.issues)).toEqual([]);
    expect(after.issues.length).toBeLessThan(before.issues.length);
    const headers = sim.getTable("Runs")?.headers ?? [];
    expect(sim.getValues("Runs", `${String.fromCharCode(65 + headers.indexOf("accuracy"))}3`)).toEqual([[0.73]]);
  });

  it("adopts a messy sheet in place: header on row 3, issues on the sheet's rows", async () => {
    const { sim, run } = workbook();
    const gateway = createWorkbookGateway(run as ExcelRunner);
    sim.setValues("Sheet1", "B1:E7", [
      ["Dogs vs cats experiments", "", "", ""],
      ["", "", "", ""],
      ["run", "layers", "seed", "accuracy (%)"],
      ["a", 1, 1, 71],
      ["b", 1, 2, "#DIV/0!"],
      ["c", 2, 1, 80],
      ["", "", "", ""],
    ]);
    const name = await gateway.adoptActiveSheet();
    expect(name).toBe("Sheet1");
    const status = await gateway.status();
    expect(status.adoptedSheet).toBe("Sheet1");
    const outcome = await checkRuns(gateway);
    expect(outcome.schemaOrigin).toBe("inferred");
    expect(outcome.headerRow).toBe(3);
    expect(outcome.runs.map((r) => r.excelRow)).toEqual([4, 5, 6]);
    const error = outcome.issues.find((i) => i.code === "excel_error");
    expect(error?.cell).toEqual({ sheet: "Sheet1", row: 5, column: 4 });
    expect(sim.getValues("Sheet1", "B3")).toEqual([["run"]]);
  });

  it("says there are no runs in an empty workbook", async () => {
    const { run } = workbook();
    const outcome = await checkRuns(createWorkbookGateway(run as ExcelRunner));
    expect(outcome.grid).toBeNull();
    expect(outcome.issues).toEqual([]);
  });
});

describe("setUpTracker", () => {
  it("uses the default schema in an empty workbook", async () => {
    const { sim, run } = workbook();
    const result = await setUpTracker(createWorkbookGateway(run as ExcelRunner));
    expect(result.schemaFrom).toBe("default");
    expect(sim.getTable("RunSchema")?.rowCount).toBe(DEFAULT_SCHEMA.columns.length);
  });

  it("describes an existing Runs table's columns when there is no Schema sheet, so checks become stable", async () => {
    const { sim, run } = workbook();
    sim.addSheet("Runs");
    sim.setValues("Runs", "A1:C4", [
      ["run_id", "accuracy", "gpu"],
      ["a", 0.7, "v100"],
      ["b", 0.8, "a100"],
      ["c", 0.9, "a100"],
    ]);
    sim.addTable("Runs", "A1:C4", "Runs");
    const gateway = createWorkbookGateway(run as ExcelRunner);
    const result = await setUpTracker(gateway);
    expect(result.schemaFrom).toBe("runs");
    expect(result.existing).toContain("Runs");
    const outcome = await checkRuns(gateway);
    expect(outcome.schemaOrigin).toBe("table");
    expect(outcome.schema.columns.map((c) => c.name)).toEqual(["run_id", "accuracy", "gpu"]);
    // A later typo is now a wrong type instead of turning the column into text.
    sim.setValues("Runs", "B3", "abc");
    const after = await checkRuns(gateway);
    expect(after.issues.some((i) => i.row === 3 && i.column === "accuracy" && i.severity === "error")).toBe(true);
  });
});

describe("ribbon command actions", () => {
  it("validateRuns marks issues and summarises", async () => {
    const { sim, gateway } = await seeded();
    const text = await validateRunsAction(gateway);
    expect(text).toMatch(/\d+ error\(s\)/);
    expect(sim.conditionalFormats("Runs").length).toBeGreaterThan(0);
  });

  it("markBestRun selects the best run's row by the schema's first metric", async () => {
    const { sim, gateway, run } = await seeded();
    sim.addSheet("Elsewhere");
    sim.userActivate("Elsewhere");
    const text = await markBestRunAction(gateway);
    expect(text).toMatch(/best accuracy is run e2-s2 on row 6/);
    expect(sim.activeSheet()).toBe("Runs");
    const status = await run((ctx) => readTrackerStatus(ctx));
    expect(status.runCount).toBe(6);
  });

  it("says so when there are no runs", async () => {
    const { run } = workbook();
    expect(await markBestRunAction(createWorkbookGateway(run as ExcelRunner))).toMatch(/no runs/);
  });
});
