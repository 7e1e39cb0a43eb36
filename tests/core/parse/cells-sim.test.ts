/**
 * The injection policy checked end to end against the Excel simulator: cells listed in
 * `textCells` are written with number format "@" before their values, and Excel keeps the exact
 * text (no formula, no number coercion). The control case shows the simulator would otherwise
 * turn the same inputs into formulas and numbers, so the test can fail.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseText, toSheetCells, type SheetCells } from "../../../src/core/parse";
import { columnLetter } from "../../../src/core/grid";
import { createExcelSimulator } from "../../../src/sim";

async function write(sheetCells: SheetCells, protect: boolean) {
  const sim = createExcelSimulator();
  const rows = [sheetCells.header, ...sheetCells.cells];
  const address = `A1:${columnLetter(sheetCells.header.length - 1)}${rows.length}`;
  const textAt = new Set([
    ...sheetCells.textHeader.map((c) => `0:${c}`),
    ...sheetCells.textCells.map(([r, c]) => `${r + 1}:${c}`),
  ]);
  const formats = rows.map((row, r) => row.map((_, c) => (protect && textAt.has(`${r}:${c}`) ? "@" : "General")));
  await sim.Excel.run(async (ctx) => {
    const range = ctx.workbook.worksheets.getItem("Sheet1").getRange(address);
    range.numberFormat = formats;
    range.values = rows;
    await ctx.sync();
  });
  return { sim, address, rows };
}

const text =
  readFileSync(join(__dirname, "../../../tests/fixtures/parse/csv-injection.csv"), "utf8") +
  "r6,007\nr7,1e5\nr8,TRUE\nr9,2024-03-01\n";

describe("writing parsed text to the simulator", () => {
  it("keeps every formula-like or number-like text exactly, and creates no formula", async () => {
    const cells = toSheetCells(parseText(text), ["run_id", "notes"]);
    const { sim, address, rows } = await write(cells, true);
    expect(sim.getValues("Sheet1", address)).toEqual(rows);
    for (let r = 1; r <= rows.length; r++) {
      for (const col of ["A", "B"]) expect(sim.getCell("Sheet1", `${col}${r}`)?.f).toBeUndefined();
    }
  });
  it("control: without the text format the same values become formulas or numbers", async () => {
    const cells = toSheetCells(parseText(text), ["run_id", "notes"]);
    const { sim, address, rows } = await write(cells, false);
    expect(sim.getValues("Sheet1", address)).not.toEqual(rows);
    expect(sim.getCell("Sheet1", "B3")?.f).toBe("=+cmd");
  });
  it("protects a formula-like header", async () => {
    const cells = toSheetCells(parseText("=cmd,b\nx,1\n"), ["=cmd", "b"]);
    const { sim } = await write(cells, true);
    expect(sim.getValues("Sheet1", "A1:B2")).toEqual([
      ["=cmd", "b"],
      ["x", 1],
    ]);
    expect(sim.getCell("Sheet1", "A1")?.f).toBeUndefined();
  });
});
