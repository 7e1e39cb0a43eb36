// Rows just below the Runs table that are not in it (typed or pasted past its end): found, offered, included.
import { afterEach, describe, expect, it } from "vitest";
import {
  checkRuns,
  createWorkbookGateway,
  findRowsOutside,
  includeRowsOutside,
  setUpTracker,
} from "../../src/excel/index";
import { createExcelSimulator, type HostName } from "../../src/sim/index";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

/** The new user's steps: Create tracker, type a run in row 2, then two runs arrive at A3 (one with a status typo). */
async function newUser(
  options: { host?: HostName; autoExpansion?: boolean; syncSemantics?: "atomic" | "partial" } = {},
) {
  const sim = createExcelSimulator({
    host: options.host ?? "web",
    tableAutoExpansion: options.autoExpansion ?? true,
    syncSemantics: options.syncSemantics ?? "atomic",
  });
  restore = sim.install();
  const gateway = createWorkbookGateway();
  await setUpTracker(gateway);
  sim.userEdit("Runs", "A2:B2", [["r1", "exp1"]]);
  sim.userEdit("Runs", "J2", "finished");
  const run = <T>(fn: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => sim.Excel.run(fn);
  return { sim, gateway, run };
}

const twoRuns = "r2\texp1\nr3\texp1";

describe("rows below the Runs table", () => {
  it("Excel's AutoExpansion takes a pasted block in, so Check sees all three runs and the typo", async () => {
    const { sim, gateway } = await newUser();
    sim.userPaste("Runs", "A3", twoRuns);
    sim.userEdit("Runs", "J3:J4", [["finished"], ["finsihed"]]);
    expect(sim.getTable("Runs")?.rowCount).toBe(3);
    const outcome = await checkRuns(gateway);
    expect(outcome.runs).toHaveLength(3);
    expect(outcome.issues.map((i) => [i.code, i.row])).toContainEqual(["not_in_choices", 4]);
    expect((await gateway.rowsOutsideRuns())?.count).toBe(0);
  });

  it("with AutoExpansion off they stay outside: found, offered, and after Include them checked", async () => {
    const { sim, gateway } = await newUser({ autoExpansion: false });
    sim.userPaste("Runs", "A3", twoRuns);
    sim.userEdit("Runs", "J3:J4", [["finished"], ["finsihed"]]);
    const before = await checkRuns(gateway);
    expect(before.runs).toHaveLength(1);
    expect(before.issues.some((i) => i.row > 2)).toBe(false);
    expect(await gateway.rowsOutsideRuns()).toEqual({
      table: "Runs",
      sheet: "Runs",
      count: 2,
      firstRow: 3,
      canInclude: true,
    });
    expect(await gateway.includeRowsOutsideRuns()).toBe(2);
    expect(sim.getTable("Runs")?.address).toBe("Runs!A1:T4");
    const after = await checkRuns(gateway);
    expect(after.runs).toHaveLength(3);
    expect(after.issues.map((i) => [i.code, i.row])).toContainEqual(["not_in_choices", 4]);
    expect(await gateway.includeRowsOutsideRuns()).toBe(0);
  });

  it("rows another program wrote (an API write never expands a table) are found; a blank row ends the block", async () => {
    const { sim, run } = await newUser();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Runs");
      ws.getRange("A3:B5").values = [
        ["r2", "exp1"],
        ["r3", "exp1"],
        ["r4", "exp1"],
      ];
      ws.getRange("A7").values = [["a note"]];
      await ctx.sync();
    });
    expect(sim.getTable("Runs")?.rowCount).toBe(1);
    expect((await run((ctx) => findRowsOutside(ctx)))?.count).toBe(3);
    expect(await run((ctx) => includeRowsOutside(ctx))).toBe(3);
    expect(sim.getValues("Runs", "A7")).toEqual([["a note"]]);
    expect(sim.getTable("Runs")?.rowCount).toBe(4);
  });

  it("an ExcelApi 1.7 host cannot resize tables: the rows are reported, nothing is changed", async () => {
    const { sim, gateway } = await newUser({ host: "old", autoExpansion: false });
    sim.userPaste("Runs", "A3", twoRuns);
    expect(await gateway.rowsOutsideRuns()).toMatchObject({ count: 2, canInclude: false });
    expect(await gateway.includeRowsOutsideRuns()).toBe(0);
    expect(sim.getTable("Runs")?.rowCount).toBe(1);
  });

  it("no Runs table: nothing to report", async () => {
    const sim = createExcelSimulator();
    restore = sim.install();
    expect(await createWorkbookGateway().rowsOutsideRuns()).toBeNull();
  });

  describe.each(["atomic", "partial"] as const)("a failed sync (%s), then the retry", (mode) => {
    it.each([1, 2, 3])("failing sync %i of Include them gives the clean table", async (k) => {
      const { sim, gateway } = await newUser({ autoExpansion: false, syncSemantics: mode });
      sim.userPaste("Runs", "A3", twoRuns);
      sim.faults.failSync(k, "GeneralException");
      await expect(gateway.includeRowsOutsideRuns()).rejects.toMatchObject({ code: "GeneralException" });
      await gateway.includeRowsOutsideRuns();
      expect(sim.getTable("Runs")?.address).toBe("Runs!A1:T4");
      expect(sim.getValues("Runs", "A2:A4")).toEqual([["r1"], ["r2"], ["r3"]]);
    });
  });
});

describe("with AutoExpansion on, a co-author's row typed below the table becomes a table row", () => {
  it("an import right after it appends below that row and leaves it as the co-author typed it", async () => {
    const { sim, gateway } = await newUser();
    sim.coAuthorEdit("Runs", "A3:B3", [["r7", "exp2"]]);
    expect(sim.getTable("Runs")?.rowCount).toBe(2);
    await gateway.appendRuns(["run_id", "experiment"], [["r8", "exp2"]]);
    expect(sim.getValues("Runs", "A2:B4")).toEqual([
      ["r1", "exp1"],
      ["r7", "exp2"],
      ["r8", "exp2"],
    ]);
    expect(sim.getTable("Runs")?.rowCount).toBe(3);
    expect((await gateway.rowsOutsideRuns())?.count).toBe(0);
  });
});
