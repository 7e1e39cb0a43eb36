/**
 * The Environments sheet: pasted `pip freeze`, conda, R sessionInfo or renv.lock output stored
 * as one row per package under its content-hash id, which runs name in their `environment`
 * column. Storing the same environment again writes nothing. Every cell goes through
 * safe-write, so `==1.0`, `-e git+...` or `@ file://` stay the text they were. The parsers
 * (and the YAML library) load with this module, on first use; reading lives in
 * environments-read.ts.
 */
import {
  ENVIRONMENTS_HEADER,
  environmentRows,
  parseEnvironment,
  type EnvFormat,
  type EnvIssue,
} from "../core/env/index";
import { columnLetter } from "../core/index";
import { appendToTable, hostCanResizeTables, queueTableState, tableStateOf } from "./table-append";
import { findOwnTable, queueOwnTable } from "./own-sheet";

/** What storing a pasted environment did. */
export type StoreEnvironmentResult =
  | {
      ok: true;
      id: string;
      /** Rows written (0 when the environment was already stored). */
      written: number;
      alreadyStored: boolean;
      format: EnvFormat;
      packages: number;
      warnings: EnvIssue[];
    }
  | { ok: false; issues: EnvIssue[] };

const COLUMN_WIDTHS = [95, 60, 160, 100, 220];

/**
 * Parses `text` (format detected unless given) and stores it. Syncs: one to look; then one to
 * create the sheet and table; or two to read the table and its ids, then the append's own. The id check and the append are addressed relative to the table, so a co-author's
 * rows never shift where the new rows go.
 */
export async function storeEnvironment(
  context: Excel.RequestContext,
  text: string,
  format?: EnvFormat,
): Promise<StoreEnvironmentResult> {
  const parsed = parseEnvironment(text, format);
  if (!parsed.ok) return parsed;
  const env = parsed.value;
  const rows = environmentRows(env.id, env);
  const done = (written: number, alreadyStored: boolean): StoreEnvironmentResult => ({
    ok: true,
    id: env.id,
    written,
    alreadyStored,
    format: env.format,
    packages: env.packages.length,
    warnings: parsed.warnings,
  });

  const { table, sheet } = await findOwnTable(context, "environments");

  if (table.isNullObject) {
    // A fresh sheet, or what an interrupted first write of this same environment left: write it whole.
    const target = await queueOwnTable(context, "environments", sheet, [[...ENVIRONMENTS_HEADER], ...rows]);
    // Widths in points for id, manager, package, version, source, so the sheet reads without the add-in.
    COLUMN_WIDTHS.forEach((w, i) => {
      target.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = w;
    });
    await context.sync();
    return done(rows.length, false);
  }

  const state = queueTableState(table, 1);
  await context.sync();
  const tableState = tableStateOf(state);
  // The table's columns may have been reordered by hand: find each one by its header.
  const order = ENVIRONMENTS_HEADER.map((h) => tableState.header.indexOf(h));
  const idColumn = order[0] ?? -1;
  if (order.some((i) => i < 0))
    throw new Error(
      `The Environments table lacks a column (${ENVIRONMENTS_HEADER.join(", ")}); put it back so RunSheet can add environments.`,
    );
  const ids = table.getDataBodyRange().getColumn(idColumn);
  ids.load("values");
  await context.sync();
  if (ids.values.some((r) => String(r[0] ?? "").trim() === env.id)) return done(0, true);
  const width = tableState.header.length;
  const placed = rows.map((row) => {
    const out: (string | null)[] = new Array<string | null>(width).fill(null);
    order.forEach((col, i) => (out[col] = row[i] ?? ""));
    return out;
  });
  await appendToTable(context, table, tableState, { rows: placed, idColumn }, hostCanResizeTables());
  return done(rows.length, false);
}
