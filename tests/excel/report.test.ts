import { describe, expect, it } from "vitest";
import { best, columnLetter, validate, type CellValue, type ReportSpec, type RunSchema } from "../../src/core/index";
import {
  appendHistory,
  appendRuns,
  chartBlock,
  createTracker,
  createWorkbookGateway,
  generateReport,
  MARKS_LEGEND,
  writeReport,
  type ExcelRunner,
} from "../../src/excel/index";
import { buildExampleWorkbook, buildLargeWorkbook } from "../../src/playground/seed-workbook";
import { createExcelSimulator, type ExcelSimulator } from "../../src/sim/index";
import { faultSweep } from "./fault-sweep";
import { workbook } from "./helpers";

const NOW = new Date("2026-11-25T12:00:00Z");
const header = ["run_id", "experiment", "hypothesis", "n_images", "layers", "seed", "status", "accuracy"];
const runs = [
  ["e1-s1", "exp1", "=one layer is enough", 1000, 1, 1, "finished", 0.71],
  ["e1-s2", "exp1", "", 1000, 1, 2, "finished", 0.73],
  ["e1-s3", "exp1", "", 1000, 1, 3, "finished", 0.72],
  ["e2-s1", "exp2", "more data and a layer help", 2000, 2, 1, "finished", 0.8],
  ["e2-s2", "exp2", "", 2000, 2, 2, "finished", 0.82],
  ["e2-s3", "exp2", "", 2000, 2, 3, "finished", 0.81],
];

async function seeded(sim?: ExcelSimulator) {
  const wb = sim ? { sim, run: <T>(fn: (c: Excel.RequestContext) => Promise<T>) => sim.Excel.run(fn) } : workbook();
  await wb.run((ctx) => createTracker(ctx));
  await wb.run((ctx) => appendRuns(ctx, header, runs, [[0, 2]]));
  return { ...wb, gateway: createWorkbookGateway(wb.run as ExcelRunner) };
}

function fromModel(build: () => ReturnType<typeof buildExampleWorkbook>) {
  const { sim, run } = workbook();
  sim.replaceWorkbook(build());
  return { sim, gateway: createWorkbookGateway(run as ExcelRunner) };
}

/** A workbook with 50 experiments of 3 seeds, long names and hypotheses that look like formulas. */
function fiftyExperiments() {
  const { sim, run } = workbook();
  const rows: (string | number)[][] = [
    ["run_id", "experiment", "hypothesis", "model", "layers", "seed", "status", "accuracy"],
  ];
  for (let e = 1; e <= 50; e++)
    for (let s = 1; s <= 3; s++)
      rows.push([
        `e${e}-s${s}`,
        `experiment-${String(e).padStart(2, "0")}-with-a-long-name`,
        `'=H${e}: variant ${e} helps`,
        `model-${e % 7}`,
        1 + (e % 4),
        s,
        "finished",
        0.7 + (e % 9) * 0.01 + s * 0.002,
      ]);
  sim.addSheet("Runs");
  sim.setValues("Runs", `A1:H${rows.length}`, rows);
  sim.addTable("Runs", `A1:H${rows.length}`, "Runs");
  return { sim, gateway: createWorkbookGateway(run as ExcelRunner) };
}

/** Cells a chart covers, from its position in points and the sheet's column widths (rows: 15 pt). */
function coveredRect(
  sim: ExcelSimulator,
  sheet: string,
  chart: { left: number; top: number; width: number; height: number },
) {
  const colAt = (x: number) => {
    let c = 0;
    let edge = 0;
    while (edge + sim.columnWidth(sheet, c) <= x + 1e-9) edge += sim.columnWidth(sheet, c++);
    return c;
  };
  return {
    r0: Math.floor(chart.top / 15),
    r1: Math.ceil((chart.top + chart.height) / 15) - 1,
    c0: colAt(chart.left),
    c1: colAt(chart.left + chart.width - 1e-6),
  };
}

