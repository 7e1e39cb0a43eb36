/**
 * Chart specs: pure data the Excel layer turns into native charts (which still read well
 * without the add-in). Means with their 95% CI per experiment, per configuration and per value
 * of an integer param; the metric against a numeric param; the Pareto scatter with its front;
 * learning curves (mean over seeds per configuration, with a CI band when the steps line up).
 */
import type { BestResult, ConfigStats } from "./best-types";
import type { RunsWithSchema } from "./best";
import type { ChartSeries, ChartSpec } from "./chart-types";
import { axisLabels } from "./labels";
import type { Run, RunValue } from "./runs";
import { summarize } from "./stats";

/** What the whiskers of an interval chart mean, said on the sheet beside every such chart. */
export const INTERVAL_NOTE =
  "Vertical line: 95% confidence interval of the mean over seeds; tick: the mean. A single run has no interval (tick only).";

/**
 * A mean-and-95%-CI chart: series CI high, CI low and mean (Excel's high-low-close order) per
 * category. A category with a single run has high = low = mean.
 */
export function intervalChart(
  key: string,
  title: string,
  xTitle: string,
  metric: string,
  labels: string[],
  stats: readonly Pick<ConfigStats, "mean" | "ci95">[],
): ChartSpec {
  const high = stats.map((c) => (c.ci95 ? c.ci95[1] : c.mean));
  const low = stats.map((c) => (c.ci95 ? c.ci95[0] : c.mean));
  return {
    key,
    kind: "interval",
    title,
    xTitle,
    yTitle: metric,
    note: INTERVAL_NOTE,
    series: [
      { name: "95% CI high", role: "high", x: labels, y: high },
      { name: "95% CI low", role: "low", x: labels, y: low },
      { name: "mean", role: "mean", x: labels, y: stats.map((c) => c.mean) },
    ],
  };
}

/**
 * The metric's mean and 95% CI per configuration (best first), labelled by the params that vary
 * (or codes with a legend when those labels are too long); `limit` keeps it readable.
 */
export function configChart(result: BestResult, limit = 20): ChartSpec {
  const top = result.ranking.slice(0, limit);
  const labels = axisLabels(top.map((c) => c.config));
  const more = result.ranking.length > top.length ? ` (best ${top.length} of ${result.ranking.length})` : "";
  const spec = intervalChart(
    "per-configuration",
    `${result.metric} per configuration${more}: mean and 95% CI`,
    labels.coded ? "configuration (codes: see the table beside)" : "configuration",
    result.metric,
    labels.axis,
    top,
  );
  if (labels.coded) spec.legend = labels.axis.map((code, i) => ({ code, label: labels.full[i] ?? "" }));
  return spec;
}

function qualifying(data: RunsWithSchema, result: BestResult): Run[] {
  const excluded = new Set(result.excluded.map((e) => e.row));
  return data.runs.filter((r) => !excluded.has(r.excelRow));
}

/**
 * The metric's mean and 95% CI per value of an integer param (`layers` 1, 2, 3), over the runs
 * best() kept: an integer param reads best as categories, so its axis never shows 1.5.
 */
export function metricByIntegerParamChart(data: RunsWithSchema, result: BestResult, param: string): ChartSpec {
  const groups = new Map<number, number[]>();
  for (const run of qualifying(data, result)) {
    const a = run.values[param];
    const b = run.values[result.metric];
    if (typeof a === "number" && typeof b === "number") {
      const list = groups.get(a) ?? [];
      list.push(b);
      groups.set(a, list);
    }
  }
  const keys = [...groups.keys()].sort((x, y) => x - y);
  return intervalChart(
    "by-param",
    `${result.metric} by ${param}: mean and 95% CI over runs`,
    param,
    result.metric,
    keys.map(String),
    keys.map((k) => summarize(groups.get(k) ?? [])),
  );
}

/** Scatter of a metric against a numeric param, one point per run best() kept. */
export function metricVsParamChart(data: RunsWithSchema, result: BestResult, param: string): ChartSpec {
  const x: number[] = [];
  const y: number[] = [];
  for (const run of qualifying(data, result)) {
    const a = run.values[param];
    const b = run.values[result.metric];
    if (typeof a === "number" && typeof b === "number") {
      x.push(a);
      y.push(b);
    }
  }
  return {
    key: "by-param",
    kind: "scatter",
    title: `${result.metric} vs ${param}`,
    xTitle: param,
    yTitle: result.metric,
    note: "Each point is one run.",
    series: [{ name: "runs", role: "runs", x, y }],
  };
}

