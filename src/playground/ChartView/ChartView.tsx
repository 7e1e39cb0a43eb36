// Draws a simulated Excel chart with chart.js from the chart's live series (names, values, x-values),
// so what the add-in configured through the Excel API is what the user sees.
import { makeStyles, tokens } from "@fluentui/react-components";
import { Chart, type ChartConfiguration, registerables } from "chart.js";
import { useEffect, useRef } from "react";
import type { ChartInfo } from "../../sim";

Chart.register(...registerables);

const PALETTE = ["#156082", "#E97132", "#196B24", "#0F9ED5", "#A02B93", "#4EA72E"];

const useStyles = makeStyles({
  frame: {
    position: "absolute",
    zIndex: 2,
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow4,
    padding: tokens.spacingHorizontalS,
  },
});

const toNumber = (v: unknown): number | null => (typeof v === "number" ? v : null);

/** Maps an Excel.ChartType to a chart.js configuration. */
export function chartConfig(info: ChartInfo): ChartConfiguration {
  const t = info.type;
  const scatter = t.startsWith("XYScatter");
  const bar = t.startsWith("Column") || t.startsWith("Bar") || t.startsWith("3DColumn") || t.startsWith("3DBar");
  const pie = t.startsWith("Pie") || t.startsWith("Doughnut") || t === "3DPie";
  const stacked = /Stacked/.test(t);
  const labels = (
    info.series[0]?.xValues.length ? info.series[0].xValues : (info.series[0]?.values.map((_, i) => i + 1) ?? [])
  ).map(String);
  const datasets = info.series.map((s, i) => {
    const color = PALETTE[i % PALETTE.length] ?? "#156082";
    const data = scatter
      ? s.values.map((y, j) => ({ x: toNumber(s.xValues[j]) ?? j + 1, y: toNumber(y) ?? Number.NaN }))
      : s.values.map(toNumber);
    return {
      label: s.name,
      data,
      backgroundColor: pie ? PALETTE : color,
      borderColor: color,
      fill: t.startsWith("Area"),
    };
  });
  const type = scatter ? "scatter" : pie ? (t.startsWith("Doughnut") ? "doughnut" : "pie") : bar ? "bar" : "line";
  const axisTitle = (text: string) => ({ display: text !== "", text });
  return {
    type,
    data: { labels, datasets } as ChartConfiguration["data"],
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: t.startsWith("Bar") || t.startsWith("3DBar") ? "y" : "x",
      plugins: { title: { display: info.title !== "", text: info.title }, legend: { display: info.legendVisible } },
      scales: pie
        ? {}
        : {
            x: { stacked, title: axisTitle(info.categoryAxisTitle) },
            y: { stacked, title: axisTitle(info.valueAxisTitle) },
          },
    },
  } as ChartConfiguration;
}

export interface ChartViewProps {
  info: ChartInfo;
  /** Grid origin in pixels (after row/column headers). */
  origin: { left: number; top: number };
}

export function ChartView({ info, origin }: ChartViewProps) {
  const styles = useStyles();
  const canvas = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify(info);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, chartConfig(JSON.parse(key) as ChartInfo));
    return () => chart.destroy();
  }, [key]);
  const px = (pt: number) => Math.round((pt * 4) / 3);
  return (
    <figure
      className={styles.frame}
      style={{
        left: origin.left + px(info.left),
        top: origin.top + px(info.top),
        width: px(info.width),
        height: px(info.height),
        margin: 0,
      }}
      data-testid="sim-chart"
      data-chart-name={info.name}
      aria-label={`Chart ${info.name}${info.title ? `: ${info.title}` : ""}`}
    >
      <canvas ref={canvas} role="img" aria-label={info.title || info.name} />
    </figure>
  );
}
