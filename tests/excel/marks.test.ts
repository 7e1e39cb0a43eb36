import { describe, expect, it } from "vitest";
import {
  checkRuns,
  clearMarks,
  createWorkbookGateway,
  describeError,
  fixesOf,
  markIssues,
  MARK_FORMULA,
  selectCell,
  setUpTracker,
} from "../../src/excel/index";
import { cellAddress, createExcelSimulator } from "../../src/sim/index";
import { workbook } from "./helpers";

function setup() {
  const wb = workbook();
  wb.sim.addSheet("Runs");
  wb.sim.setValues("Runs", "A1:C3", [
    ["run_id", "accuracy", "status"],
    ["r1", "0,91", "Finished"],
    ["r2", 0.8, "finished"],
  ]);
  return wb;
}

const ownFormulas = (sim: ReturnType<typeof workbook>["sim"]) =>
  sim
    .conditionalFormats("Runs")
    .map((cf) => JSON.stringify(cf))
    .filter((text) => text.includes("RunSheet:"));

describe("markIssues", () => {
  it("marks issue cells with sentinel conditional formats, errors red and warnings yellow", async () => {
    const { sim, counted } = setup();
    const { value, syncs } = await counted((ctx) =>
      markIssues(ctx, "Runs", [
        { sheet: "Runs", row: 2, column: 1, severity: "error" },
        { sheet: "Runs", row: 2, column: 2, severity: "warning" },
        { sheet: "Runs", row: 2, column: 2, severity: "info" },
      ]),
    );
    // Sheets, their formats, then the write (no Custom format yet, so no formula read).
    expect(syncs).toBe(3);
    expect(value).toMatchObject({ marked: 2, removed: 0, supported: true, sheetProtected: false });
    expect(sim.displayStyle("Runs", 1, 1).fill?.toUpperCase()).toBe("#FFC7CE");
    expect(sim.displayStyle("Runs", 1, 2).fill?.toUpperCase()).toBe("#FFEB9C");
    expect(Object.keys(sim.settings())).toEqual([]);
  });

  it("one mark per cell, of its worst severity", async () => {
    const { sim, run } = setup();
    const result = await run((ctx) =>
      markIssues(ctx, "Runs", [
        { sheet: "Runs", row: 3, column: 1, severity: "warning" },
        { sheet: "Runs", row: 3, column: 1, severity: "error" },
      ]),
    );
    expect(result.marked).toBe(1);
    expect(sim.displayStyle("Runs", 2, 1).fill?.toUpperCase()).toBe("#FFC7CE");
  });

  it("re-marking replaces RunSheet's marks and keeps the user's own formats", async () => {
    const { sim, run } = setup();
    // The user's own rule on B2, and a fill on C3.
    await run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Runs");
      const cf = sheet.getRange("B2").conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=B2<0.5";
      cf.custom.format.font.color = "#0000FF";
      sheet.getRange("C3").format.fill.color = "#00FF00";
      await ctx.sync();
    });
    await run((ctx) =>
      markIssues(ctx, "Runs", [
        { sheet: "Runs", row: 2, column: 1, severity: "error" },
        { sheet: "Runs", row: 3, column: 2, severity: "error" },
      ]),
    );
    expect(ownFormulas(sim)).toHaveLength(2);
    const second = await run((ctx) =>
      markIssues(ctx, "Runs", [{ sheet: "Runs", row: 2, column: 2, severity: "warning" }]),
    );
    expect(second).toMatchObject({ marked: 1, removed: 2 });
    expect(ownFormulas(sim)).toHaveLength(1);
    const all = sim.conditionalFormats("Runs").map((cf) => JSON.stringify(cf));
    expect(all.some((t) => t.includes("=B2<0.5"))).toBe(true);
    expect(sim.displayStyle("Runs", 2, 2).fill?.toUpperCase()).toBe("#00FF00");
    const removed = await run((ctx) => clearMarks(ctx));
    expect(removed).toBe(1);
    expect(ownFormulas(sim)).toHaveLength(0);
    expect(
      sim
        .conditionalFormats("Runs")
        .map((cf) => JSON.stringify(cf))
        .some((t) => t.includes("=B2<0.5")),
    ).toBe(true);
  });

  it("does nothing on hosts without conditional formats", async () => {
    const { sim, run } = setup();
    const caps = {
      settings: true,
      conditionalFormats: false,
      freezePanes: false,
      events: false,
      dataValidation: false,
    };
    const result = await run((ctx) =>
      markIssues(ctx, "Runs", [{ sheet: "Runs", row: 2, column: 1, severity: "error" }], caps),
    );
    expect(result.supported).toBe(false);
    expect(sim.conditionalFormats("Runs")).toHaveLength(0);
  });

  it("uses formulas that are always true and recognisably RunSheet's", () => {
    expect(MARK_FORMULA.error.startsWith('="RunSheet:')).toBe(true);
    expect(MARK_FORMULA.warning).not.toBe(MARK_FORMULA.error);
  });
});

