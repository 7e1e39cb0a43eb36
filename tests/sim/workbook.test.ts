// Worksheets, tables, names, settings, protection and charts.
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-tables
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-charts
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-named-items
// https://learn.microsoft.com/javascript/api/excel/excel.settingcollection
import { describe, expect, it } from "vitest";
import { createExcelSimulator } from "../../src/sim";

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code: string }).code;
  }
  return "no error";
}

describe("worksheets", () => {
  it("adds, finds, renames, moves, activates and deletes sheets", async () => {
    const sim = createExcelSimulator();
    await sim.Excel.run(async (ctx) => {
      const runs = ctx.workbook.worksheets.add("Runs");
      ctx.workbook.worksheets.add("Report");
      runs.activate();
      runs.position = 0;
      await ctx.sync();
      const active = ctx.workbook.worksheets.getActiveWorksheet().load("name,position");
      await ctx.sync();
      expect([active.name, active.position]).toEqual(["Runs", 0]);
      runs.name = "Experiments";
      // Renaming keeps the proxy bound to the same sheet.
      runs.getRange("A1").values = [["still here"]];
      ctx.workbook.worksheets.getItem("Sheet1").delete();
      await ctx.sync();
    });
    expect(sim.sheetNames()).toEqual(["Experiments", "Report"]);
    expect(sim.getValues("Experiments", "A1")).toEqual([["still here"]]);
  });

  it("refuses a duplicate name (ItemAlreadyExists) and invalid names (InvalidArgument)", async () => {
    const sim = createExcelSimulator();
    const dup = codeOf(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.add("sheet1");
        await ctx.sync();
      }),
    );
    expect(await dup).toBe("ItemAlreadyExists");
    const bad = codeOf(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.add("a/b");
        await ctx.sync();
      }),
    );
    expect(await bad).toBe("InvalidArgument");
  });

  it("won't delete the last visible sheet", async () => {
    const sim = createExcelSimulator();
    const code = await codeOf(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").delete();
        await ctx.sync();
      }),
    );
    expect(code).toBe("InvalidOperation");
  });

  it("freezes header rows", async () => {
    const sim = createExcelSimulator();
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").freezePanes.freezeRows(1);
      await ctx.sync();
    });
    expect(sim.freezeRows("Sheet1")).toBe(1);
  });
});

describe("protection (https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection)", () => {
  it("blocks writes on a protected sheet with AccessDenied until unprotected", async () => {
    const sim = createExcelSimulator();
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").protection.protect();
      await ctx.sync();
    });
    const code = await codeOf(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
        await ctx.sync();
      }),
    );
    expect(code).toBe("AccessDenied");
    expect(() => sim.userEdit("Sheet1", "A1", "typed")).toThrow(/protected/);
    const again = await codeOf(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").protection.protect();
        await ctx.sync();
      }),
    );
    expect(again).toBe("InvalidOperation");
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.protection.unprotect();
      ws.getRange("A1").values = [[1]];
      const p = ws.protection.load("protected");
      await ctx.sync();
      expect(p.protected).toBe(false);
    });
    expect(sim.getValues("Sheet1", "A1")).toEqual([[1]]);
  });

  it("checks the password on unprotect", async () => {
    const sim = createExcelSimulator();
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").protection.protect({}, "secret");
      await ctx.sync();
    });
    const code = await codeOf(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").protection.unprotect("wrong");
        await ctx.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
    expect(sim.isProtected("Sheet1")).toBe(true);
  });
});

