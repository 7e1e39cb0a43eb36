// @vitest-environment jsdom
import { act, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useCheckTab } from "../../../src/taskpane/components/CheckTab/useCheckTab";
import { harness, renderPaneHook } from "./render";

const header = ["run_id", "experiment", "layers", "seed", "status", "accuracy"];
const rows = [
  ["e1-s1", "exp1", 1, 1, "finished", 0.71],
  ["e1-s2", "exp1", 1, 2, "finished", "0,91"],
  ["e1-s3", "exp1", 1, 3, "finshed", 0.72],
];

describe("useCheckTab on a simulated workbook", () => {
  it("loading, then the check: issues grouped, the summary announced", async () => {
    const h = await harness();
    await h.gateway.appendRuns(header, rows, [[1, 5]]);
    const r = renderPaneHook(h, () => useCheckTab());
    expect(r.result.current.outcome).toBeNull();
    expect(r.result.current.busy).toBe(true);
    await waitFor(() => expect(r.result.current.outcome?.grid).not.toBeNull());
    await waitFor(() => expect(r.result.current.outcome?.runs).toHaveLength(3));
    const codes = r.result.current.outcome?.issues.map((i) => i.code) ?? [];
    expect(codes).toContain("not_in_choices");
    expect(codes).toContain("number_as_text");
    expect(r.result.current.groups[0]?.severity).toBe("error");
    expect(h.announced.at(-1)).toMatch(/^\d+ errors?, \d+ warnings? in 3 runs\.$/);
  });

  it("a safe fix is written, re-checked, and announced after the re-check", async () => {
    const h = await harness();
    await h.gateway.appendRuns(header, rows, [[1, 5]]);
    const r = renderPaneHook(h, () => useCheckTab());
    await waitFor(() => expect(r.result.current.safeFixCount).toBeGreaterThan(0));
    const issue = r.result.current.outcome?.issues.find((i) => i.code === "number_as_text");
    if (!issue?.cell) throw new Error("no fixable issue");
    await act(() => r.result.current.fix(issue));
    expect(r.result.current.fixNotice).toBe("Fixed 1 cell.");
    expect(h.announced.at(-1)).toBe("Fixed 1 cell.");
    expect(r.result.current.outcome?.issues.some((i) => i.code === "number_as_text")).toBe(false);
  });

  it("an error while checking is a sentence, not a stack trace; Validate recovers", async () => {
    const h = await harness();
    h.sim.setCellEditMode(true);
    const r = renderPaneHook(h, () => useCheckTab());
    await waitFor(() => expect(r.result.current.error).toMatch(/editing a cell/));
    expect(r.result.current.outcome).toBeNull();
    h.sim.setCellEditMode(false);
    await act(() => r.result.current.validate());
    expect(r.result.current.error).toBeNull();
    expect(r.result.current.outcome).not.toBeNull();
  });

  it("revalidates after an edit, and cancel (Live off, then unmount) stops following the sheet", async () => {
    const h = await harness();
    await h.gateway.appendRuns(header, rows.slice(0, 1));
    const restore = h.sim.install();
    try {
      const r = renderPaneHook(h, () => useCheckTab());
      await waitFor(() => expect(r.result.current.outcome?.runs).toHaveLength(1));
      await waitFor(() => expect(h.sim.handlerCount()).toBe(1));
      const lastRow = Number(/(\d+)$/.exec(h.sim.getTable("Runs")?.address ?? "")?.[1]);
      h.sim.userPaste("Runs", `A${lastRow + 1}`, "e9\texp1\t1\t9\tfinished\t0.7");
      await waitFor(() => expect(r.result.current.outcome?.runs).toHaveLength(2), { timeout: 3000 });
      act(() => r.result.current.setLive(false));
      await waitFor(() => expect(h.sim.handlerCount()).toBe(0));
      h.sim.userPaste("Runs", `A${lastRow + 2}`, "e10\texp1\t1\t10\tfinished\t0.7");
      await h.sim.idle();
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(r.result.current.outcome?.runs).toHaveLength(2);
      r.unmount();
      expect(h.sim.handlerErrors).toEqual([]);
    } finally {
      restore();
    }
  });
});
