import { readFileSync } from "node:fs";
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import {
  axisLabels,
  best,
  buildSummary,
  configLabel,
  configLabels,
  inferSchema,
  layoutReport,
  overlaps,
  summaryCsv,
  summaryGrid,
  summaryLatex,
  summaryMarkdown,
  validate,
  varyingKeys,
  type CellRect,
  type RunSchema,
  type CellValue,
} from "../../src/core/index";

function dogsVsCats() {
  const text = readFileSync(new URL("../fixtures/core/dogs-vs-cats.csv", import.meta.url), "utf8");
  const grid = Papa.parse<string[]>(text).data;
  return validate(grid, inferSchema(grid).schema, { source: "text" });
}

describe("configuration labels", () => {
  const configs = [
    { model: "mlp", dataset: "dogs-cats-2k+puppies-kittens", n_images: 2000, layers: 2 },
    { model: "mlp", dataset: "dogs-cats-1k", n_images: 1000, layers: 1 },
  ];
  it("name a configuration by the params that vary only", () => {
    expect(varyingKeys(configs)).toEqual(["dataset", "n_images", "layers"]);
    expect(
      configLabels([
        { layers: 2, lr: 0.01 },
        { layers: 1, lr: 0.01 },
      ]),
    ).toEqual(["layers=2", "layers=1"]);
    expect(configLabel({ layers: 2, seedless: null })).toBe("layers=2, seedless=(empty)");
    expect(configLabels([{ layers: 2 }])).toEqual(["all runs"]);
  });
  it("use codes with a legend when a label is too long for an axis", () => {
    const l = axisLabels(configs);
    expect(l.coded).toBe(true);
    expect(l.axis).toEqual(["C1", "C2"]);
    expect(l.full[0]).toBe("dataset=dogs-cats-2k+puppies-kittens, n_images=2000, layers=2");
    expect(axisLabels([{ layers: 1 }, { layers: 2 }])).toEqual({
      axis: ["layers=1", "layers=2"],
      full: ["layers=1", "layers=2"],
      coded: false,
    });
  });
});

