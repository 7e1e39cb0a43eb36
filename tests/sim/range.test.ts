/* eslint-disable office-addins/call-sync-after-load --
   some tests read proxies before load/sync on purpose, to prove the simulator throws as Excel does. */
// Range behaviour. Values/formulas/parsing follow
// https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-values-member
// ("If the returned value starts with a plus, minus, or equal sign, Excel interprets this value as a formula";
//  locale-shaped strings are stored as text) and
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values
// (a single value sets every cell; dimensions must match otherwise).
import { describe, expect, it } from "vitest";
import { createExcelSimulator } from "../../src/sim";

function fresh() {
  const sim = createExcelSimulator();
  sim.addSheet("Runs");
  return sim;
}

async function write(sim: ReturnType<typeof fresh>, address: string, values: unknown): Promise<void> {
  await sim.Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Runs").getRange(address).values = values as never;
    await ctx.sync();
  });
}

async function errorOf(
  p: Promise<unknown>,
): Promise<{ code: string; debugInfo: { errorLocation?: string; statement?: string; code: string; message: string } }> {
  try {
    await p;
  } catch (e) {
    return e as never;
  }
  throw new Error("expected an error");
}

describe("writing values", () => {
  it("rejects an array whose dimensions don't match the range (InvalidArgument)", async () => {
    const sim = fresh();
    const e = await errorOf(write(sim, "A1:B2", [[1, 2, 3]]));
    expect(e.code).toBe("InvalidArgument");
    expect(e.debugInfo).toMatchObject({ code: "InvalidArgument", errorLocation: "Range.values" });
    expect(e.debugInfo.statement).toContain("values");
  });

  it("fills every cell when given a single (non-array) value", async () => {
    const sim = fresh();
    await write(sim, "A1:B2", "x");
    expect(sim.getValues("Runs", "A1:B2")).toEqual([
      ["x", "x"],
      ["x", "x"],
    ]);
  });

  it("turns strings starting with = into formulas, evaluated, with formulas kept", async () => {
    const sim = fresh();
    await write(sim, "A1:C1", [[2, 3, "=A1*B1+1"]]);
    expect(sim.getValues("Runs", "C1")).toEqual([[7]]);
    expect(sim.getFormulas("Runs", "C1")).toEqual([["=A1*B1+1"]]);
  });

  it("treats + and - led text as formulas (documented) and rejects ones that don't parse", async () => {
    const sim = fresh();
    await write(sim, "A1:B1", [[5, "+A1*2"]]);
    expect(sim.getFormulas("Runs", "B1")).toEqual([["=+A1*2"]]);
    expect(sim.getValues("Runs", "B1")).toEqual([[10]]);
    const e = await errorOf(write(sim, "C1", [["-not a formula"]]));
    expect(e.code).toBe("InvalidArgument");
  });

  it("recalculates formulas when their inputs change and reports #DIV/0! as an error value", async () => {
    const sim = fresh();
    await write(sim, "A1:C1", [[1, 0, "=A1/B1"]]);
    expect(sim.getValues("Runs", "C1")).toEqual([["#DIV/0!"]]);
    await write(sim, "B1", [[4]]);
    expect(sim.getValues("Runs", "C1")).toEqual([[0.25]]);
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Runs").getRange("B1").values = [[0]];
      const r = ctx.workbook.worksheets.getItem("Runs").getRange("C1").load("valueTypes,text");
      await ctx.sync();
      expect(r.valueTypes).toEqual([["Error"]]);
      expect(r.text).toEqual([["#DIV/0!"]]);
    });
  });

  it("parses number-like strings as numbers but keeps locale-shaped text like '0,91'", async () => {
    const sim = fresh();
    await write(sim, "A1:E1", [["0.91", "1e3", "0,91", "TRUE", "1,234"]]);
    expect(sim.getValues("Runs", "A1:E1")).toEqual([[0.91, 1000, "0,91", true, 1234]]);
  });

  it("keeps exact text in cells formatted as Text (@), including = and leading zeros", async () => {
    const sim = fresh();
    await sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Runs").getRange("A1:C1");
      r.numberFormat = [["@", "@", "@"]];
      r.values = [["007", "=1+1", "-5"]];
      r.load("values,valueTypes");
      await ctx.sync();
      expect(r.values).toEqual([["007", "=1+1", "-5"]]);
      expect(r.valueTypes).toEqual([["String", "String", "String"]]);
    });
    expect(sim.getFormulas("Runs", "B1")).toEqual([["=1+1"]]);
    expect(sim.getCell("Runs", "B1")?.f).toBeUndefined();
  });

  it("clears a cell with an empty string and leaves cells given null unchanged", async () => {
    const sim = fresh();
    await write(sim, "A1:B1", [["a", "b"]]);
    await write(sim, "A1:B1", [["", null]]);
    expect(sim.getValues("Runs", "A1:B1")).toEqual([["", "b"]]);
    expect(sim.getCell("Runs", "A1")).toBeUndefined();
  });

  it("parses percentages and ISO dates as Excel does (with an automatic number format)", async () => {
    const sim = fresh();
    await write(sim, "A1:B1", [["50%", "2024-01-05"]]);
    expect(sim.getValues("Runs", "A1:B1")).toEqual([[0.5, 45296]]);
    expect(sim.getText("Runs", "A1:B1")).toEqual([["50%", "1/5/2024"]]);
  });

  it("rejects non-finite numbers", async () => {
    const sim = fresh();
    expect((await errorOf(write(sim, "A1", [[Number.NaN]]))).code).toBe("InvalidArgument");
  });
});

