// Host behaviour: atomic syncs, limits, cell-edit mode, statistics, fault injection, co-authoring,
// events and requirement sets.
import { describe, expect, it } from "vitest";
import { HOST_PROFILES, createExcelSimulator, type SimChangedEventArgs } from "../../src/sim";

async function errorOf(
  p: Promise<unknown>,
): Promise<{ code: string; message: string; debugInfo: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    return e as never;
  }
  throw new Error("expected an error");
}

describe("atomic sync and fault injection", () => {
  it("an injected failure rolls back every write of that sync (none applied)", async () => {
    const sim = createExcelSimulator();
    sim.setValues("Sheet1", "A1", "before");
    sim.faults.failSync(1, "GeneralException");
    const e = await errorOf(
      sim.Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A1").values = [["after"]];
        ctx.workbook.worksheets.add("New");
        ws.getRange("B1").format.fill.color = "#FF0000";
        ctx.workbook.tables.add("Sheet1!A1:B2", true);
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("GeneralException");
    expect(e.debugInfo).toMatchObject({ code: "GeneralException", errorLocation: "RequestContext.sync" });
    expect(sim.getValues("Sheet1", "A1")).toEqual([["before"]]);
    expect(sim.sheetNames()).toEqual(["Sheet1"]);
    expect(sim.getCell("Sheet1", "B1")).toBeUndefined();
    expect(sim.tables()).toHaveLength(0);
    expect(sim.stats.lastRequest).toMatchObject({ ok: false, errorCode: "GeneralException" });
  });

  it("a failing operation in the middle undoes the ones before it, and later syncs work", async () => {
    const sim = createExcelSimulator();
    const e = await errorOf(
      sim.Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A1").values = [["first"]];
        ws.getRange("A2:B2").values = [["too", "many", "values"]];
        ws.getRange("A3").values = [["third"]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    expect(sim.getValues("Sheet1", "A1:A3")).toEqual([[""], [""], [""]]);
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["ok"]];
      await ctx.sync();
    });
    expect(sim.getValues("Sheet1", "A1")).toEqual([["ok"]]);
  });

  it("fails only the nth upcoming sync", async () => {
    const sim = createExcelSimulator();
    sim.faults.failSync(2, "ItemNotFound", "simulated");
    await sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.values = [[1]];
      await ctx.sync();
      r.values = [[2]];
      const e = await errorOf(ctx.sync());
      expect(e.code).toBe("ItemNotFound");
      expect(e.message).toContain("simulated");
      r.values = [[3]];
      await ctx.sync();
    });
    expect(sim.getValues("Sheet1", "A1")).toEqual([[3]]);
    expect(sim.faults.pending).toHaveLength(0);
  });
});

describe("limits (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins)", () => {
  it("rejects a request over 5 MB with RequestPayloadSizeLimitExceeded and writes nothing", async () => {
    const sim = createExcelSimulator();
    const rows = 60_000;
    const big = Array.from({ length: rows }, (_, i) => [`run-${i}`, "x".repeat(80)]);
    const e = await errorOf(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange(`A1:B${rows}`).values = big;
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(sim.usedAddress("Sheet1")).toBeNull();
    expect(sim.stats.lastRequest?.bytes).toBeGreaterThan(5 * 1024 * 1024);
  });

  it("accepts the same data split into chunks under the limit", async () => {
    const sim = createExcelSimulator();
    const rows = 60_000;
    const chunk = 20_000;
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      for (let start = 0; start < rows; start += chunk) {
        ws.getRange(`A${start + 1}:B${start + chunk}`).values = Array.from({ length: chunk }, (_, i) => [
          `run-${start + i}`,
          "x".repeat(80),
        ]);
        await ctx.sync();
      }
    });
    expect(sim.usedAddress("Sheet1")).toBe("A1:B60000");
    expect(Math.max(...sim.stats.requests.map((r) => r.bytes))).toBeLessThan(5 * 1024 * 1024);
  });

  it("rejects a response over the limit (ResponsePayloadSizeLimitExceeded)", async () => {
    const sim = createExcelSimulator({ payloadLimitBytes: 1000 });
    sim.setValues("Sheet1", "A1:A100", "0123456789");
    const e = await errorOf(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A100").load("values");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ResponsePayloadSizeLimitExceeded");
  });
});

