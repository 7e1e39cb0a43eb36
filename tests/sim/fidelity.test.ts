// Behaviours found by measuring what add-ins meet in Excel, each with the page it follows.
import { describe, expect, it } from "vitest";
import { HOST_PROFILES, createExcelSimulator, isSetSupported } from "../../src/sim";

async function errorOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as never;
  }
  throw new Error("expected an error");
}

describe("numbers written into Text-formatted cells (number format codes: @ is text)", () => {
  it("become text, as Excel stores a number typed into a Text cell", async () => {
    const sim = createExcelSimulator();
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:D1").numberFormat = [["@", "@", "@", "General"]];
      ws.getRange("A1:D1").values = [[0.91, true, 0.1 + 0.2, 0.91]];
      await ctx.sync();
    });
    expect(sim.getValues("Sheet1", "A1:D1")).toEqual([["0.91", "TRUE", "0.3", 0.91]]);
    expect(sim.getText("Sheet1", "A1:C1")).toEqual([["0.91", "TRUE", "0.3"]]);
  });

  it("a number needs the General format first to be stored as a number", async () => {
    const sim = createExcelSimulator();
    await sim.Excel.run(async (ctx) => {
      const cell = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      cell.numberFormat = [["@"]];
      cell.values = [[7]];
      cell.numberFormat = [["General"]];
      cell.values = [[7]];
      await ctx.sync();
    });
    expect(sim.getValues("Sheet1", "A1")).toEqual([[7]]);
  });
});

describe("new table rows take their column's number format (resize a table)", () => {
  it("rows.add keeps a Text column Text and a percent column percent", async () => {
    const sim = createExcelSimulator();
    sim.setValues("Sheet1", "A1:B1", [["run_id", "accuracy"]]);
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A2:B2").numberFormat = [["@", "0.0%"]];
      ws.getRange("A2:B2").values = [["001", 0.5]];
      const table = ws.tables.add("A1:B2", true);
      table.rows.add(undefined, [["007", 0.25]]);
      await ctx.sync();
    });
    expect(sim.getValues("Sheet1", "A3:B3")).toEqual([["007", 0.25]]);
    expect(sim.getNumberFormats("Sheet1", "A3:B3")).toEqual([["@", "0.0%"]]);
    expect(sim.getText("Sheet1", "B3")).toEqual([["25.0%"]]);
  });

  it("rows inserted at the top take the format of the first data row", async () => {
    const sim = createExcelSimulator();
    sim.setValues("Sheet1", "A1", [["id"]]);
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A2").numberFormat = [["@"]];
      ws.getRange("A2").values = [["002"]];
      ws.tables.add("A1:A2", true).rows.add(0, [["001"]]);
      await ctx.sync();
    });
    expect(sim.getValues("Sheet1", "A2:A3")).toEqual([["001"], ["002"]]);
  });
});

describe("the old host profile (requirement-set tables)", () => {
  it("is a build with ExcelApi 1.7 and without ribbon commands", () => {
    const old = HOST_PROFILES.old;
    expect(old.version).toBe("16.0.9001.2171");
    expect(isSetSupported(old, "ExcelApi", "1.7")).toBe(true);
    expect(isSetSupported(old, "ExcelApi", "1.8")).toBe(false);
    expect(
      (["web", "windows", "mac", "old"] as const).map((h) => isSetSupported(HOST_PROFILES[h], "AddinCommands", "1.1")),
    ).toEqual([true, true, true, false]);
    const { Office } = createExcelSimulator({ host: "old" });
    expect(Office.context.diagnostics.version).toBe("16.0.9001.2171");
  });
});

describe("cell-edit mode by host", () => {
  const write = (sim: ReturnType<typeof createExcelSimulator>, options?: { delayForCellEdit: boolean }) => {
    const batch = async (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await ctx.sync();
    };
    return options ? sim.Excel.run(options, batch) : sim.Excel.run(batch);
  };

  it("an ExcelApi 1.7 build fails with InvalidOperation and says it is editing", async () => {
    const sim = createExcelSimulator({ host: "old" });
    sim.setCellEditMode(true);
    const e = await errorOf(write(sim));
    expect(e.code).toBe("InvalidOperation");
    expect(e.message).toMatch(/cell-editing mode/);
  });

  it("delayForCellEdit (ExcelApi 1.11) waits on a current host and is ignored by the old one", async () => {
    const old = createExcelSimulator({ host: "old" });
    old.setCellEditMode(true);
    expect((await errorOf(write(old, { delayForCellEdit: true }))).code).toBe("InvalidOperation");
    const web = createExcelSimulator();
    web.setCellEditMode(true);
    const waiting = write(web, { delayForCellEdit: true });
    await new Promise((r) => setTimeout(r, 5));
    expect(web.getValues("Sheet1", "A1")).toEqual([[""]]);
    web.setCellEditMode(false);
    await waiting;
    expect(web.getValues("Sheet1", "A1")).toEqual([[1]]);
  });
});

