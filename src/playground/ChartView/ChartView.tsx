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

/**
 * A high-low-close (stock) chart as Excel draws it: per category a vertical line from the low to
 * the high series and a tick at the close series (RunSheet's 95% CI and mean).
 */
function stockConfig(info: ChartInfo): ChartConfiguration {
  const [high, low, close] = info.series;
  const labels = (high?.xValues.length ? high.xValues : (high?.values.map((_, i) => i + 1) ?? [])).map(String);
  const color = PALETTE[0] ?? "#156082";
  const axisTitle = (text: string) => ({ display: text !== "", text });
  return {
    type: "bar",
    data: {
      labels,
      datasets: [
        {
          label: /^95% CI/.test(high?.name ?? "") ? "95% CI" : `${low?.name ?? "low"} to ${high?.name ?? "high"}`,
          data: labels.map((_, i) => [toNumber(low?.values[i]) ?? Number.NaN, toNumber(high?.values[i]) ?? Number.NaN]),
          backgroundColor: color,
          borderColor: color,
          barThickness: 4,
        },
        {
          type: "line",
          label: close?.name ?? "close",
          data: labels.map((_, i) => toNumber(close?.values[i])),
          showLine: false,
          pointStyle: "line",
          pointRadius: 10,
          pointBorderWidth: 3,
          borderColor: PALETTE[1] ?? "#E97132",
          backgroundColor: PALETTE[1] ?? "#E97132",
        },
      ],
    } as ChartConfiguration["data"],
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { title: { display: info.title !== "", text: info.title }, legend: { display: info.legendVisible } },
      // Like Excel's automatic axis for close values, the value axis does not start at 0.
      scales: {
        x: { title: axisTitle(info.categoryAxisTitle) },
        y: { beginAtZero: false, grace: "15%", title: axisTitle(info.valueAxisTitle) },
      },
    },
  } as ChartConfiguration;
}

/** Maps an Excel.ChartType to a chart.js configuration. */
export function chartConfig(info: ChartInfo): ChartConfiguration {
  const t = info.type;
  if (t === "StockHLC" && info.series.length >= 3) return stockConfig(info);
  const scatter = t.startsWith("XYScatter");
  const bar = t.startsWith("Column") || t.startsWith("Bar") || t.startsWith("3DColumn") || t.startsWith("3DBar");
  const pie = t.startsWith("Pie") || t.startsWith("Doughnut") || t === "3DPie";
  const stacked = /Stacked/.test(t);
  const labels = (
    info.series[0]?.xValues.length ? info.series[0].xValues : (info.series[0]?.values.map((_, i) => i + 1) ?? [])
  ).map(String);
  let colorIndex = 0;
  const datasets = info.series.map((s, i) => {
    // A pair of series named "...: 95% CI low/high" is a band: drawn light, the high one filled
    // down to the low one (Excel draws them as two lines).
    const band = /: 95% CI (low|high)$/.exec(s.name)?.[1];
    const color = band ? "#9AA7B1" : (PALETTE[colorIndex++ % PALETTE.length] ?? "#156082");
    const type = s.chartType ?? t;
    const data = scatter
      ? s.values.map((y, j) => ({ x: toNumber(s.xValues[j]) ?? j + 1, y: toNumber(y) ?? Number.NaN }))
      : s.values.map(toNumber);
    return {
      label: s.name,
      data,
      backgroundColor: pie ? PALETTE : band ? "rgba(154, 167, 177, 0.25)" : color,
      borderColor: color,
      borderWidth: band ? 1 : 2,
      showLine: scatter && type.startsWith("XYScatterLines"),
      pointRadius: scatter && (band || type.endsWith("NoMarkers")) ? 0 : 3,
      fill: band === "high" && i > 0 ? "-1" : t.startsWith("Area"),
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
      plugins: {
        title: { display: info.title !== "", text: info.title },
        legend: {
          display: info.legendVisible,
          labels: { filter: (item: { text: string }) => !/: 95% CI (low|high)$/.test(item.text) },
        },
      },
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
