/**
 * The Report sheet: core's ReportSpec (sections per experiment, verdicts) and ChartSpecs written
 * as plain Excel content a stakeholder can read without the add-in. Regenerated in place: the
 * old content and RunSheet's charts on the Report sheet are removed first, so it is never
 * duplicated. Charts are native Excel charts over data blocks written on the same sheet.
 * Office JS cannot set custom error-bar amounts, so the CI half-widths are written as columns
 * next to each series instead of drawn.
 */
import {
  columnLetter,
  type CellValue,
  type ChartKind,
  type ChartSpec,
  type ExperimentInfo,
  type ReportSpec,
} from "../core/index";
import { SETTINGS, SHEETS, TABLES, TEXT_FORMAT } from "./constants";

const CHART_TYPE: Record<ChartKind, "ColumnClustered" | "XYScatter" | "XYScatterLines"> = {
  column: "ColumnClustered",
  scatter: "XYScatter",
  line: "XYScatterLines",
};

export const REPORT_HEADER = [
  "Experiment",
  "Hypothesis",
  "Best run",
  "Mean ± CI",
  "n",
  "Baseline",
  "p",
  "Verdict",
  "Runs",
  "Excluded",
] as const;
/** Column widths (points) so the report reads without resizing. */
const REPORT_WIDTHS = [80, 200, 80, 110, 30, 70, 60, 300, 40, 55];

/** Where charts go: right of the sections table (from column M, 8 columns wide), one under the other. */
const CHART_FIRST_COLUMN = 12;
const CHART_COLUMNS = 8;
const CHART_ROWS = 18;

export interface ReportWriteResult {
  sheet: string;
  sections: number;
  charts: number;
  /** True when an existing Report sheet was regenerated. */
  replaced: boolean;
}

interface Block {
  /** 2-D values (header row first). */
  values: (string | number)[][];
  /** Per series: 0-based column of x and y within the block, and the number of points. */
  series: { name: string; x: number; y: number; n: number }[];
}

/** A chart's data as a block of cells: per series its x and y columns, then the ± amounts. Pure. */
export function chartBlock(spec: ChartSpec): Block {
  const columns: { header: string; cells: (string | number)[] }[] = [];
  const series: Block["series"] = [];
  for (const s of spec.series) {
    const n = s.y.length;
    const x = s.x ?? Array.from({ length: n }, (_, i) => i + 1);
    series.push({ name: s.name, x: columns.length, y: columns.length + 1, n });
    columns.push({ header: spec.xTitle || "x", cells: x.slice(0, n) });
    columns.push({ header: s.name, cells: s.y.map((v) => (v === null ? "" : v)) });
    if (s.errorBars) {
      columns.push({ header: `${s.name} −`, cells: s.errorBars.minus });
      columns.push({ header: `${s.name} +`, cells: s.errorBars.plus });
    }
  }
  const height = Math.max(0, ...columns.map((c) => c.cells.length));
  const values: (string | number)[][] = [columns.map((c) => c.header)];
  for (let r = 0; r < height; r++) values.push(columns.map((c) => c.cells[r] ?? ""));
  return { values, series };
}

/** The sections table (header first) of a report. Pure. */
export function sectionRows(spec: ReportSpec): (string | number)[][] {
  return [
    [...REPORT_HEADER],
    ...spec.sections.map((s) => [
      s.experiment,
      s.hypothesis ?? "",
      s.best?.id ?? "none qualifies",
      s.summary,
      s.best?.n ?? 0,
      s.baseline ?? "",
      // Three significant digits: more would claim a precision a p-value does not have.
      s.pValue === null ? "" : Number(s.pValue.toPrecision(3)),
      s.verdict,
      s.runs,
      s.excluded,
    ]),
  ];
}

/** Number format per cell: text stays text, fractions show at most 4 decimals, the rest as Excel would. */
function cellFormat(v: string | number): string {
  // Text cells get the text format so a hypothesis like "=more data" is never a formula.
  if (typeof v === "string") return TEXT_FORMAT;
  // 0.0106667537 reads as 0.0107; tiny values (1e-5 learning rates) keep General's exponent.
  return Number.isInteger(v) || Math.abs(v) < 0.001 ? "General" : "0.0###";
}

function textFormats(values: (string | number)[][]): string[][] {
  return values.map((row) => row.map(cellFormat));
}

/**
 * Writes (or regenerates) the Report sheet. Syncs: one to look for the sheet; when it exists,
 * one to list its charts and used range; then one to write everything. A "Report" sheet that
 * RunSheet did not create is never wiped (an Error says so).
 */
