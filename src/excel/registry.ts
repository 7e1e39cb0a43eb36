/**
 * "Register best model": a Registry row with the run id, metric, value, timestamp, reason and a
 * frozen copy of the whole run row, one real column per run field (values, never formulas),
 * so later edits to Runs do not rewrite history and a stakeholder can filter and sort it.
 * Registering the same run for the same metric twice does nothing the second time. The row is
 * appended anchored below the Registry table (table-append.ts), so a co-author's inserted or
 * deleted rows never make it overwrite an existing entry, and a half-created Registry sheet
 * is completed by the retry instead of blocking it.
 */
import { normalizeName, type CellValue } from "../core/index";
import { MAX_CELL_TEXT, REGISTRY_HEADER } from "./constants";
import { findOwnTable, queueOwnTable } from "./own-sheet";
import { appendRowsChunked, readTableBody } from "./payload";
import type { SafeValue } from "./safe-write";
import { queueTableState, tableStateOf } from "./table-append";

export interface RegistryEntry {
  runId: string;
  metric: string;
  value: number;
  reason: string;
  /** The run's whole row, header name -> value. */
  row: Record<string, CellValue>;
  /** ISO date-time; default now. */
  registeredAt?: string;
}

export interface RegisterResult {
  status: "registered" | "already-registered";
  /** Excel row of the Registry entry. */
  row: number;
}

const OWN = new Set<string>(REGISTRY_HEADER.map((h) => normalizeName(h)));

/**
 * The Registry columns and values for an entry: REGISTRY_HEADER, then one column per run
 * field. A field named like a Registry column gets the prefix `run.` (`run.value`); the run's
 * own `run_id` is the Registry's. Pure; throws when a value exceeds Excel's cell limit.
 */
export function registryRow(entry: RegistryEntry): { header: string[]; values: SafeValue[] } {
  const header: string[] = [...REGISTRY_HEADER];
  const values: SafeValue[] = [
    entry.runId,
    entry.metric,
    entry.value,
    entry.registeredAt ?? new Date().toISOString(),
    entry.reason,
  ];
  const seen = new Set(OWN);
  for (const [field, value] of Object.entries(entry.row)) {
    const key = normalizeName(field);
    if (key === "" || key === "run_id") continue;
    const name = OWN.has(key) ? `run.${field}` : field;
    if (seen.has(normalizeName(name))) continue;
    seen.add(normalizeName(name));
    if (typeof value === "string" && value.length > MAX_CELL_TEXT)
      throw new RangeError(
        `The run's "${field}" is ${value.length} characters, more than an Excel cell holds (${MAX_CELL_TEXT}).`,
      );
    header.push(name);
    values.push(value ?? "");
  }
  return { header, values };
}

/**
 * Writes the entry to the Registry table, creating the Registry sheet when the workbook has
 * none. Syncs: one to look, then one to create; or one to look at the table, one to read the
 * entries (per ~5 MB of them), one to write.
 */
export async function registerBest(context: Excel.RequestContext, entry: RegistryEntry): Promise<RegisterResult> {
  const { header, values } = registryRow(entry);
  const { table, sheet } = await findOwnTable(context, "registry");

  if (table.isNullObject) {
    await queueOwnTable(context, "registry", sheet, [header, values]);
    await context.sync();
    return { status: "registered", row: 2 };
  }

  const loaded = queueTableState(table, 1);
  await context.sync();
  const state = tableStateOf(loaded);
  const at = new Map(state.header.map((h, i) => [normalizeName(h), i]));
  const body = state.placeholder ? [] : await readTableBody(context, table, state.bodyRowCount, state.header.length);
  const idAt = at.get("run_id") ?? -1;
  const metricAt = at.get("metric") ?? -1;
  const found = body.findIndex(
    (r) => String(r[idAt] ?? "") === entry.runId && String(r[metricAt] ?? "") === entry.metric,
  );
  if (found >= 0) return { status: "already-registered", row: state.headerRow + 1 + found };

  // Place each value under its column by name (users may reorder or add columns).
  const addColumns = header.filter((h) => !at.has(normalizeName(h)));
  const width = state.header.length + addColumns.length;
  const row = new Array<SafeValue>(width).fill("");
  header.forEach((name, i) => {
    const c = at.get(normalizeName(name)) ?? state.header.length + addColumns.indexOf(name);
    row[c] = values[i] ?? "";
  });
  const { firstRow } = await appendRowsChunked(context, table, state, { rows: [row], addColumns });
  return { status: "registered", row: firstRow };
}
