/**
 * The Report sheet: core's ReportSpec (sections per experiment, verdicts, charts) written as
 * plain Excel content a stakeholder can read without the add-in. Where everything goes comes
 * from core's layoutReport (computed from what is written, so no chart covers a cell with
 * content). Regenerated in place: the old cells and RunSheet's own charts (found by name) are
 * removed first; charts the user added are kept. Every cell and title goes through safe-write.
 *
 * Office JS cannot set custom error-bar amounts, so a 95% CI is drawn as a high-low-close
 * (StockHLC) chart: the high-low line spans the interval and the close tick is the mean, which
 * every Excel renders. A note above each chart says so.
 */
import {
  columnLetter,
  excelSerialDate,
  layoutReport,
  widthForText,
  type CellRect,
  type ChartSpec,
  type ExperimentInfo,
  type ReportSpec,
} from "../core/index";
import { detectCapabilities, type Capabilities } from "./capabilities";
import { SETTINGS, SHEETS, TABLES } from "./constants";
import { plainTitle, writeSafe, type SafeValue } from "./safe-write";
import { readTableValues } from "./table-values";

/** Charts RunSheet owns are named with this prefix; other charts on the sheet are the user's. */
export const CHART_PREFIX = "RunSheet ";

export const REPORT_HEADER = [
  "Experiment",
  "Verdict",
  "Caveats",
  "Hypothesis",
  "Best run",
  "Configuration",
  "n",
  "Mean",
  "95% CI low",
  "95% CI high",
  "Baseline",
  "Difference",
  "p",
  "Runs",
  "Excluded",
  "Recipes",
] as const;

/** The verdict column: wide and wrapped, right next to its experiment; then its caveats. */
const VERDICT_WIDTH = 520;
const CAVEATS_WIDTH = 360;
const HYPOTHESIS_WIDTH = 240;
/** Verdict, Caveats, Hypothesis and Configuration: long text, wrapped. */
const WRAPPED_COLUMNS = [1, 2, 3, 5];
/** Fixed widths by column; the others are sized to their content. */
const FIXED_WIDTHS: Record<number, number> = { 1: VERDICT_WIDTH, 2: CAVEATS_WIDTH, 3: HYPOTHESIS_WIDTH };
/** Rows of the title block: title, generated, metric, how to read the intervals. */
const HEAD_ROWS = 4;
const DATE_FORMAT = "yyyy-mm-dd hh:mm";
const HEAD_LABELS = ["Generated (UTC)", "Metric", "How to read"] as const;
/** Excel's chart type per core chart kind. */
const CHART_TYPE = { interval: "StockHLC", scatter: "XYScatter", line: "XYScatterLines" } as const;

export interface ReportWriteResult {
  sheet: string;
  sections: number;
  charts: number;
  /** True when an existing Report sheet was regenerated. */
  replaced: boolean;
  /** Where each chart went (0-based cells), in spec order: for checks that nothing is covered. */
  placements: CellRect[];
}

/** A block of cells to write: rows of values and a number format per column for numbers. */
interface Block {
  rows: SafeValue[][];
  formats: (string | null)[];
  widths: number[];
}

/** Number format for a column of numbers: integers as integers, tiny values in General, else 4 decimals at most. */
function columnFormat(cells: readonly SafeValue[]): string | null {
  const numbers = cells.filter((v): v is number => typeof v === "number");
  if (numbers.length === 0) return null;
  if (numbers.every((v) => Number.isInteger(v))) return "0";
  // 0.0106667537 reads as 0.0107; tiny values (1e-5 learning rates) keep General's exponent.
  if (numbers.some((v) => v !== 0 && Math.abs(v) < 0.001)) return "General";
  return "0.0###";
}

function formatsOf(rows: readonly SafeValue[][], width: number): (string | null)[] {
  return Array.from({ length: width }, (_, c) => columnFormat(rows.slice(1).map((r) => r[c] ?? null)));
}

