// Merged cells, as documented:
// https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-merge-member(1)
// https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)
// https://learn.microsoft.com/javascript/api/excel/excel.rangeareas
import { describe, expect, it } from "vitest";
import { createExcelSimulator } from "../../src/sim";

function fresh(host: "web" | "old" = "web") {
  const sim = createExcelSimulator({ host });
  sim.addSheet("Lab");
  sim.setValues("Lab", "A1:C2", [
    ["Dogs vs cats", "stray", "x"],
    ["run_id", "model", "acc"],
  ]);
  return sim;
}

describe("Range.merge / unmerge / getMergedAreasOrNullObject", () => {
  it("merges a block, keeps only the upper-left value, and reports it as a RangeAreas", async () => {
    const sim = fresh();
    const read = await sim.Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Lab");
      sheet.getRange("A1:C1").merge();
      const areas = sheet.getRange("A1:F5").getMergedAreasOrNullObject();
      areas.load("address,areaCount,cellCount");
      areas.areas.load("items/address");
      await ctx.sync();
      return {
        isNull: areas.isNullObject,
        address: areas.address,
        count: areas.areaCount,
        cells: areas.cellCount,
        items: areas.areas.items.map((r) => r.address),
      };
    });
    expect(read).toEqual({
      isNull: false,
      address: "Lab!A1:C1",
      count: 1,
      cells: 3,
      items: ["Lab!A1:C1"],
    });
    expect(sim.getValues("Lab", "A1:C2")).toEqual([
      ["Dogs vs cats", "", ""],
      ["run_id", "model", "acc"],
    ]);
    expect(sim.mergedAreas("Lab")).toEqual(["A1:C1"]);
  });

  it("merge(true) merges each row separately; the address lists every block with its sheet", async () => {
    const sim = fresh();
    const address = await sim.Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Lab");
      sheet.getRange("E1:F2").merge(true);
      const areas = sheet.getRange("A1:Z9").getMergedAreasOrNullObject();
      areas.load("address");
      await ctx.sync();
      return areas.address;
    });
    expect(address).toBe("Lab!E1:F1, Lab!E2:F2");
  });

  it("is a null object over a range without merged cells, and unmerge removes the areas", async () => {
    const sim = fresh();
    const out = await sim.Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Lab");
      sheet.getRange("A1:C1").merge();
      const below = sheet.getRange("A2:C9").getMergedAreasOrNullObject();
      below.load("address");
      await ctx.sync();
      sheet.getRange("B1").unmerge();
      const after = sheet.getRange("A1:C9").getMergedAreasOrNullObject();
      after.load("address");
      await ctx.sync();
      return { below: below.isNullObject, after: after.isNullObject };
    });
    expect(out).toEqual({ below: true, after: true });
    expect(sim.mergedAreas("Lab")).toEqual([]);
  });

  it("a failed batch leaves no merge behind (atomic sync)", async () => {
    const sim = fresh();
    sim.faults.failSync(1, "GeneralException");
    await expect(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Lab").getRange("A1:C1").merge();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
    expect(sim.mergedAreas("Lab")).toEqual([]);
    expect(sim.getValues("Lab", "B1")).toEqual([["stray"]]);
  });

  it("getMergedAreasOrNullObject needs ExcelApi 1.13 (ApiNotFound on an older host)", async () => {
    const sim = fresh("old");
    await expect(
      sim.Excel.run(async (ctx) => {
        const areas = ctx.workbook.worksheets.getItem("Lab").getRange("A1:C3").getMergedAreasOrNullObject();
        areas.load("address");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("merged areas and inserted rows", () => {
  it("move down with their cells when rows are inserted above", async () => {
    const sim = fresh();
    await sim.Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Lab");
      sheet.getRange("A1:C1").merge();
      sheet.getRange("1:2").insert("Down");
      await ctx.sync();
    });
    expect(sim.mergedAreas("Lab")).toEqual(["A3:C3"]);
  });
});
