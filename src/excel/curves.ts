/**
 * Reads the History table's points (run_id, metric, x_name, x, value) for learning curves.
 * Rows whose x or value is not a number are skipped: a curve never gets a 0 in place of a gap.
 */
import type { HistoryPoint } from "../core/index";
import { TABLES } from "./constants";
import { readTableValues } from "./table-values";

/** History points, or none when there is no History table. Two syncs. */
export async function readHistory(context: Excel.RequestContext): Promise<HistoryPoint[]> {
  const points: HistoryPoint[] = [];
  for (const [run, metric, xName, x, value] of await readTableValues(context, TABLES.history, { body: true })) {
    if (typeof x !== "number" || typeof value !== "number" || !Number.isFinite(x) || !Number.isFinite(value)) continue;
    const id = String(run ?? "").trim();
    const name = String(metric ?? "").trim();
    if (id === "" || name === "") continue;
    points.push({ run: id, metric: name, xName: String(xName ?? "").trim() || "step", x, value });
  }
  return points;
}
