/**
 * Chart specs: pure data the Excel layer turns into native charts (which still read well
 * without the add-in). Metric per configuration with CI error bars, metric vs a param,
 * the Pareto scatter, and step curves from logs.
 */
import type { BestResult, ConfigStats } from "./best-types";
import type { RunsWithSchema } from "./best";
import type { ChartSeries, ChartSpec } from "./chart-types";
import type { RunValue } from "./runs";

/** Short label of a configuration: `layers=2, learning_rate=0.01` (or `all runs` when it has no params). */
export function configLabel(config: Record<string, RunValue>): string {
  const parts = Object.entries(config).map(([k, v]) => `${k}=${v === null ? "(empty)" : String(v)}`);
  return parts.length ? parts.join(", ") : "all runs";
}

/**
 * Column chart of means with their 95% CI as error bars (0 for single runs, which have none):
 * what the Report and the Best view draw per configuration or per experiment.
 */
export function ciColumnChart(
  title: string,
  xTitle: string,
  metric: string,
  labels: string[],
  stats: readonly Pick<ConfigStats, "mean" | "ci95">[],
): ChartSpec {
  return {
    kind: "column",
    title,
    xTitle,
    yTitle: metric,
    series: [
      {
        name: metric,
        x: labels,
        y: stats.map((c) => c.mean),
        errorBars: {
          minus: stats.map((c) => (c.ci95 ? c.mean - c.ci95[0] : 0)),
          plus: stats.map((c) => (c.ci95 ? c.ci95[1] - c.mean : 0)),
        },
      },
    ],
  };
}

/** Column chart of the metric's mean per configuration (best first); `limit` keeps it readable (default 20 bars). */
export function configChart(result: BestResult, limit = 20): ChartSpec {
  const top = result.ranking.slice(0, limit);
  return ciColumnChart(
    `${result.metric} per configuration (mean, 95% CI)`,
    "configuration",
    result.metric,
    top.map((c) => configLabel(c.config)),
    top,
  );
}

/** Scatter of a metric against a numeric param, one point per run with both values. */
export function metricVsParamChart(data: RunsWithSchema, metric: string, param: string): ChartSpec {
  const x: number[] = [];
  const y: number[] = [];
  for (const run of data.runs) {
    const a = run.values[param];
    const b = run.values[metric];
    if (typeof a === "number" && typeof b === "number") {
      x.push(a);
      y.push(b);
    }
  }
  return {
    kind: "scatter",
    title: `${metric} vs ${param}`,
    xTitle: param,
    yTitle: metric,
    series: [{ name: "runs", x, y }],
  };
}

/** Scatter of the two Pareto metrics: all qualifying runs, and the front as its own series. */
export function paretoChart(data: RunsWithSchema, result: BestResult): ChartSpec | null {
  if (!result.pareto || !result.paretoMetric) return null;
  const second = result.paretoMetric.metric;
  const front = new Set(result.pareto);
  const excluded = new Set(result.excluded.map((e) => e.row));
  const all: ChartSeries = { name: "runs", x: [], y: [] };
  const onFront: { x: number; y: number }[] = [];
  for (const run of data.runs) {
    if (excluded.has(run.excelRow)) continue;
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
    kind: "scatter",
    title: `Pareto front: ${result.metric} (${result.goal}) vs ${second} (${result.paretoMetric.goal})`,
    xTitle: result.metric,
    yTitle: second,
    series: [all, { name: "Pareto front", x: onFront.map((p) => p.x), y: onFront.map((p) => p.y) }],
  };
}

/** One point of a step-wise curve (a History row). */
export interface StepPoint {
  run: string;
  step: number;
  value: number;
}

/** Line chart of a metric over steps/epochs, one series per run, points sorted by step. */
export function stepCurveChart(points: readonly StepPoint[], metric: string, stepName = "step"): ChartSpec {
  const byRun = new Map<string, { step: number; value: number }[]>();
  for (const p of points) {
    if (!Number.isFinite(p.step) || !Number.isFinite(p.value)) continue;
    let list = byRun.get(p.run);
    if (!list) {
      list = [];
      byRun.set(p.run, list);
    }
    list.push({ step: p.step, value: p.value });
  }
  const series: ChartSeries[] = [...byRun.entries()].map(([run, list]) => {
    list.sort((a, b) => a.step - b.step);
    return { name: run, x: list.map((p) => p.step), y: list.map((p) => p.value) };
  });
  return { kind: "line", title: `${metric} by ${stepName}`, xTitle: stepName, yTitle: metric, series };
}