describe("selectCell", () => {
  it("selects the issue's cell on its sheet in one sync", async () => {
    const { sim, counted } = setup();
    sim.addSheet("Other");
    sim.userActivate("Other");
    const { syncs } = await counted((ctx) => selectCell(ctx, { sheet: "Runs", row: 3, column: 2 }));
    expect(syncs).toBe(1);
    expect(sim.activeSheet()).toBe("Runs");
  });
});

/** RunSheet's marks as "Sheet!A1 error|warning", sorted: what a user sees highlighted. */
function marksIn(sim: ReturnType<typeof workbook>["sim"]): string[] {
  return sim
    .sheetNames()
    .flatMap((sheet) =>
      sim
        .conditionalFormats(sheet)
        .filter((cf) => cf.formula?.startsWith('="RunSheet:'))
        .map(
          (cf) =>
            `${sheet}!${cellAddress(cf.rect.r0, cf.rect.c0)} ${cf.formula?.includes("error") ? "error" : "warning"}`,
        ),
    )
    .sort();
}

const error = (row: number, column = 1, sheet = "Runs") => ({ sheet, row, column, severity: "error" as const });

describe("marks are found by what they are", () => {
  it("a co-author's inserted row moves a mark; re-marking still removes it", async () => {
    const { sim, run } = setup();
    await run((ctx) => markIssues(ctx, "Runs", [error(3)]));
    sim.coAuthorInsertRows("Runs", "2:2");
    expect(marksIn(sim)).toEqual(["Runs!B4 error"]);
    const result = await run((ctx) => markIssues(ctx, "Runs", []));
    expect(result.removed).toBe(1);
    expect(marksIn(sim)).toEqual([]);
  });

  it("deleted rows: the marks that moved up are still RunSheet's, the deleted one is gone", async () => {
    const { sim, run } = setup();
    sim.setValues("Runs", "A4:C5", [
      ["r3", 0.7, "finished"],
      ["r4", 0.6, "finished"],
    ]);
    await run((ctx) => markIssues(ctx, "Runs", [error(2), error(3), error(5)]));
    sim.coAuthorDeleteRows("Runs", "3:3");
    expect(marksIn(sim)).toEqual(["Runs!B2 error", "Runs!B4 error"]);
    await run((ctx) => markIssues(ctx, "Runs", [error(4, 2)]));
    expect(marksIn(sim)).toEqual(["Runs!C4 error"]);
  });

  it("a renamed sheet keeps its marks and they are replaced under the new name", async () => {
    const { sim, run } = setup();
    await run((ctx) => markIssues(ctx, "Runs", [error(2), error(3)]));
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Runs").name = "Runs 2024";
      await ctx.sync();
    });
    const result = await run((ctx) => markIssues(ctx, "Runs 2024", [error(3, 2, "Runs 2024")]));
    expect(result).toMatchObject({ removed: 2, marked: 1 });
    expect(marksIn(sim)).toEqual(["Runs 2024!C3 error"]);
    expect(await run((ctx) => clearMarks(ctx))).toBe(1);
    expect(marksIn(sim)).toEqual([]);
  });

  it("after a sort the old mark sits on another run's cell; re-marking moves it to the run's new row", async () => {
    const { sim, run } = setup();
    await run((ctx) => markIssues(ctx, "Runs", [error(2)]));
    // Sort rows 2-3 by accuracy: r2 (0.8) moves above r1 ("0,91" is text, sorted after numbers).
    sim.userSort("Runs", "A2:C3", 1);
    expect(sim.getValues("Runs", "A2:A3")).toEqual([["r2"], ["r1"]]);
    expect(marksIn(sim)).toEqual(["Runs!B2 error"]);
    await run((ctx) => markIssues(ctx, "Runs", [error(3)]));
    expect(marksIn(sim)).toEqual(["Runs!B3 error"]);
  });

  it("marks on another sheet (runs moved to an adopted sheet) are found and removed too", async () => {
    const { sim, run } = setup();
    sim.addSheet("Adopted");
    await run((ctx) => markIssues(ctx, "Runs", [error(2)]));
    await run((ctx) => markIssues(ctx, "Adopted", [error(5, 0, "Adopted")]));
    expect(marksIn(sim)).toEqual(["Adopted!A5 error"]);
  });

  it("two panes marking at the same moment: no error, one mark per cell", async () => {
    const { sim, run } = setup();
    await run((ctx) => markIssues(ctx, "Runs", [error(2), error(3)]));
    const same = [error(2, 2), error(3, 2)];
    const results = await Promise.allSettled([
      run((ctx) => markIssues(ctx, "Runs", same)),
      run((ctx) => markIssues(ctx, "Runs", same)),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(marksIn(sim)).toEqual(["Runs!C2 error", "Runs!C3 error"]);
  });

  it("two panes starting from no marks do not leave a cell marked twice", async () => {
    const { sim, run } = setup();
    const same = [error(2), { ...error(3), severity: "warning" as const }];
    await Promise.all([run((ctx) => markIssues(ctx, "Runs", same)), run((ctx) => markIssues(ctx, "Runs", same))]);
    expect(marksIn(sim)).toEqual(["Runs!B2 error", "Runs!B3 warning"]);
  });

  it("a protected runs sheet is not marked (and nothing is thrown): the caller lists the issues", async () => {
    const { sim, run } = setup();
    await run((ctx) => markIssues(ctx, "Runs", [error(2)]));
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Runs").protection.protect();
      await ctx.sync();
    });
    const result = await run((ctx) => markIssues(ctx, "Runs", [error(3)]));
    expect(result).toMatchObject({ marked: 0, sheetProtected: true, supported: true, omitted: 1 });
    expect(marksIn(sim)).toEqual(["Runs!B2 error"]);
    expect(await run((ctx) => clearMarks(ctx))).toBe(0);
  });

  describe.each(["atomic", "partial"] as const)("a failed sync (%s), then the retry", (mode) => {
    const clean = async () => {
      const wb = setupIn(mode);
      await wb.run((ctx) => markIssues(ctx, "Runs", [error(2), error(3)]));
      await wb.run((ctx) => markIssues(ctx, "Runs", [error(3, 2), error(2)]));
      return marksIn(wb.sim);
    };
    it.each([1, 2, 3, 4])("failing sync %i of re-marking gives exactly the clean result", async (k) => {
      const expected = await clean();
      const wb = setupIn(mode);
      await wb.run((ctx) => markIssues(ctx, "Runs", [error(2), error(3)]));
      wb.sim.faults.failSync(k, "GeneralException");
      await expect(wb.run((ctx) => markIssues(ctx, "Runs", [error(3, 2), error(2)]))).rejects.toMatchObject({
        code: "GeneralException",
      });
      await wb.run((ctx) => markIssues(ctx, "Runs", [error(3, 2), error(2)]));
      expect(marksIn(wb.sim)).toEqual(expected);
    });
  });
});