describe("Summary table", () => {
  const v = dogsVsCats();
  it("has one row per configuration in best()'s ranking order, with the same n, mean and CI", () => {
    const s = buildSummary(v, { metric: "accuracy" });
    const b = best(v, { metric: "accuracy" });
    if (!s.ok || !b.ok) throw new Error("summary failed");
    expect(s.value.rows.map((r) => r.n)).toEqual(b.value.ranking.map((c) => c.n));
    expect(s.value.rows.map((r) => r.metrics.accuracy?.mean)).toEqual(b.value.ranking.map((c) => c.mean));
    expect(s.value.rows.map((r) => r.metrics.accuracy?.ci95)).toEqual(b.value.ranking.map((c) => c.ci95));
    expect(s.value.rows.map((r) => r.metrics.accuracy?.std)).toEqual(b.value.ranking.map((c) => c.std));
    expect(s.value.params).toEqual(["dataset", "n_images", "layers"]);
    expect(s.value.metrics).toEqual(["accuracy", "val_loss"]);
    expect(s.value.rows.map((r) => r.bestRun)).toEqual(["r4", "r1"]);
  });
  it("equals best()'s ranking on random workbooks too", () => {
    const schema: RunSchema = {
      columns: [
        { name: "run_id", type: "text", role: "id" },
        { name: "layers", type: "integer", role: "param" },
        { name: "lr", type: "number", role: "param" },
        { name: "seed", type: "integer", role: "param" },
        { name: "loss", type: "number", role: "metric", goal: "min" },
      ],
    };
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 1, max: 3 }),
            fc.constantFrom(0.1, 0.01),
            fc.double({ min: 0, max: 2, noNaN: true }),
          ),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        (rows) => {
          const grid: CellValue[][] = [
            ["run_id", "layers", "lr", "seed", "loss"],
            ...rows.map(([l, lr, loss], i) => [`r${i}`, l, lr, i, loss]),
          ];
          const data = validate(grid, schema);
          const s = buildSummary(data, { metric: "loss" });
          const b = best(data, { metric: "loss" });
          if (!s.ok || !b.ok) return false;
          expect(s.value.rows.map((r) => [r.n, r.metrics.loss?.mean, r.metrics.loss?.ci95])).toEqual(
            b.value.ranking.map((c) => [c.n, c.mean, c.ci95]),
          );
          return true;
        },
      ),
      { numRuns: 50 },
    );
  });
  it("writes CSV, Markdown and LaTeX", () => {
    const s = buildSummary(v, { metric: "accuracy" });
    if (!s.ok) throw new Error("summary failed");
    expect(summaryGrid(s.value)[0]).toEqual([
      "rank",
      "dataset",
      "n_images",
      "layers",
      "n",
      "accuracy mean",
      "accuracy std",
      "accuracy 95% CI low",
      "accuracy 95% CI high",
      "val_loss mean",
      "val_loss std",
      "val_loss 95% CI low",
      "val_loss 95% CI high",
      "best run",
    ]);
    const csv = Papa.parse<string[]>(summaryCsv(s.value).trim()).data;
    expect(csv[1]?.slice(0, 6)).toEqual([
      "1",
      "dogs-cats-v2",
      "2000",
      "2",
      "3",
      String(s.value.rows[0]?.metrics.accuracy?.mean),
    ]);
    expect(summaryMarkdown(s.value).split("\n").slice(0, 3)).toEqual([
      "| dataset | n_images | layers | n | accuracy (mean ± std) | accuracy 95% CI | val_loss (mean ± std) | val_loss 95% CI | best run |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      "| dogs-cats-v2 | 2000 | 2 | 3 | 0.7373 ± 0.0040 | [0.727, 0.747] | 0.5467 ± 0.0055 | [0.533, 0.560] | r4 |",
    ]);
    const tex = summaryLatex(s.value);
    expect(tex).toContain("\\begin{tabular}{lllllllll}");
    expect(tex).toContain("dataset & n\\_images & layers & n & accuracy (mean $\\pm$ std) & accuracy 95\\% CI");
    expect(tex).toContain("dogs-cats-v2 & 2000 & 2 & 3 & 0.7373 $\\pm$ 0.0040 & [0.727, 0.747]");
    expect(tex.trim().endsWith("\\end{tabular}")).toBe(true);
  });
});

describe("report layout", () => {
  it("never puts a chart over the table, a caption or a data block", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.array(fc.integer({ min: 30, max: 400 }), { minLength: 1, maxLength: 14 }),
        fc.array(
          fc.record({
            rows: fc.integer({ min: 2, max: 6000 }),
            cols: fc.integer({ min: 2, max: 8 }),
            chartWidth: fc.integer({ min: 300, max: 900 }),
          }),
          { maxLength: 6 },
        ),
        (tableRows, widths, charts) => {
          const layout = layoutReport({
            headRows: 4,
            table: { rows: tableRows, widths },
            charts: charts.map((c) => ({
              rows: c.rows,
              widths: Array.from({ length: c.cols }, () => 70),
              chartWidth: c.chartWidth,
            })),
          });
          const filled: CellRect[] = [
            { r0: 0, c0: 0, r1: 3, c1: 1 },
            { r0: layout.tableRow, c0: 0, r1: layout.tableRow + tableRows - 1, c1: widths.length - 1 },
          ];
          layout.charts.forEach((p, i) => {
            const c = charts[i];
            if (!c) return;
            filled.push({ r0: p.captionRow, c0: 0, r1: p.captionRow + 1, c1: 0 });
            filled.push({
              r0: p.block.row,
              c0: p.block.col,
              r1: p.block.row + c.rows - 1,
              c1: p.block.col + c.cols - 1,
            });
          });
          for (const p of layout.charts) for (const f of filled) expect(overlaps(p.chart, f)).toBe(false);
          layout.charts.forEach((p, i) => {
            let w = 0;
            for (let col = p.chart.c0; col <= p.chart.c1; col++) w += layout.widths[col] ?? 48;
            expect(w).toBeGreaterThanOrEqual(charts[i]?.chartWidth ?? 0);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