/** Scatter of the two Pareto metrics: all qualifying runs, and the front as its own series. */
export function paretoChart(data: RunsWithSchema, result: BestResult): ChartSpec | null {
  if (!result.pareto || !result.paretoMetric) return null;
  const second = result.paretoMetric.metric;
  const front = new Set(result.pareto);
  const all: ChartSeries = { name: "runs", role: "runs", x: [], y: [] };
  const onFront: { x: number; y: number }[] = [];
  for (const run of qualifying(data, result)) {
    const a = run.values[result.metric];
    const b = run.values[second];
    if (typeof a !== "number" || typeof b !== "number") continue;
    all.x?.push(a);
    all.y.push(b);
    if (front.has(run.excelRow)) onFront.push({ x: a, y: b });
  }
  // The front is drawn as a line from left to right, so sort its points by x.
  onFront.sort((p, q) => p.x - q.x);
  return {
    key: "pareto",
    kind: "scatter",
    title: `Pareto front: ${result.metric} (${result.goal}) vs ${second} (${result.paretoMetric.goal})`,
    xTitle: result.metric,
    yTitle: second,
    note: "Each point is a run; the line joins the Pareto front: the runs no other run beats on both metrics.",
    series: [all, { name: "Pareto front", role: "front", x: onFront.map((p) => p.x), y: onFront.map((p) => p.y) }],
  };
}

/** One point of a step-wise curve (a History row). */
export interface StepPoint {
  run: string;
  step: number;
  value: number;
}

/** Longest configuration name a chart legend shows as is; longer ones become codes. */
const MAX_LEGEND_LABEL = 40;

/** What the learning-curve chart says about its lines and bands. */
export const CURVE_NOTE =
  "One line per configuration: the mean over its seeds at each step. Where every seed logged the same steps, the lines '95% CI low/high' bound the 95% CI of that mean.";

/**
 * Learning curves of a History metric: one series per configuration, the mean over its seeds at
 * each step, and two band series (95% CI low and high) when every seed logged the same steps and
 * there are at least two. `configOf` maps a run id to its configuration (runs not found are
 * left out); labels use the params that vary between the configurations drawn.
 */
export function learningCurveChart(
  points: readonly StepPoint[],
  configOf: (run: string) => { key: string; config: Record<string, RunValue> } | undefined,
  metric: string,
  stepName = "step",
): ChartSpec {
  const groups = new Map<string, { config: Record<string, RunValue>; runs: Map<string, Map<number, number>> }>();
  for (const p of points) {
    if (!Number.isFinite(p.step) || !Number.isFinite(p.value)) continue;
    const c = configOf(p.run);
    if (!c) continue;
    let g = groups.get(c.key);
    if (!g) {
      g = { config: c.config, runs: new Map() };
      groups.set(c.key, g);
    }
    let curve = g.runs.get(p.run);
    if (!curve) {
      curve = new Map();
      g.runs.set(p.run, curve);
    }
    curve.set(p.step, p.value);
  }
  const list = [...groups.values()];
  const names = axisLabels(
    list.map((g) => g.config),
    MAX_LEGEND_LABEL,
  );
  const labels = names.axis;
  const series: ChartSeries[] = [];
  list.forEach((g, i) => {
    const label = labels[i] ?? "";
    const curves = [...g.runs.values()];
    const steps = [...new Set(curves.flatMap((c) => [...c.keys()]))].sort((a, b) => a - b);
    const aligned = curves.length >= 2 && curves.every((c) => c.size === steps.length);
    const stats = steps.map((s) => summarize(curves.map((c) => c.get(s)).filter((v): v is number => v !== undefined)));
    series.push({ name: label, role: "mean", x: steps, y: stats.map((s) => s.mean) });
    if (aligned) {
      series.push({
        name: `${label}: 95% CI low`,
        role: "band-low",
        x: steps,
        y: stats.map((s) => s.ci95?.[0] ?? null),
      });
      series.push({
        name: `${label}: 95% CI high`,
        role: "band-high",
        x: steps,
        y: stats.map((s) => s.ci95?.[1] ?? null),
      });
    }
  });
  const spec: ChartSpec = {
    key: `curve ${metric}`,
    kind: "line",
    title: `${metric} by ${stepName}: mean over seeds per configuration`,
    xTitle: stepName,
    yTitle: metric,
    note: names.coded ? `${CURVE_NOTE} Codes C1, C2, ...: see the table beside the chart.` : CURVE_NOTE,
    series,
  };
  if (names.coded) spec.legend = names.axis.map((code, i) => ({ code, label: names.full[i] ?? "" }));
  return spec;
}