describe("cell-edit mode (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling)", () => {
  it("fails syncs with InvalidOperationInCellEditMode while the user edits a cell", async () => {
    const sim = createExcelSimulator();
    sim.setCellEditMode(true);
    const e = await errorOf(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidOperationInCellEditMode");
  });

  it("Excel.run({ delayForCellEdit: true }) waits until the edit ends", async () => {
    const sim = createExcelSimulator();
    sim.setCellEditMode(true);
    let done = false;
    const run = sim.Excel.run({ delayForCellEdit: true }, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await ctx.sync();
      done = true;
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(done).toBe(false);
    sim.setCellEditMode(false);
    await run;
    expect(sim.getValues("Sheet1", "A1")).toEqual([[1]]);
  });
});

describe("statistics", () => {
  it("counts syncs, bytes and writes per sync; empty syncs carry no bytes", async () => {
    const sim = createExcelSimulator();
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B2").values = [
        [1, 2],
        [3, 4],
      ];
      ws.getRange("A1").format.font.bold = true;
      ws.getRange("A1:B2").load("values");
      await ctx.sync();
      await ctx.sync();
    });
    expect(sim.stats.syncCount).toBe(2);
    expect(sim.stats.writesPerSync).toEqual([2, 0]);
    expect(sim.stats.requests[0]?.loads).toBe(1);
    expect(sim.stats.requests[0]?.bytes).toBeGreaterThan(
      JSON.stringify([
        [1, 2],
        [3, 4],
      ]).length,
    );
    expect(sim.stats.requests[1]?.bytes).toBe(0);
    sim.stats.reset();
    expect(sim.stats.syncCount).toBe(0);
  });
});

describe("co-authoring (https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins)", () => {
  it("applies a co-author's edit between two syncs of the add-in", async () => {
    const sim = createExcelSimulator();
    sim.setValues("Sheet1", "A1", "mine");
    sim.coAuthorEdit("Sheet1", "A1", "theirs", { beforeSync: 2 });
    await sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await ctx.sync();
      expect(r.values).toEqual([["mine"]]);
      r.load("values");
      await ctx.sync();
      expect(r.values).toEqual([["theirs"]]);
    });
    expect(sim.changeLog.at(-1)).toMatchObject({ source: "Remote" });
  });

  it("a co-author inserting a row between two syncs moves the cells an add-in located by index", async () => {
    const sim = createExcelSimulator();
    sim.setValues("Sheet1", "A1:B3", [
      ["run_id", "acc"],
      ["r1", 0.9],
      ["r2", 0.8],
    ]);
    sim.addTable("Sheet1", "A1:B3", "Runs");
    sim.coAuthorInsertRows("Sheet1", "2:2", { beforeSync: 2 });
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const ids = ws.getRange("A2:A3").load("values");
      await ctx.sync();
      expect(ids.values).toEqual([["r1"], ["r2"]]);
      // Writing r1's score back by row number now lands on the co-author's blank row.
      ws.getRange("B2").values = [[0.95]];
      await ctx.sync();
    });
    expect(sim.getValues("Sheet1", "A2:B4")).toEqual([
      ["", 0.95],
      ["r1", 0.9],
      ["r2", 0.8],
    ]);
    expect(sim.getTable("Runs")?.address).toBe("Sheet1!A1:B4");
    sim.coAuthorDeleteRows("Sheet1", "2:2");
    expect(sim.getValues("Sheet1", "A2:B3")).toEqual([
      ["r1", 0.9],
      ["r2", 0.8],
    ]);
    expect(sim.changeLog.at(-1)).toMatchObject({ changeType: "RowDeleted", source: "Remote" });
  });
});

