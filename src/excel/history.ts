/**
 * The History sheet: step-wise metrics (epoch or step curves) from imported training logs, one
 * point per row (run_id, metric, x_name, x, value), for line charts. Points already there (same
 * run, metric and x) are skipped, so importing the same log twice never duplicates. Values are
 * placed under the table's columns by name, written through safe-write (run ids and metric
 * names stay text), and appended anchored below the table (table-append.ts).
 */
import { normalizeName } from "../core/index";
import { HISTORY_HEADER } from "./constants";
import { findOwnTable, queueOwnTable } from "./own-sheet";
import { appendRowsChunked, chunkRows, PartialAppendError, readTableBody, REQUEST_BUDGET } from "./payload";
import type { SafeValue } from "./safe-write";
import { queueTableState, tableStateOf } from "./table-append";

export type HistoryRow = [runId: string, metric: string, xName: string, x: number, value: number];

export interface HistoryResult {
  appended: number;
  skipped: number;
}

const keyOf = (runId: unknown, metric: unknown, x: unknown) =>
  `${String(runId)}\u0000${String(metric)}\u0000${String(x)}`;

/**
 * Appends points to the History table, creating the History sheet when missing (or completing
 * the one a failed attempt left). Syncs: one to look, then one to create; or one to look, the
 * existing points (one sync per ~5 MB of response), and one per ~5 MB chunk written.
 */
export async function appendHistory(
  context: Excel.RequestContext,
  rows: readonly HistoryRow[],
  options: { maxRequestBytes?: number } = {},
): Promise<HistoryResult> {
  if (rows.length === 0) return { appended: 0, skipped: 0 };
  const { table, sheet } = await findOwnTable(context, "history");

  const unique = new Map<string, HistoryRow>();
  for (const row of rows) {
    const key = keyOf(row[0], row[1], row[3]);
    if (!unique.has(key)) unique.set(key, row);
  }

  if (table.isNullObject) {
    const all = [...unique.values()];
    // The sheet is created with as many points as one request carries; the rest are appended.
    const first = chunkRows(all, options.maxRequestBytes ?? REQUEST_BUDGET)[0] ?? { start: 0, end: all.length };
    const fresh = all.slice(0, first.end);
    const block: SafeValue[][] = [HISTORY_HEADER.slice(), ...fresh.map((r) => [...r])];
    await queueOwnTable(context, "history", sheet, block);
    await context.sync();
    if (first.end < all.length) {
      const rest = await appendHistory(context, all.slice(first.end), options);
      return { appended: fresh.length + rest.appended, skipped: rows.length - fresh.length - rest.appended };
    }
    return { appended: fresh.length, skipped: rows.length - fresh.length };
  }

  const loaded = queueTableState(table, unique.size);
  await context.sync();
  const state = tableStateOf(loaded);
  const at = HISTORY_HEADER.map((name) => state.header.findIndex((h) => normalizeName(h) === name));
  const existing = await readTableBody(context, table, state.bodyRowCount, state.header.length);
  const cell = (row: readonly unknown[], i: number) => {
    const c = at[i] ?? -1;
    return c < 0 ? "" : row[c];
  };
  const known = new Set(existing.map((r) => keyOf(cell(r, 0), cell(r, 1), cell(r, 3))));
  const fresh = [...unique.values()].filter((r) => !known.has(keyOf(r[0], r[1], r[3])));
  if (fresh.length === 0) return { appended: 0, skipped: rows.length };
  const missing = HISTORY_HEADER.filter((_, i) => (at[i] ?? -1) < 0);
  const width = state.header.length + missing.length;
  const placed = fresh.map((point) => {
    const out = new Array<SafeValue>(width).fill("");
    HISTORY_HEADER.forEach((name, i) => {
      const c = (at[i] ?? -1) >= 0 ? (at[i] ?? 0) : state.header.length + missing.indexOf(name);
      out[c] = point[i] ?? "";
    });
    return out;
  });
  try {
    await appendRowsChunked(context, table, state, {
      rows: placed,
      addColumns: missing,
      ...(options.maxRequestBytes !== undefined ? { maxRequestBytes: options.maxRequestBytes } : {}),
    });
  } catch (error) {
    if (!(error instanceof PartialAppendError)) throw error;
    throw new Error(
      `Writing the History stopped after ${error.written} of ${placed.length} points (${error.message}). ` +
        `Those ${error.written} points are in the History table; run the import again to add the other ${placed.length - error.written} (points already there are skipped).`,
      { cause: error.cause },
    );
  }
  return { appended: fresh.length, skipped: rows.length - fresh.length };
}