/** Non-empty cells under any chart of the sheet (address list; empty means nothing is covered). */
function coveredCells(sim: ExcelSimulator, sheet: string): string[] {
  const hits: string[] = [];
  for (const chart of sim.charts(sheet)) {
    const r = coveredRect(sim, sheet, chart);
    const values = sim.getValues(sheet, `${columnLetter(r.c0)}${r.r0 + 1}:${columnLetter(r.c1)}${r.r1 + 1}`);
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== "") hits.push(`${chart.name}: ${columnLetter(r.c0 + j)}${r.r0 + 1 + i}`);
      }),
    );
  }
  return hits;
}

/** Everything a reader sees on a sheet: values, formulas, number formats, charts by name. */
function snapshot(sim: ExcelSimulator, sheet: string) {
  const used = (sim.usedAddress(sheet) ?? "A1:A1").split("!").pop() ?? "A1:A1";
  const charts = sim
    .charts(sheet)
    .map(({ id: _id, ...c }) => c)
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    used,
    formulas: sim.getFormulas(sheet, used),
    formats: sim.getNumberFormats(sheet, used),
    widths: Array.from({ length: 40 }, (_, c) => sim.columnWidth(sheet, c)),
    charts,
  };
}

describe("Report sheet", () => {
  it("writes sections with verdicts next to their experiment, text kept as text", async () => {
    const { sim, gateway } = await seeded();
    const result = await generateReport(gateway, { metric: "accuracy", now: NOW });
    expect(result).toMatchObject({ sheet: "Report", sections: 2, replaced: false });
    const table = sim.getValues("Report", "A6:M8");
    expect(table[0]?.slice(0, 4)).toEqual(["Experiment", "Verdict", "Caveats", "Hypothesis"]);
    expect(table[1]?.[0]).toBe("exp1");
    expect(sim.getFormulas("Report", "D7")[0]?.[0]).toBe("=one layer is enough");
    expect(table[2]?.[0]).toBe("exp2");
    expect(String(table[2]?.[1])).toMatch(
      /^exp2 beats exp1: accuracy \+9\.0 points, 95% CI \+6\.7 to \+11\.3 points, p < 0\.001, n = 3 vs 3\.$/,
    );
    expect(String(table[2]?.[2])).toBe(
      "Compared with exp1, the previous experiment: no baseline is set in Experiments. exp2 changes n_images 1,000 -> 2,000 and layers 1 -> 2 at once: the gain cannot be attributed to either; run one that changes a single factor.",
    );
    expect(table[2]?.[10]).toBe("exp1 (previous; none set)");
    expect(table[2]?.[11]).toBe("+9.0 points");
    expect(sim.getCell("Report", "B8")?.wrap).toBe(true);
    expect(sim.getCell("Report", "C8")?.wrap).toBe(true);
    expect(sim.columnWidth("Report", 1)).toBeGreaterThanOrEqual(500);
    const p = table[2]?.[12];
    expect(typeof p === "number" && String(p).replace(/^0\.0*/, "").length <= 3).toBe(true);
  });

  it("shows the generated time as a real date with a date format", async () => {
    const { sim, gateway } = await seeded();
    await generateReport(gateway, { metric: "accuracy", now: NOW });
    expect(typeof sim.getValues("Report", "B2")[0]?.[0]).toBe("number");
    expect(sim.getNumberFormats("Report", "B2")[0]?.[0]).toBe("yyyy-mm-dd hh:mm");
    expect(sim.getText("Report", "B2")[0]?.[0]).toBe("2026-11-25 12:00");
  });

  it("draws each 95% CI as a high-low pair equal to core's intervals, and says what the lines mean", async () => {
    const { sim, gateway } = fromModel(buildExampleWorkbook);
    await generateReport(gateway, { metric: "accuracy", now: NOW });
    const outcome = await gateway.read();
    expect(outcome).toBeTruthy();
    const charts = sim.charts("Report");
    const perConfig = charts.find((c) => c.name === "RunSheet per-configuration");
    expect(perConfig?.type).toBe("StockHLC");
    expect(perConfig?.series.map((s) => s.name)).toEqual(["95% CI high", "95% CI low", "mean"]);
    // Core's intervals for the same runs (rows with validation errors left out, as the Report does).
    const { checkRuns } = await import("../../src/excel/index");
    const checked = await checkRuns(gateway);
    const ranking = best(
      { runs: checked.runs, schema: checked.schema, leaveOutErrorsOf: checked.issues },
      { metric: "accuracy" },
    );
    if (!ranking.ok) throw new Error("best failed");
    expect(perConfig?.series[0]?.values).toEqual(ranking.value.ranking.map((c) => c.ci95?.[1] ?? c.mean));
    expect(perConfig?.series[1]?.values).toEqual(ranking.value.ranking.map((c) => c.ci95?.[0] ?? c.mean));
    expect(perConfig?.series[2]?.values).toEqual(ranking.value.ranking.map((c) => c.mean));
    const notes = sim.getValues("Report", "A1:A80").flat().map(String);
    expect(notes.some((n) => n.startsWith("Vertical line: 95% confidence interval of the mean"))).toBe(true);
  });

  for (const [name, make] of [
    ["the bundled example", () => fromModel(buildExampleWorkbook)],
    ["the 5,000-run workbook", () => fromModel(() => buildLargeWorkbook())],
    ["a 50-experiment workbook", fiftyExperiments],
  ] as const) {
    it(`puts no chart over a non-empty cell: ${name}`, async () => {
      const { sim, gateway } = make();
      const result = await generateReport(gateway, { metric: "accuracy", now: NOW });
      expect(result.charts).toBeGreaterThanOrEqual(2);
      expect(sim.charts("Report").length).toBe(result.charts);
      expect(coveredCells(sim, "Report")).toEqual([]);
      // The positions the layout asked for are the ones the charts have.
      sim.charts("Report").forEach((c, i) => {
        const r = coveredRect(sim, "Report", c);
        expect(r).toEqual(result.placements[i]);
      });
    });
  }

  it("labels integer params with integer categories", async () => {
    const { sim, gateway } = fromModel(buildExampleWorkbook);
    await generateReport(gateway, { metric: "accuracy", now: NOW });
    const byParam = sim.charts("Report").find((c) => c.name === "RunSheet by-param");
    expect(byParam?.categoryAxisTitle).toMatch(/layers|n_images/);
    for (const x of byParam?.series[0]?.xValues ?? []) expect(String(x)).toMatch(/^\d+$/);
  });

  it("regenerates in place: nothing changes on a re-run, and the user's own chart stays", async () => {
    const { sim, gateway } = await seeded();
    await generateReport(gateway, { metric: "accuracy", now: NOW });
    await sim.Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Report");
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("F7:F8"), "Columns");
      chart.name = "My own chart";
      await ctx.sync();
    });
    const before = snapshot(sim, "Report");
    const sheets = sim.sheetNames();
    const second = await generateReport(gateway, { metric: "accuracy", now: NOW });
    expect(second.replaced).toBe(true);
    expect(sim.sheetNames()).toEqual(sheets);
    expect(snapshot(sim, "Report")).toEqual(before);
    expect(sim.charts("Report").map((c) => c.name)).toContain("My own chart");
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
        {
          key: "k",
          kind: "scatter",
          title: "c",
          xTitle: "x",
          yTitle: "y",
          note: "n",
          series: [{ name: "s", x: [1, 2], y: [3, null] }],
        },
      ],
    };
    expect((await counted((ctx) => writeReport(ctx, spec))).syncs).toBe(2);
    expect((await counted((ctx) => writeReport(ctx, spec))).syncs).toBe(3);
  });

  it("prints landscape, one page wide, title rows repeated where ExcelApi 1.9 exists; silent otherwise", async () => {
    const web = await seeded();
    await generateReport(web.gateway, { metric: "accuracy", now: NOW });
    expect(web.sim.pageLayout("Report")).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$6",
    });
    const old = createExcelSimulator({ host: "old" });
    old.install();
    try {
      const o = await seeded(old);
      const result = await generateReport(o.gateway, { metric: "accuracy", now: NOW });
      expect(result.sections).toBe(2);
      expect(old.pageLayout("Report")).toBeUndefined();
    } finally {
      createExcelSimulator({ host: "web" }).install();
    }
  });
});

