/**
 * The History sheet: step-wise metrics (epoch or step curves) from imported training logs, one
 * point per row (run_id, metric, x_name, x, value), for line charts. Points already there (same
 * run, metric and x) are skipped, so importing the same log twice never duplicates.
 */
import { columnLetter } from "../core/index";
import { HISTORY_HEADER, SHEETS, TABLES, TEXT_FORMAT } from "./constants";

export type HistoryRow = [runId: string, metric: string, xName: string, x: number, value: number];

export interface HistoryResult {
  appended: number;
  skipped: number;
}

const keyOf = (row: readonly unknown[]) => `${String(row[0])}\u0000${String(row[1])}\u0000${String(row[3])}`;

/**
 * Appends points to the History table, creating the History sheet when missing. Syncs: one to
 * look, then one to create; or one to read existing points and one to write.
 */
export async function appendHistory(
  context: Excel.RequestContext,
  rows: readonly HistoryRow[],
): Promise<HistoryResult> {
  if (rows.length === 0) return { appended: 0, skipped: 0 };
  const last = columnLetter(HISTORY_HEADER.length - 1);
  const table = context.workbook.tables.getItemOrNullObject(TABLES.history);
  table.load("name");
  const sheet = context.workbook.worksheets.getItemOrNullObject(SHEETS.history);
  sheet.load("name");
  await context.sync();

  const unique = new Map<string, HistoryRow>();
  for (const row of rows) if (!unique.has(keyOf(row))) unique.set(keyOf(row), row);

  if (table.isNullObject) {
    if (!sheet.isNullObject)
      throw new Error(
        `A sheet named "${SHEETS.history}" exists without RunSheet's History table; rename it so RunSheet can create its own.`,
      );
    const fresh = [...unique.values()];
    const created = context.workbook.worksheets.add(SHEETS.history);
    created.getRange(`A1:${last}1`).values = [HISTORY_HEADER.slice()];
    const body = created.getRange(`A2:${last}${fresh.length + 1}`);
    // Run ids and metric names stay text whatever they look like.
    body.numberFormat = fresh.map(() => [TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, "General", "General"]);
    body.values = fresh.map((r) => [...r]);
    created.tables.add(`A1:${last}${fresh.length + 1}`, true).name = TABLES.history;
    await context.sync();
    return { appended: fresh.length, skipped: rows.length - fresh.length };
  }

  const range = table.getRange();
  range.load("values");
  await context.sync();
  const [, ...existing] = range.values;
  const known = new Set(existing.map((r) => keyOf(r)));
  const fresh = [...unique.values()].filter((r) => !known.has(keyOf(r)));
  if (fresh.length > 0) {
    table.rows.add(
      undefined,
      fresh.map((r) => [...r]),
    );
    await context.sync();
  }
  return { appended: fresh.length, skipped: rows.length - fresh.length };
}
