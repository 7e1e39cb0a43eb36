/**
 * Creating one of RunSheet's own sheets (History, Registry, Environments, Experiments, the
 * tracker's sheets) so that a failed sync never leaves an orphan that blocks the retry. A sheet RunSheet adds is written
 * in one batch (sheet, header and rows, table); if that batch was half applied, the sheet is
 * there without its table. Such a sheet is recognised as RunSheet's own leftover when all it
 * holds is a part of exactly what RunSheet was writing (same cells at the same places, or
 * nothing); the retry then completes it. Any other sheet of that name is the user's and is
 * never touched.
 */
import { columnLetter, isBlank, type CellValue } from "../core/index";
import { SHEETS, TABLES } from "./constants";
import { writeSafe, type SafeValue } from "./safe-write";

/** A sheet's used range (values only), as loaded: null when the sheet holds no values. */
export interface UsedBlock {
  rowIndex: number;
  columnIndex: number;
  values: readonly (readonly unknown[])[];
}

function sameCell(a: unknown, b: SafeValue | undefined): boolean {
  const x = a === null || a === undefined ? "" : a;
  const y = b === null || b === undefined ? "" : b;
  return x === y;
}

/**
 * True when `used` (the sheet's used range) holds nothing but cells of `block`, which RunSheet
 * writes from A1, at the same places. Pure.
 */
export function isOwnLeftover(used: UsedBlock | null, block: readonly (readonly SafeValue[])[]): boolean {
  if (!used) return true;
  return used.values.every((row, r) =>
    row.every((value, c) => {
      if (isBlank(value as CellValue)) return true;
      const want = block[used.rowIndex + r]?.[used.columnIndex + c];
      return want !== undefined && sameCell(value, want);
    }),
  );
}

/**
 * Queues loading what a sheet that exists without RunSheet's table holds; the returned
 * function, called after the caller's sync, says whether it is a leftover of `block`. A table
 * a half-applied batch created under Excel's default name (the rename did not land) is part
 * of the leftover: the function then queues converting it back to a range, before the caller
 * adds the table again.
 */
export function queueLeftoverCheck(sheet: Excel.Worksheet, block: readonly (readonly SafeValue[])[]): () => boolean {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,values");
  const tables = sheet.tables;
  tables.load("items/name");
  return () => leftoverAfterSync(used, tables, block);
}

/** The check of `queueLeftoverCheck`, on its loaded proxies. */
function leftoverAfterSync(
  used: Excel.Range,
  tables: Excel.TableCollection,
  block: readonly (readonly SafeValue[])[],
): boolean {
  if (!isOwnLeftover(used.isNullObject ? null : used, block)) return false;
  for (const table of tables.items) table.convertToRange();
  return true;
}

/** `queueLeftoverCheck` for one sheet, with its own sync. */
export async function sheetIsOwnLeftover(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  block: readonly (readonly SafeValue[])[],
): Promise<boolean> {
  const check = queueLeftoverCheck(sheet, block);
  await context.sync();
  return check();
}

/** RunSheet's sheets that hold one table of RunSheet's, created on the first write to it. */
export type OwnTableSheet = "registry" | "history" | "environments" | "experiments";

/** RunSheet's table `key` and the sheet it belongs on, both as *OrNullObject, looked up in one sync. */
export async function findOwnTable(
  context: Excel.RequestContext,
  key: OwnTableSheet,
): Promise<{ table: Excel.Table; sheet: Excel.Worksheet }> {
  const table = context.workbook.tables.getItemOrNullObject(TABLES[key]);
  table.load("name");
  const sheet = context.workbook.worksheets.getItemOrNullObject(SHEETS[key]);
  sheet.load("name");
  await context.sync();
  return { table, sheet };
}

/**
 * Queues, for the caller's sync, RunSheet's sheet `key` with `block` (header row first) written
 * from A1 through safe-write and made its table: on a new sheet, or on `sheet` (as found by
 * `findOwnTable`) when it is RunSheet's own leftover, which takes one more sync to tell. Throws,
 * naming the sheet, when a sheet of that name is the user's. Returns the sheet written to.
 */
export async function queueOwnTable(
  context: Excel.RequestContext,
  key: OwnTableSheet,
  sheet: Excel.Worksheet,
  block: readonly (readonly SafeValue[])[],
): Promise<Excel.Worksheet> {
  if (!sheet.isNullObject && !(await sheetIsOwnLeftover(context, sheet, block)))
    throw new Error(
      `A sheet named "${SHEETS[key]}" exists without RunSheet's ${TABLES[key]} table; rename it so RunSheet can create its own.`,
    );
  const target = sheet.isNullObject ? context.workbook.worksheets.add(SHEETS[key]) : sheet;
  const address = `A1:${columnLetter((block[0]?.length ?? 1) - 1)}${block.length}`;
  writeSafe(target.getRange(address), block);
  // The table's name last: a table under RunSheet's name means every write of the batch landed.
  target.tables.add(address, true).name = TABLES[key];
  return target;
}