describe("Summary sheet", () => {
  it("equals best()'s ranking, one row per configuration", async () => {
    const { sim, gateway } = fromModel(() => buildLargeWorkbook(600));
    const result = await generateReport(gateway, { metric: "accuracy", now: NOW });
    const { checkRuns } = await import("../../src/excel/index");
    const checked = await checkRuns(gateway);
    const ranking = best({ runs: checked.runs, schema: checked.schema }, { metric: "accuracy" });
    if (!ranking.ok) throw new Error("best failed");
    expect(result.summary.rows).toBe(ranking.value.ranking.length);
    const head = sim.getValues("Summary", "A1:Z1")[0] ?? [];
    const col = (name: string) => head.indexOf(name);
    const rows = sim.getValues("Summary", `A2:Z${1 + ranking.value.ranking.length}`);
    rows.forEach((row, i) => {
      const c = ranking.value.ranking[i];
      expect(row[col("rank")]).toBe(i + 1);
      expect(row[col("n")]).toBe(c?.n);
      expect(row[col("accuracy mean")]).toBe(c?.mean);
      expect(row[col("accuracy 95% CI low")]).toBe(c?.ci95?.[0]);
    });
    expect(sim.freezeRows("Summary")).toBe(1);
  });
});

describe("learning curves from the History sheet", () => {
  it("draws one mean line per configuration with a CI band when the steps line up", async () => {
    const { sim, run, gateway } = await seeded();
    const points: [string, string, string, number, number][] = [];
    for (const id of ["e1-s1", "e1-s2", "e1-s3", "e2-s1", "e2-s2", "e2-s3"])
      for (let epoch = 1; epoch <= 5; epoch++)
        points.push([
          id,
          "val_loss",
          "epoch",
          epoch,
          (id.startsWith("e2") ? 0.5 : 0.6) / epoch + Number(id.slice(-1)) * 0.01,
        ]);
    await run((ctx) => appendHistory(ctx, points));
    await generateReport(gateway, { metric: "accuracy", now: NOW });
    const curve = sim.charts("Report").find((c) => c.name === "RunSheet curve val_loss");
    expect(curve?.series.map((s) => s.name)).toEqual(
      [
        "layers=1, n_images=1000",
        "layers=1, n_images=1000: 95% CI low",
        "layers=1, n_images=1000: 95% CI high",
        "layers=2, n_images=2000",
        "layers=2, n_images=2000: 95% CI low",
        "layers=2, n_images=2000: 95% CI high",
      ].map((n) => n.replace(/layers=(\d), n_images=(\d+)/, "n_images=$2, layers=$1")),
    );
    expect(curve?.series[0]?.values[0]).toBeCloseTo(0.6 + 0.02, 12);
    expect(curve?.series[0]?.xValues).toEqual([1, 2, 3, 4, 5]);
    expect(coveredCells(sim, "Report")).toEqual([]);
  });

  it("draws the Pareto front as its own joined series when a Pareto metric is set", async () => {
    const { sim, gateway } = fromModel(buildExampleWorkbook);
    await generateReport(gateway, { metric: "accuracy", pareto: "val_loss", now: NOW });
    const pareto = sim.charts("Report").find((c) => c.name === "RunSheet pareto");
    expect(pareto?.series.map((s) => [s.name, s.chartType ?? pareto.type])).toEqual([
      ["runs", "XYScatter"],
      ["Pareto front", "XYScatterLines"],
    ]);
    expect(pareto?.series[1]?.values.length).toBeGreaterThan(0);
  });
});