describe("a filtered table (AutoFilter)", () => {
  const filtered = () => {
    const sim = createExcelSimulator();
    sim.setValues("Sheet1", "A1:B5", [
      ["run_id", "status"],
      ["r1", "finished"],
      ["r2", "failed"],
      ["r3", "finished"],
      ["r4", "failed"],
    ]);
    sim.addTable("Sheet1", "A1:B5", "Runs");
    sim.userFilter("Runs", 1, ["finished"]);
    return sim;
  };

  it("hides the rows the filter leaves out (Range.rowHidden: true, false, null when mixed)", async () => {
    const sim = filtered();
    const hidden = await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const ranges = ["A3", "A2", "A2:A5"].map((a) => ws.getRange(a).load("rowHidden"));
      const filter = ctx.workbook.tables.getItem("Runs").autoFilter.load("isDataFiltered");
      await ctx.sync();
      return [...ranges.map((r) => r.rowHidden), filter.isDataFiltered];
    });
    expect(hidden).toEqual([true, false, null, true]);
  });

  it("deleting rows under a filter succeeds and removes nothing (office-js issue 994)", async () => {
    const sim = filtered();
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A4:B5").delete("Up");
      ctx.workbook.tables.getItem("Runs").rows.getItemAt(0).delete();
      await ctx.sync();
    });
    expect(sim.getTable("Runs")?.rowCount).toBe(4);
    expect(sim.getValues("Sheet1", "A2:A5")).toEqual([["r1"], ["r2"], ["r3"], ["r4"]]);
  });

  it("once the filter is cleared (clearFilters or autoFilter.clearCriteria), deleting works again", async () => {
    for (const clear of ["clearFilters", "clearCriteria"] as const) {
      const sim = filtered();
      await sim.Excel.run(async (ctx) => {
        const table = ctx.workbook.tables.getItem("Runs");
        if (clear === "clearFilters") table.clearFilters();
        else table.autoFilter.clearCriteria();
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A4:B5").delete("Up");
        await ctx.sync();
      });
      expect(sim.getTable("Runs")?.rowCount).toBe(2);
    }
  });

  it("autoFilter.apply with Values criteria filters like the user does", async () => {
    const sim = filtered();
    sim.userFilter("Runs", 1, null);
    const hidden = await sim.Excel.run(async (ctx) => {
      const table = ctx.workbook.tables.getItem("Runs");
      table.autoFilter.apply(table.getRange(), 0, { filterOn: "Values", values: ["r2"] });
      const rows = ["A2", "A3"].map((a) => ctx.workbook.worksheets.getItem("Sheet1").getRange(a).load("rowHidden"));
      await ctx.sync();
      return rows.map((r) => r.rowHidden);
    });
    expect(hidden).toEqual([true, false]);
  });
});

describe("table AutoExpansion (resize a table: type just below or to the right)", () => {
  const runs = (options: { tableAutoExpansion?: boolean } = {}) => {
    const sim = createExcelSimulator(options);
    sim.setValues("Sheet1", "A1:B2", [
      ["run_id", "status"],
      ["r1", "finished"],
    ]);
    sim.addTable("Sheet1", "A1:B2", "Runs");
    return sim;
  };

  it("a row typed or pasted directly below joins the table, with the column's number format", async () => {
    const sim = runs();
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A2").numberFormat = [["@"]];
      await ctx.sync();
    });
    sim.userEdit("Sheet1", "B3", "running");
    expect(sim.getTable("Runs")?.address).toBe("Sheet1!A1:B3");
    expect(sim.getNumberFormats("Sheet1", "A3")).toEqual([["@"]]);
    sim.userPaste("Sheet1", "A4", "r3\tfinished\nr4\tfaild\n");
    expect(sim.getTable("Runs")?.address).toBe("Sheet1!A1:B5");
  });

  it("a value typed in the column to the right adds a column (a co-author's too)", () => {
    const sim = runs();
    sim.coAuthorEdit("Sheet1", "C1", "accuracy");
    expect(sim.getTable("Runs")?.headers).toEqual(["run_id", "status", "accuracy"]);
    sim.userEdit("Sheet1", "D2", 0.5);
    expect(sim.getTable("Runs")?.headers).toEqual(["run_id", "status", "accuracy", "Column4"]);
  });

  it("a paste to the right adds every column up to the last filled one, over the table's rows only", () => {
    const sim = runs();
    sim.userPaste("Sheet1", "C1", "accuracy\tloss\n0.7\t0.4\n0.8\t0.3\n");
    // Row 3 of the paste lies below the table, not beside it: the table grows sideways only.
    expect(sim.getTable("Runs")?.address).toBe("Sheet1!A1:D2");
    expect(sim.getTable("Runs")?.headers).toEqual(["run_id", "status", "accuracy", "loss"]);
  });

  it("does not grow into a gap column or into another table, either way", () => {
    const gap = runs();
    gap.userEdit("Sheet1", "D1", "later");
    expect(gap.getTable("Runs")?.address).toBe("Sheet1!A1:B2");
    const beside = runs();
    beside.setValues("Sheet1", "D1:D2", [["other"], ["x"]]);
    beside.addTable("Sheet1", "D1:D2", "Other");
    beside.userPaste("Sheet1", "C1", "accuracy\tmore\n");
    expect(beside.getTable("Runs")?.address).toBe("Sheet1!A1:B2");
    const below = runs();
    below.setValues("Sheet1", "A4:B5", [
      ["other", "more"],
      ["x", "y"],
    ]);
    below.addTable("Sheet1", "A4:B5", "Other");
    below.userPaste("Sheet1", "A3", "r2\tfinished\nr3\tfinished\n");
    expect(below.getTable("Runs")?.address).toBe("Sheet1!A1:B2");
  });

  it("does not expand for add-in writes, blank entries, a gap row, or with the option off", async () => {
    const sim = runs();
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A3:B3").values = [["r2", "finished"]];
      await ctx.sync();
    });
    sim.userEdit("Sheet1", "A5", "r9");
    expect(sim.getTable("Runs")?.address).toBe("Sheet1!A1:B2");
    const off = runs({ tableAutoExpansion: false });
    off.userPaste("Sheet1", "A3", "r2\tfinished");
    expect(off.getTable("Runs")?.address).toBe("Sheet1!A1:B2");
    const blank = runs();
    blank.userEdit("Sheet1", "A3", "");
    expect(blank.getTable("Runs")?.address).toBe("Sheet1!A1:B2");
  });
});
