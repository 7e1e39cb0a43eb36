import { describe, expect, it } from "vitest";
import { PANE_SETTINGS_KEY, parsePaneSettings, readPaneSettings, savePaneSettings } from "../../src/excel/index";
import { workbook } from "./helpers";

describe("pane settings stored in the workbook", () => {
  it("merges patches, removes undefined fields, and reads back what was saved", async () => {
    const { run, sim, counted } = workbook();
    expect(await run((ctx) => readPaneSettings(ctx))).toEqual({});
    await run((ctx) => savePaneSettings(ctx, { metric: "accuracy", goal: "max", where: "val_loss <= 0.5" }));
    const saved = await counted((ctx) => savePaneSettings(ctx, { where: undefined, diffOnly: false }));
    expect(saved.syncs).toBe(2);
    expect(saved.value).toEqual({ metric: "accuracy", goal: "max", diffOnly: false });
    expect(await run((ctx) => readPaneSettings(ctx))).toEqual({ metric: "accuracy", goal: "max", diffOnly: false });
    expect(sim.settings()[PANE_SETTINGS_KEY]).toEqual({ metric: "accuracy", goal: "max", diffOnly: false });
  });

  it("drops fields of the wrong type instead of trusting a hand-edited setting", () => {
    expect(
      parsePaneSettings({
        metric: 3,
        goal: "best",
        where: "x > 1",
        compareRuns: ["a", 2, "b"],
        experimentBaselines: { exp2: "exp1", exp3: 4 },
      }),
    ).toEqual({ where: "x > 1", compareRuns: ["a", "b"], experimentBaselines: { exp2: "exp1" } });
    expect(parsePaneSettings('{"diffOnly":true}')).toEqual({ diffOnly: true });
    expect(parsePaneSettings("not json")).toEqual({});
    expect(parsePaneSettings(null)).toEqual({});
  });
});
