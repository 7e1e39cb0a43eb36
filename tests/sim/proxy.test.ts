/* eslint-disable office-addins/call-sync-after-load --
   these tests read proxies before load/sync on purpose, to prove the simulator throws as Excel does. */
// Proxy-object semantics of the simulator: load/sync, PropertyNotLoaded, collections, null objects,
// ClientResult, Excel.run. Behaviour follows
// https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model
// and https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-core-concepts
import { describe, expect, it } from "vitest";
import { createExcelSimulator } from "../../src/sim";

function setup() {
  const sim = createExcelSimulator();
  sim.addSheet("Runs");
  sim.setValues("Runs", "A1:C3", [
    ["run_id", "accuracy", "status"],
    ["r1", 0.91, "finished"],
    ["r2", 0.88, "failed"],
  ]);
  return sim;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code: string }).code;
  }
  return "no error";
}

describe("load and sync", () => {
  it("throws PropertyNotLoaded before load + sync, with the OfficeExtension.Error shape", async () => {
    const sim = setup();
    await sim.Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Runs").getRange("A1:C3");
      let caught: unknown;
      try {
        void range.values;
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(sim.OfficeExtension.Error);
      expect(caught).toMatchObject({ code: "PropertyNotLoaded", name: "OfficeExtension.Error" });
      range.load("values");
      // Still not synced: still unavailable.
      expect(() => range.values).toThrow(/not available/);
      await ctx.sync();
      expect(range.values[1]).toEqual(["r1", 0.91, "finished"]);
    });
  });

  it("accepts load('a,b'), load(['a']) and load({select}) / object notation", async () => {
    const sim = setup();
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Runs");
      const a = ws.getRange("A1:B1").load("address, rowCount");
      const b = ws.getRange("A2").load(["values"]);
      const c = ws.getRange("B2:B3").load({ select: "columnCount,values" });
      const d = ws.getRange("C2").load({ values: true, format: { fill: { color: true } } } as never);
      await ctx.sync();
      expect([a.address, a.rowCount]).toEqual(["Runs!A1:B1", 1]);
      expect(b.values).toEqual([["r1"]]);
      expect([c.columnCount, c.values]).toEqual([1, [[0.91], [0.88]]]);
      expect(d.values).toEqual([["finished"]]);
      expect(d.format.fill.color).toBe("#FFFFFF");
      // Only what was asked is loaded.
      expect(() => a.values).toThrow(/not available/);
    });
  });

  it("loads nested navigation paths like format/font/bold", async () => {
    const sim = setup();
    await sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Runs").getRange("A1");
      r.format.font.bold = true;
      r.load("format/font/bold, format/fill/color");
      await ctx.sync();
      expect(r.format.font.bold).toBe(true);
    });
  });

  it("rejects loading a property that doesn't exist", async () => {
    const sim = setup();
    const code = await codeOf(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Runs").getRange("A1").load("valuez");
        await ctx.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });

  it("exposes collection items only after load + sync", async () => {
    const sim = setup();
    await sim.Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(() => sheets.items).toThrow(/not available/);
      sheets.load("items/name");
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1", "Runs"]);
      expect(() => sheets.items[0]?.position).toThrow(/not available/);
    });
  });

  it("queues writes until sync: the model is untouched before it", async () => {
    const sim = setup();
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Runs").getRange("A2").values = [["changed"]];
      expect(sim.getValues("Runs", "A2")).toEqual([["r1"]]);
      await ctx.sync();
      expect(sim.getValues("Runs", "A2")).toEqual([["changed"]]);
    });
  });

  it("flushes operations queued after the last sync when Excel.run ends", async () => {
    const sim = setup();
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Runs").getRange("D1").values = [["notes"]];
      return Promise.resolve();
    });
    expect(sim.getValues("Runs", "D1")).toEqual([["notes"]]);
    expect(sim.stats.syncCount).toBe(1);
  });

  it("fails with RunMustReturnPromise when the batch returns no promise", async () => {
    const sim = setup();
    const code = await codeOf(sim.Excel.run((() => undefined) as never));
    expect(code).toBe("RunMustReturnPromise");
  });

  it("rejects objects used after their Excel.run ended (InvalidObjectPath) unless tracked", async () => {
    const sim = setup();
    let range: Excel.Range | undefined;
    let tracked: Excel.Range | undefined;
    await sim.Excel.run(async (ctx) => {
      range = ctx.workbook.worksheets.getItem("Runs").getRange("A1");
      tracked = ctx.workbook.worksheets.getItem("Runs").getRange("B1");
      ctx.trackedObjects.add(tracked);
      await ctx.sync();
    });
    if (!range || !tracked) throw new Error("setup");
    const r = range;
    r.values = [["late"]];
    expect(await codeOf(r.context.sync())).toBe("InvalidObjectPath");
    const t = tracked;
    await sim.Excel.run(t, async (ctx) => {
      t.values = [["tracked ok"]];
      await ctx.sync();
    });
    expect(sim.getValues("Runs", "A1:B1")).toEqual([["run_id", "tracked ok"]]);
    t.untrack();
  });
});

