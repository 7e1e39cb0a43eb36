/**
 * Metric histories in long format, one row per logged value: MLflow's
 * `get_metric_history()` written to CSV (`run_id, key, value, step, timestamp`), TensorBoard's
 * scalars as a table (`run, tag, step, value`), and the like. Rows are pivoted to one row per
 * run and step (a column per metric key), then reduced as a step log: one run per run id.
 */
import type { RawTable } from "./raw";

const KEY_NAMES = ["key", "metric", "metric_name", "tag", "name"];
const VALUE_NAMES = ["value", "metric_value", "val"];
const STEP_NAMES = ["step", "global_step", "epoch", "iteration"];
const RUN_NAMES = ["run_id", "run", "run_uuid", "trial_id", "trial", "run_name"];

function find(columns: readonly string[], names: readonly string[]): number {
  const normal = columns.map((c) =>
    c
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, "_"),
  );
  for (const n of names) {
    const i = normal.indexOf(n);
    if (i >= 0) return i;
  }
  return -1;
}

/** True when a header is a long-format history: a key column, a value column, and a step or run column. */
export function isLongHeader(columns: readonly string[]): boolean {
  const key = find(columns, KEY_NAMES);
  const value = find(columns, VALUE_NAMES);
  return key >= 0 && value >= 0 && (find(columns, STEP_NAMES) >= 0 || find(columns, RUN_NAMES) >= 0);
}

/**
 * Pivots a long table to one row per (run, step): `run, step, <key>...`. Other columns
 * (timestamps) keep their last value on the row. The result is marked as a step log.
 */
export function pivotLong(table: RawTable): RawTable {
  const { columns } = table;
  const key = find(columns, KEY_NAMES);
  const value = find(columns, VALUE_NAMES);
  if (key < 0 || value < 0) return table;
  const step = find(columns, STEP_NAMES);
  const run = find(columns, RUN_NAMES);
  const out: string[] = [];
  if (run >= 0) out.push(columns[run] ?? "run_id");
  if (step >= 0) out.push(columns[step] ?? "step");
  const extra = columns.map((_, i) => i).filter((i) => i !== key && i !== value && i !== step && i !== run);
  const keys = new Map<string, number>();
  const rows = new Map<string, { cells: (string | number | boolean | null)[]; line: number }>();
  table.rows.forEach((r, i) => {
    const k = String(r[key] ?? "").trim();
    if (k === "") return;
    if (!keys.has(k)) keys.set(k, keys.size);
    const id = `${run >= 0 ? String(r[run] ?? "") : ""}\u0000${step >= 0 ? String(r[step] ?? "") : String(i)}`;
    let row = rows.get(id);
    if (!row) {
      row = { cells: [], line: table.rowLines[i] ?? 1 };
      if (run >= 0) row.cells.push(r[run] ?? null);
      if (step >= 0) row.cells.push(r[step] ?? null);
      rows.set(id, row);
    }
    const at = out.length + extra.length + (keys.get(k) ?? 0);
    while (row.cells.length <= at) row.cells.push(null);
    row.cells[at] = r[value] ?? null;
    extra.forEach((c, j) => {
      if (row) row.cells[out.length + j] = r[c] ?? null;
    });
  });
  const header = [...out, ...extra.map((c) => columns[c] ?? ""), ...keys.keys()];
  const pivoted = [...rows.values()];
  for (const r of pivoted) while (r.cells.length < header.length) r.cells.push(null);
  return {
    ...table,
    columns: header,
    rows: pivoted.map((r) => r.cells),
    rowLines: pivoted.map((r) => r.line),
    stepLog: true,
    layout: {
      x: step >= 0 ? (run >= 0 ? 1 : 0) : -1,
      run: run >= 0 ? 0 : -1,
    },
  };
}
