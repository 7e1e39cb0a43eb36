import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import {
  buildReport,
  compare,
  configChart,
  best,
  inferSchema,
  metricVsParamChart,
  paretoChart,
  learningCurveChart,
  validate,
  experimentVerdict,
  type CellValue,
  type RunSchema,
} from "../../src/core/index";

function dogsVsCats() {
  const text = readFileSync(new URL("../fixtures/core/dogs-vs-cats.csv", import.meta.url), "utf8");
  const grid = Papa.parse<string[]>(text).data;
  return validate(grid, inferSchema(grid).schema, { source: "text" });
}

describe("dogs vs cats end to end (the seeds' example)", () => {
  const v = dogsVsCats();
  it("validates cleanly, with the failed run kept as a run", () => {
    expect(v.issues).toEqual([]);
    expect(v.runs.map((r) => r.id)).toEqual(["r1", "r2", "r3", "r4", "r5", "r6", "r7"]);
  });
  it("best: exp2's configuration wins and is distinguishable", () => {
    const b = best(v, { metric: "accuracy" });
    expect(b.ok).toBe(true);
    if (!b.ok) return;
    expect(b.value.ranking[0]?.config).toMatchObject({ layers: 2 });
    expect(b.value.ranking[0]?.rows).toEqual([7, 8, 9]);
    expect(b.value.excluded).toEqual([{ row: 10, reason: "status is failed, not finished" }]);
    expect(b.value.tiedWithRunnerUp).toBe(false);
  });
  it("report: hypothesis, mean ± CI and the verdict sentence per experiment", () => {
    const r = buildReport(v, { metric: "accuracy", now: new Date("2026-01-02T03:04:05Z") });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.generated).toBe("2026-01-02T03:04:05.000Z");
    const [exp1, exp2] = r.value.sections;
    expect(exp1?.experiment).toBe("exp1");
    expect(exp1?.baseline).toBeNull();
    expect(exp1?.summary).toBe("0.705 ± 0.017 (95% CI, n = 3)");
    expect(exp2?.hypothesis).toMatch(/second hidden layer/);
    expect(exp2?.baseline).toBe("exp1");
    expect(exp2?.baselineDefaulted).toBe(true);
    expect(exp2?.comparison?.state).toBe("confounded");
    expect(exp2?.verdict).toBe(
      "exp2 beats exp1 (the previous experiment; no baseline set): accuracy +3.2 points, 95% CI +1.8 to +4.7 points, p = 0.005, n = 3 vs 3. " +
        "exp2 changes dataset dogs-cats-v1 -> dogs-cats-v2, n_images 1,000 -> 2,000 and layers 1 -> 2 at once: the gain cannot be attributed to any one of them; run one that changes a single factor.",
    );
    expect(exp2?.best?.label).toBe("dataset=dogs-cats-v2, n_images=2000, layers=2");
    expect(exp2?.runs).toBe(4);
    expect(exp2?.excluded).toBe(1);
    expect(r.value.charts[0]?.series[0]?.x).toEqual(["exp1", "exp2"]);
  });
  it("report charts: per experiment, per configuration, metric vs the varied param, Pareto when asked", () => {
    const r = buildReport(v, { metric: "accuracy", pareto: { metric: "val_loss" }, now: new Date(0) });
    if (!r.ok) throw new Error("report failed");
    expect(r.value.charts.map((c) => c.kind)).toEqual(["interval", "interval", "interval", "scatter"]);
    // layers is an integer param: one category per value, so no axis ever shows 1.5 layers.
    expect(r.value.charts[2]?.xTitle).toBe("layers");
    expect(r.value.charts[2]?.series[0]?.x).toEqual(["1", "2"]);
    expect(r.value.charts[3]?.title).toMatch(/^Pareto front/);
    expect(new Set(r.value.charts.map((c) => c.key)).size).toBe(r.value.charts.length);
    const none = buildReport(v, { metric: "accuracy", vsParam: false, now: new Date(0) });
    expect(none.ok && none.value.charts.map((c) => c.kind)).toEqual(["interval", "interval"]);
    const lr = buildReport(v, { metric: "accuracy", vsParam: "learning_rate", now: new Date(0) });
    expect(lr.ok && lr.value.charts[2]?.kind).toBe("scatter");
  });
  it("lower-is-better metrics read the same way", () => {
    const r = buildReport(v, { metric: "val_loss", now: new Date(0) });
    expect(r.ok && r.value.sections[1]?.verdict).toMatch(
      /^exp2 beats exp1 \(the previous experiment; no baseline set\): val_loss -0\.042 nats, 95% CI -0\.057 to -0\.026 nats, p = 0\.002/,
    );
  });
});