/** The sections table (header first) of a report, with formats and widths. Pure. */
export function sectionsBlock(spec: ReportSpec): Block {
  const rows: SafeValue[][] = [
    [...REPORT_HEADER],
    ...spec.sections.map((s): SafeValue[] => [
      s.experiment,
      s.comparison?.headline ?? s.verdict,
      s.comparison?.caveats.join(" ") ?? "",
      s.hypothesis ?? "",
      s.best?.id ?? "none qualifies",
      s.best?.label ?? "",
      s.best?.n ?? 0,
      s.best?.mean ?? "",
      s.best?.ci95?.[0] ?? "",
      s.best?.ci95?.[1] ?? "",
      s.baseline === null ? "" : `${s.baseline}${s.baselineDefaulted ? " (previous; none set)" : ""}`,
      s.comparison?.differenceText ?? "",
      // Three significant digits: more would claim a precision a p-value does not have.
      s.pValue === null ? "" : Number(s.pValue.toPrecision(3)),
      s.runs,
      s.excluded,
      s.recipe ?? "",
    ]),
  ];
  const widths = REPORT_HEADER.map(
    (_, c) =>
      FIXED_WIDTHS[c] ??
      widthForText(
        rows.map((r) => r[c]),
        40,
        200,
      ),
  );
  return { rows, formats: formatsOf(rows, REPORT_HEADER.length), widths };
}

/** Where each series' values sit in a chart's data block (0-based columns). */
interface SeriesColumns {
  name: string;
  role: string | undefined;
  x: number;
  y: number;
  n: number;
}

/**
 * A chart's data as a block of cells: a shared x column when all series share their x values
 * (interval and aligned curves), else an x and a y column per series; then the legend of
 * configuration codes when there is one. Pure.
 */
export function chartBlock(spec: ChartSpec): Block & { series: SeriesColumns[] } {
  const columns: { header: string; cells: SafeValue[] }[] = [];
  const series: SeriesColumns[] = [];
  const xOf = (s: ChartSpec["series"][number]) => s.x ?? Array.from({ length: s.y.length }, (_, i) => i + 1);
  const first = spec.series[0];
  const shared = first !== undefined && spec.series.every((s) => JSON.stringify(xOf(s)) === JSON.stringify(xOf(first)));
  if (shared && first) {
    columns.push({
      header: spec.xTitle || "x",
      cells: xOf(first).map((v) => (spec.kind === "interval" ? String(v) : v)),
    });
    for (const s of spec.series) {
      series.push({ name: s.name, role: s.role, x: 0, y: columns.length, n: s.y.length });
      columns.push({ header: s.name, cells: s.y.map((v) => (v === null ? "" : v)) });
    }
  } else {
    for (const s of spec.series) {
      series.push({ name: s.name, role: s.role, x: columns.length, y: columns.length + 1, n: s.y.length });
      columns.push({ header: spec.xTitle || "x", cells: xOf(s).slice(0, s.y.length) });
      columns.push({ header: s.name, cells: s.y.map((v) => (v === null ? "" : v)) });
    }
  }
  if (spec.legend) {
    // Interval categories are the codes themselves, row by row; other charts list them apart.
    if (spec.kind !== "interval") columns.push({ header: "code", cells: spec.legend.map((l) => l.code) });
    columns.push({ header: "configuration", cells: spec.legend.map((l) => l.label) });
  }
  const height = Math.max(0, ...columns.map((c) => c.cells.length));
  const rows: SafeValue[][] = [columns.map((c) => c.header)];
  for (let r = 0; r < height; r++) rows.push(columns.map((c) => c.cells[r] ?? ""));
  const widths = columns.map((c, i) =>
    widthForText([c.header, ...c.cells.slice(0, 200)], i === 0 || c.header === "configuration" ? 60 : 56, 260),
  );
  return { rows, formats: formatsOf(rows, columns.length), widths, series };
}

/** Chart width (points): wide enough for the categories or points it shows. */
function chartWidth(spec: ChartSpec): number {
  const categories = spec.kind === "interval" ? (spec.series[0]?.y.length ?? 0) : 0;
  return Math.min(900, Math.max(420, categories * 16));
}

const a1 = (row: number, col: number) => `${columnLetter(col)}${row + 1}`;
const rectAddress = (r: CellRect) => `${a1(r.r0, r.c0)}:${a1(r.r1, r.c1)}`;

