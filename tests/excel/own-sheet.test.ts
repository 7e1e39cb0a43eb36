// RunSheet's own single-table sheets (Registry, Curves for History, Environments, Experiments): one lookup,
// one way to create them, one rule for a sheet of that name that is already there.
import { describe, expect, it } from "vitest";
import { findOwnTable, queueOwnTable, type OwnTableSheet } from "../../src/excel/own-sheet";
import { storeEnvironment } from "../../src/excel/environments";
import { workbook } from "./helpers";

const SHEET: Record<OwnTableSheet, string> = {
  registry: "Registry",
  history: "Curves",
  environments: "Environments",
  experiments: "Experiments",
};
const TABLE: Record<OwnTableSheet, string> = {
  registry: "Registry",
  history: "History",
  environments: "Environments",
  experiments: "Experiments",
};
const KEYS = Object.keys(SHEET) as OwnTableSheet[];

const BLOCK = [
  ["run_id", "note"],
  ["007", "=1+1"],
];

describe("findOwnTable and queueOwnTable", () => {
  it.each(KEYS)(
    "%s: creates the sheet and its table from A1, text kept as text, in one sync after the lookup",
    async (key) => {
      const { sim, counted } = workbook();
      const { value: found, syncs } = await counted(async (ctx) => {
        const { table, sheet } = await findOwnTable(ctx, key);
        const before = [table.isNullObject, sheet.isNullObject];
        await queueOwnTable(ctx, key, sheet, BLOCK);
        await ctx.sync();
        return before;
      });
      expect(found).toEqual([true, true]);
      expect(syncs).toBe(2);
      expect(sim.getTable(TABLE[key])?.headers).toEqual(["run_id", "note"]);
      expect(sim.getFormulas(SHEET[key], "A1:B2")).toEqual(BLOCK);
      expect(sim.getValues(SHEET[key], "A2")).toEqual([["007"]]);
    },
  );

  it.each(KEYS)("%s: finds the table once it exists", async (key) => {
    const { run } = workbook();
    await run(async (ctx) => {
      const { sheet } = await findOwnTable(ctx, key);
      await queueOwnTable(ctx, key, sheet, BLOCK);
      await ctx.sync();
    });
    const found = await run(async (ctx) => {
      const { table, sheet } = await findOwnTable(ctx, key);
      return [table.isNullObject, sheet.isNullObject, table.name, sheet.name];
    });
    expect(found).toEqual([false, false, TABLE[key], SHEET[key]]);
  });

  it.each(KEYS)("%s: completes a leftover that holds part of the block, refuses the user's sheet", async (key) => {
    const { sim, run } = workbook();
    sim.addSheet(SHEET[key]);
    sim.setValues(SHEET[key], "A1:B1", [["run_id", "note"]]);
    await run(async (ctx) => {
      const { sheet } = await findOwnTable(ctx, key);
      await queueOwnTable(ctx, key, sheet, BLOCK);
      await ctx.sync();
    });
    expect(sim.getTable(TABLE[key])?.rowCount).toBe(1);

    const other = workbook();
    other.sim.addSheet(SHEET[key]);
    other.sim.setValues(SHEET[key], "A1:B1", [["my", "notes"]]);
    await expect(
      other.run(async (ctx) => {
        const { sheet } = await findOwnTable(ctx, key);
        await queueOwnTable(ctx, key, sheet, BLOCK);
        await ctx.sync();
      }),
    ).rejects.toThrow(`A sheet named "${SHEET[key]}" exists without RunSheet's ${TABLE[key]} table; rename it`);
    expect(other.sim.getValues(SHEET[key], "A1:B1")).toEqual([["my", "notes"]]);
    expect(other.sim.getTable(TABLE[key])).toBeUndefined();
  });

  it("an Environments sheet that starts with RunSheet's header but holds the user's rows is left alone", async () => {
    const { sim, run } = workbook();
    sim.addSheet("Environments");
    sim.setValues("Environments", "A1:E2", [
      ["environment_id", "manager", "package", "version", "source"],
      ["mine", "pip", "numpy", "1.0rc1", "typed by hand"],
    ]);
    await expect(run((ctx) => storeEnvironment(ctx, "numpy==2.1.3\n"))).rejects.toThrow(/rename it/);
    expect(sim.getValues("Environments", "A2:E2")).toEqual([["mine", "pip", "numpy", "1.0rc1", "typed by hand"]]);
    expect(sim.getTable("Environments")).toBeUndefined();
  });
});
