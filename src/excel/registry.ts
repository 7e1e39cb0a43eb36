/**
 * "Register best model": a Registry row with the run id, metric, value, timestamp, reason and a
 * frozen JSON copy of the whole run row, so later edits to Runs do not rewrite history.
 * Registering the same run for the same metric twice does nothing the second time.
 */
import { isBlank, type CellValue } from "../core/index";
import { MAX_CELL_TEXT, REGISTRY_HEADER, SHEETS, TABLES, TEXT_FORMAT } from "./constants";
import { columnLetter } from "../core/index";

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

/** The Registry row for an entry, in REGISTRY_HEADER order. Pure; throws when the frozen copy exceeds Excel's cell limit. */
export function registryRow(entry: RegistryEntry): (string | number)[] {
  const frozen = JSON.stringify(entry.row);
  if (frozen.length > MAX_CELL_TEXT) {
    throw new RangeError(
      `The run's row is ${frozen.length} characters as JSON, more than an Excel cell holds (${MAX_CELL_TEXT}).`,
    );
  }
  return [entry.runId, entry.metric, entry.value, entry.registeredAt ?? new Date().toISOString(), entry.reason, frozen];
}

/**
 * Writes the entry to the Registry table, creating the Registry sheet when the workbook has
 * none. Syncs: one to look, then one to create, or one to read entries and one to write.
 */
export async function registerBest(context: Excel.RequestContext, entry: RegistryEntry): Promise<RegisterResult> {
  const values = registryRow(entry);
  const last = columnLetter(REGISTRY_HEADER.length - 1);
  const table = context.workbook.tables.getItemOrNullObject(TABLES.registry);
  table.load("name");
  const sheet = context.workbook.worksheets.getItemOrNullObject(SHEETS.registry);
  sheet.load("name");
  await context.sync();

  if (table.isNullObject) {
    if (!sheet.isNullObject)
      throw new Error(
        `A sheet named "${SHEETS.registry}" exists without RunSheet's Registry table; rename it so RunSheet can create its own.`,
      );
    const created = context.workbook.worksheets.add(SHEETS.registry);
    created.getRange(`A1:${last}1`).values = [REGISTRY_HEADER.slice()];
    const body = created.getRange(`A2:${last}2`);
    body.numberFormat = [values.map((v) => (typeof v === "string" ? TEXT_FORMAT : "General"))];
    body.values = [values];
    created.tables.add(`A1:${last}2`, true).name = TABLES.registry;
    await context.sync();
    return { status: "registered", row: 2 };
  }

  const range = table.getRange();
  range.load("values,rowIndex,columnIndex");
  const tableSheet = table.worksheet;
  await context.sync();
  const header = (range.values[0] ?? []).map((h) => String(h).trim().toLowerCase());
  const idAt = header.indexOf("run_id");
  const metricAt = header.indexOf("metric");
  const body = range.values.slice(1);
  const found = body.findIndex(
    (r) => String(r[idAt] ?? "") === entry.runId && String(r[metricAt] ?? "") === entry.metric,
  );
  if (found >= 0) return { status: "already-registered", row: range.rowIndex + 2 + found };

  // Align to the table's header (users may reorder or add columns).
  const aligned = header.map((h) => {
    const i = (REGISTRY_HEADER as readonly string[]).indexOf(h);
    return i < 0 ? "" : (values[i] ?? "");
  });
  const placeholder = body.length === 1 && (body[0] ?? []).every((v) => isBlank(v as CellValue));
  const rowIndex = range.rowIndex + 1 + (placeholder ? 0 : body.length);
  const target = tableSheet.getRangeByIndexes(rowIndex, range.columnIndex, 1, aligned.length);
  if (placeholder) {
    target.numberFormat = [aligned.map((v) => (typeof v === "string" ? TEXT_FORMAT : "General"))];
    target.values = [aligned];
  } else {
    // Text format set right after the row exists, before the values land (all in one sync).
    table.rows.add(undefined, [aligned.map((v) => (typeof v === "string" ? "" : v))]);
    target.numberFormat = [aligned.map((v) => (typeof v === "string" ? TEXT_FORMAT : "General"))];
    target.values = [aligned];
  }
  await context.sync();
  return { status: "registered", row: rowIndex + 1 };
}