describe("tables", () => {
  it("adds a table with headers, names it, adds rows and reads its ranges", async () => {
    const sim = createExcelSimulator();
    sim.setValues("Sheet1", "A1:C2", [
      ["run_id", "accuracy", "status"],
      ["r1", 0.91, "finished"],
    ]);
    await sim.Excel.run(async (ctx) => {
      const t = ctx.workbook.tables.add("Sheet1!A1:C2", true);
      t.name = "Runs";
      t.rows.add(undefined, [
        ["r2", 0.88, "failed"],
        ["r3", 0.93, "finished"],
      ]);
      t.rows.add(0, [["r0", 0.5, "running"]]);
      const header = t.getHeaderRowRange().load("values,address");
      const body = t.getDataBodyRange().load("address");
      const whole = t.getRange().load("address");
      const rows = t.rows.load("count");
      const cols = t.columns.load("items/name");
      t.load("name,style,showTotals");
      await ctx.sync();
      expect(header.values).toEqual([["run_id", "accuracy", "status"]]);
      expect([header.address, body.address, whole.address]).toEqual(["Sheet1!A1:C1", "Sheet1!A2:C5", "Sheet1!A1:C5"]);
      expect(rows.count).toBe(4);
      expect(cols.items.map((c) => c.name)).toEqual(["run_id", "accuracy", "status"]);
      expect([t.name, t.style, t.showTotals]).toEqual(["Runs", "TableStyleMedium2", false]);
    });
    expect(sim.getValues("Sheet1", "A2:A5")).toEqual([["r0"], ["r1"], ["r2"], ["r3"]]);
  });

  it("inserts a header row of Column1..n when hasHeaders is false, and shifts cells below on rows.add", async () => {
    const sim = createExcelSimulator();
    sim.setValues("Sheet1", "A1:B1", [[1, 2]]);
    sim.setValues("Sheet1", "A5", [["below"]]);
    await sim.Excel.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem("Sheet1").tables.add("A1:B1", false);
      t.rows.add(undefined, [
        [3, 4],
        [5, 6],
        [7, 8],
      ]);
      await ctx.sync();
    });
    expect(sim.getValues("Sheet1", "A1:B5")).toEqual([
      ["Column1", "Column2"],
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
    ]);
    // "below" moved down once for the inserted header row and again for the three added rows.
    expect(sim.getValues("Sheet1", "A6:A9")).toEqual([[""], [""], [""], ["below"]]);
  });

  it("gives a header-only table one empty data row (which rows.add does not fill)", async () => {
    const sim = createExcelSimulator();
    sim.setValues("Sheet1", "A1:B1", [["a", "b"]]);
    await sim.Excel.run(async (ctx) => {
      const t = ctx.workbook.tables.add("Sheet1!A1:B1", true);
      t.rows.add(undefined, [[1, 2]]);
      await ctx.sync();
    });
    expect(sim.tables()[0]?.rowCount).toBe(2);
    expect(sim.getValues("Sheet1", "A2:B3")).toEqual([
      ["", ""],
      [1, 2],
    ]);
  });

  it("makes duplicate and empty headers unique like Excel", async () => {
    const sim = createExcelSimulator();
    sim.setValues("Sheet1", "A1:C2", [
      ["x", "x", ""],
      [1, 2, 3],
    ]);
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.tables.add("Sheet1!A1:C2", true);
      await ctx.sync();
    });
    expect(sim.tables()[0]?.headers).toEqual(["x", "x2", "Column3"]);
  });

  it("rejects rows of the wrong width, overlapping tables, duplicate names and bad styles", async () => {
    const sim = createExcelSimulator();
    sim.setValues("Sheet1", "A1:B2", [
      ["a", "b"],
      [1, 2],
    ]);
    sim.addTable("Sheet1", "A1:B2", "Runs");
    const run = (fn: (ctx: Excel.RequestContext) => void) =>
      codeOf(
        sim.Excel.run(async (ctx) => {
          fn(ctx);
          await ctx.sync();
        }),
      );
    expect(await run((ctx) => ctx.workbook.tables.getItem("Runs").rows.add(undefined, [[1, 2, 3]]))).toBe(
      "InvalidArgument",
    );
    expect(await run((ctx) => ctx.workbook.tables.add("Sheet1!B2:C3", true))).toBe("InvalidOperation");
    expect(
      await run((ctx) => {
        const t = ctx.workbook.tables.add("Sheet1!E1:F2", true);
        t.name = "runs";
      }),
    ).toBe("ItemAlreadyExists");
    expect(await run((ctx) => (ctx.workbook.tables.getItem("Runs").style = "Fancy"))).toBe("InvalidArgument");
    expect(await run((ctx) => ctx.workbook.tables.getItem("Nope").load("name"))).toBe("ItemNotFound");
    expect(sim.tables()).toHaveLength(1);
  });

  it("adds columns with values and a name, toggles totals and sets the style", async () => {
    const sim = createExcelSimulator();
    sim.setValues("Sheet1", "A1:A3", [["run_id"], ["r1"], ["r2"]]);
    sim.addTable("Sheet1", "A1:A3", "Runs");
    await sim.Excel.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem("Runs");
      t.columns.add(undefined, [["accuracy"], [0.9], [0.8]]);
      t.columns.add(undefined, undefined, "notes");
      t.showTotals = true;
      t.style = "TableStyleLight9";
      const col = t.columns.getItem("accuracy").getDataBodyRange().load("values");
      await ctx.sync();
      expect(col.values).toEqual([[0.9], [0.8]]);
    });
    const info = sim.getTable("Runs");
    expect(info?.headers).toEqual(["run_id", "accuracy", "notes"]);
    expect(info?.address).toBe("Sheet1!A1:C4");
    expect(info?.style).toBe("TableStyleLight9");
    expect(sim.getValues("Sheet1", "A4")).toEqual([["Total"]]);
  });

  it("finds a table through worksheet.tables, getItemAt and the table's worksheet", async () => {
    const sim = createExcelSimulator();
    sim.setValues("Sheet1", "A1:A2", [["h"], [1]]);
    sim.addTable("Sheet1", "A1:A2", "Runs");
    await sim.Excel.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem("Sheet1").tables.getItemAt(0).load("name");
      const ws = ctx.workbook.tables.getItem("Runs").worksheet.load("name");
      const count = ctx.workbook.tables.getCount();
      await ctx.sync();
      expect([t.name, ws.name, count.value]).toEqual(["Runs", "Sheet1", 1]);
    });
  });
});