/** Adds one chart over its written block and places it. */
function addChart(
  sheet: Excel.Worksheet,
  spec: ChartSpec,
  block: ReturnType<typeof chartBlock>,
  at: { row: number; col: number },
  place: CellRect,
): void {
  const top = at.row + 1;
  const column = (c: number, n: number) =>
    sheet.getRange(rectAddress({ r0: top, c0: at.col + c, r1: top + n - 1, c1: at.col + c }));
  let chart: Excel.Chart;
  if (spec.kind === "interval") {
    // High, low, close: the source block is [categories, CI high, CI low, mean] with its header.
    const n = block.series[0]?.n ?? 0;
    chart = sheet.charts.add(
      CHART_TYPE.interval,
      sheet.getRange(rectAddress({ r0: at.row, c0: at.col, r1: at.row + n, c1: at.col + 3 })),
      "Columns",
    );
  } else {
    const [head, ...rest] = block.series;
    if (!head) return;
    chart = sheet.charts.add(CHART_TYPE[spec.kind], column(head.y, head.n), "Columns");
    const firstSeries = chart.series.getItemAt(0);
    firstSeries.name = plainTitle(head.name);
    firstSeries.setXAxisValues(column(head.x, head.n));
    for (const s of rest) {
      const added = chart.series.add(plainTitle(s.name));
      added.setValues(column(s.y, s.n));
      added.setXAxisValues(column(s.x, s.n));
      if (s.role === "front") added.chartType = "XYScatterLines";
      if (s.role === "band-low" || s.role === "band-high") added.chartType = "XYScatterLinesNoMarkers";
    }
  }
  chart.name = `${CHART_PREFIX}${spec.key}`;
  chart.title.text = plainTitle(spec.title);
  chart.axes.categoryAxis.title.text = plainTitle(spec.xTitle);
  chart.axes.valueAxis.title.text = plainTitle(spec.yTitle);
  chart.legend.position = "Bottom";
  chart.setPosition(a1(place.r0, place.c0), a1(place.r1, place.c1));
}

/**
 * Writes (or regenerates) the Report sheet. Syncs: one to look for the sheet; when it exists,
 * one to list its charts and used range; then one to write everything. A "Report" sheet that
 * RunSheet did not create is never wiped (an Error says so). Print settings (landscape, one
 * page wide, title rows repeated) are set where the host has ExcelApi 1.9, skipped otherwise.
 */
