import { describe, expect, it } from "vitest";
import { readTableValues } from "../../src/excel/table-values";
import { workbook } from "./helpers";

describe("readTableValues", () => {
  it("reads a table whole, or its data body only, in two syncs", async () => {
    const { sim, counted } = workbook();
    sim.setValues("Sheet1", "B2:C4", [
      ["id", "hypothesis"],
      ["exp1", "one layer is enough"],
      ["exp2", "more data helps"],
    ]);
    sim.addTable("Sheet1", "B2:C4", "Experiments");
    const whole = await counted((ctx) => readTableValues(ctx, "Experiments"));
    expect(whole).toEqual({
      value: [
        ["id", "hypothesis"],
        ["exp1", "one layer is enough"],
        ["exp2", "more data helps"],
      ],
      syncs: 2,
    });
    const body = await counted((ctx) => readTableValues(ctx, "Experiments", { body: true }));
    expect(body.value).toEqual([
      ["exp1", "one layer is enough"],
      ["exp2", "more data helps"],
    ]);
  });

  it("gives [] without failing when the workbook has no such table", async () => {
    const { sim, counted } = workbook();
    sim.setValues("Sheet1", "A1:A2", [["id"], ["exp1"]]);
    expect(await counted((ctx) => readTableValues(ctx, "Experiments"))).toEqual({ value: [], syncs: 1 });
  });
});