export async function writeReport(context: Excel.RequestContext, spec: ReportSpec): Promise<ReportWriteResult> {
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
    for (const chart of charts.items) chart.delete();
    if (!used.isNullObject) used.clear();
  } else {
    sheet = context.workbook.worksheets.add(SHEETS.report);
    context.workbook.settings.add(SETTINGS.reportOwned, true);
  }

  const head: (string | number)[][] = [
    [spec.title],
    [`Generated ${spec.generated}`],
    [`Metric: ${spec.metric} (${spec.goal === "max" ? "higher is better" : "lower is better"})`],
  ];
  const headRange = sheet.getRange("A1:A3");
  headRange.numberFormat = textFormats(head);
  headRange.values = head;
  sheet.getRange("A1").format.font.bold = true;

  const table = sectionRows(spec);
  const width = REPORT_HEADER.length;
  const tableTop = 5;
  const tableRange = sheet.getRange(`A${tableTop}:${columnLetter(width - 1)}${tableTop + table.length - 1}`);
  tableRange.numberFormat = textFormats(table);
  tableRange.values = table;
  sheet.getRange(`A${tableTop}:${columnLetter(width - 1)}${tableTop}`).format.font.bold = true;
  REPORT_HEADER.forEach((_name, i) => {
    const column = sheet.getRange(`${columnLetter(i)}${tableTop}:${columnLetter(i)}${tableTop + table.length - 1}`);
    column.format.columnWidth = REPORT_WIDTHS[i] ?? 64;
  });

  // Chart data blocks under the table, each chart placed to the right.
  let row = tableTop + table.length + 2;
  spec.charts.forEach((chartSpec, i) => {
    const block = chartBlock(chartSpec);
    if (block.series.length === 0 || block.values.length < 2) return;
    const blockWidth = block.values[0]?.length ?? 0;
    sheet.getRange(`A${row}`).values = [[chartSpec.title]];
    sheet.getRange(`A${row}`).numberFormat = [[TEXT_FORMAT]];
    sheet.getRange(`A${row}`).format.font.bold = true;
    const top = row + 1;
    const data = sheet.getRange(`A${top}:${columnLetter(blockWidth - 1)}${top + block.values.length - 1}`);
    data.numberFormat = textFormats(block.values);
    data.values = block.values;
    const rangeOf = (column: number, n: number) =>
      sheet.getRange(`${columnLetter(column)}${top + 1}:${columnLetter(column)}${top + n}`);
    const [first, ...rest] = block.series;
    if (!first) return;
    const chart = sheet.charts.add(CHART_TYPE[chartSpec.kind], rangeOf(first.y, first.n), "Columns");
    const firstSeries = chart.series.getItemAt(0);
    firstSeries.name = first.name;
    firstSeries.setXAxisValues(rangeOf(first.x, first.n));
    for (const s of rest) {
      const added = chart.series.add(s.name);
      added.setValues(rangeOf(s.y, s.n));
      added.setXAxisValues(rangeOf(s.x, s.n));
    }
    chart.title.text = chartSpec.title;
    chart.axes.categoryAxis.title.text = chartSpec.xTitle;
    chart.axes.valueAxis.title.text = chartSpec.yTitle;
    const chartTop = 1 + i * CHART_ROWS;
    chart.setPosition(
      `${columnLetter(CHART_FIRST_COLUMN)}${chartTop}`,
      `${columnLetter(CHART_FIRST_COLUMN + CHART_COLUMNS - 1)}${chartTop + CHART_ROWS - 2}`,
    );
    row = top + block.values.length + 2;
  });
  sheet.activate();
  await context.sync();
  return {
    sheet: SHEETS.report,
    sections: spec.sections.length,
    charts: spec.charts.filter((c) => c.series.length > 0).length,
    replaced,
  };
}

/** Rows of the Experiments table as core's ExperimentInfo (empty when there is no table). Two syncs. */
export async function readExperiments(context: Excel.RequestContext): Promise<ExperimentInfo[]> {
  const table = context.workbook.tables.getItemOrNullObject(TABLES.experiments);
  table.load("name");
  await context.sync();
  if (table.isNullObject) return [];
  const range = table.getRange();
  range.load("values");
  await context.sync();
  const [header = [], ...rows] = range.values as CellValue[][];
  const at = (name: string) => header.findIndex((h) => String(h).trim().toLowerCase() === name);
  const id = at("id");
  const hypothesis = at("hypothesis");
  const baseline = at("baseline");
  const text = (row: CellValue[], i: number) => (i < 0 ? "" : String(row[i] ?? "").trim());
  return rows
    .filter((row) => text(row, id) !== "")
    .map((row) => {
      const info: ExperimentInfo = { id: text(row, id) };
      if (text(row, hypothesis) !== "") info.hypothesis = text(row, hypothesis);
      if (text(row, baseline) !== "") info.baseline = text(row, baseline);
      return info;
    });
}
