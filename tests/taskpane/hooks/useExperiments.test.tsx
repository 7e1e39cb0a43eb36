// @vitest-environment jsdom
import { act, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_BASELINE,
  EXPERIMENTS_RESULT_ID,
  useExperiments,
} from "../../../src/taskpane/components/ExperimentsSection/useExperiments";
import { SEEDS_HEADER, SEEDS_RUNS } from "../../shared/seeds-example";
import { harness, renderPaneHook, type Harness } from "./render";

const header = SEEDS_HEADER;
const rows = [
  ...SEEDS_RUNS,
  ["e3-s1", "exp3", 2000, 2, 4, "finished", 0.815, 0.49],
  ["e3-s2", "exp3", 2000, 2, 5, "finished", 0.805, 0.49],
];

async function withRuns(): Promise<Harness> {
  const h = await harness();
  await h.gateway.appendRuns(header, rows);
  return h;
}

/** The Experiments table's column `name` as the simulator holds it. */
function column(h: Harness, name: string): unknown[] {
  const info = h.sim.getTable("Experiments");
  if (!info) return [];
  const [head = [], ...body] = h.sim.getValues(info.sheet, info.address.replace(/^.*!/, ""));
  const at = head.indexOf(name);
  return body.map((r) => r[at]);
}

describe("useExperiments on a simulated workbook", () => {
  it("writes every experiment with its verdict, announces it and moves focus to the result", async () => {
    const h = await withRuns();
    const r = renderPaneHook(h, () => useExperiments({ metric: "accuracy", where: "" }));
    const target = document.createElement("div");
    target.id = EXPERIMENTS_RESULT_ID;
    target.tabIndex = -1;
    document.body.appendChild(target);
    await act(() => r.result.current.update());
    expect(column(h, "id")).toEqual(["exp1", "exp2", "exp3"]);
    expect(r.result.current.verdicts.map((v) => v.baseline)).toEqual([null, "exp1", "exp2"]);
    expect(String(column(h, "verdict")[1])).toMatch(/^exp2 beats exp1 \(the previous experiment; no baseline set\)/);
    expect(h.announced.at(-1)).toBe(
      "Updated the Experiments sheet: 3 experiments, added exp1, exp2, exp3; 3 verdicts changed.",
    );
    await waitFor(() => expect(document.activeElement).toBe(target));
    target.remove();
    expect(h.changes()).toBeGreaterThan(0);
  });

  it("writes a picked baseline into the sheet and the verdict follows it; the default clears it again", async () => {
    const h = await withRuns();
    const r = renderPaneHook(h, () => useExperiments({ metric: "accuracy", where: "" }));
    await act(() => r.result.current.update());
    await act(() => r.result.current.setBaseline("exp3", "exp1"));
    expect(column(h, "baseline")).toEqual(["", "", "exp1"]);
    expect(r.result.current.baselineOf("exp3")).toBe("exp1");
    const exp3 = r.result.current.verdicts.find((v) => v.id === "exp3");
    expect(exp3?.baselineDefaulted).toBe(false);
    expect(String(column(h, "verdict")[2])).toMatch(/^exp3 beats exp1: accuracy /);
    expect(h.announced.at(-1)).toMatch(/^exp3 is now compared with exp1\. exp3 beats exp1/);

    await act(() => r.result.current.setBaseline("exp3", DEFAULT_BASELINE));
    expect(column(h, "baseline")).toEqual(["", "", ""]);
    // Against exp2 (the previous one), 2 runs vs 3 with the same mean: tied, and more seeds would not help.
    expect(String(column(h, "verdict")[2])).toMatch(
      /^cannot tell exp3 from exp2 \(the previous experiment; no baseline set\)/,
    );
    expect(String(column(h, "verdict")[2])).toMatch(
      /n = 2 vs 3\. The means are equal: more seeds would not show a difference\.$/,
    );
  });

  it("refuses to overwrite a baseline a colleague typed since the pane read the sheet", async () => {
    const h = await withRuns();
    const r = renderPaneHook(h, () => useExperiments({ metric: "accuracy", where: "" }));
    await act(() => r.result.current.update());
    h.sim.userEdit("Experiments", "F4", "exp2");
    await h.sim.idle();
    await act(() => r.result.current.setBaseline("exp3", "exp1"));
    expect(column(h, "baseline")[2]).toBe("exp2");
    expect(r.result.current.error).toMatch(/changed in the sheet since the pane read it; nothing was written/);
  });

  it("keeps the verdicts when the tab is left and opened again", async () => {
    const h = await withRuns();
    const r = renderPaneHook(h, () => useExperiments({ metric: "accuracy", where: "" }));
    await act(() => r.result.current.update());
    r.unmount();
    const again = renderPaneHook(h, () => useExperiments({ metric: "accuracy", where: "" }));
    expect(again.result.current.ids).toEqual(["exp1", "exp2", "exp3"]);
    expect(again.result.current.notice).toMatch(/^Updated the Experiments sheet/);
  });
});
