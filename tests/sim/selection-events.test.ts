/* eslint-disable office-addins/call-sync-after-load --
   the rule loses track of loads across the two Excel.run batches of one test; each read follows its sync. */
// WorksheetCollection.onActivated (ExcelApi 1.7) and onSelectionChanged (ExcelApi 1.9):
// https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-onactivated-member
// https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-onselectionchanged-member
import { describe, expect, it } from "vitest";
import { createExcelSimulator } from "../../src/sim";

describe("selection and activation events", () => {
  it("a user's selection on another sheet activates it and fires both events; getSelectedRange follows", async () => {
    const sim = createExcelSimulator({ host: "web" });
    sim.addSheet("Runs");
    const seen: string[] = [];
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.onActivated.add((e: Excel.WorksheetActivatedEventArgs) => {
        seen.push(`${e.type}`);
        return Promise.resolve();
      });
      ctx.workbook.worksheets.onSelectionChanged.add((e: Excel.WorksheetSelectionChangedEventArgs) => {
        seen.push(`${e.type} ${e.address}`);
        return Promise.resolve();
      });
      await ctx.sync();
    });
    sim.userSelect("Runs", "B3:D5");
    sim.userSelect("Runs", "A2");
    await sim.idle();
    expect(seen).toEqual(["WorksheetActivated", "WorksheetSelectionChanged B3:D5", "WorksheetSelectionChanged A2"]);
    const selected = await sim.Excel.run(async (ctx) => {
      const range = ctx.workbook.getSelectedRange();
      range.load("address");
      const active = ctx.workbook.worksheets.getActiveWorksheet();
      active.load("name");
      await ctx.sync();
      const out: string[] = [range.address, active.name];
      return out;
    });
    expect(selected).toEqual(["Runs!A2", "Runs"]);
  });

  it("onSelectionChanged needs ExcelApi 1.9 (ApiNotFound on the old host)", async () => {
    const sim = createExcelSimulator({ host: "old" });
    await expect(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.onSelectionChanged.add(() => Promise.resolve());
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