describe("*OrNullObject and ClientResult", () => {
  it("sets isNullObject after sync for missing and existing items", async () => {
    const sim = setup();
    await sim.Excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      const present = ctx.workbook.worksheets.getItemOrNullObject("Runs");
      const table = ctx.workbook.tables.getItemOrNullObject("Runs");
      expect(() => missing.isNullObject).toThrow(/not available/);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(table.isNullObject).toBe(true);
    });
  });

  it("getItem on a missing item fails at sync with ItemNotFound", async () => {
    const sim = setup();
    const code = await codeOf(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Nope").load("name");
        await ctx.sync();
      }),
    );
    expect(code).toBe("ItemNotFound");
  });

  it("getUsedRangeOrNullObject is null on a blank sheet; getUsedRange returns A1", async () => {
    const sim = setup();
    await sim.Excel.run(async (ctx) => {
      const blank = ctx.workbook.worksheets.getItem("Sheet1");
      const nul = blank.getUsedRangeOrNullObject();
      const used = blank.getUsedRange().load("address");
      await ctx.sync();
      expect(nul.isNullObject).toBe(true);
      expect(used.address).toBe("Sheet1!A1");
    });
  });

  it("ClientResult.value is available only after sync", async () => {
    const sim = setup();
    await sim.Excel.run(async (ctx) => {
      const count = ctx.workbook.worksheets.getCount();
      expect(() => count.value).toThrow(/has not been loaded/);
      await ctx.sync();
      expect(count.value).toBe(2);
    });
  });

  it("count on tables, table columns and rows, charts and series: PropertyNotLoaded until loaded, then the size", async () => {
    // https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-count-member
    // (likewise TableColumnCollection, TableRowCollection, ChartCollection, ChartSeriesCollection).
    const sim = setup();
    sim.addTable("Runs", "A1:C3", "Runs");
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Runs");
      const chart = ws.charts.add("ColumnClustered", ws.getRange("A1:B3"), "Columns");
      await ctx.sync();
      const table = ctx.workbook.tables.getItem("Runs");
      const collections = [ctx.workbook.tables, table.columns, table.rows, ws.charts, chart.series];
      for (const c of collections) expect(() => c.count).toThrow(/is not available/);
      for (const c of collections) c.load("count");
      await ctx.sync();
      expect(collections.map((c) => c.count)).toEqual([1, 3, 2, 1, 1]);
    });
  });

  it("track/untrack exist and return the object", async () => {
    const sim = setup();
    await sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Runs").getRange("A1");
      expect(r.track()).toBe(r);
      expect(r.untrack()).toBe(r);
      await ctx.sync();
    });
  });

  it("toJSON returns the loaded properties", async () => {
    const sim = setup();
    await sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Runs").getRange("A1:A2").load("address,values");
      await ctx.sync();
      expect(r.toJSON()).toEqual({ address: "Runs!A1:A2", values: [["run_id"], ["r1"]] });
    });
  });
});