function setupIn(mode: "atomic" | "partial") {
  const sim = createExcelSimulator({ syncSemantics: mode });
  sim.addSheet("Runs");
  sim.setValues("Runs", "A1:C3", [
    ["run_id", "accuracy", "status"],
    ["r1", "0,91", "Finished"],
    ["r2", 0.8, "finished"],
  ]);
  return { sim, run: <T>(fn: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => sim.Excel.run(fn) };
}

describe("after a fix, the pane's two revalidations (the fix's own and the change event's)", () => {
  it("both finish without 'could not find its sheet or table' and leave no mark behind", async () => {
    const sim = createExcelSimulator();
    const gateway = createWorkbookGateway((batch) => sim.Excel.run(batch));
    await setUpTracker(gateway);
    sim.userEdit("Runs", "A2:C2", [["r1", "exp1", "more layers help"]]);
    sim.userEdit("Runs", "J2", "Finished");
    sim.userEdit("Runs", "L2", "0,91");
    // A complete recipe, so the two marks are the fixable ones (not not_reproducible).
    sim.userEdit("Runs", "O2:Q2", [["3f2a9c1", "dogs-cats@9b1e77a", "env-1"]]);
    sim.userEdit("Runs", "S2", "python train.py");
    const first = await checkRuns(gateway, { mark: true });
    expect(first.marks?.marked).toBe(2);
    const fixed = await gateway.applyFixes(fixesOf(first.issues));
    expect(fixed.applied).toBe(2);
    // notifyChanged() revalidates through the revision effect while the fix handler revalidates too.
    const results = await Promise.allSettled([checkRuns(gateway, { mark: true }), checkRuns(gateway, { mark: true })]);
    expect(results.map((r) => (r.status === "rejected" ? describeError(r.reason) : "ok"))).toEqual(["ok", "ok"]);
    expect(marksIn(sim)).toEqual([]);
  });
});
