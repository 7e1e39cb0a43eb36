import { describe, expect, it } from "vitest";
import { applyFixes, clearMarks, markIssues, MARK_FORMULA, selectCell, SETTINGS } from "../../src/excel/index";
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
    expect(syncs).toBe(2);
    expect(value).toMatchObject({ marked: 2, removed: 0, supported: true });
    expect(sim.displayStyle("Runs", 1, 1).fill?.toUpperCase()).toBe("#FFC7CE");
    expect(sim.displayStyle("Runs", 1, 2).fill?.toUpperCase()).toBe("#FFEB9C");
    expect(JSON.parse(String(sim.settings()[SETTINGS.marks]))).toEqual({ sheet: "Runs", cells: ["B2", "C2"] });
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

describe("selectCell and applyFixes", () => {
  it("selects the issue's cell on its sheet in one sync", async () => {
    const { sim, counted } = setup();
    sim.addSheet("Other");
    sim.userActivate("Other");
    const { syncs } = await counted((ctx) => selectCell(ctx, { sheet: "Runs", row: 3, column: 2 }));
    expect(syncs).toBe(1);
    expect(sim.activeSheet()).toBe("Runs");
  });

  it("applies safe fixes in two syncs, skipping cells a co-author changed since the check", async () => {
    const { sim, counted } = setup();
    sim.coAuthorEdit("Runs", "C3", "running", { beforeSync: 1 });
    const { value, syncs } = await counted((ctx) =>
      applyFixes(ctx, [
        { sheet: "Runs", row: 2, column: 1, expected: "0,91", value: 0.91 },
        { sheet: "Runs", row: 2, column: 2, expected: "Finished", value: "finished" },
        { sheet: "Runs", row: 3, column: 2, expected: "finished", value: "done" },
      ]),
    );
    expect(syncs).toBe(2);
    expect(value.applied).toBe(2);
    expect(value.stale).toEqual([{ sheet: "Runs", row: 3, column: 2 }]);
    expect(sim.getValues("Runs", "B2:C3")).toEqual([
      [0.91, "finished"],
      [0.8, "running"],
    ]);
  });

  it("a number fix into a text-formatted cell becomes a real number", async () => {
    const { sim, run } = setup();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Runs").getRange("B3");
      r.numberFormat = [["@"]];
      r.values = [["0.8"]];
      await ctx.sync();
    });
    await run((ctx) => applyFixes(ctx, [{ sheet: "Runs", row: 3, column: 1, expected: "0.8", value: 0.8 }]));
    expect(sim.getValues("Runs", "B3")).toEqual([[0.8]]);
  });
});