describe("reading", () => {
  it("reports address with the sheet name, indexes and counts", async () => {
    const sim = fresh();
    await sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets
        .getItem("Runs")
        .getRange("B2:D5")
        .load("address,rowIndex,columnIndex,rowCount,columnCount,cellCount");
      await ctx.sync();
      expect([r.address, r.rowIndex, r.columnIndex, r.rowCount, r.columnCount, r.cellCount]).toEqual([
        "Runs!B2:D5",
        1,
        1,
        4,
        3,
        12,
      ]);
    });
  });

  it("formats text by number format", async () => {
    const sim = fresh();
    await sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Runs").getRange("A1:C1");
      r.values = [[0.91234, 0.5, 1234.5]];
      r.numberFormat = [["0.00", "0.0%", "#,##0.00"]];
      r.load("text,numberFormat");
      await ctx.sync();
      expect(r.text).toEqual([["0.91", "50.0%", "1,234.50"]]);
      expect(r.numberFormat).toEqual([["0.00", "0.0%", "#,##0.00"]]);
    });
  });

  it("derives ranges: getCell, getResizedRange, getOffsetRange, getRowsBelow, entire row/column, getLastRow", async () => {
    const sim = fresh();
    await sim.Excel.run(async (ctx) => {
      const base = ctx.workbook.worksheets.getItem("Runs").getRange("B2:C3");
      const list = [
        base.getCell(1, 1),
        base.getResizedRange(2, 1),
        base.getOffsetRange(1, -1),
        base.getRowsBelow(2),
        base.getEntireRow(),
        base.getEntireColumn(),
        base.getLastRow(),
        base.getColumnsAfter(),
        base.getRowsAbove(),
      ].map((r) => r.load("address"));
      await ctx.sync();
      expect(list.map((r) => r.address)).toEqual([
        "Runs!C3",
        "Runs!B2:D5",
        "Runs!A3:B4",
        "Runs!B4:C5",
        "Runs!2:3",
        "Runs!B:C",
        "Runs!B3:C3",
        "Runs!D2:D3",
        "Runs!B1:C1",
      ]);
    });
  });

  it("fails when a derived range falls off the sheet", async () => {
    const sim = fresh();
    const e = await errorOf(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Runs").getRange("A1").getOffsetRange(-1, 0).load("address");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
  });

  it("getRangeByIndexes and worksheet.getCell address the same cells", async () => {
    const sim = fresh();
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Runs");
      const a = ws.getRangeByIndexes(1, 2, 3, 2).load("address");
      const b = ws.getCell(4, 0).load("address");
      await ctx.sync();
      expect([a.address, b.address]).toEqual(["Runs!C2:D4", "Runs!A5"]);
    });
  });

  it("rejects an invalid address with InvalidArgument", async () => {
    const sim = fresh();
    const e = await errorOf(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Runs").getRange("A0:ZZZZ1").load("values");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
  });

  it("getUsedRange(valuesOnly) ignores formatted-but-empty cells", async () => {
    const sim = fresh();
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Runs");
      ws.getRange("A1:B2").values = [
        [1, 2],
        [3, 4],
      ];
      ws.getRange("E9").format.fill.color = "#FFFF00";
      const all = ws.getUsedRange().load("address");
      const vals = ws.getUsedRange(true).load("address");
      await ctx.sync();
      expect([all.address, vals.address]).toEqual(["Runs!A1:E9", "Runs!A1:B2"]);
    });
  });

  it("a range's used range holds only its own used cells, not the blank rows between it and the sheet's", async () => {
    // https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getusedrange-member(1)
    const sim = fresh();
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Runs");
      ws.getRange("A1:B1").values = [["id", "x"]];
      ws.getRange("A6").values = [["below"]];
      const blank = ws.getRange("A2:B4").getUsedRangeOrNullObject(true);
      const part = ws.getRange("A2:C7").getUsedRange(true).load("address");
      await ctx.sync();
      expect(blank.isNullObject).toBe(true);
      expect(part.address).toBe("Runs!A6");
    });
  });
});

