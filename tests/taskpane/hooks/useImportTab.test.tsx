// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import { act, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { WorkbookGateway, WorkbookSnapshot } from "../../../src/excel/index";
import { useImportTab } from "../../../src/taskpane/components/ImportTab/useImportTab";
import { harness, renderPaneHook, type Harness } from "./render";

const header = ["run_id", "experiment", "layers", "seed", "status", "accuracy"];
const exp1 = [
  ["exp1-s1", "exp1", 1, 1, "finished", 0.71],
  ["exp1-s2", "exp1", 1, 2, "finished", 0.73],
];

const trainer = (id: string, seed: number, status: string) =>
  `{'run_id': '${id}', 'experiment': 'exp2', 'layers': 2, 'seed': ${seed}, 'status': '${status}', 'accuracy': 0.8}`;

/** The same workbook behind a gateway whose methods the test replaces: a fake at the pane's edge. */
function withGateway(h: Harness, patch: Partial<WorkbookGateway>): Harness {
  return { ...h, gateway: { ...h.gateway, ...patch } };
}

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

/** The Runs table's run ids, read back through the simulator. */
function runIds(h: Harness): unknown[] {
  return h.sim
    .getValues("Runs", "A2:A20")
    .map((r) => r[0])
    .filter((v) => v !== "" && v !== null);
}

describe("useImportTab on a simulated workbook", () => {
  it("does not offer Import while the workbook is still being read, then checks the preview against it", async () => {
    const h = await harness();
    await h.gateway.appendRuns(header, exp1);
    const reading = deferred<WorkbookSnapshot>();
    const r = renderPaneHook(withGateway(h, { read: () => reading.promise }), () => useImportTab());
    act(() =>
      r.result.current.setText([trainer("exp2-s1", 1, "finished"), trainer("exp1-s2", 2, "finished")].join("\n")),
    );
    await waitFor(() => expect(r.result.current.choices).toHaveLength(6));
    expect(r.result.current.plan.canImport).toBe(false);
    expect(r.result.current.plan.reason).toBe("Reading the Runs table…");

    await act(async () => reading.resolve(await h.gateway.read()));
    await waitFor(() => expect(r.result.current.plan.errors).toBe(1));
    expect(r.result.current.plan.issues.find((i) => i.severity === "error")).toMatchObject({
      line: 2,
      column: "run_id",
      origin: "check",
    });
    expect(r.result.current.plan.canImport).toBe(false);
    act(() => r.result.current.setValidOnly(true));
    expect(r.result.current.plan).toMatchObject({ canImport: true, rows: 1 });
  });

  it("imports several runs of a metric history and writes each run's curves to History", async () => {
    const h = await harness();
    const r = renderPaneHook(h, () => useImportTab());
    const csv = readFileSync("tests/fixtures/parse/mlflow-metric-history.csv", "utf8");
    act(() => r.result.current.setText(csv));
    // This history logs val_accuracy as 3.5, beyond accuracy's 0..1: the preview says so before writing.
    await waitFor(() => expect(r.result.current.plan.errors).toBeGreaterThan(0));
    expect(r.result.current.choices.find((c) => c.source === "val_accuracy")?.target).toBe("accuracy");
    expect(r.result.current.plan.issues.find((i) => i.severity === "error")?.message).toMatch(/3\.5/);
    act(() => r.result.current.setTarget("val_accuracy", { kind: "new" }));
    await waitFor(() => expect(r.result.current.plan.canImport).toBe(true));
    const ids = r.result.current.result?.rows.map((row) => String(row.run_id)) ?? [];
    expect(ids).toHaveLength(3);
    const before = h.changes();
    await act(() => r.result.current.doImport());
    expect(r.result.current.error).toBeNull();
    expect(r.result.current.notice).toMatch(/^Imported 3 runs/);
    expect(r.result.current.notice).toMatch(/curve points kept in the History table/);
    expect(runIds(h)).toEqual(ids);
    const curves = h.sim.getValues("Curves", "A2:A200").map((row) => row[0]);
    expect(new Set(curves.filter((v) => v !== ""))).toEqual(new Set(ids));
    expect(h.changes()).toBe(before + 1);
    // The paste is in the workbook now: the box is cleared rather than showing it as duplicates of itself.
    expect(r.result.current.text).toBe("");
    await waitFor(() => expect(r.result.current.result).toBeNull());
  });

  it("shows the Excel error and writes nothing when the write fails", async () => {
    const h = await harness();
    const failing = withGateway(h, {
      appendRuns: () => Promise.reject(new Error("The request payload size has exceeded the limit.")),
    });
    const r = renderPaneHook(failing, () => useImportTab());
    act(() => r.result.current.setText(trainer("exp2-s1", 1, "finished")));
    await waitFor(() => expect(r.result.current.plan.canImport).toBe(true));
    await act(() => r.result.current.doImport());
    expect(r.result.current.error).toMatch(/payload|limit/i);
    expect(r.result.current.notice).toBeNull();
    expect(r.result.current.busy).toBe(false);
    expect(runIds(h)).toEqual([]);
    // What the user pasted is still there to try again.
    expect(r.result.current.text).toContain("exp2-s1");
    expect(h.changes()).toBe(0);
  });

  it("stops a large paste on Cancel: no progress, no preview, nothing to import", async () => {
    const h = await harness();
    const r = renderPaneHook(h, () => useImportTab());
    const rows = Array.from({ length: 30_000 }, (_, i) => `r${i},${(i % 100) / 100}`);
    act(() => r.result.current.setText(["run_id,accuracy", ...rows].join("\n")));
    await waitFor(() => expect(r.result.current.progress).not.toBeNull());
    act(() => r.result.current.cancelParse());
    expect(r.result.current.progress).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(r.result.current.progress).toBeNull();
    expect(r.result.current.result).toBeNull();
    expect(r.result.current.plan.canImport).toBe(false);
  });

  it("keeps the paste, its preview and a changed target when the tab is left and opened again", async () => {
    const h = await harness();
    const r = renderPaneHook(h, () => useImportTab());
    act(() => r.result.current.setText("run_id,experiment,eval_accuracy,top1\nexp3-s1,exp3,0.9,0.88\n"));
    await waitFor(() =>
      expect(r.result.current.choices.find((c) => c.source === "eval_accuracy")?.target).toBe("accuracy"),
    );
    act(() => r.result.current.setTarget("top1", { kind: "schema", name: "accuracy" }));
    const kept = r.result.current.result;
    r.unmount();
    const again = renderPaneHook(h, () => useImportTab());
    expect(again.result.current.text).toContain("exp3-s1");
    expect(again.result.current.result).toBe(kept);
    await waitFor(() => expect(again.result.current.plan.canImport).toBe(true));
    // Still the user's choice after the workbook was read again, not the proposal.
    expect(again.result.current.choices.find((c) => c.source === "top1")?.target).toBe("accuracy");
    expect(again.result.current.choices.find((c) => c.source === "eval_accuracy")?.target).toBeNull();
    expect(again.result.current.plan.cells?.cells[0]).toContain(0.88);
  });
});