describe("marks legend on the Runs sheet", () => {
  it("explains red and yellow beside the table, once, and never over the user's cells", async () => {
    const { sim, gateway } = await seeded();
    await generateReport(gateway, { metric: "accuracy", now: NOW });
    const table = sim.getTable("Runs");
    const lastCol = (table?.headers.length ?? 0) - 1;
    const legendCol = columnLetter(lastCol + 2);
    expect(sim.getValues("Runs", `${legendCol}1:${legendCol}4`).map((r) => r[0])).toEqual([...MARKS_LEGEND]);
    expect(sim.getCell("Runs", `${legendCol}2`)?.fill).toBe("#FFC7CE");
    expect(sim.getCell("Runs", `${legendCol}3`)?.fill).toBe("#FFEB9C");
    expect(await gateway.writeMarksLegend()).toBe("unchanged");

    const other = await seeded();
    const col = columnLetter((other.sim.getTable("Runs")?.headers.length ?? 0) + 1);
    other.sim.setValues("Runs", `${col}3`, [["my note"]]);
    expect(await other.gateway.writeMarksLegend()).toBe("occupied");
    expect(other.sim.getValues("Runs", `${col}3`)).toEqual([["my note"]]);
  });
});

describe("a failed sync, then a retry, gives the clean result", () => {
  for (const semantics of ["atomic", "partial"] as const) {
    it(`Write report (Report, Summary, marks legend), every sync position, ${semantics} semantics`, async () => {
      const result = await faultSweep(
        {
          name: "write report",
          setup: async (sim) => {
            await seeded(sim);
          },
          workflow: (run) =>
            generateReport(createWorkbookGateway(run as ExcelRunner), { metric: "accuracy", now: NOW }),
        },
        semantics,
      );
      expect(result.tried).toBeGreaterThan(10);
      expect(result.differences).toEqual([]);
      expect(result.clean).toBe(result.tried);
    });
  }
});

