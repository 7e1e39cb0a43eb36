import { describe, expect, it } from "vitest";
import { createExcelSimulator } from "../../src/sim/index";

describe("simulated chart positions, wrapped text and page layout", () => {
  it("setPosition covers the cells at their column widths (15 pt rows)", async () => {
    const sim = createExcelSimulator();
    await sim.Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1:A3").values = [[1], [2], [3]];
      sheet.getRange("A:A").format.columnWidth = 100;
      sheet.getRange("B:B").format.columnWidth = 300;
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:A3"), "Columns");
      chart.setPosition("B5", "C24");
      await ctx.sync();
    });
    const [chart] = sim.charts();
    expect(chart).toMatchObject({ left: 100, top: 60, width: 348, height: 300 });
  });
  it("wrapText is written and read per cell", async () => {
    const sim = createExcelSimulator();
    const wrapped = await sim.Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getActiveWorksheet().getRange("B2:B3");
      range.format.wrapText = true;
      range.format.load("wrapText");
      await ctx.sync();
      return range.format.wrapText;
    });
    expect(wrapped).toBe(true);
    expect(sim.getCell("Sheet1", "B3")?.wrap).toBe(true);
  });
  it("page layout needs ExcelApi 1.9: set on web, ApiNotFound on an older host", async () => {
    const sim = createExcelSimulator({ host: "web" });
    await sim.Excel.run(async (ctx) => {
      const layout = ctx.workbook.worksheets.getActiveWorksheet().pageLayout;
      layout.orientation = "Landscape";
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.setPrintTitleRows("$1:$6");
      await ctx.sync();
    });
    expect(sim.pageLayout("Sheet1")).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$6",
    });
    const old = createExcelSimulator({ host: "old" });
    await expect(
      old.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().pageLayout.orientation = "Landscape";
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    expect(old.pageLayout("Sheet1")).toBeUndefined();
  });
});
