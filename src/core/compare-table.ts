/**
 * The compare table, as the pane shows it, the Compare sheet holds and `runsheet compare` prints:
 * run ids across (the baseline marked), compared columns down, a `Δ metric` row under each
 * metric with its delta against the baseline and whether that is better by the metric's goal.
 */
import type { CompareResult } from "./compare-types";
import type { Goal, RunSchema } from "./schema-types";
import type { RunValue } from "./runs";
import { sig } from "./sentence-numbers";

/** A row of the compare table: a column's values per run, or a metric's delta per run. */
export interface CompareTableRow {
  label: string;
  kind: "value" | "delta";
  cells: RunValue[];
  /** For deltas: whether each run is better (+1), worse (-1) or level (0) than the baseline, by the metric's goal. */
  direction?: (-1 | 0 | 1 | null)[];
}

/** Whether a delta is an improvement for a metric with that goal. Pure. */
export function deltaDirection(delta: number | null | undefined, goal: Goal | undefined): -1 | 0 | 1 | null {
  if (delta === null || delta === undefined || !Number.isFinite(delta) || !goal) return null;
  if (delta === 0) return 0;
  return delta > 0 === (goal === "max") ? 1 : -1;
}

/**
 * The table the pane shows and the Compare sheet holds (the CLI's `compare` JSON has the same
 * columns and deltas): run ids across, compared columns down, a `Δ metric` row under each metric.
 * Pure.
 */
export function compareTable(result: CompareResult, schema: RunSchema): CompareTableRow[] {
  const goals = new Map(schema.columns.map((c) => [c.name, c.goal]));
  const rows: CompareTableRow[] = [];
  for (const column of result.columns) {
    rows.push({ label: column.name, kind: "value", cells: column.values });
    if (column.deltas) {
      const cells = column.deltas.map((d) => (d ? d.absolute : null));
      rows.push({
        label: `Δ ${column.name} vs ${result.baseline.id}`,
        kind: "delta",
        cells,
        direction: cells.map((d) => deltaDirection(d, goals.get(column.name))),
      });
    }
  }
  return rows;
}

/** The table as cells, header row first: what the Compare sheet holds (empty cells as ""). Pure. */
export function compareGrid(result: CompareResult, table: readonly CompareTableRow[]): (string | number | boolean)[][] {
  const header = ["column", ...result.runs.map((r) => (r.id === result.baseline.id ? `${r.id} (baseline)` : r.id))];
  return [header, ...table.map((row) => [row.label, ...row.cells.map((c) => (c === null ? "" : c))])];
}

/** A cell as `runsheet compare --format text` prints it: numbers to 4 significant digits, "–" when empty. Pure. */
export function compareCellText(value: string | number | boolean): string {
  if (value === "") return "–";
  return typeof value === "number" ? (Number.isFinite(value) ? sig(value, 4) : String(value)) : String(value);
}

/** The grid as aligned text columns, two spaces apart (the CLI's text output). Pure. */
export function compareGridText(grid: readonly (readonly (string | number | boolean)[])[]): string {
  const text = grid.map((row) => row.map(compareCellText));
  const widths: number[] = [];
  for (const row of text) row.forEach((t, i) => (widths[i] = Math.max(widths[i] ?? 0, t.length)));
  return (
    text
      .map((row) =>
        row
          .map((t, i) => t.padEnd(widths[i] ?? 0))
          .join("  ")
          .trimEnd(),
      )
      .join("\n") + "\n"
  );
}