describe("insert, delete, clear", () => {
  it("inserts rows shifting cells down and deletes shifting up", async () => {
    const sim = fresh();
    await write(sim, "A1:A3", [["a"], ["b"], ["c"]]);
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Runs").getRange("2:2").insert("Down");
      await ctx.sync();
    });
    expect(sim.getValues("Runs", "A1:A4")).toEqual([["a"], [""], ["b"], ["c"]]);
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Runs").getRange("A1:A2").delete("Up");
      await ctx.sync();
    });
    expect(sim.getValues("Runs", "A1:A2")).toEqual([["b"], ["c"]]);
  });

  it("clear('Contents') keeps formatting, clear() removes everything", async () => {
    const sim = fresh();
    await sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Runs").getRange("A1:B1");
      r.values = [["x", "y"]];
      r.format.fill.color = "#FF0000";
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Runs").getRange("A1").clear("Contents");
      ctx.workbook.worksheets.getItem("Runs").getRange("B1").clear();
      await ctx.sync();
    });
    expect(sim.getCell("Runs", "A1")).toEqual({ v: "", fill: "#FF0000" });
    expect(sim.getCell("Runs", "B1")).toBeUndefined();
  });

  it("select() makes the range the selection and activates its sheet", async () => {
    const sim = fresh();
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Runs").getRange("C3:D4").select();
      await ctx.sync();
      const sel = ctx.workbook.getSelectedRange().load("address");
      await ctx.sync();
      expect(sel.address).toBe("Runs!C3:D4");
    });
    expect(sim.activeSheet()).toBe("Runs");
  });
});

describe("format", () => {
  it("sets fill, font and column width; reads a mixed fill as null", async () => {
    const sim = fresh();
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Runs");
      ws.getRange("A1").format.fill.color = "yellow";
      ws.getRange("A1").format.font.bold = true;
      ws.getRange("A1").format.font.color = "#C00000";
      ws.getRange("A1:C1").format.columnWidth = 90;
      const mixed = ws.getRange("A1:B1").format.fill.load("color");
      await ctx.sync();
      expect(mixed.color).toBeNull();
    });
    expect(sim.getCell("Runs", "A1")).toMatchObject({ fill: "#FFFF00", bold: true, color: "#C00000" });
    expect(sim.columnWidth("Runs", 2)).toBe(90);
  });

  it("rejects colours Excel doesn't accept", async () => {
    const sim = fresh();
    const e = await errorOf(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Runs").getRange("A1").format.fill.color = "not-a-colour";
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
  });

  it("autofitColumns widens a column to its longest text", async () => {
    const sim = fresh();
    await write(sim, "A1:A2", [["short"], ["a considerably longer piece of text"]]);
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Runs").getRange("A:A").format.autofitColumns();
      await ctx.sync();
    });
    expect(sim.columnWidth("Runs", 0)).toBeGreaterThan(48 * 2);
  });
});

