/** Chart specs: pure data describing what the Excel layer draws (see charts.ts). */

/**
 * interval: a mean and its 95% CI per category, drawn as a high-low-close chart (a vertical line
 * from CI low to CI high, a tick at the mean), which every Excel renders without custom error
 * bars (Office JS cannot set those). scatter: points, optionally a highlighted series joined by
 * a line. line: curves over steps.
 */
export type ChartKind = "interval" | "scatter" | "line";

/** What a series stands for, so the Excel layer can order and style it. */
export type SeriesRole = "high" | "low" | "mean" | "runs" | "front" | "band-low" | "band-high";

export interface ChartSeries {
  name: string;
  /** x values (scatter/line) or categories (interval); omitted: 1..n. */
  x?: (number | string)[];
  y: (number | null)[];
  role?: SeriesRole;
}

export interface ChartSpec {
  /** Stable key: the chart is named "RunSheet <key>", so only RunSheet's own charts are replaced. */
  key: string;
  kind: ChartKind;
  title: string;
  xTitle: string;
  yTitle: string;
  series: ChartSeries[];
  /** One sentence for readers without the add-in: what the lines, ticks and points mean. */
  note: string;
  /** When categories are codes (C1, C2, ...): what each code stands for. */
  legend?: { code: string; label: string }[];
}
