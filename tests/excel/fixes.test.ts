// One-click fixes that never overwrite a co-author, who may have edited the cell since the check.
import { describe, expect, it } from "vitest";
import { anchorFixes, applyFixes, FixInterruptedError, type CellFix } from "../../src/excel/index";
import { createExcelSimulator } from "../../src/sim/index";

function runs(mode: "atomic" | "partial" = "atomic") {
  const sim = createExcelSimulator({ syncSemantics: mode });
  sim.addSheet("Runs");
  sim.setValues("Runs", "A1:C4", [
    ["run_id", "accuracy", "status"],
    ["r1", "0,91", "Finished"],
    ["r2", 0.8, "Finished"],
    ["r3", "0,73", "finished"],
  ]);
  const counted = async <T>(fn: (ctx: Excel.RequestContext) => Promise<T>) => {
    const before = sim.stats.syncCount;
    const value = await sim.Excel.run(fn);
    return { value, syncs: sim.stats.syncCount - before };
  };
  return { sim, counted };
}

/** The fixes validation proposes for the sheet above, anchored on run_id (column A). */
const proposed: CellFix[] = [
  { sheet: "Runs", row: 2, column: 1, expected: "0,91", value: 0.91, anchor: { column: 0, value: "r1" } },
  { sheet: "Runs", row: 2, column: 2, expected: "Finished", value: "finished", anchor: { column: 0, value: "r1" } },
  { sheet: "Runs", row: 3, column: 2, expected: "Finished", value: "finished", anchor: { column: 0, value: "r2" } },
  { sheet: "Runs", row: 4, column: 1, expected: "0,73", value: 0.73, anchor: { column: 0, value: "r3" } },
];

const FIXED = [
  ["r1", 0.91, "finished"],
  ["r2", 0.8, "finished"],
  ["r3", 0.73, "finished"],
];

