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
    expect(sim.getValues("Curves", "A2:E2")).toEqual([["007", "val_loss", "epoch", 0, 0.7]]);
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
    sim.addSheet("Curves");
    sim.setValues("Curves", "A1:B2", [
      ["my notes", ""],
      ["epoch 3 looked odd", "see log"],
    ]);
    await expect(run((ctx) => appendHistory(ctx, points))).rejects.toThrow(/rename it/);
    expect(sim.getValues("Curves", "A1:B2")).toEqual([
      ["my notes", ""],
      ["epoch 3 looked odd", "see log"],
    ]);
  });

  it("uses an empty History sheet (what a half-applied first attempt leaves) instead of refusing", async () => {
    const { sim, run } = workbook();
    sim.addSheet("Curves");
    await expect(run((ctx) => appendHistory(ctx, points))).resolves.toEqual({ appended: 3, skipped: 0 });
    expect(sim.getTable("History")?.rowCount).toBe(3);
  });

  it("writes by column name into a History table whose columns a user reordered", async () => {
    const { sim, run } = workbook();
    sim.addSheet("Curves");
    sim.setValues("Curves", "A1:E2", [
      ["value", "x", "run_id", "x_name", "metric"],
      [0.9, 0, "r0", "epoch", "acc"],
    ]);
    sim.addTable("Curves", "A1:E2", "History");
    await run((ctx) => appendHistory(ctx, [["007", "=-log_loss", "epoch", 1, 0.7]]));
    expect(sim.getValues("Curves", "A3:E3")).toEqual([[0.7, 1, "007", "epoch", "=-log_loss"]]);
    expect(sim.getFormulas("Curves", "E3")).toEqual([["=-log_loss"]]);
  });
});

describe("History over 5 MB", () => {
  const many = (n: number, from = 0): HistoryRow[] =>
    Array.from({ length: n }, (_, i) => [`run-${(from + i) % 50}`, "val_loss", "step", from + i, 1 / (from + i + 1)]);

  it(
    "creates and appends 60,000 points in requests under the limit, then reads 150,000 back in blocks",
    { timeout: 120_000 },
    async () => {
      const { sim, run } = workbook();
      const first = await run((ctx) => appendHistory(ctx, many(60000)));
      expect(first).toEqual({ appended: 60000, skipped: 0 });
      const more = await run((ctx) => appendHistory(ctx, many(90000, 60000)));
      expect(more).toEqual({ appended: 90000, skipped: 0 });
      expect(sim.stats.requests.every((r) => r.ok && r.bytes <= 5 * 1024 * 1024)).toBe(true);
      expect(sim.getTable("History")?.rowCount).toBe(150000);
      expect(sim.getValues("Curves", "A150001:D150001")).toEqual([["run-49", "val_loss", "step", 149999]]);
      // Reading 150,000 existing points to skip known ones takes several responses, none refused.
      const from = sim.stats.requests.length;
      const again = await run((ctx) => appendHistory(ctx, many(10, 149995)));
      expect(again).toEqual({ appended: 5, skipped: 5 });
      const reads = sim.stats.requests.slice(from);
      expect(reads.every((r) => r.ok)).toBe(true);
      expect(reads.reduce((n, r) => n + r.responseBytes, 0)).toBeGreaterThan(5 * 1024 * 1024);
    },
  );
});
