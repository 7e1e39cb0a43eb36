/**
 * Reading one of RunSheet's own tables whole: its values, or none when the workbook has no such
 * table (a workbook made before that feature, or one the user removed it from).
 */
import type { CellValue } from "../core/index";

/**
 * The values of table `name` (header included, or the data body only with `body: true`), or []
 * when there is no such table. Two syncs: a method of a null object fails at the next sync, so
 * the table is looked up first and read only when it is there.
 * https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-getitemornullobject-member(1)
 */
export async function readTableValues(
  context: Excel.RequestContext,
  name: string,
  options: { body?: boolean } = {},
): Promise<CellValue[][]> {
  const table = context.workbook.tables.getItemOrNullObject(name);
  table.load("name");
  await context.sync();
  if (table.isNullObject) return [];
  const range = options.body ? table.getDataBodyRange() : table.getRange();
  range.load("values");
  await context.sync();
  return range.values as CellValue[][];
}
