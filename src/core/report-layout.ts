/**
 * Where things go on the Report sheet, computed from what is written, never fixed: the title
 * block, the sections table, then per chart a caption (title and what its marks mean), the chart
 * below it on the left, and its data block to the right, beyond every table column. A chart
 * covers only rows below the table and columns left of the data blocks, so it never sits over
 * a cell with content. Columns are sized to their content. Pure: 0-based rows and columns.
 */

/** Rectangle of cells, inclusive, 0-based. */
export interface CellRect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface ReportLayoutInput {
  /** Rows of the title block at the top (title, generated, metric, note). */
  headRows: number;
  /** The sections table, header row included. */
  table: { rows: number; widths: readonly number[] };
  /** Per chart: its data block's size and column widths, and how wide the chart should be (points). */
  charts: readonly { rows: number; widths: readonly number[]; chartWidth: number }[];
  /** Chart height in rows (15 pt each on a default sheet). */
  chartRows?: number;
}

export interface ChartPlacement {
  /** Row of the caption (chart title), then the note on the next row. */
  captionRow: number;
  /** The cells the chart covers (for Chart.setPosition). */
  chart: CellRect;
  /** Top-left cell of the data block. */
  block: { row: number; col: number };
}

export interface ReportLayout {
  tableRow: number;
  charts: ChartPlacement[];
  /** Width (points) of every column the layout uses, by column index. */
  widths: number[];
}

/** Default chart height: 20 rows (300 pt). */
export const CHART_ROWS = 20;
/** Default column width (points), as on a new sheet. */
export const DEFAULT_WIDTH = 48;

/**
 * Column width (points) that shows the longest text of a column: about 6 points per character
 * of Excel's default font plus padding, within [min, max].
 */
export function widthForText(cells: readonly unknown[], min = 40, max = 220): number {
  let longest = 0;
  for (const c of cells) {
    const text =
      c === null || c === undefined ? "" : typeof c === "number" ? String(Number(c.toPrecision(5))) : String(c);
    longest = Math.max(longest, text.length);
  }
  return Math.min(max, Math.max(min, Math.round(longest * 6 + 12)));
}

/** Lays out the Report sheet (see the module comment). */
export function layoutReport(input: ReportLayoutInput): ReportLayout {
  const chartRows = input.chartRows ?? CHART_ROWS;
  const tableRow = input.headRows + 1;
  const widths = [...input.table.widths];
  const widthAt = (c: number) => widths[c] ?? DEFAULT_WIDTH;
  // Chart columns: from A until the chart's width is reached.
  const chartCols = input.charts.map((c) => {
    let w = 0;
    let col = 0;
    while (w < c.chartWidth) w += widthAt(col++);
    return col;
  });
  // Data blocks start beyond the table and beyond the widest chart, one empty column between.
  let blockCol = Math.max(input.table.widths.length, ...chartCols, 0) + 1;
  let row = tableRow + input.table.rows + 1;
  const charts: ChartPlacement[] = [];
  input.charts.forEach((c, i) => {
    const captionRow = row;
    const top = captionRow + 2;
    const cols = chartCols[i] ?? 1;
    charts.push({
      captionRow,
      chart: { r0: top, c0: 0, r1: top + chartRows - 1, c1: cols - 1 },
      block: { row: top, col: blockCol },
    });
    c.widths.forEach((w, k) => {
      widths[blockCol + k] = w;
    });
    blockCol += c.widths.length + 1;
    row = top + chartRows + 1;
  });
  for (let k = 0; k < widths.length; k++) widths[k] ??= DEFAULT_WIDTH;
  return { tableRow, charts, widths };
}

/** True when two cell rectangles share a cell. */
export function overlaps(a: CellRect, b: CellRect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}