export async function writeReport(
  context: Excel.RequestContext,
  spec: ReportSpec,
  capabilities: Pick<Capabilities, "pageLayout"> = detectCapabilities(),
): Promise<ReportWriteResult> {
  const existing = context.workbook.worksheets.getItemOrNullObject(SHEETS.report);
  existing.load("name");
  const owned = context.workbook.settings.getItemOrNullObject(SETTINGS.reportOwned);
  owned.load("value");
  await context.sync();

  let sheet: Excel.Worksheet;
  const replaced = !existing.isNullObject;
  if (replaced && (owned.isNullObject || owned.value !== true)) {
    throw new Error(
      `A sheet named "${SHEETS.report}" exists that RunSheet did not create, so it was left alone. Rename it to let RunSheet write its report.`,
    );
  }
  if (replaced) {
    sheet = existing;
    const charts = sheet.charts;
    charts.load("items/name");
    const used = sheet.getUsedRangeOrNullObject();
    used.load("address");
    await context.sync();
    for (const chart of charts.items) if (chart.name.startsWith(CHART_PREFIX)) chart.delete();
    if (!used.isNullObject) used.clear();
  } else {
    // The setting first: a batch that fails half way must leave a sheet a retry may regenerate.
    context.workbook.settings.add(SETTINGS.reportOwned, true);
    sheet = context.workbook.worksheets.add(SHEETS.report);
  }

  const table = sectionsBlock(spec);
  table.widths[0] = Math.max(table.widths[0] ?? 0, widthForText(HEAD_LABELS, 40, 200));
  const blocks = spec.charts
    .filter((c) => c.series.some((s) => s.y.length > 0))
    .map((c) => ({ spec: c, block: chartBlock(c) }));
  const layout = layoutReport({
    headRows: HEAD_ROWS,
    table: { rows: table.rows.length, widths: table.widths },
    charts: blocks.map((b) => ({ rows: b.block.rows.length, widths: b.block.widths, chartWidth: chartWidth(b.spec) })),
  });

  const head: SafeValue[][] = [
    [spec.title, null],
    [HEAD_LABELS[0], excelSerialDate(new Date(spec.generated))],
    [HEAD_LABELS[1], `${spec.metric} (${spec.goal === "max" ? "higher is better" : "lower is better"})`],
    [
      HEAD_LABELS[2],
      "Mean ± 95% CI over seeds: the interval that holds the true mean with 95% confidence. A verdict names a winner only when p < 0.05 (Welch), that is when the 95% CI of the difference excludes 0.",
    ],
  ];
  writeSafe(sheet.getRange(`A1:B${HEAD_ROWS}`), head, { formats: [null, DATE_FORMAT] });
  sheet.getRange("A1").format.font.bold = true;
  sheet.getRange(`A2:A${HEAD_ROWS}`).format.font.bold = true;

  const tableTop = layout.tableRow;
  const last = REPORT_HEADER.length - 1;
  writeSafe(
    sheet.getRange(rectAddress({ r0: tableTop, c0: 0, r1: tableTop + table.rows.length - 1, c1: last })),
    table.rows,
    {
      formats: table.formats,
    },
  );
  sheet.getRange(rectAddress({ r0: tableTop, c0: 0, r1: tableTop, c1: last })).format.font.bold = true;
  // Verdict, hypothesis and configuration wrap in their columns, so each is read whole.
  for (const c of WRAPPED_COLUMNS)
    sheet.getRange(rectAddress({ r0: tableTop, c0: c, r1: tableTop + table.rows.length - 1, c1: c })).format.wrapText =
      true;
  layout.widths.forEach((w, c) => {
    sheet.getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth = w;
  });

  blocks.forEach(({ spec: chartSpec, block }, i) => {
    const place = layout.charts[i];
    if (!place) return;
    writeSafe(sheet.getRange(`A${place.captionRow + 1}:A${place.captionRow + 2}`), [
      [chartSpec.title],
      [chartSpec.note],
    ]);
    sheet.getRange(`A${place.captionRow + 1}`).format.font.bold = true;
    sheet.getRange(`A${place.captionRow + 2}`).format.font.italic = true;
    const width = block.rows[0]?.length ?? 0;
    const { row, col } = place.block;
    writeSafe(
      sheet.getRange(rectAddress({ r0: row, c0: col, r1: row + block.rows.length - 1, c1: col + width - 1 })),
      block.rows,
      {
        formats: block.formats,
      },
    );
    sheet.getRange(rectAddress({ r0: row, c0: col, r1: row, c1: col + width - 1 })).format.font.bold = true;
    addChart(sheet, chartSpec, block, place.block, place.chart);
  });

  if (capabilities.pageLayout) {
    sheet.pageLayout.orientation = "Landscape";
    sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    sheet.pageLayout.setPrintTitleRows(`$1:$${tableTop + 1}`);
  }
  sheet.activate();
  await context.sync();
  return {
    sheet: SHEETS.report,
    sections: spec.sections.length,
    charts: blocks.length,
    replaced,
    placements: layout.charts.map((p) => p.chart),
  };
}

/** Rows of the Experiments table as core's ExperimentInfo (empty when there is no table). Two syncs. */
export async function readExperiments(context: Excel.RequestContext): Promise<ExperimentInfo[]> {
  const [header = [], ...rows] = await readTableValues(context, TABLES.experiments);
  const at = (name: string) => header.findIndex((h) => String(h).trim().toLowerCase() === name);
  const id = at("id");
  const hypothesis = at("hypothesis");
  const baseline = at("baseline");
  const text = (row: unknown[], i: number) => (i < 0 ? "" : String(row[i] ?? "").trim());
  return rows
    .filter((row) => text(row, id) !== "")
    .map((row) => {
      const info: ExperimentInfo = { id: text(row, id) };
      if (text(row, hypothesis) !== "") info.hypothesis = text(row, hypothesis);
      if (text(row, baseline) !== "") info.baseline = text(row, baseline);
      return info;
    });
}