describe("applyFixes", () => {
  it("fixes in two syncs: one read, one write; numbers become numbers, text stays text", async () => {
    const { sim, counted } = runs();
    const { value, syncs } = await counted((ctx) => applyFixes(ctx, proposed));
    expect(syncs).toBe(2);
    expect(value).toEqual({ applied: 4, stale: [], moved: [], alreadyFixed: 0, unrestored: [] });
    expect(sim.getValues("Runs", "A2:C4")).toEqual(FIXED);
  });

  it("a co-author's edit before the read is left alone and reported", async () => {
    const { sim, counted } = runs();
    sim.coAuthorEdit("Runs", "C3", "running", { beforeSync: 1 });
    const { value, syncs } = await counted((ctx) => applyFixes(ctx, proposed));
    expect(syncs).toBe(2);
    expect(value.applied).toBe(3);
    expect(value.stale).toEqual([{ sheet: "Runs", row: 3, column: 2 }]);
    expect(sim.getValues("Runs", "C3")).toEqual([["running"]]);
  });

  it("a co-author's edit that lands right before the writing sync is seen in that sync and put back (0.9 stays 0.9)", async () => {
    const { sim, counted } = runs();
    sim.coAuthorEdit("Runs", "B4", 0.9, { beforeSync: 2 });
    const { value, syncs } = await counted((ctx) => applyFixes(ctx, proposed));
    expect(syncs).toBe(3);
    expect(value.applied).toBe(3);
    expect(value.stale).toEqual([{ sheet: "Runs", row: 4, column: 1 }]);
    expect(sim.getValues("Runs", "B4")).toEqual([[0.9]]);
  });

  it("a row inserted by a co-author before the write: nothing lands in another run's row", async () => {
    const { sim, counted } = runs();
    sim.coAuthorInsertRows("Runs", "3:3", { beforeSync: 2 });
    sim.coAuthorEdit("Runs", "A3:C3", [["r9", "0,5", "Finished"]], { beforeSync: 2 });
    const { value } = await counted((ctx) => applyFixes(ctx, proposed));
    // Row 2 (r1) did not move; rows 3 and 4 now hold r9 and r2, so their fixes are skipped.
    expect(value.applied).toBe(2);
    expect(value.moved).toEqual([
      { sheet: "Runs", row: 3, column: 2 },
      { sheet: "Runs", row: 4, column: 1 },
    ]);
    expect(sim.getValues("Runs", "A2:C5")).toEqual([
      ["r1", 0.91, "finished"],
      ["r9", "0,5", "Finished"],
      ["r2", 0.8, "Finished"],
      ["r3", "0,73", "finished"],
    ]);
  });

  it("rows sorted since the check: a fix whose row now holds another run is skipped, even with an equal value", async () => {
    const { sim, counted } = runs();
    // r3 and r1 swap; r2 stays on row 3. Row 2 now holds r3, whose status equals the "Finished" r1 had.
    sim.setValues("Runs", "C4", "Finished");
    sim.userSort("Runs", "A2:C4", 0, { descending: true });
    const { value } = await counted((ctx) => applyFixes(ctx, proposed));
    expect(value.applied).toBe(1);
    expect(value.moved).toEqual([
      { sheet: "Runs", row: 2, column: 1 },
      { sheet: "Runs", row: 2, column: 2 },
      { sheet: "Runs", row: 4, column: 1 },
    ]);
    expect(sim.getValues("Runs", "A2:C4")).toEqual([
      ["r3", "0,73", "Finished"],
      ["r2", 0.8, "finished"],
      ["r1", "0,91", "Finished"],
    ]);
  });

  it("a number fix into a Text-formatted cell becomes a real number", async () => {
    const { sim, counted } = runs();
    await sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Runs").getRange("B3");
      r.numberFormat = [["@"]];
      r.values = [["0.8"]];
      await ctx.sync();
    });
    await counted((ctx) => applyFixes(ctx, [{ sheet: "Runs", row: 3, column: 1, expected: "0.8", value: 0.8 }]));
    expect(sim.getValues("Runs", "B3")).toEqual([[0.8]]);
    expect(sim.getNumberFormats("Runs", "B3")).toEqual([["General"]]);
  });

  it("a number fix keeps the cell's own number format; only Text becomes General", async () => {
    const { sim, counted } = runs();
    sim.setValues("Runs", "B2", "'0,91");
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Runs").getRange("B2").numberFormat = [["0.000"]];
      await ctx.sync();
    });
    await counted((ctx) => applyFixes(ctx, proposed.slice(0, 1)));
    expect(sim.getValues("Runs", "B2")).toEqual([[0.91]]);
    expect(sim.getNumberFormats("Runs", "B2")).toEqual([["0.000"]]);
  });

  it("a co-author retyping the run id in place (same row count) before the write: the cell gets back its value and format", async () => {
    const { sim, counted } = runs();
    sim.coAuthorEdit("Runs", "A3", "r2b", { beforeSync: 2 });
    const { value } = await counted((ctx) => applyFixes(ctx, proposed));
    expect(value.applied).toBe(3);
    expect(value.moved).toEqual([{ sheet: "Runs", row: 3, column: 2 }]);
    expect(sim.getValues("Runs", "A3:C3")).toEqual([["r2b", 0.8, "Finished"]]);
    expect(sim.getNumberFormats("Runs", "C3")).toEqual([["General"]]);
  });

  it("a cell a co-author cleared right before the write is put back empty, with its own format", async () => {
    const { sim, counted } = runs();
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Runs").getRange("C3").numberFormat = [["0.0"]];
      await ctx.sync();
    });
    sim.coAuthorEdit("Runs", "C3", "", { beforeSync: 2 });
    const { value } = await counted((ctx) => applyFixes(ctx, proposed));
    expect(value.stale).toEqual([{ sheet: "Runs", row: 3, column: 2 }]);
    expect(sim.getValues("Runs", "C3")).toEqual([[""]]);
    expect(sim.getNumberFormats("Runs", "C3")).toEqual([["0.0"]]);
  });

  it("text a co-author typed into a number-formatted cell is put back as text, keeping that format", async () => {
    const { sim, counted } = runs();
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Runs").getRange("B4").numberFormat = [["0.00"]];
      await ctx.sync();
    });
    sim.coAuthorEdit("Runs", "B4", "'=1+1", { beforeSync: 2 });
    await counted((ctx) => applyFixes(ctx, proposed));
    expect(sim.getValues("Runs", "B4")).toEqual([["=1+1"]]);
    expect(sim.getFormulas("Runs", "B4")).toEqual([["=1+1"]]);
    expect(sim.getNumberFormats("Runs", "B4")).toEqual([["0.00"]]);
  });

  describe.each(["atomic", "partial"] as const)("putting a co-author's value back (%s)", (mode) => {
    it("a failed restore request is sent again with the value held in memory: 0.9 stays 0.9", async () => {
      const { sim, counted } = runs(mode);
      sim.coAuthorEdit("Runs", "B4", 0.9, { beforeSync: 2 });
      sim.faults.failSync(3, "GeneralException");
      const { value, syncs } = await counted((ctx) => applyFixes(ctx, proposed));
      expect(syncs).toBe(4);
      expect(value.unrestored).toEqual([]);
      expect(value.stale).toEqual([{ sheet: "Runs", row: 4, column: 1 }]);
      expect(sim.getValues("Runs", "A2:C4")).toEqual([FIXED[0], FIXED[1], ["r3", 0.9, "finished"]]);
    });

    it("when every restore attempt fails, the cell, run id, column and the co-author's value are reported", async () => {
      const { sim, counted } = runs(mode);
      sim.coAuthorEdit("Runs", "B4", 0.9, { beforeSync: 2 });
      for (const k of [3, 4, 5]) sim.faults.failSync(k, "GeneralException");
      const { value, syncs } = await counted((ctx) =>
        applyFixes(
          ctx,
          proposed.map((f) => ({ ...f, columnName: f.column === 1 ? "accuracy" : "status" })),
        ),
      );
      expect(syncs).toBe(5);
      expect(value.unrestored).toEqual([{ sheet: "Runs", address: "B4", runId: "r3", column: "accuracy", value: 0.9 }]);
      expect(sim.getValues("Runs", "B4")).toEqual([[0.73]]);
    });

    it("a newer edit that lands before the restore request is the one kept", async () => {
      const { sim, counted } = runs(mode);
      sim.coAuthorEdit("Runs", "B4", 0.9, { beforeSync: 2 });
      sim.coAuthorEdit("Runs", "B4", 0.95, { beforeSync: 3 });
      const { value } = await counted((ctx) => applyFixes(ctx, proposed));
      expect(value.unrestored).toEqual([]);
      expect(sim.getValues("Runs", "B4")).toEqual([[0.95]]);
    });

    it("rows moved before the restore request: the other run's row gets its value back and the lost value is reported", async () => {
      const { sim, counted } = runs(mode);
      sim.coAuthorEdit("Runs", "B4", 0.9, { beforeSync: 2 });
      // r3 moves down to row 5; row 4 is a new run typed by the co-author.
      sim.coAuthorInsertRows("Runs", "4:4", { beforeSync: 3 });
      sim.coAuthorEdit("Runs", "A4:C4", [["r9", 0.5, "Finished"]], { beforeSync: 3 });
      const { value } = await counted((ctx) => applyFixes(ctx, proposed));
      expect(value.unrestored).toEqual([{ sheet: "Runs", address: "B4", runId: "r3", value: 0.9 }]);
      expect(sim.getValues("Runs", "A4:C5")).toEqual([
        ["r9", 0.5, "Finished"],
        ["r3", 0.73, "finished"],
      ]);
    });
  });

  it("a writing request that fails names the cells it wrote, as a sentence", async () => {
    const { sim, counted } = runs("partial");
    sim.faults.failSync(2, "GeneralException");
    const error: unknown = await counted((ctx) => applyFixes(ctx, proposed)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FixInterruptedError);
    expect((error as Error).message).toContain("Runs!B2, Runs!C2, Runs!C3, Runs!B4");
    expect((error as Error).message).toContain("Excel reported an unexpected problem.");
  });

  describe.each(["atomic", "partial"] as const)("a failed sync (%s), then the retry", (mode) => {
    it.each([1, 2])("failing sync %i gives exactly the clean result and counts what was already fixed", async (k) => {
      const { sim, counted } = runs(mode);
      sim.faults.failSync(k, "GeneralException");
      const failure: unknown = await counted((ctx) => applyFixes(ctx, proposed)).catch((e: unknown) => e);
      // The read failing is Excel's own error; the write failing says which cells it wrote.
      if (k === 1) expect(failure).toMatchObject({ code: "GeneralException" });
      else expect(failure).toBeInstanceOf(FixInterruptedError);
      const { value } = await counted((ctx) => applyFixes(ctx, proposed));
      expect(value.applied + value.alreadyFixed).toBe(4);
      expect(value.stale).toEqual([]);
      expect(sim.getValues("Runs", "A2:C4")).toEqual(FIXED);
    });
  });
});

describe("anchorFixes", () => {
  it("adds the row's run id from the checked grid (the schema's id column)", () => {
    const grid = {
      sheet: "Runs",
      grid: [
        ["name", "accuracy"],
        ["a", "0,91"],
      ],
      rowOffset: 1,
      columnOffset: 0,
      source: "table" as const,
      headerRow: 1,
    };
    const schema = {
      columns: [
        { name: "name", type: "text", role: "id", required: true },
        { name: "accuracy", type: "number", role: "metric", required: false },
      ],
    } as never;
    const [fix] = anchorFixes([{ sheet: "Runs", row: 2, column: 1, expected: "0,91", value: 0.91 }], {
      grid,
      headerRow: 1,
      schema,
    });
    expect(fix?.anchor).toEqual({ column: 0, value: "a" });
  });
});
