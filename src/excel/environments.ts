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
import { SHEETS, TABLES } from "./constants";
import { appendToTable, hostCanResizeTables, queueTableState, tableStateOf } from "./table-append";
import { writeSafe } from "./safe-write";

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

/** True when a sheet's used cells are only what an earlier attempt of this very write left (header first). */
function isOurLeftover(values: readonly (readonly unknown[])[]): boolean {
  const header = values[0] ?? [];
  return ENVIRONMENTS_HEADER.every((h, i) => header[i] === h);
}

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

  const table = context.workbook.tables.getItemOrNullObject(TABLES.environments);
  table.load("name");
  const sheet = context.workbook.worksheets.getItemOrNullObject(SHEETS.environments);
  sheet.load("name");
  await context.sync();

  if (table.isNullObject) {
    let foreign = false;
    if (!sheet.isNullObject) {
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("values");
      await context.sync();
      foreign = !used.isNullObject && !isOurLeftover(used.values);
    }
    if (foreign) {
      throw new Error(
        `A sheet named "${SHEETS.environments}" exists without RunSheet's Environments table; rename it so RunSheet can create its own.`,
      );
    }
    // A fresh sheet, or one an interrupted first write left with our header: write it whole.
    const target = sheet.isNullObject ? context.workbook.worksheets.add(SHEETS.environments) : sheet;
    const last = columnLetter(ENVIRONMENTS_HEADER.length - 1);
    const address = `A1:${last}${rows.length + 1}`;
    writeSafe(target.getRange(address), [[...ENVIRONMENTS_HEADER], ...rows]);
    target.tables.add(address, true).name = TABLES.environments;
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
