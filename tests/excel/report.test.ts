import { describe, expect, it } from "vitest";
import type { ReportSpec } from "../../src/core/index";
import {
  appendRuns,
  chartBlock,
  createTracker,
  createWorkbookGateway,
  generateReport,
  writeReport,
  type ExcelRunner,
} from "../../src/excel/index";
import { workbook } from "./helpers";

const header = ["run_id", "experiment", "hypothesis", "n_images", "layers", "seed", "status", "accuracy"];
const runs = [
  ["e1-s1", "exp1", "=one layer is enough", 1000, 1, 1, "finished", 0.71],
  ["e1-s2", "exp1", "", 1000, 1, 2, "finished", 0.73],
  ["e1-s3", "exp1", "", 1000, 1, 3, "finished", 0.72],
  ["e2-s1", "exp2", "more data and a layer help", 2000, 2, 1, "finished", 0.8],
  ["e2-s2", "exp2", "", 2000, 2, 2, "finished", 0.82],
  ["e2-s3", "exp2", "", 2000, 2, 3, "finished", 0.81],
];

async function seeded() {
  const wb = workbook();
  await wb.run((ctx) => createTracker(ctx));
  await wb.run((ctx) => appendRuns(ctx, header, runs, [[0, 2]]));
  return { ...wb, gateway: createWorkbookGateway(wb.run as ExcelRunner) };
}

describe("Report sheet", () => {
  it("writes sections with verdicts and a native chart, hypothesis text kept as text", async () => {
    const { sim, gateway } = await seeded();
    const result = await generateReport(gateway, { metric: "accuracy", now: new Date("2026-11-25T12:00:00Z") });
    expect(result).toMatchObject({ sheet: "Report", sections: 2, replaced: false });
    expect(result.charts).toBeGreaterThanOrEqual(1);
    const table = sim.getValues("Report", "A5:H7");
    expect(table[0]).toEqual(["Experiment", "Hypothesis", "Best run", "Mean ± CI", "n", "Baseline", "p", "Verdict"]);
    expect(table[1]?.[0]).toBe("exp1");
    expect(sim.getFormulas("Report", "B6")[0]?.[0]).toBe("=one layer is enough");
    expect(table[2]?.[0]).toBe("exp2");
    expect(String(table[2]?.[7])).toMatch(/exp2/);
    expect(sim.charts("Report").length).toBe(result.charts);
    expect(sim.charts("Report")[0]?.series[0]?.values.length).toBeGreaterThan(0);
    expect(sim.columnWidth("Report", 7)).toBeGreaterThan(sim.columnWidth("Report", 4));
    const p = table[2]?.[6];
    expect(typeof p === "number" && String(p).replace(/^0\.0*/, "").length <= 3).toBe(true);
  });

  it("regenerates in place: same charts count, no duplicated sheet", async () => {
    const { sim, gateway } = await seeded();
    const first = await generateReport(gateway, { metric: "accuracy" });
    const sheets = sim.sheetNames();
    const second = await generateReport(gateway, { metric: "accuracy" });
    expect(second.replaced).toBe(true);
    expect(sim.sheetNames()).toEqual(sheets);
    expect(sim.charts("Report").length).toBe(first.charts);
  });

  it("never wipes a Report sheet the user made", async () => {
    const { sim, gateway } = await seeded();
    sim.addSheet("Report");
    sim.setValues("Report", "A1", [["my report"]]);
    await expect(generateReport(gateway, { metric: "accuracy" })).rejects.toThrow(/did not create/);
    expect(sim.getValues("Report", "A1")).toEqual([["my report"]]);
  });

  it("reports an unknown metric as a sentence", async () => {
    const { gateway } = await seeded();
    await expect(generateReport(gateway, { metric: "nope" })).rejects.toThrow(/nope/);
  });

  it("writes in at most three syncs", async () => {
    const { counted } = workbook();
    const spec: ReportSpec = {
      title: "T",
      metric: "accuracy",
      goal: "max",
      generated: "2026-11-25T12:00:00.000Z",
      sections: [],
      charts: [
        { kind: "scatter", title: "c", xTitle: "x", yTitle: "y", series: [{ name: "s", x: [1, 2], y: [3, null] }] },
      ],
    };
    expect((await counted((ctx) => writeReport(ctx, spec))).syncs).toBe(2);
    expect((await counted((ctx) => writeReport(ctx, spec))).syncs).toBe(3);
  });
});

describe("chartBlock", () => {
  it("lays out x, y and ± columns per series, missing y as empty cells", () => {
    const block = chartBlock({
      kind: "column",
      title: "t",
      xTitle: "config",
      yTitle: "accuracy",
      series: [{ name: "mean", x: ["a", "b"], y: [0.7, null], errorBars: { minus: [0.01, 0.02], plus: [0.01, 0.02] } }],
    });
    expect(block.values).toEqual([
      ["config", "mean", "mean −", "mean +"],
      ["a", 0.7, 0.01, 0.01],
      ["b", "", 0.02, 0.02],
    ]);
    expect(block.series).toEqual([{ name: "mean", x: 0, y: 1, n: 2 }]);
  });
});

describe("Report number formats", () => {
  it("shows fractions with at most 4 decimals and keeps integers and text as they are", async () => {
    const { sim, gateway } = await seeded();
    await generateReport(gateway, { metric: "accuracy", now: new Date("2026-11-25T12:00:00Z") });
    const used = sim.usedAddress("Report") ?? "A1:A1";
    const range = used.split("!").pop() ?? used;
    const values = sim.getValues("Report", range);
    const formats = sim.getNumberFormats("Report", range);
    const texts = sim.getText("Report", range);
    let fractions = 0;
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v === "string" && v !== "") expect(formats[r]?.[c]).toBe("@");
        if (typeof v === "number" && !Number.isInteger(v) && Math.abs(v) >= 0.001) {
          fractions++;
          expect(formats[r]?.[c]).toBe("0.0###");
          const shown = texts[r]?.[c] ?? "";
          expect(shown).toMatch(/^-?\d+\.\d{1,4}$/);
          expect(Number(shown)).toBe(Number(v.toFixed(4)));
        }
      }),
    );
    expect(fractions).toBeGreaterThan(0);
  });
});