describe("names, settings, application", () => {
  it("adds named ranges (ItemAlreadyExists twice) and resolves them", async () => {
    const sim = createExcelSimulator();
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.names.add("BestRun", ctx.workbook.worksheets.getItem("Sheet1").getRange("B2:C2"), "best");
      await ctx.sync();
      const item = ctx.workbook.names.getItem("BestRun").load("type,value,formula");
      const range = ctx.workbook.names.getItem("BestRun").getRange().load("address");
      const missing = ctx.workbook.names.getItemOrNullObject("Nope");
      await ctx.sync();
      expect([item.type, item.value, item.formula]).toEqual(["Range", "Sheet1!B2:C2", "=Sheet1!$B$2:$C$2"]);
      expect(range.address).toBe("Sheet1!B2:C2");
      expect(missing.isNullObject).toBe(true);
    });
    const code = await codeOf(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.names.add("bestrun", "=1");
        await ctx.sync();
      }),
    );
    expect(code).toBe("ItemAlreadyExists");
  });

  it("stores settings as JSON values", async () => {
    const sim = createExcelSimulator();
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.settings.add("runsheet.schema", { version: 2, primary: "accuracy" });
      await ctx.sync();
      const s = ctx.workbook.settings.getItem("runsheet.schema").load("value");
      const none = ctx.workbook.settings.getItemOrNullObject("other");
      await ctx.sync();
      expect(s.value).toEqual({ version: 2, primary: "accuracy" });
      expect(none.isNullObject).toBe(true);
    });
    expect(sim.settings()).toEqual({ "runsheet.schema": { version: 2, primary: "accuracy" } });
  });

  it("suspendApiCalculationUntilNextSync defers recalculation to the end of the sync", async () => {
    const sim = createExcelSimulator();
    sim.setValues("Sheet1", "A1:B1", [[1, "=A1*10"]]);
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").values = [[2]];
      const during = ws.getRange("B1").load("values");
      await ctx.sync();
      expect(during.values).toEqual([[10]]);
      const after = ws.getRange("B1").load("values");
      await ctx.sync();
      expect(after.values).toEqual([[20]]);
    });
    expect(sim.stats.calculationSuspensions).toBe(1);
  });
});

describe("charts (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-charts)", () => {
  function withData() {
    const sim = createExcelSimulator();
    sim.setValues("Sheet1", "A1:C4", [
      ["run", "accuracy", "val_loss"],
      ["r1", 0.9, 0.3],
      ["r2", 0.8, 0.4],
      ["r3", 0.95, 0.2],
    ]);
    return sim;
  }

  it("creates series from the source (names from the header row, categories from the first column)", async () => {
    const sim = withData();
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const chart = ws.charts.add(
        sim.Excel.ChartType.columnClustered,
        ws.getRange("A1:C4"),
        sim.Excel.ChartSeriesBy.auto,
      );
      chart.name = "AccChart";
      chart.title.text = "Accuracy by run";
      chart.axes.categoryAxis.title.text = "run";
      chart.axes.valueAxis.title.text = "score";
      chart.setPosition("E2", "L18");
      const series = chart.series.load("items/name");
      await ctx.sync();
      expect(series.items.map((s) => s.name)).toEqual(["accuracy", "val_loss"]);
    });
    const [c] = sim.charts();
    expect(c).toMatchObject({
      name: "AccChart",
      type: "ColumnClustered",
      title: "Accuracy by run",
      categoryAxisTitle: "run",
      valueAxisTitle: "score",
      left: 4 * 48,
      top: 15,
    });
    expect(c?.series[0]).toEqual({ name: "accuracy", values: [0.9, 0.8, 0.95], xValues: ["r1", "r2", "r3"] });
  });

  it("adds a series with setValues/setXAxisValues, follows later cell edits, gets and deletes charts", async () => {
    const sim = withData();
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const chart = ws.charts.add("XYScatter", ws.getRange("B2:B4"), "Columns");
      chart.name = "Scatter";
      const s = chart.series.add("loss vs acc");
      s.setValues(ws.getRange("C2:C4"));
      s.setXAxisValues(ws.getRange("B2:B4"));
      await ctx.sync();
    });
    sim.userEdit("Sheet1", "C2", 0.35);
    expect(sim.charts()[0]?.series[1]).toEqual({
      name: "loss vs acc",
      values: [0.35, 0.4, 0.2],
      xValues: [0.9, 0.8, 0.95],
    });
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const got = ws.charts.getItem("Scatter").load("chartType");
      const none = ws.charts.getItemOrNullObject("Nope");
      await ctx.sync();
      expect(got.chartType).toBe("XYScatter");
      expect(none.isNullObject).toBe(true);
      ws.charts.getItem("Scatter").delete();
      await ctx.sync();
    });
    expect(sim.charts()).toHaveLength(0);
  });

  it("rejects an unknown chart type and a missing chart", async () => {
    const sim = withData();
    const bad = await codeOf(
      sim.Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.charts.add("Pie3DExploding" as never, ws.getRange("A1:B4"));
        await ctx.sync();
      }),
    );
    expect(bad).toBe("InvalidArgument");
    const missing = await codeOf(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").charts.getItem("Nope").load("name");
        await ctx.sync();
      }),
    );
    expect(missing).toBe("ItemNotFound");
  });
});
