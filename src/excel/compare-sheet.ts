/**
 * The Compare sheet: the side-by-side of selected runs, one column per run (the baseline first),
 * one row per compared column, and under each metric its delta against the baseline. Regenerated
 * in place: RunSheet only clears a Compare sheet it created itself (a setting remembers that), so
 * a user's own sheet of that name is never wiped.
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-getitemornullobject-member(1)
 */
import type { CompareResult, Goal, RunSchema, RunValue } from "../core/index";
import { writeSafe, type SafeValue } from "./safe-write";

export const COMPARE_SHEET = "Compare";
/** Set when RunSheet created the Compare sheet: only then may it clear and rewrite it. */
export const COMPARE_OWNED_SETTING = "RunSheet.compareOwned";

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

export interface CompareWriteResult {
  sheet: string;
  rows: number;
  replaced: boolean;
}

/**
 * Writes the table to the Compare sheet (created when missing, cleared and rewritten when RunSheet
 * made it). Values go through safe-write: run ids and text stay text. Two syncs.
 */
export async function writeCompareSheet(
  context: Excel.RequestContext,
  result: CompareResult,
  table: readonly CompareTableRow[],
): Promise<CompareWriteResult> {
  const existing = context.workbook.worksheets.getItemOrNullObject(COMPARE_SHEET);
  existing.load("name");
  const owned = context.workbook.settings.getItemOrNullObject(COMPARE_OWNED_SETTING);
  owned.load("value");
  await context.sync();
  if (!existing.isNullObject && (owned.isNullObject || owned.value !== true))
    throw new Error(
      `The workbook already has a sheet named "${COMPARE_SHEET}" that RunSheet did not create: rename it, and Compare will write its own.`,
    );
  const sheet = existing.isNullObject ? context.workbook.worksheets.add(COMPARE_SHEET) : existing;
  if (existing.isNullObject) context.workbook.settings.add(COMPARE_OWNED_SETTING, true);
  // The used range, not the whole grid: on a blank sheet it is A1
  // (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrange-member(1)).
  else sheet.getUsedRange(true).clear("Contents");
  const header: SafeValue[] = [
    "column",
    ...result.runs.map((r) => (r.id === result.baseline.id ? `${r.id} (baseline)` : r.id)),
  ];
  const body: SafeValue[][] = table.map((row) => [row.label, ...row.cells.map((c) => (c === null ? "" : c))]);
  const grid = [header, ...body];
  const width = header.length;
  writeSafe(sheet.getRangeByIndexes(0, 0, grid.length, width), grid);
  sheet.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
  await context.sync();
  return { sheet: COMPARE_SHEET, rows: body.length, replaced: !existing.isNullObject };
}