describe("conditional formats (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-conditional-formatting)", () => {
  it("evaluates a custom formula per row and a cell-value rule", async () => {
    const sim = fresh();
    await write(sim, "A1:B3", [
      ["status", "acc"],
      ["failed", 0.4],
      ["finished", 0.9],
    ]);
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Runs");
      const custom = ws.getRange("A2:B3").conditionalFormats.add(sim.Excel.ConditionalFormatType.custom);
      custom.custom.rule.formula = '=$A2="failed"';
      custom.custom.format.fill.color = "#FFC7CE";
      const cv = ws.getRange("B2:B3").conditionalFormats.add(sim.Excel.ConditionalFormatType.cellValue);
      cv.cellValue.format.font.color = "#006100";
      cv.cellValue.rule = { formula1: "=0.8", operator: "GreaterThan" };
      await ctx.sync();
      const cfs = ws.getRange("A1:B3").conditionalFormats.load("items/type");
      await ctx.sync();
      expect(cfs.items.map((c) => c.type).sort()).toEqual(["CellValue", "Custom"]);
    });
    expect(sim.displayStyle("Runs", 1, 0).fill).toBe("#FFC7CE");
    expect(sim.displayStyle("Runs", 1, 1).fill).toBe("#FFC7CE");
    expect(sim.displayStyle("Runs", 2, 0).fill).toBeUndefined();
    expect(sim.displayStyle("Runs", 2, 1).color).toBe("#006100");
    expect(sim.displayStyle("Runs", 1, 1).color).toBeUndefined();
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Runs").getRange("A1:B3").conditionalFormats.clearAll();
      await ctx.sync();
    });
    expect(sim.conditionalFormats("Runs")).toHaveLength(0);
  });

  it("rejects a custom rule formula without '='", async () => {
    const sim = fresh();
    const e = await errorOf(
      sim.Excel.run(async (ctx) => {
        const cf = ctx.workbook.worksheets.getItem("Runs").getRange("A1").conditionalFormats.add("Custom");
        cf.custom.rule.formula = "A1>1";
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
  });
});

describe("data validation (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-data-validation)", () => {
  it("sets list and decimal rules, reports validity and clears", async () => {
    const sim = fresh();
    await write(sim, "A1:B2", [
      ["finished", 0.5],
      ["finshed", 1.5],
    ]);
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Runs");
      ws.getRange("A1:A2").dataValidation.rule = { list: { inCellDropDown: true, source: "running,finished,failed" } };
      ws.getRange("B1:B2").dataValidation.rule = {
        decimal: { formula1: 0, formula2: 1, operator: sim.Excel.DataValidationOperator.between },
      };
      const a = ws.getRange("A1").dataValidation.load("type,valid");
      const aa = ws.getRange("A1:A2").dataValidation.load("valid");
      const b = ws.getRange("B1:B2").dataValidation.load("type,valid,rule");
      await ctx.sync();
      expect([a.type, a.valid, aa.valid]).toEqual(["List", true, false]);
      expect([b.type, b.valid]).toEqual(["Decimal", false]);
      expect(b.rule).toEqual({ decimal: { formula1: 0, formula2: 1, operator: "Between" } });
      ws.getRange("A1:B2").dataValidation.clear();
      await ctx.sync();
    });
    expect(sim.validations("Runs")).toHaveLength(0);
  });

  it("rejects a rule with no or several rule types", async () => {
    const sim = fresh();
    const e = await errorOf(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Runs").getRange("A1").dataValidation.rule = {};
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
  });
});

describe("formula references follow moved cells (https://support.microsoft.com/office/insert-or-delete-rows-and-columns-6f40e6e4-85af-45e0-b39d-65dd504a3246)", () => {
  it("shifts references past an inserted row and column", async () => {
    const sim = fresh();
    await write(sim, "A1:A3", [[1], [2], ["=SUM(A1:A2)*Runs!A2"]]);
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Runs");
      ws.getRange("2:2").insert("Down");
      ws.getRange("A:A").insert("Right");
      await ctx.sync();
    });
    expect(sim.getFormulas("Runs", "B4")).toEqual([["=SUM(B1:B3)*Runs!B3"]]);
    expect(sim.getValues("Runs", "B4")).toEqual([[6]]);
  });

  it("turns a reference to a deleted cell into #REF! and shrinks ranges", async () => {
    const sim = fresh();
    await write(sim, "A1:A4", [[1], [2], [3], ["=SUM(A1:A3)"]]);
    await write(sim, "B1", [["=A2*10"]]);
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Runs").getRange("A2").delete("Up");
      await ctx.sync();
    });
    expect(sim.getFormulas("Runs", "A3:B3")).toEqual([["=SUM(A1:A2)", ""]]);
    expect(sim.getValues("Runs", "A3")).toEqual([[4]]);
    expect(sim.getFormulas("Runs", "B1")).toEqual([["=#REF!*10"]]);
    expect(sim.getValues("Runs", "B1")).toEqual([["#REF!"]]);
  });
});
