import { afterEach, describe, expect, it } from "vitest";
import { checkRuns, createWorkbookGateway, setUpTracker, type ExcelRunner } from "../../src/excel/index";
import { workbook } from "./helpers";

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

/** A lab sheet with a title merged across A1:B1 and C1:D1 (two labels: half the width). */
async function labSheet(host: "web" | "old" = "web") {
  const { sim, run, counted } = workbook(host);
  // The gateway asks Office's requirement sets which APIs the host has, as in Excel.
  restore = sim.install();
  sim.setValues("Sheet1", "A1:D5", [
    ["Dogs vs cats", "", "December", ""],
    ["run_id", "layers", "n_images", "accuracy"],
    ["r1", 1, 1000, 0.71],
    ["r2", 2, 2000, 0.8],
    ["r3", 2, 2000, 0.82],
  ]);
  await run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:B1").merge();
    sheet.getRange("C1:D1").merge();
    await ctx.sync();
  });
  return { sim, run, counted, gateway: createWorkbookGateway(run as ExcelRunner) };
}

describe("Adopt this sheet with a merged title", () => {
  it("never takes the merged title row as the header (merged areas read in the adopting batch)", async () => {
    const { gateway, sim, counted } = await labSheet();
    const adopted = await counted((ctx) => import("../../src/excel/adopt").then((m) => m.adoptActiveSheet(ctx)));
    expect(adopted.syncs).toBe(2);
    const outcome = await checkRuns(gateway);
    expect(outcome.headerRow).toBe(2);
    expect(outcome.runs.map((r) => r.id)).toEqual(["r1", "r2", "r3"]);
    expect(outcome.schema.columns.map((c) => `${c.name}:${c.type}`)).toEqual([
      "run_id:text",
      "layers:integer",
      "n_images:integer",
      "accuracy:number",
    ]);
    // Nothing of the user's sheet moved.
    expect(sim.getValues("Sheet1", "A1:A2")).toEqual([["Dogs vs cats"], ["run_id"]]);
    expect(sim.mergedAreas("Sheet1")).toEqual(["A1:B1", "C1:D1"]);
  });

  it("on a host without merged-area support, the user points at the real header row", async () => {
    const { gateway } = await labSheet("old");
    await gateway.adoptActiveSheet();
    expect((await checkRuns(gateway)).headerRow).toBe(1);
    const header = await gateway.setAdoptedHeaderRow(2);
    expect(header).toEqual({ sheet: "Sheet1", row: 2, cells: ["run_id", "layers", "n_images", "accuracy"] });
    expect((await checkRuns(gateway)).headerRow).toBe(2);
  });

  it("takes the selected cell's row as the header, and follows it when a co-author inserts rows above", async () => {
    const { gateway, sim } = await labSheet("old");
    await gateway.adoptActiveSheet();
    sim.userSelect("Sheet1", "C2");
    await gateway.setAdoptedHeaderRow("selection");
    sim.coAuthorInsertRows("Sheet1", "1:2");
    const outcome = await checkRuns(gateway);
    expect(outcome.headerRow).toBe(4);
    expect(outcome.runs.map((r) => r.excelRow)).toEqual([5, 6, 7]);
  });

  it("refuses a row outside the data and a selection on another sheet, with sentences", async () => {
    const { gateway, sim } = await labSheet();
    await gateway.adoptActiveSheet();
    await expect(gateway.setAdoptedHeaderRow(40)).rejects.toThrow(/Row 40 is outside the sheet's data/);
    sim.addSheet("Other");
    sim.setValues("Other", "A1", [["x"]]);
    sim.userSelect("Other", "A1");
    await expect(gateway.setAdoptedHeaderRow("selection")).rejects.toThrow(/adopted sheet/);
  });

  it("a new adoption forgets the header stored for the previous one", async () => {
    const { gateway, sim, run } = await labSheet("old");
    await gateway.adoptActiveSheet();
    await gateway.setAdoptedHeaderRow(2);
    sim.addSheet("Plain");
    sim.setValues("Plain", "A3:B4", [
      ["run_id", "accuracy"],
      ["p1", 0.5],
    ]);
    sim.userActivate("Plain");
    await gateway.adoptActiveSheet();
    const outcome = await checkRuns(createWorkbookGateway(run as ExcelRunner));
    expect(outcome.headerRow).toBe(3);
  });
});

describe("selected runs", () => {
  it("turns the selected rows of the Runs table into run ids, in the batch that reads them", async () => {
    const { sim, run } = workbook();
    const gateway = createWorkbookGateway(run as ExcelRunner);
    await setUpTracker(gateway);
    await gateway.appendRuns(
      ["run_id", "accuracy"],
      [
        ["a", 0.5],
        ["b", 0.6],
        ["c", 0.7],
      ],
    );
    const table = sim.getTable("Runs");
    if (!table) throw new Error("no Runs table");
    const top = Number(/\d+/.exec(table.address.split(":")[0] ?? "")?.[0]);
    // Rows of b and c (any column of them).
    sim.userSelect("Runs", `C${top + 2}:C${top + 3}`);
    expect(await gateway.selectedRunIds("run_id")).toEqual({ ids: ["b", "c"], inTable: true });
    // A co-author inserts a row above: the same selection address now covers a and b.
    sim.coAuthorInsertRows("Runs", `${top + 1}:${top + 1}`);
    sim.userSelect("Runs", `C${top + 3}:C${top + 4}`);
    expect((await gateway.selectedRunIds("run_id")).ids).toEqual(["b", "c"]);
    sim.userSelect("Runs", "A1");
    expect(await gateway.selectedRunIds("run_id")).toEqual({ ids: [], inTable: false });
    await expect(gateway.selectedRunIds("nope")).rejects.toThrow(/no "nope" column/);
  });
});