describe("experiment verdicts", () => {
  const spec = { name: "accuracy", type: "percent", role: "metric", goal: "max" } as const;
  const w = (values: number[], ci: [number, number] | null = null) => {
    const m = values.reduce((a, b) => a + b, 0) / values.length;
    return {
      values,
      stats: { rows: [], ids: [], config: {}, n: values.length, mean: m, std: null as number | null, ci95: ci },
    };
  };
  it("cannot tell noisy experiments apart, naming p, n and the seeds that would decide", () => {
    const a = w([0.8, 0.9, 0.85], [0.7, 1]);
    a.stats.std = 0.05;
    const b = w([0.82, 0.88, 0.84], [0.75, 0.93]);
    b.stats.std = 0.0306;
    const v = experimentVerdict("exp2", a, "exp1", b, spec, "max");
    expect(v.state).toBe("seeds needed");
    expect(v.sentence).toMatch(
      /^cannot tell exp2 from exp1: accuracy \+0\.33 points, .*p = 0\.93, n = 3 vs 3\. About [\d,]+ seeds per side/,
    );
  });
  it("says when single runs cannot be compared", () => {
    const v = experimentVerdict("exp2", w([0.9]), "exp1", w([0.8]), spec, "max");
    expect(v.pValue).toBeNull();
    expect(v.sentence).toMatch(/^cannot tell exp2 from exp1: accuracy \+10 points, no test: a single run each/);
  });
});

describe("Experiments table baselines", () => {
  const schema: RunSchema = {
    columns: [
      { name: "run_id", type: "text", role: "id" },
      { name: "experiment", type: "text", role: "meta" },
      { name: "layers", type: "integer", role: "param" },
      { name: "seed", type: "integer", role: "meta" },
      { name: "accuracy", type: "number", role: "metric", goal: "max", min: 0, max: 1 },
    ],
  };
  const rows: CellValue[][] = [["run_id", "experiment", "layers", "seed", "accuracy"]];
  const acc = { e1: [0.7, 0.71, 0.69], e2: [0.75, 0.74, 0.76], e3: [0.7, 0.72, 0.7] };
  Object.entries(acc).forEach(([e, xs], k) => xs.forEach((a, s) => rows.push([`${e}-${s}`, e, k + 1, s, a])));
  const v = validate(rows, schema);
  it("uses the table's baseline and hypothesis instead of the previous experiment", () => {
    const r = buildReport(v, {
      metric: "accuracy",
      experiments: [{ id: "e1" }, { id: "e2", hypothesis: "deeper is better" }, { id: "e3", baseline: "e1" }],
      now: new Date(0),
    });
    if (!r.ok) throw new Error("report failed");
    expect(r.value.sections.map((s) => s.baseline)).toEqual([null, "e1", "e1"]);
    expect(r.value.sections.map((s) => s.baselineDefaulted)).toEqual([false, true, false]);
    expect(r.value.sections[1]?.hypothesis).toBe("deeper is better");
    expect(r.value.sections[2]?.verdict).toMatch(/^cannot tell e3 from e1: accuracy \+0\.67 points, 95% CI/);
  });
  it("compares with a baseline listed later, and names a baseline that does not exist", () => {
    const r = buildReport(v, {
      metric: "accuracy",
      experiments: [
        { id: "e1", baseline: "e2" },
        { id: "e2", baseline: "e0" },
      ],
      now: new Date(0),
    });
    if (!r.ok) throw new Error("report failed");
    expect(r.value.sections[0]?.verdict).toMatch(
      /^e1 is worse than e2: accuracy -5\.0 points, 95% CI -[\d.]+ to -[\d.]+ points, p [=<] /,
    );
    expect(r.value.sections[1]?.verdict).toBe("cannot compare e2 with e0: there is no experiment e0");
    expect(r.value.sections.map((s) => s.experiment)).toEqual(["e1", "e2", "e3"]);
  });
});

