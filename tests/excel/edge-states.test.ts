// Edge states of the host: cell-edit mode, a protected runs sheet, a filtered Runs table.
import { afterEach, describe, expect, it } from "vitest";
import { markBestRunAction, validateRunsAction } from "../../src/commands/actions";
import {
  checkRuns,
  createWorkbookGateway,
  describeError,
  excelRunAfterCellEdit,
  setUpTracker,
} from "../../src/excel/index";
import { createExcelSimulator, type ExcelSimulator, type HostName } from "../../src/sim/index";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

/** A simulator installed as the global Excel (as inside Excel or the playground), with two runs typed in. */
async function tracker(host: HostName = "web"): Promise<ExcelSimulator> {
  const sim = createExcelSimulator({ host });
  restore = sim.install();
  await setUpTracker(createWorkbookGateway());
  sim.userEdit("Runs", "A2:C2", [["r1", "exp1", "one layer is enough"]]);
  sim.userEdit("Runs", "J2:L2", [["finished", "", "0,91"]]);
  // A complete recipe, so the one warning is the decimal comma (not not_reproducible).
  sim.userEdit("Runs", "O2:Q2", [["3f2a9c1", "dogs-cats@9b1e77a", "env-1"]]);
  sim.userEdit("Runs", "S2", "python train.py");
  return sim;
}

const settled = async <T>(p: Promise<T>): Promise<{ done: boolean; value?: T; error?: unknown }> => {
  const state: { done: boolean; value?: T; error?: unknown } = { done: false };
  p.then(
    (value) => Object.assign(state, { done: true, value }),
    (error: unknown) => Object.assign(state, { done: true, error }),
  );
  await new Promise((r) => setTimeout(r, 20));
  return state;
};

describe("cell-edit mode", () => {
  it("automatic revalidation (afterCellEdit) waits for the edit to end; a click gets a clear sentence", async () => {
    const sim = await tracker();
    const gateway = createWorkbookGateway();
    sim.setCellEditMode(true);
    const clicked = await settled(checkRuns(gateway, { mark: true }));
    expect(clicked.done).toBe(true);
    expect(describeError(clicked.error)).toMatch(/busy editing a cell/);
    const automatic = checkRuns(gateway.afterCellEdit(), { mark: true });
    expect((await settled(automatic)).done).toBe(false);
    sim.setCellEditMode(false);
    expect((await automatic).counts.warning).toBe(1);
  });

  it("ribbon commands run with delayForCellEdit: Validate runs finishes after the edit instead of failing", async () => {
    const sim = await tracker();
    sim.setCellEditMode(true);
    const validating = validateRunsAction(createWorkbookGateway(excelRunAfterCellEdit));
    const marking = markBestRunAction(createWorkbookGateway(excelRunAfterCellEdit));
    expect((await settled(validating)).done).toBe(false);
    sim.setCellEditMode(false);
    expect(await validating).toMatch(/0 error\(s\), 1 warning\(s\) in 1 run\(s\)/);
    expect(await marking).toMatch(/run r1 on row 2/);
  });

  it("an ExcelApi 1.7 host reports cell-edit mode as InvalidOperation, shown as editing, not as protected", async () => {
    const sim = await tracker("old");
    sim.setCellEditMode(true);
    const failed = await settled(checkRuns(createWorkbookGateway().afterCellEdit()));
    expect((failed.error as { code?: string }).code).toBe("InvalidOperation");
    expect(describeError(failed.error)).toMatch(/busy editing a cell/);
    expect(describeError({ code: "InvalidOperation", message: "The operation is invalid for this object." })).toMatch(
      /may be protected/,
    );
  });
});

describe("a protected runs sheet", () => {
  it("still gets its issues listed; marks are skipped and say why", async () => {
    const sim = await tracker();
    const gateway = createWorkbookGateway();
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Runs").protection.protect();
      await ctx.sync();
    });
    const outcome = await checkRuns(gateway, { mark: true });
    expect(outcome.issues.map((i) => i.code)).toContain("number_as_text");
    expect(outcome.marks).toMatchObject({ marked: 0, sheetProtected: true });
    expect(sim.conditionalFormats("Runs")).toHaveLength(0);
  });
});