describe("events (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events)", () => {
  async function listen(sim: ReturnType<typeof createExcelSimulator>, sheet = "Sheet1") {
    const seen: SimChangedEventArgs[] = [];
    let remove: (() => Promise<void>) | undefined;
    await sim.Excel.run(async (ctx) => {
      const handler = ctx.workbook.worksheets.getItem(sheet).onChanged.add(async (args) => {
        seen.push(args as unknown as SimChangedEventArgs);
      });
      await ctx.sync();
      // Removal runs on the context the handler was added with, as the docs show.
      remove = () =>
        sim.Excel.run(handler.context, async (c) => {
          handler.remove();
          await c.sync();
        });
    });
    return { seen, remove: () => remove?.() ?? Promise.resolve() };
  }

  it("fires onChanged for a user edit with source Local and single-cell details", async () => {
    const sim = createExcelSimulator();
    sim.setValues("Sheet1", "B2", 0.5);
    const { seen } = await listen(sim);
    sim.userEdit("Sheet1", "B2", "0.75");
    await sim.idle();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      type: "WorksheetChanged",
      address: "B2",
      changeType: "RangeEdited",
      source: "Local",
      triggerSource: "Unknown",
      details: { valueBefore: 0.5, valueAfter: 0.75, valueTypeBefore: "Double", valueTypeAfter: "Double" },
    });
    expect(seen[0]?.worksheetId).toBe(sim.workbook.sheets[0]?.id);
  });

  it("fires for co-author edits (Remote), for the add-in's own writes (ThisLocalAddin) and for pastes; no details for ranges", async () => {
    const sim = createExcelSimulator();
    const { seen } = await listen(sim);
    sim.coAuthorEdit("Sheet1", "A1", "x");
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("C1:D1").values = [[1, 2]];
      await ctx.sync();
    });
    sim.userPaste("Sheet1", "A3", "run\tacc\nr1\t0.9\n");
    await sim.idle();
    expect(seen.map((a) => [a.address, a.source, a.triggerSource])).toEqual([
      ["A1", "Remote", "Unknown"],
      ["C1:D1", "Local", "ThisLocalAddin"],
      ["A3:B4", "Local", "Unknown"],
    ]);
    expect(seen[1]?.details).toBeUndefined();
    expect(sim.getValues("Sheet1", "A4:B4")).toEqual([["r1", 0.9]]);
  });

  it("handlers can read the changed range through a new Excel.run", async () => {
    const sim = createExcelSimulator();
    const got: unknown[] = [];
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").onChanged.add(async (args) => {
        await sim.Excel.run(async (c2) => {
          const r = args.getRange(c2).load("values");
          await c2.sync();
          got.push(r.values);
        });
      });
      await ctx.sync();
    });
    sim.userEdit("Sheet1", "A1", "=1+1");
    await sim.idle();
    expect(got).toEqual([[[2]]]);
  });

  it("stops delivering after remove() and while runtime.enableEvents is false", async () => {
    const sim = createExcelSimulator();
    const { seen, remove } = await listen(sim);
    await sim.Excel.run(async (ctx) => {
      ctx.runtime.enableEvents = false;
      await ctx.sync();
    });
    sim.userEdit("Sheet1", "A1", 1);
    await sim.Excel.run(async (ctx) => {
      ctx.runtime.enableEvents = true;
      await ctx.sync();
    });
    sim.userEdit("Sheet1", "A1", 2);
    await remove();
    sim.userEdit("Sheet1", "A1", 3);
    await sim.idle();
    expect(seen.map((a) => a.details?.valueAfter)).toEqual([2]);
    expect(sim.handlerCount()).toBe(0);
  });

  it("worksheets.onChanged hears every sheet", async () => {
    const sim = createExcelSimulator();
    sim.addSheet("Runs");
    const seen: string[] = [];
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async (args) => {
        seen.push(args.address);
      });
      await ctx.sync();
    });
    sim.userEdit("Runs", "A1", 1);
    sim.userEdit("Sheet1", "B1", 1);
    await sim.idle();
    expect(seen).toEqual(["A1", "B1"]);
  });
});