describe("compare", () => {
  const v = dogsVsCats();
  it("shows only differing columns by default, with metric deltas and param diffs", () => {
    const c = compare(v, ["r1", "r4"]);
    if (!c.ok) throw new Error("compare failed");
    const names = c.value.columns.map((x) => x.name);
    expect(names).toContain("layers");
    expect(names).not.toContain("model");
    expect(names).not.toContain("seed");
    const acc = c.value.columns.find((x) => x.name === "accuracy");
    expect(acc?.deltas?.[0]).toBeNull();
    expect(acc?.deltas?.[1]?.absolute).toBeCloseTo(0.029, 12);
    expect(acc?.deltas?.[1]?.relative).toBeCloseTo(0.029 / 0.712, 12);
    expect(c.value.paramDiffs).toEqual([[], ["layers"]]);
  });
  it("keeps all columns when asked, uses the given baseline, lists missing ids", () => {
    const c = compare(v, ["r1", "r4", "zz"], { baseline: "r4", allColumns: true });
    if (!c.ok) throw new Error("compare failed");
    expect(c.value.columns.length).toBe(v.schema.columns.length);
    expect(c.value.baseline).toEqual({ id: "r4", row: 7 });
    expect(c.value.missing).toEqual(["zz"]);
  });
  it("fails when nothing matches or the baseline is not selected", () => {
    expect(compare(v, ["nope"]).ok).toBe(false);
    expect(compare(v, ["r1"], { baseline: "r2" }).ok).toBe(false);
  });
});

describe("chart specs", () => {
  const v = dogsVsCats();
  const b = best(v, { metric: "accuracy", pareto: { metric: "val_loss" } });
  if (!b.ok) throw new Error("best failed");
  it("intervals per configuration: CI high, CI low and mean equal best()'s, labelled by what varies", () => {
    const c = configChart(b.value);
    expect(c.kind).toBe("interval");
    expect(c.series.map((s) => s.role)).toEqual(["high", "low", "mean"]);
    expect(c.series[0]?.y).toEqual(b.value.ranking.map((r) => r.ci95?.[1]));
    expect(c.series[1]?.y).toEqual(b.value.ranking.map((r) => r.ci95?.[0]));
    expect(c.series[2]?.y).toEqual(b.value.ranking.map((r) => r.mean));
    // The varying-params labels are longer than an axis shows: codes, with the legend.
    expect(c.series[0]?.x).toEqual(["C1", "C2"]);
    expect(c.legend?.[0]).toEqual({ code: "C1", label: "dataset=dogs-cats-v2, n_images=2000, layers=2" });
    expect(c.note).toMatch(/Vertical line: 95% confidence interval/);
  });
  it("scatter of metric vs param over the runs best() kept, and the Pareto scatter", () => {
    const s = metricVsParamChart(v, b.value, "layers");
    expect(s.series[0]?.x).toEqual([1, 1, 1, 2, 2, 2]);
    const p = paretoChart(v, b.value);
    expect(p?.series.map((x) => x.name)).toEqual(["runs", "Pareto front"]);
    expect(p?.series[1]?.role).toBe("front");
    expect(p?.series[0]?.y).toHaveLength(6);
  });
  it("learning curves: mean over seeds per configuration, a CI band when the steps line up", () => {
    const configs: Record<string, { key: string; config: Record<string, number> }> = {
      a1: { key: "A", config: { layers: 1 } },
      a2: { key: "A", config: { layers: 1 } },
      b1: { key: "B", config: { layers: 2 } },
    };
    const c = learningCurveChart(
      [
        { run: "a1", step: 2, value: 0.5 },
        { run: "a1", step: 1, value: 0.7 },
        { run: "a2", step: 1, value: 0.9 },
        { run: "a2", step: 2, value: 0.7 },
        { run: "b1", step: 1, value: 0.8 },
        { run: "b1", step: 2, value: Number.NaN },
        { run: "zz", step: 1, value: 0.1 },
      ],
      (id) => configs[id],
      "val_loss",
      "epoch",
    );
    expect(c.kind).toBe("line");
    expect(c.series.map((s) => [s.name, s.role])).toEqual([
      ["layers=1", "mean"],
      ["layers=1: 95% CI low", "band-low"],
      ["layers=1: 95% CI high", "band-high"],
      ["layers=2", "mean"],
    ]);
    expect(c.series[0]?.x).toEqual([1, 2]);
    expect(c.series[0]?.y[0]).toBeCloseTo(0.8, 12);
    expect(c.series[0]?.y[1]).toBeCloseTo(0.6, 12);
    expect(c.series[1]?.y[0]).toBeLessThan(0.8);
    expect(c.series[2]?.y[0]).toBeGreaterThan(0.8);
    expect(c.series[3]).toEqual({ name: "layers=2", role: "mean", x: [1], y: [0.8] });
  });
});
