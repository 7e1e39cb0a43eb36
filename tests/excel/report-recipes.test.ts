import { describe, expect, it } from "vitest";
import { appendRuns, createTracker, createWorkbookGateway, generateReport, REPORT_HEADER } from "../../src/excel/index";
import { workbook } from "./helpers";

describe("Report sheet: recipe completeness", () => {
  it('adds "n of m runs reproducible" per experiment in the last column', async () => {
    const { sim, run } = workbook();
    await run((ctx) => createTracker(ctx));
    const header = [
      "run_id",
      "experiment",
      "layers",
      "seed",
      "status",
      "accuracy",
      "code_version",
      "data_version",
      "environment",
      "command",
    ];
    const full = ["3f2a9c1", "dogs@9b1e77a", "env-0123456789ab", "python train.py"];
    await run((ctx) =>
      appendRuns(ctx, header, [
        ["a1", "exp1", 1, 1, "finished", 0.7, ...full],
        ["a2", "exp1", 1, 2, "finished", 0.71, "", ...full.slice(1)],
        ["b1", "exp2", 2, 1, "finished", 0.75, ...full],
      ]),
    );
    const gateway = createWorkbookGateway((batch) => sim.Excel.run(batch));
    await generateReport(gateway, { metric: "accuracy", now: new Date("2026-12-01T10:00:00Z") });
    const last = String.fromCharCode(64 + REPORT_HEADER.length);
    const table = sim.getValues("Report", `A6:${last}8`);
    expect(table[0]?.at(-1)).toBe("Recipes");
    expect(table.slice(1).map((r) => [r[0], r.at(-1)])).toEqual([
      ["exp1", "1 of 2 runs reproducible"],
      ["exp2", "1 of 1 run reproducible"],
    ]);
  });
});