describe("hosts and requirement sets (https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets)", () => {
  it("answers isSetSupported per host profile", () => {
    const answers = (["web", "windows", "mac", "old"] as const).map((host) => {
      const { Office } = createExcelSimulator({ host });
      const req = Office.context.requirements;
      return [
        host,
        req.isSetSupported("ExcelApi", "1.7"),
        req.isSetSupported("ExcelApi", "1.16"),
        req.isSetSupported("ExcelApi", "1.17"),
        req.isSetSupported("excelapi", "1.18"),
      ];
    });
    expect(answers).toEqual([
      ["web", true, true, true, false],
      ["windows", true, true, true, false],
      ["mac", true, true, false, false],
      ["old", true, false, false, false],
    ]);
    expect(HOST_PROFILES.old.excelApi).toBe(7);
  });

  it("fails APIs newer than the host with ApiNotFound", async () => {
    const sim = createExcelSimulator({ host: "old" });
    const e = await errorOf(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = {
          list: { source: "a,b", inCellDropDown: true },
        };
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ApiNotFound");
    const modern = createExcelSimulator({ host: "mac" });
    await modern.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = {
        list: { source: "a,b", inCellDropDown: true },
      };
      await ctx.sync();
    });
    expect(modern.validations("Sheet1")).toHaveLength(1);
  });

  it("Office.onReady reports Excel and the platform; install() sets and restores globals", async () => {
    const sim = createExcelSimulator({ host: "mac" });
    expect(await sim.Office.onReady()).toEqual({ host: "Excel", platform: "Mac" });
    const target: Record<string, unknown> = { Excel: "old" };
    const restore = sim.install(target);
    expect(target.Excel).toBe(sim.Excel);
    expect(target.Office).toBe(sim.Office);
    expect(target.OfficeExtension).toBe(sim.OfficeExtension);
    restore();
    expect(target.Excel).toBe("old");
  });

  it("exposes the enums of @types/office-js with their string values", () => {
    const { Excel } = createExcelSimulator();
    expect(Excel.ChartType.columnClustered).toBe("ColumnClustered");
    expect(Excel.ErrorCodes.itemAlreadyExists).toBe("ItemAlreadyExists");
    expect(Excel.InsertShiftDirection.down).toBe("Down");
  });
});

describe("partial sync semantics (option)", () => {
  it("keeps operations before the failing one and drops the rest", async () => {
    const sim = createExcelSimulator({ syncSemantics: "partial" });
    const e = await errorOf(
      sim.Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A1").values = [["first"]];
        ws.getRange("A2:B2").values = [["too", "many", "values"]];
        ws.getRange("A3").values = [["third"]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    expect(sim.getValues("Sheet1", "A1:A3")).toEqual([["first"], [""], [""]]);
  });

  it("an injected fault lands halfway through the batch", async () => {
    const sim = createExcelSimulator({ syncSemantics: "partial" });
    sim.faults.failSync(1, "GeneralException");
    await errorOf(
      sim.Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        for (const a of ["A1", "A2", "A3", "A4"]) ws.getRange(a).values = [[a]];
        await ctx.sync();
      }),
    );
    expect(sim.getValues("Sheet1", "A1:A4")).toEqual([["A1"], ["A2"], [""], [""]]);
  });

  it("an injected fault also fails an empty sync (atomic default)", async () => {
    const sim = createExcelSimulator();
    sim.faults.failSync(1, "RequestAborted");
    await sim.Excel.run(async (ctx) => {
      expect((await errorOf(ctx.sync())).code).toBe("RequestAborted");
    });
  });
});

describe("event args by host (https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs)", () => {
  it("an ExcelApi 1.7 host sends neither details (1.9) nor triggerSource (1.14)", async () => {
    const sim = createExcelSimulator({ host: "old" });
    const seen: SimChangedEventArgs[] = [];
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").onChanged.add(async (args) => {
        seen.push(args as unknown as SimChangedEventArgs);
      });
      await ctx.sync();
    });
    sim.userEdit("Sheet1", "A1", 1);
    await sim.idle();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.details).toBeUndefined();
    expect(seen[0]?.triggerSource).toBeUndefined();
    expect(seen[0]?.source).toBe("Local");
  });
});
