// Fault sweep (tests/excel/fault-sweep.ts) over the Check tab's workflows: marks, Fix all safe,
// Include them, and the ribbon's Mark best run: after a failure at any sync, in atomic or
// partial mode, the retry gives exactly the workbook a clean run gives.
import { afterAll, describe, expect, it } from "vitest";
import { markBestRunAction } from "../../src/commands/actions";
import {
  anchorFixes,
  checkRuns,
  createWorkbookGateway,
  fixesOf,
  setUpTracker,
  type ExcelRunner,
} from "../../src/excel/index";
import type { ExcelSimulator } from "../../src/sim/index";
import { faultSweep, workbookState, type Runner, type SweepCase } from "./fault-sweep";

const gatewayOf = (run: Runner) => createWorkbookGateway(run as ExcelRunner);

/** A tracker with three runs: a decimal comma, a status in the wrong case, a duplicate id. */
const seeded: SweepCase["setup"] = async (sim: ExcelSimulator, run: Runner) => {
  await setUpTracker(gatewayOf(run));
  sim.userPaste("Runs", "A2", ["r1\texp1\th\tmlp", "r2\texp1\th\tmlp", "r2\texp2\th\tmlp"].join("\n"));
  sim.userEdit("Runs", "J2:L4", [
    ["Finished", "", "0,91"],
    ["finished", "", 0.8],
    ["finished", "", 0.7],
  ]);
  // Marks of an earlier check that no longer apply.
  await checkRuns(gatewayOf(run), { mark: true });
  sim.userEdit("Runs", "L3", "0,85");
};

const CASES: SweepCase[] = [
  {
    name: "check and mark",
    setup: seeded,
    workflow: (run) => checkRuns(gatewayOf(run), { mark: true }),
  },
  {
    name: "fix all safe, then mark",
    setup: seeded,
    workflow: async (run) => {
      const gateway = gatewayOf(run);
      const checked = await checkRuns(gateway);
      await gateway.applyFixes(anchorFixes(fixesOf(checked.issues), checked));
      return checkRuns(gateway, { mark: true });
    },
  },
  {
    name: "include the rows below the table",
    options: { tableAutoExpansion: false },
    setup: async (sim, run) => {
      await setUpTracker(gatewayOf(run));
      sim.userPaste("Runs", "A2", "r1\texp1\nr2\texp1\nr3\texp2");
    },
    workflow: (run) => gatewayOf(run).includeRowsOutsideRuns(),
  },
  {
    name: "mark best run (ribbon)",
    setup: seeded,
    workflow: (run) => markBestRunAction(gatewayOf(run)),
  },
];

const totals = { tried: 0, clean: 0 };
afterAll(() => console.log(`Check-tab fault sweep: ${totals.tried} failure positions tried, ${totals.clean} clean`));

describe.each(["atomic", "partial"] as const)("fault sweep (%s)", (mode) => {
  it.each(CASES.map((c) => [c.name, c] as const))(
    "%s: every sync position retries to the clean workbook",
    async (_, c) => {
      const result = await faultSweep(c, mode);
      totals.tried += result.tried;
      totals.clean += result.clean;
      expect(result.tried).toBeGreaterThan(2);
      expect(result.differences).toEqual([]);
    },
  );
});

/** The selected cell as sheet name and rectangle (sheet ids differ between workbooks). */
const selected = (sim: ExcelSimulator) => {
  const selection = sim.workbook.selection;
  return selection && { sheet: sim.workbook.sheetById(selection.sheetId)?.name, rect: selection.rect };
};

describe("mark best run selects the same row after a failure at any sync", () => {
  it.each(["atomic", "partial"] as const)("%s", async (mode) => {
    const { createExcelSimulator } = await import("../../src/sim/index");
    const fresh = async () => {
      const sim = createExcelSimulator({ syncSemantics: mode });
      const run: Runner = (batch) => sim.Excel.run(batch);
      await seeded?.(sim, run);
      return { sim, run };
    };
    const clean = await fresh();
    const before = clean.sim.stats.syncCount;
    const message = await markBestRunAction(gatewayOf(clean.run));
    const syncs = clean.sim.stats.syncCount - before;
    expect(message).toMatch(/on row \d/);
    for (let k = 1; k <= syncs; k++) {
      const { sim, run } = await fresh();
      sim.faults.failSync(k, "GeneralException");
      await expect(markBestRunAction(gatewayOf(run))).rejects.toMatchObject({ code: "GeneralException" });
      expect(await markBestRunAction(gatewayOf(run))).toBe(message);
      expect(selected(sim)).toEqual(selected(clean.sim));
    }
  });
});

describe("the sweep compares what it should", () => {
  it("sees a mark that differs", async () => {
    const { createExcelSimulator } = await import("../../src/sim/index");
    const a = createExcelSimulator();
    const b = createExcelSimulator();
    for (const sim of [a, b]) sim.addSheet("Runs");
    await b.Excel.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem("Runs").getRange("B2").conditionalFormats.add("Custom");
      cf.custom.rule.formula = '="RunSheet:error"<>""';
      await ctx.sync();
    });
    expect(workbookState(a)).not.toEqual(workbookState(b));
  });
});
