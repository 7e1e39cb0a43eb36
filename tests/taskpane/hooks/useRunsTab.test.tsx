// @vitest-environment jsdom
import { act, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useRunsTab } from "../../../src/taskpane/components/RunsTab/useRunsTab";
import { harness, renderPaneHook } from "./render";

describe("useRunsTab on a simulated workbook", () => {
  it("loading, then Create tracker on an empty workbook; the main button then offers Check", async () => {
    const h = await harness({ tracker: false });
    const r = renderPaneHook(h, () => useRunsTab());
    // Loading: nothing read yet, the tab is busy.
    expect(r.result.current.status).toBeNull();
    expect(r.result.current.busy).toBe(true);
    await waitFor(() => expect(r.result.current.main).toEqual({ kind: "create", label: "Create tracker" }));
    await act(() => r.result.current.runMain());
    expect(h.sim.getTable("Runs")).toBeDefined();
    expect(r.result.current.notice).toMatch(/^Created Runs, Schema/);
    expect(h.announced.at(-1)).toBe(r.result.current.notice);
    await waitFor(() => expect(r.result.current.main).toEqual({ kind: "check", label: "Check the runs" }));
    await act(() => r.result.current.runMain());
    expect(h.navigated).toEqual(["check"]);
  });

  it("adopts a sheet with a merged title: shows the real header row and the inferred types", async () => {
    const h = await harness({ tracker: false });
    h.sim.setValues("Sheet1", "A1:C4", [
      ["Dogs vs cats", "", ""],
      ["run_id", "layers", "accuracy"],
      ["r1", 1, 0.71],
      ["r2", 2, 0.8],
    ]);
    await h.sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:C1").merge();
      await ctx.sync();
    });
    const r = renderPaneHook(h, () => useRunsTab());
    await waitFor(() => expect(r.result.current.main?.label).toBe("Adopt this sheet"));
    await act(() => r.result.current.runMain());
    await waitFor(() => expect(r.result.current.adopted?.headerRow).toBe(2));
    expect(r.result.current.adopted?.columns.map((c) => `${c.name}:${c.type}`)).toEqual([
      "run_id:text",
      "layers:integer",
      "accuracy:number",
    ]);
    expect(r.result.current.notice).toMatch(/header on row 2, 3 columns, 2 runs/);
    expect(r.result.current.main?.label).toBe("Check 2 runs");
    // The user points at another row; the pane reads the sheet again with it.
    await act(() => r.result.current.setHeaderRow(1));
    await waitFor(() => expect(r.result.current.adopted?.headerRow).toBe(1));
  });

  it("counts and the active sheet follow the user's edits and selection", async () => {
    const h = await harness();
    await h.gateway.appendRuns(["run_id", "accuracy"], [["a", 0.5]]);
    const r = renderPaneHook(h, () => useRunsTab());
    await waitFor(() => expect(r.result.current.status?.runCount).toBe(1));
    // Typed directly below the table: Excel's AutoExpansion takes the row into the table.
    const table = h.sim.getTable("Runs");
    const lastRow = Number(/(\d+)$/.exec(table?.address ?? "")?.[1]);
    h.sim.userEdit("Runs", `A${lastRow + 1}`, "b");
    await waitFor(() => expect(r.result.current.status?.runCount).toBe(2), { timeout: 3000 });
    expect(r.result.current.main?.label).toBe("Check 2 runs");
    h.sim.userSelect("Schema", "A1");
    await waitFor(() => expect(r.result.current.status?.activeSheet).toBe("Schema"), { timeout: 3000 });
  });

  it("shows a failed read as a sentence and recovers on Refresh", async () => {
    const h = await harness();
    // Every sync fails while the user is editing a cell; the pane's own reads do not wait.
    h.sim.setCellEditMode(true);
    const r = renderPaneHook(h, () => useRunsTab());
    await waitFor(() => expect(r.result.current.error).toMatch(/editing a cell/));
    expect(r.result.current.error).not.toMatch(/at \w+ \(/); // no stack trace
    expect(r.result.current.status).toBeNull();
    h.sim.setCellEditMode(false);
    await act(() => r.result.current.refresh());
    expect(r.result.current.error).toBeNull();
    expect(r.result.current.status?.hasTracker).toBe(true);
  });

  it("cancel: unmounting removes its event handlers, and a read still in flight changes nothing", async () => {
    const h = await harness();
    // Handlers are removed in a batch on their own context, through the global Excel.run.
    const restore = h.sim.install();
    try {
      const r = renderPaneHook(h, () => useRunsTab());
      await waitFor(() => expect(r.result.current.status).not.toBeNull());
      // onActivated, onSelectionChanged, and the Runs sheet's onChanged.
      await waitFor(() => expect(h.sim.handlerCount()).toBe(3));
      h.sim.userSelect("Schema", "B2");
      r.unmount();
      await h.sim.idle();
      await waitFor(() => expect(h.sim.handlerCount()).toBe(0));
      expect(h.sim.handlerErrors).toEqual([]);
    } finally {
      restore();
    }
  });

  it("saves the seed column with the workbook", async () => {
    const h = await harness();
    await h.gateway.appendRuns(["run_id", "layers", "seed", "accuracy"], [["a", 1, 1, 0.5]]);
    const r = renderPaneHook(h, () => useRunsTab());
    await waitFor(() => expect(r.result.current.seedOptions).toContain("layers"));
    act(() => r.result.current.setSeedColumn("layers"));
    expect(r.result.current.seedColumn).toBe("layers");
    r.unmount();
    await waitFor(() => expect(h.sim.settings()["RunSheet.view"]).toMatchObject({ seedColumn: "layers" }));
    // A colleague's pane (a fresh store) reads it from the workbook.
    const colleague = renderPaneHook({ ...h, store: new Map() }, () => useRunsTab());
    await waitFor(() => expect(colleague.result.current.seedColumn).toBe("layers"));
  });
});
