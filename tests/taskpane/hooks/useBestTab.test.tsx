// @vitest-environment jsdom
import { act, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createWorkbookGateway } from "../../../src/excel/index";
import { useBestTab } from "../../../src/taskpane/components/BestTab/useBestTab";
import { harness, renderPaneHook, type Harness } from "./render";

const header = ["run_id", "experiment", "n_images", "layers", "seed", "status", "accuracy", "val_loss"];
const rows = [
  ["e1-s1", "exp1", 1000, 1, 1, "finished", 0.71, 0.6],
  ["e1-s2", "exp1", 1000, 1, 2, "finished", 0.73, 0.58],
  ["e1-s3", "exp1", 1000, 1, 3, "finished", 0.72, 0.59],
  ["e2-s1", "exp2", 2000, 2, 1, "finished", 0.8, 0.5],
  ["e2-s2", "exp2", 2000, 2, 2, "finished", 0.82, 0.48],
  ["e2-s3", "exp2", 2000, 2, 3, "finsihed", 0.81, 0.49],
  ["e2-s2", "exp2", 2000, 2, 2, "finished", 0.82, 0.48],
];

async function withRuns(): Promise<Harness> {
  const h = await harness();
  await h.gateway.appendRuns(header, rows);
  return h;
}

async function mounted(h: Harness) {
  const r = renderPaneHook(h, () => useBestTab());
  await waitFor(() => expect(r.result.current.hasRuns).toBe(true));
  await waitFor(() => expect(r.result.current.metric).toBe("accuracy"));
  return r;
}

describe("useBestTab on a simulated workbook", () => {
  it("leaves out rows with open errors, says so, and fixes a near-miss status in one click", async () => {
    const h = await withRuns();
    const r = await mounted(h);
    await act(() => r.result.current.find());
    const result = r.result.current.result;
    expect(r.result.current.openErrors).toBe(2);
    // exp2 keeps two clean runs: neither the duplicate nor the typo counts as a replicate.
    expect(result?.ranking[0]?.n).toBe(2);
    const reasons = result?.excluded.map((e) => `${e.row}: ${e.reason}`) ?? [];
    expect(reasons.some((t) => t.startsWith('7: "finsihed" is not one of the choices'))).toBe(true);
    expect(reasons.some((t) => t.startsWith('8: The run_id "e2-s2" is already used on row 6'))).toBe(true);

    const fix = r.result.current.fixes.get(7);
    expect(fix).toEqual({ row: 7, column: "status", value: "finsihed", choice: "finished" });
    await act(() => r.result.current.applyChoiceFix(fix!));
    const statusColumn = String.fromCharCode(65 + 9); // the default schema's status column (J)
    expect(h.sim.getValues("Runs", `${statusColumn}7`)[0]?.[0]).toBe("finished");
    await waitFor(() => expect(r.result.current.result?.ranking[0]?.n).toBe(3));
  });

  it("keeps metric, goal and constraints in the workbook, where a colleague's pane finds them", async () => {
    const h = await withRuns();
    const r = await mounted(h);
    act(() => {
      r.result.current.setMetric("val_loss");
      r.result.current.setWhere("n_images >= 2000");
      r.result.current.setGoal("min");
    });
    r.unmount(); // leaving the tab saves at once
    await waitFor(() => expect(h.sim.settings()["RunSheet.view"]).toMatchObject({ metric: "val_loss" }));

    // Another person opens the same file: a new pane, its own store, the same workbook.
    const colleague: Harness = { ...h, store: new Map(), gateway: createWorkbookGateway((b) => h.sim.Excel.run(b)) };
    const other = renderPaneHook(colleague, () => useBestTab());
    await waitFor(() => expect(other.result.current.metric).toBe("val_loss"));
    expect(other.result.current.where).toBe("n_images >= 2000");
    expect(other.result.current.goal).toBe("min");
  });

  it("keeps the ranking when the tab is left and opened again", async () => {
    const h = await withRuns();
    const r = await mounted(h);
    await act(() => r.result.current.find());
    r.unmount();
    const again = renderPaneHook(h, () => useBestTab());
    expect(again.result.current.result?.best?.id).toBe("e2-s2");
  });
});
