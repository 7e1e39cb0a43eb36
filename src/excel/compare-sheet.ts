/**
 * The Compare sheet: the side-by-side of selected runs, one column per run (the baseline first),
 * one row per compared column, and under each metric its delta against the baseline. Regenerated
 * in place: RunSheet only clears a Compare sheet it created itself (a setting remembers that), so
 * a user's own sheet of that name is never wiped.
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-getitemornullobject-member(1)
 */
import { compareGrid, type CompareResult, type CompareTableRow } from "../core/index";

/** The table is core's (the CLI prints the same one). */
export { compareTable, deltaDirection, type CompareTableRow } from "../core/index";
import { writeSafe, type SafeValue } from "./safe-write";

export const COMPARE_SHEET = "Compare";
/** Set when RunSheet created the Compare sheet: only then may it clear and rewrite it. */
export const COMPARE_OWNED_SETTING = "RunSheet.compareOwned";

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
  const grid: SafeValue[][] = compareGrid(result, table);
  const width = grid[0]?.length ?? 1;
  const bodyRows = grid.length - 1;
  writeSafe(sheet.getRangeByIndexes(0, 0, grid.length, width), grid);
  sheet.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
  await context.sync();
  return { sheet: COMPARE_SHEET, rows: bodyRows, replaced: !existing.isNullObject };
}
