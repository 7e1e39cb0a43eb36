/**
 * A short legend beside the Runs table saying what RunSheet's red and yellow cells mean, for
 * people who open the workbook without the add-in. It sits one empty column right of the table's
 * header, in cells that are empty or already hold this legend (never over the user's cells);
 * its address is kept in a workbook setting so a moved table moves the legend with it.
 */
import { columnLetter } from "../core/index";
import { SETTINGS, TABLES } from "./constants";
import { MARK_STYLE } from "./marks";
import { writeSafe } from "./safe-write";

/** The legend's lines, top to bottom; the second and third get the error and warning colours. */
export const MARKS_LEGEND = [
  "RunSheet marks",
  "Red: an error to fix (wrong type, missing value, duplicate id, ...)",
  "Yellow: a warning (e.g. the same configuration as another run)",
  "Added by the RunSheet add-in as conditional formats; a mark goes when its problem is fixed.",
] as const;

export type LegendResult = "written" | "unchanged" | "no-table" | "occupied";

const LEGEND_SET = new Set<string>(MARKS_LEGEND);

function isFree(values: readonly (readonly unknown[])[]): boolean {
  return values.every((row) => row.every((v) => v === "" || v === null || LEGEND_SET.has(String(v))));
}

/**
 * Writes the legend beside the Runs table (see the module comment). Syncs: one to find the
 * table and the previous legend, one for the header's position, one to read the target cells,
 * and one to write when something changes.
 */
export async function writeMarksLegend(context: Excel.RequestContext): Promise<LegendResult> {
  const table = context.workbook.tables.getItemOrNullObject(TABLES.runs);
  table.load("name");
  const previous = context.workbook.settings.getItemOrNullObject(SETTINGS.marksLegend);
  previous.load("value");
  await context.sync();
  if (table.isNullObject) return "no-table";
  const header = table.getHeaderRowRange();
  header.load("rowIndex,columnIndex,columnCount");
  const worksheet = header.worksheet;
  worksheet.load("name");
  await context.sync();
  const col = header.columnIndex + header.columnCount + 1;
  const address = `${columnLetter(col)}${header.rowIndex + 1}:${columnLetter(col)}${header.rowIndex + MARKS_LEGEND.length}`;
  const target = worksheet.getRange(address);
  target.load("values");
  const old = previous.isNullObject ? null : String(previous.value);
  const oldRange =
    old && old !== `${worksheet.name}!${address}`
      ? context.workbook.worksheets.getItem(old.split("!")[0] ?? "").getRange(old.split("!")[1] ?? "A1")
      : null;
  oldRange?.load("values");
  await context.sync();
  if (!isFree(target.values)) return "occupied";
  if (old === `${worksheet.name}!${address}` && target.values.every((row, i) => row[0] === MARKS_LEGEND[i]))
    return "unchanged";
  // A legend left where the table used to end is removed, but only cells that still hold it.
  if (oldRange && isFree(oldRange.values)) oldRange.clear();
  writeSafe(
    target,
    MARKS_LEGEND.map((line) => [line]),
  );
  worksheet.getRange(`${columnLetter(col)}${header.rowIndex + 1}`).format.font.bold = true;
  const styles = [MARK_STYLE.error, MARK_STYLE.warning];
  styles.forEach((style, i) => {
    const cell = worksheet.getRange(`${columnLetter(col)}${header.rowIndex + 2 + i}`);
    cell.format.fill.color = style.fill;
    cell.format.font.color = style.font;
  });
  context.workbook.settings.add(SETTINGS.marksLegend, `${worksheet.name}!${address}`);
  await context.sync();
  return "written";
}
