import { describe, expect, it } from "vitest";
import {
  appendRuns,
  createTracker,
  registerBest,
  registryRow,
  subscribeToChanges,
  type SheetChange,
} from "../../src/excel/index";
import { workbook } from "./helpers";

describe("subscribeToChanges", () => {
  it("calls back on the user's and co-authors' edits of the runs sheet only", async () => {
    const { sim, run } = workbook();
    sim.addSheet("Runs");
    sim.addSheet("Notes");
    const restore = sim.install();
    try {
      const seen: SheetChange[] = [];
      const sub = await run((ctx) => subscribeToChanges(ctx, "Runs", (c) => seen.push(c)));
      expect(sub.supported).toBe(true);
      sim.userEdit("Runs", "B2", 0.5);
      sim.userEdit("Notes", "A1", "x");
      sim.coAuthorEdit("Runs", "C3", "y");
      await sim.idle();
      expect(seen.map((c) => [c.address.replace(/^.*!/, ""), c.source])).toEqual([
        ["B2", "Local"],
        ["C3", "Remote"],
      ]);
      expect(sim.handlerCount()).toBe(1);
    } finally {
      restore();
    }
  });

  it("says not supported when the host lacks events", async () => {
    const { sim, run } = workbook();
    sim.addSheet("Runs");
    const caps = { settings: true, conditionalFormats: true, freezePanes: false, events: false, dataValidation: false };
    const sub = await run((ctx) => subscribeToChanges(ctx, "Runs", () => undefined, caps));
    expect(sub.supported).toBe(false);
    expect(sim.handlerCount()).toBe(0);
  });
});

describe("registerBest", () => {
  const entry = {
    runId: "r2",
    metric: "accuracy",
    value: 0.82,
    reason: "best by mean",
    row: { run_id: "r2", accuracy: 0.82, notes: "=danger" },
    registeredAt: "2026-11-25T16:00:00.000Z",
  };

  it("writes a frozen copy of the row as real columns, once per run and metric", async () => {
    const { sim, run, counted } = workbook();
    await run((ctx) => createTracker(ctx));
    const first = await counted((ctx) => registerBest(ctx, entry));
    expect(first.syncs).toBe(3);
    expect(first.value).toEqual({ status: "registered", row: 2 });
    const again = await run((ctx) => registerBest(ctx, { ...entry, registeredAt: "2026-11-26T00:00:00.000Z" }));
    expect(again).toEqual({ status: "already-registered", row: 2 });
    expect(sim.getTable("Registry")?.rowCount).toBe(1);
    const other = await run((ctx) => registerBest(ctx, { ...entry, metric: "val_loss", value: 0.3 }));
    expect(other).toEqual({ status: "registered", row: 3 });
    expect(sim.getTable("Registry")?.headers).toEqual([
      "run_id",
      "metric",
      "value",
      "registered_at",
      "reason",
      "accuracy",
      "notes",
    ]);
    const values = sim.getValues("Registry", "A2:G3");
    expect(values[0]).toEqual(["r2", "accuracy", 0.82, "2026-11-25T16:00:00.000Z", "best by mean", 0.82, "=danger"]);
    expect(values[1]?.[1]).toBe("val_loss");
    // Values, never formulas: a cell's formula is its value.
    expect(sim.getFormulas("Registry", "A2:G3")).toEqual(values);
  });

  it("names a run field that clashes with a Registry column run.<field>", () => {
    const { header, values } = registryRow({ ...entry, row: { run_id: "r2", value: 3, reason: "mine" } });
    expect(header).toEqual(["run_id", "metric", "value", "registered_at", "reason", "run.value", "run.reason"]);
    expect(values.slice(5)).toEqual([3, "mine"]);
  });

  it("creates the Registry sheet when the workbook has none, in two syncs", async () => {
    const { sim, counted } = workbook();
    const { value, syncs } = await counted((ctx) => registerBest(ctx, entry));
    expect(syncs).toBe(2);
    expect(value.status).toBe("registered");
    expect(sim.getTable("Registry")?.rowCount).toBe(1);
  });

  it("a failed registration leaves no partial row, and the retry registers once", async () => {
    const { sim, run } = workbook();
    await run((ctx) => createTracker(ctx));
    await run((ctx) => appendRuns(ctx, ["run_id"], [["r2"]]));
    sim.faults.failSync(3, "GeneralException");
    await expect(run((ctx) => registerBest(ctx, entry))).rejects.toMatchObject({ code: "GeneralException" });
    expect(sim.getValues("Registry", "A2")).toEqual([[""]]);
    await run((ctx) => registerBest(ctx, entry));
    await run((ctx) => registerBest(ctx, entry));
    expect(sim.getTable("Registry")?.rowCount).toBe(1);
  });

  it("refuses a frozen value larger than an Excel cell instead of truncating it", () => {
    expect(() => registryRow({ ...entry, row: { notes: "x".repeat(40000) } })).toThrow(/32767/);
  });
});