describe("chartBlock", () => {
  it("shares one x column when all series share it, codes get their legend column", () => {
    const block = chartBlock({
      key: "k",
      kind: "interval",
      title: "t",
      xTitle: "configuration",
      yTitle: "accuracy",
      note: "",
      series: [
        { name: "95% CI high", x: ["C1", "C2"], y: [0.8, 0.7] },
        { name: "95% CI low", x: ["C1", "C2"], y: [0.6, 0.7] },
        { name: "mean", x: ["C1", "C2"], y: [0.7, 0.7] },
      ],
      legend: [
        { code: "C1", label: "layers=2" },
        { code: "C2", label: "layers=1" },
      ],
    });
    expect(block.rows).toEqual([
      ["configuration", "95% CI high", "95% CI low", "mean", "configuration"],
      ["C1", 0.8, 0.6, 0.7, "layers=2"],
      ["C2", 0.7, 0.7, 0.7, "layers=1"],
    ]);
    expect(block.series.map((s) => [s.x, s.y])).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
    ]);
  });
  it("gives each series its own x column when they differ, missing y as empty cells", () => {
    const block = chartBlock({
      key: "k",
      kind: "scatter",
      title: "t",
      xTitle: "x",
      yTitle: "y",
      note: "",
      series: [
        { name: "a", x: [1, 2], y: [3, null] },
        { name: "b", x: [5], y: [6] },
      ],
    });
    expect(block.rows).toEqual([
      ["x", "a", "x", "b"],
      [1, 3, 5, 6],
      [2, "", "", ""],
    ]);
  });
});

describe("Report cells from outside stay text", () => {
  it("a run id or experiment that looks like a formula is written as text", async () => {
    const schema: RunSchema = {
      columns: [
        { name: "run_id", type: "text", role: "id" },
        { name: "experiment", type: "text", role: "meta" },
        { name: "seed", type: "integer", role: "meta" },
        { name: "accuracy", type: "number", role: "metric", goal: "max" },
      ],
    };
    const grid: CellValue[][] = [
      ["run_id", "experiment", "seed", "accuracy"],
      ["=1+1", "=SUM(A1)", 1, 0.5],
      ["@x", "=SUM(A1)", 2, 0.6],
    ];
    const v = validate(grid, schema);
    const { buildReport } = await import("../../src/core/index");
    const spec = buildReport(v, { metric: "accuracy", now: NOW });
    if (!spec.ok) throw new Error("report failed");
    const { sim, run } = workbook();
    await run((ctx) => writeReport(ctx, spec.value));
    expect(sim.getFormulas("Report", "A7")[0]?.[0]).toBe("=SUM(A1)");
    expect(sim.getValues("Report", "A7")[0]?.[0]).toBe("=SUM(A1)");
    expect(sim.getNumberFormats("Report", "A7")[0]?.[0]).toBe("@");
  });
});
