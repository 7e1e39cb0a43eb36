/** Chart specs: pure data describing what the Excel layer draws (see charts.ts). */
export type ChartKind = "column" | "scatter" | "line";

/** Error bars as distances below and above each y value (Excel's custom error amounts). */
export interface ErrorBars {
  minus: number[];
  plus: number[];
}

export interface ChartSeries {
  name: string;
  /** x values (scatter/line) or categories (column); omitted: 1..n. */
  x?: (number | string)[];
  y: (number | null)[];
  errorBars?: ErrorBars;
}

export interface ChartSpec {
  kind: ChartKind;
  title: string;
  xTitle: string;
  yTitle: string;
  series: ChartSeries[];
}
