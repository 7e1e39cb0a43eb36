// .xlsx load/save through exceljs: a file written by plain exceljs loads into the simulator, and a
// simulated workbook survives a save/load round trip (tables, formats, formulas, validation, CF, names).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createExcelSimulator } from "../../src/sim";
import { loadXlsx, loadXlsxInto, saveXlsx } from "../../src/sim/xlsx";

const fixture = new URL("../fixtures/sim/runs-exceljs.xlsx", import.meta.url);

describe("loadXlsx", () => {
  it("reads sheets, a table, cached formula results, dates, errors, rich text, fills and validation", async () => {
    const sim = createExcelSimulator();
    await loadXlsxInto(sim, readFileSync(fixture));
    expect(sim.sheetNames()).toEqual(["Runs", "Notes"]);
    const t = sim.getTable("Runs");
    expect(t).toMatchObject({
      address: "Runs!A1:D4",
      headers: ["run_id", "accuracy", "started", "status"],
      rowCount: 3,
      style: "TableStyleMedium9",
    });
    expect(sim.getValues("Runs", "A2:B4")).toEqual([
      ["exp1-s1", 0.91],
      ["exp1-s2", "#DIV/0!"],
      ["exp2-s1", 0.93],
    ]);
    expect(sim.getFormulas("Runs", "B4")).toEqual([["=0.9+0.03"]]);
    expect(sim.getCell("Runs", "B3")?.err).toBe(true);
    expect(sim.getValues("Runs", "C2")).toEqual([[45296]]);
    expect(sim.getValues("Runs", "D2")).toEqual([["finished"]]);
    expect(sim.getText("Runs", "B2")).toEqual([["0.91"]]);
    expect(sim.getCell("Runs", "A2")?.fill).toBe("#FFFF00");
    expect(sim.freezeRows("Runs")).toBe(1);
    expect(sim.validations("Runs")[0]).toMatchObject({ type: "List", source: "running,finished,failed" });
  });

  it("the loaded workbook answers the Excel API like any other", async () => {
    const sim = createExcelSimulator();
    await loadXlsxInto(sim, readFileSync(fixture));
    await sim.Excel.run(async (ctx) => {
      const body = ctx.workbook.tables.getItem("Runs").getDataBodyRange().load("values,valueTypes");
      await ctx.sync();
      expect(body.values.map((r) => r[0])).toEqual(["exp1-s1", "exp1-s2", "exp2-s1"]);
      expect(body.valueTypes[1]?.[1]).toBe("Error");
    });
  });
});

describe("saveXlsx round trip", () => {
  it("preserves values, formulas, formats, tables, validation, conditional formats and names", async () => {
    const sim = createExcelSimulator();
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("Runs");
      ws.getRange("A1:C3").values = [
        ["run_id", "accuracy", "double"],
        ["r1", 0.91, "=B2*2"],
        ["r2", "0,88", "=B3*2"],
      ];
      ws.getRange("B2").numberFormat = [["0.0%"]];
      ws.getRange("A2").format.fill.color = "#FFC7CE";
      ws.getRange("A1").format.font.bold = true;
      const t = ws.tables.add("A1:C3", true);
      t.name = "Runs";
      t.style = "TableStyleLight9";
      ws.getRange("B2:B3").dataValidation.rule = { decimal: { operator: "Between", formula1: 0, formula2: 1 } };
      const cf = ws.getRange("A2:C3").conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=$B2>0.95";
      cf.custom.format.fill.color = "#FFEB9C";
      ctx.workbook.names.add("Best", ws.getRange("A2:C2"));
      ws.freezePanes.freezeRows(1);
      await ctx.sync();
    });
    const bytes = await saveXlsx(sim);
    expect(bytes.byteLength).toBeGreaterThan(1000);
    const model = await loadXlsx(bytes);
    const back = createExcelSimulator();
    back.replaceWorkbook(model);
    expect(back.sheetNames()).toEqual(["Sheet1", "Runs"]);
    expect(back.getValues("Runs", "A1:C3")).toEqual([
      ["run_id", "accuracy", "double"],
      ["r1", 0.91, 1.82],
      ["r2", "0,88", "#VALUE!"],
    ]);
    expect(back.getFormulas("Runs", "C2")).toEqual([["=B2*2"]]);
    expect(back.getText("Runs", "B2")).toEqual([["91.0%"]]);
    expect(back.getCell("Runs", "A2")?.fill).toBe("#FFC7CE");
    expect(back.getCell("Runs", "A1")?.bold).toBe(true);
    expect(back.getTable("Runs")).toMatchObject({
      address: "Runs!A1:C3",
      style: "TableStyleLight9",
      headers: ["run_id", "accuracy", "double"],
    });
    expect(back.validations("Runs")[0]).toMatchObject({
      type: "Decimal",
      operator: "Between",
      formula1: 0,
      formula2: 1,
    });
    expect(back.conditionalFormats("Runs")[0]).toMatchObject({ type: "Custom", formula: "=$B2>0.95", fill: "#FFEB9C" });
    // 0.91 > 0.95 is false; the text "0,88" compares greater than any number in Excel, so that row lights up.
    expect(back.displayStyle("Runs", 1, 0).fill).toBe("#FFC7CE");
    expect(back.displayStyle("Runs", 2, 0).fill).toBe("#FFEB9C");
    expect(back.names()).toEqual([{ name: "Best", formula: "=Runs!$A$2:$C$2" }]);
    expect(back.freezeRows("Runs")).toBe(1);
  });
});
