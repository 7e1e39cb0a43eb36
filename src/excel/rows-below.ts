/**
 * Rows typed or pasted directly below the Runs table that are not part of it. Excel normally
 * makes them part of the table as they are entered (AutoExpansion), but not when the option is
 * off, when another program or add-in wrote them, or when they were pasted with Paste Values
 * into a gap; validation would then silently skip them. RunSheet finds them and offers to
 * include them by resizing the table, which moves no cell.
 * https://support.microsoft.com/office/resize-a-table-by-adding-or-removing-rows-and-columns-e65ae4bb-e44b-43f4-ad8b-7d68784f1165
 * https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-resize-member(1)
 */
import { isBlank, type CellValue } from "../core/index";
import { TABLES } from "./constants";
import { hostCanResizeTables } from "./table-append";

/** Rows below the table that are scanned; a longer block is reported as this many. */
export const LOOK_BELOW = 1000;

export interface RowsOutside {
  table: string;
  sheet: string;
  /** Rows directly below the table, one after another, each with at least one value in its columns. */
  count: number;
  /** Excel row number of the first of them. */
  firstRow: number;
  /** False on hosts without Table.resize (ExcelApi 1.13): the user resizes the table in Excel. */
  canInclude: boolean;
}

/** How many rows, from the top, hold a value before the first blank one. */
function leadingFilledRows(values: readonly (readonly unknown[])[]): number {
  const firstBlank = values.findIndex((row) => row.every((v) => isBlank(v as CellValue)));
  return firstBlank < 0 ? values.length : firstBlank;
}

/**
 * Finds the rows just below `tableName` that are outside it. Two syncs (the table, then the rows
 * below it, addressed relative to the table). Null when there is no such table; a table with a
 * totals row has nothing "below" it to include.
 */
export async function findRowsOutside(
  context: Excel.RequestContext,
  tableName: string = TABLES.runs,
): Promise<RowsOutside | null> {
  const table = context.workbook.tables.getItemOrNullObject(tableName);
  table.load("name,showTotals");
  await context.sync();
  if (table.isNullObject) return null;
  const whole = table.getRange();
  whole.load("rowIndex,rowCount");
  const below = whole.getRowsBelow(LOOK_BELOW);
  below.load("values");
  const sheet = table.worksheet;
  sheet.load("name");
  await context.sync();
  const count = table.showTotals ? 0 : leadingFilledRows(below.values);
  return {
    table: table.name,
    sheet: sheet.name,
    count,
    firstRow: whole.rowIndex + whole.rowCount + 1,
    canInclude: hostCanResizeTables(),
  };
}

/**
 * Makes the rows found below the table part of it (Table.resize, relative to the table in the
 * same batch). Three syncs. Running it again finds nothing left to include, so a retry after a
 * failed sync gives the same table. Returns how many rows were included.
 */
export async function includeRowsOutside(
  context: Excel.RequestContext,
  tableName: string = TABLES.runs,
): Promise<number> {
  const found = await findRowsOutside(context, tableName);
  if (!found || found.count === 0 || !found.canInclude) return 0;
  const table = context.workbook.tables.getItem(tableName);
  table.resize(table.getRange().getResizedRange(found.count, 0));
  await context.sync();
  return found.count;
}
