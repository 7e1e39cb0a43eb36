import { describe, expect, it } from "vitest";
import { appendHistory, type HistoryRow } from "../../src/excel/index";
import { workbook } from "./helpers";

const points: HistoryRow[] = [
  ["007", "val_loss", "epoch", 0, 0.7],
  ["007", "val_loss", "epoch", 1, 0.6],
  ["007", "accuracy", "epoch", 0, 0.5],
];

describe("appendHistory", () => {
  it("creates the History table on first use (two syncs), ids kept as text", async () => {
    const { sim, counted } = workbook();
    const { value, syncs } = await counted((ctx) => appendHistory(ctx, points));
    expect(syncs).toBe(2);
    expect(value).toEqual({ appended: 3, skipped: 0 });
    expect(sim.getTable("History")?.headers).toEqual(["run_id", "metric", "x_name", "x", "value"]);
    expect(sim.getValues("History", "A2:E2")).toEqual([["007", "val_loss", "epoch", 0, 0.7]]);
  });

  it("never duplicates points on a second import, adds only new ones", async () => {
    const { sim, run } = workbook();
    await run((ctx) => appendHistory(ctx, points));
    const again = await run((ctx) => appendHistory(ctx, [...points, ["007", "val_loss", "epoch", 2, 0.55]]));
    expect(again).toEqual({ appended: 1, skipped: 3 });
    expect(sim.getTable("History")?.rowCount).toBe(4);
  });

  it("leaves a user's History sheet alone", async () => {
    const { sim, run } = workbook();
    sim.addSheet("History");
    sim.setValues("History", "A1:B2", [
      ["my notes", ""],
      ["epoch 3 looked odd", "see log"],
    ]);
    await expect(run((ctx) => appendHistory(ctx, points))).rejects.toThrow(/rename it/);
    expect(sim.getValues("History", "A1:B2")).toEqual([
      ["my notes", ""],
      ["epoch 3 looked odd", "see log"],
    ]);
  });

  it("uses an empty History sheet (what a half-applied first attempt leaves) instead of refusing", async () => {
    const { sim, run } = workbook();
    sim.addSheet("History");
    await expect(run((ctx) => appendHistory(ctx, points))).resolves.toEqual({ appended: 3, skipped: 0 });
    expect(sim.getTable("History")?.rowCount).toBe(3);
  });

  it("writes by column name into a History table whose columns a user reordered", async () => {
    const { sim, run } = workbook();
    sim.addSheet("History");
    sim.setValues("History", "A1:E2", [
      ["value", "x", "run_id", "x_name", "metric"],
      [0.9, 0, "r0", "epoch", "acc"],
    ]);
    sim.addTable("History", "A1:E2", "History");
    await run((ctx) => appendHistory(ctx, [["007", "=-log_loss", "epoch", 1, 0.7]]));
    expect(sim.getValues("History", "A3:E3")).toEqual([[0.7, 1, "007", "epoch", "=-log_loss"]]);
    expect(sim.getFormulas("History", "E3")).toEqual([["=-log_loss"]]);
  });
});
