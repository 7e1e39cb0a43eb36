// @vitest-environment jsdom
import { act, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useCompareTab } from "../../../src/taskpane/components/CompareTab/useCompareTab";
import { harness, renderPaneHook } from "./render";

const header = ["run_id", "experiment", "n_images", "layers", "seed", "status", "accuracy"];
const rows = [
  ["e1-s1", "exp1", 1000, 1, 1, "finished", 0.71],
  ["e2-s1", "exp2", 2000, 2, 1, "finished", 0.8],
  ["e2-s2", "exp2", 2000, 2, 2, "finished", 0.82],
];

describe("useCompareTab on a simulated workbook", () => {
  it("searches, picks runs and a baseline, remembers them in the workbook, writes the Compare sheet", async () => {
    const h = await harness();
    await h.gateway.appendRuns(header, rows);
    const r = renderPaneHook(h, () => useCompareTab());
    await waitFor(() => expect(r.result.current.candidates.shown).toHaveLength(3));
    expect(r.result.current.diffOnly).toBe(true);
    act(() => r.result.current.setSearch("exp2"));
    expect(r.result.current.candidates.shown.map((c) => c.id)).toEqual(["e2-s1", "e2-s2"]);
    act(() => r.result.current.toggle("e1-s1", true));
    act(() => r.result.current.toggle("e2-s2", true));
    act(() => r.result.current.setBaseline("e2-s2"));
    const c = r.result.current.compared;
    if (!c || !("result" in c)) throw new Error("no comparison");
    expect(c.result.baseline.id).toBe("e2-s2");
    expect(c.table.find((row) => row.kind === "delta")?.direction).toEqual([-1, null]);
    await act(() => r.result.current.write());
    expect(h.sim.getValues("Compare", "A1:C1")).toEqual([["column", "e1-s1", "e2-s2 (baseline)"]]);
    r.unmount();
    await waitFor(() =>
      expect(h.sim.settings()["RunSheet.view"]).toMatchObject({
        compareRuns: ["e1-s1", "e2-s2"],
        compareBaseline: "e2-s2",
      }),
    );
  });
});

describe("useCompareTab: runs from the Excel selection", () => {
  it("adds the runs of the selected Runs rows, by id, even after a co-author inserted a row", async () => {
    const h = await harness();
    await h.gateway.appendRuns(header, rows);
    const r = renderPaneHook(h, () => useCompareTab());
    await waitFor(() => expect(r.result.current.candidates.shown).toHaveLength(3));
    const top = Number(/\d+/.exec(h.sim.getTable("Runs")?.address.split(":")[0] ?? "")?.[0]);
    // A co-author inserts a row above the runs; the user then selects what they see as e2-s1 and e2-s2.
    h.sim.coAuthorInsertRows("Runs", `${top + 1}:${top + 1}`);
    h.sim.userSelect("Runs", `D${top + 3}:D${top + 4}`);
    await act(() => r.result.current.pickSelected());
    expect(r.result.current.selected).toEqual(["e2-s1", "e2-s2"]);
    expect(r.result.current.notice).toBe("Added 2 runs selected in the sheet: e2-s1, e2-s2.");
    expect(h.announced.at(-1)).toBe(r.result.current.notice);
    h.sim.userSelect("Runs", "A1");
    await act(() => r.result.current.pickSelected());
    expect(r.result.current.selected).toEqual(["e2-s1", "e2-s2"]);
    expect(r.result.current.notice).toMatch(/not on the Runs table's rows/);
  });
});
