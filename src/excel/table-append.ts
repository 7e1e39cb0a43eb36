/**
 * Appending rows to one of RunSheet's tables so that a co-author's edits and a half-applied
 * sync can never make it write into the wrong cells.
 *
 * - Anchored: every range is addressed relative to the table inside the batch that writes it
 *   (`table.getRange().getRowsBelow(n)`), never by a row number read in an earlier sync. The
 *   rows are written with `Range.values` directly below the table and the table is then
 *   resized, as Microsoft's co-authoring guidance recommends instead of
 *   `TableRowCollection.add`, which causes merge conflicts:
 *   https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins
 *   Hosts without `Table.resize` (ExcelApi 1.13) add the rows with `TableRowCollection.add`, values
 *   included, in one operation, so a batch cut short either added all of them or none: text is
 *   given Excel's quote prefix (or written as is where the column is Text), and the new rows take
 *   the column's number format, as Excel gives inserted table rows. Excel shifts the cells below
 *   the table down itself, so nothing is inserted first and nothing typed below is overwritten.
 *   https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1)
 * - Reconcilable: rows a failed attempt left directly below the table (values written, table
 *   not yet resized) equal the first planned rows exactly, so a retry writes over them and the
 *   result is the clean one. Anything else below the table (the user's own cells) is moved down
 *   by inserting cells, never overwritten.
 * - Checked in the writing batch: the batch first loads what is in the target cells and the
 *   table's size, as they are right before the write. Cells a co-author typed there in the
 *   meantime are put back just below the new rows; ids a co-author put into the table meanwhile
 *   (new rows, or an id retyped in place) that the new rows also have are reported.
 */
import type { CellValue } from "../core/index";
import { isBlank, jsonBytes } from "../core/index";
import { safeCells, writeSafe, type SafeValue } from "./safe-write";
import { TEXT_FORMAT } from "./constants";

/**
 * True when the host has `Table.resize` (ExcelApi 1.13). Outside Office (tests driving the
 * simulator without its globals) a modern host is assumed, as in capabilities.ts.
 * https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-resize-member(1)
 */
export function hostCanResizeTables(): boolean {
  const requirements = (globalThis as { Office?: typeof Office }).Office?.context?.requirements;
  if (!requirements || typeof requirements.isSetSupported !== "function") return true;
  try {
    return requirements.isSetSupported("ExcelApi", "1.13");
  } catch {
    return false;
  }
}

/** What `readTableState` found: the table as it is now, addressed only relative to itself. */
export interface TableState {
  sheet: string;
  header: string[];
  /** Excel row number of the header. */
  headerRow: number;
  /** Data rows, including Excel's empty placeholder row of a new table. */
  bodyRowCount: number;
  /** True when the only data row is Excel's empty placeholder row of a new table. */
  placeholder: boolean;
  /** Rows directly below the table that hold values, within the first `lookBelow` rows (0 = none). */
  usedBelow: number;
  /** Number formats of the last data row: what rows added to the table take. */
  lastFormats: string[];
}

/** The proxies `queueTableState` loads; `tableStateOf` reads them after the sync. */
export interface QueuedTableState {
  header: Excel.Range;
  body: Excel.Range;
  first: Excel.Range;
  last: Excel.Range;
  below: Excel.Range | null;
  sheet: Excel.Worksheet;
}

/**
 * Reads the header, the body's size and whether anything sits within `lookBelow` rows under the
 * table, in one sync (queued with whatever the caller queued on `context`).
 */
export function queueTableState(table: Excel.Table, lookBelow: number): QueuedTableState {
  const header = table.getHeaderRowRange();
  header.load("values,rowIndex");
  const body = table.getDataBodyRange();
  body.load("rowCount");
  const first = body.getRow(0);
  first.load("values");
  const last = body.getLastRow();
  last.load("numberFormat");
  const below = lookBelow > 0 ? table.getRange().getRowsBelow(lookBelow).getUsedRangeOrNullObject(true) : null;
  below?.load("rowIndex,rowCount");
  const sheet = table.worksheet;
  sheet.load("name");
  return { header, body, first, last, below, sheet };
}

/** The TableState from the loaded proxies of `queueTableState` (after the sync). */
export function tableStateOf(loaded: QueuedTableState): TableState {
  const { header, body, first, last, below, sheet } = loaded;
  const headerRow = header.rowIndex + 1;
  const placeholder = body.rowCount === 1 && (first.values[0] ?? []).every((v) => isBlank(v as CellValue));
  const usedBelow =
    below && !below.isNullObject ? below.rowIndex + below.rowCount - (header.rowIndex + body.rowCount) : 0;
  return {
    sheet: sheet.name,
    header: (header.values[0] ?? []).map((h) => String(h)),
    headerRow,
    bodyRowCount: body.rowCount,
    placeholder,
    usedBelow,
    lastFormats: (last.numberFormat[0] ?? []).map((f) => String(f)),
  };
}

export interface AppendPlan {
  /** Rows to write, as wide as the table after `addColumns`. */
  rows: readonly (readonly SafeValue[])[];
  /** Column names to add at the table's right end first (header cells written as text). */
  addColumns?: readonly string[];
  /** Number formats per column for numbers and booleans (null keeps the column's own). */
  formats?: readonly (string | null)[];
  /** A column whose values identify rows: ids a co-author added meanwhile are reported. */
  idColumn?: number;
  /** Text of the id of a row (default: the trimmed cell). */
  idOf?: (row: readonly SafeValue[]) => string;
  /**
   * Bytes the table's id column may take in the writing request's response (default 2 MB): up
   * to that it is read there every time; a larger one is read in a sync of its own only when
   * the table changed size meanwhile, so the response stays under Excel's limit.
   */
  idCheckBytes?: number;
}

export interface AppendOutcome {
  /** Excel row of the first written row (as the table stood when the batch ran). */
  firstRow: number;
  /** Ids that a co-author added to the table between the read and the write. */
  duplicates: string[];
  /** Cells a co-author typed into the target area meanwhile, moved below the new rows. */
  movedCells: number;
  /**
   * The loads `queueAfter` queued behind the write, when the writing batch was the last sync
   * (the table as the write left it); absent when another sync followed.
   */
  after?: QueuedTableState;
}

function sameCell(a: unknown, b: SafeValue | undefined): boolean {
  const x = a === null || a === undefined ? "" : a;
  const y = b === null || b === undefined ? "" : b;
  return x === y;
}

/**
 * How many of the rows directly below the table are leftovers of an earlier attempt of this
 * same plan (equal to the first planned rows, in order). Pure.
 */
export function leftoverRows(below: readonly (readonly unknown[])[], rows: readonly (readonly SafeValue[])[]): number {
  let k = 0;
  while (k < below.length && k < rows.length) {
    const have = below[k] ?? [];
    const want = rows[k] ?? [];
    if (have.every((v) => isBlank(v as CellValue))) break;
    if (!want.every((v, c) => sameCell(have[c], v))) break;
    k++;
  }
  return k;
}

/** Default budget for reading the id column in the writing request (see AppendPlan.idCheckBytes). */
const ID_CHECK_BYTES = 2 * 1024 * 1024;

/** The id column's estimated response size: its rows, each as long as the planned ids on average. Pure. */
function idColumnBytes(rowCount: number, rows: readonly (readonly SafeValue[])[], plan: AppendPlan): number {
  const column = plan.idColumn ?? 0;
  const sample = rows.slice(0, 100);
  const perId = sample.reduce((sum, row) => sum + jsonBytes(row[column] ?? ""), 0) / Math.max(1, sample.length) + 3;
  return rowCount * perId;
}

/** The planned rows' ids that `existing` (the id column as read before the write) already holds. Pure. */
export function duplicateIds(
  existing: readonly (readonly unknown[])[],
  rows: readonly (readonly SafeValue[])[],
  plan: Pick<AppendPlan, "idColumn" | "idOf">,
): string[] {
  const column = plan.idColumn ?? 0;
  const idOf = plan.idOf ?? ((row: readonly SafeValue[]) => String(row[column] ?? "").trim());
  const there = new Set(existing.map((row) => String(row[0] ?? "").trim()).filter((id) => id !== ""));
  return [...new Set(rows.map(idOf))].filter((id) => id !== "" && there.has(id));
}

/**
 * Rows for `TableRowCollection.add`, whose values Excel parses as typed: text gets the quote
 * prefix, except in columns formatted as Text (`formats`, the formats the new rows take), where
 * Excel keeps it as given; `null` (leave alone) becomes an empty cell. Pure.
 */
export function quotedRows(
  rows: readonly (readonly SafeValue[])[],
  formats: readonly string[],
): (string | number | boolean)[][] {
  const { values } = safeCells(rows, {}, "quote-prefix");
  return values.map((row, r) =>
    row.map((v, c) => {
      if (v === null) return "";
      const given = rows[r]?.[c];
      return typeof given === "string" && given !== "" && formats[c] === TEXT_FORMAT ? given : v;
    }),
  );
}

/**
 * Appends `plan.rows` to `table` (whose state `state` was read in the previous sync) in one
 * sync, plus one sync to look below the table when something is there and one to put back
 * cells a co-author typed into the target meanwhile. `canResize` is false on hosts before
 * ExcelApi 1.13. `queueAfter` queues loads behind the write in the writing batch (a chunked
 * append reads the next chunk's table state there instead of in a sync of its own).
 */
export async function appendToTable(
  context: Excel.RequestContext,
  table: Excel.Table,
  state: TableState,
  plan: AppendPlan,
  canResize: boolean,
  queueAfter?: () => QueuedTableState,
): Promise<AppendOutcome> {
  const rows = plan.rows;
  const addColumns = plan.addColumns ?? [];
  const width = state.header.length + addColumns.length;
  const onPlaceholder = state.placeholder ? 1 : 0;
  const belowCount = rows.length - onPlaceholder;

  // What sits below the table: leftovers of an earlier attempt of this plan, or the user's cells.
  // Only the Table.resize path writes below the table; `rows.add` shifts what is there itself.
  const writesBelow = canResize && belowCount > 0;
  let leftovers = 0;
  let mustInsert = 0;
  if (writesBelow && state.usedBelow > 0) {
    const below = table.getRange().getRowsBelow(belowCount);
    below.load("values");
    await context.sync();
    const values = below.values.map((r) => r.slice(0, width));
    leftovers = leftoverRows(values, rows.slice(onPlaceholder));
    const rest = values.slice(leftovers);
    if (rest.some((r) => r.some((v) => !isBlank(v as CellValue)))) mustInsert = belowCount - leftovers;
  }

  // The writing batch: check, make room, write, grow the table; all relative to the table.
  const idColumn = plan.idColumn;
  const fresh =
    writesBelow && belowCount - leftovers > 0
      ? table
          .getRange()
          .getRowsBelow(belowCount - leftovers)
          .getOffsetRange(leftovers, 0)
      : null;
  const typedMeanwhile = fresh && mustInsert === 0 ? fresh.getUsedRangeOrNullObject(true) : null;
  typedMeanwhile?.load("formulas,numberFormat,rowCount,columnCount,rowIndex,columnIndex");
  const headerNow = table.getHeaderRowRange();
  headerNow.load("rowIndex,columnIndex");
  const bodyNow = table.getDataBodyRange();
  bodyNow.load("rowCount");
  // The table's ids right before the write, read in the writing request itself, every time
  // (when the column's size allows; see idCheckBytes).
  const checkIds = idColumn !== undefined && idColumn < state.header.length;
  const inBatch = checkIds && idColumnBytes(state.bodyRowCount, rows, plan) <= (plan.idCheckBytes ?? ID_CHECK_BYTES);
  const idsBefore = inBatch ? table.getDataBodyRange().getColumn(idColumn) : null;
  idsBefore?.load("values");

  for (const name of addColumns) table.columns.add(undefined, undefined, name);
  if (addColumns.length > 0) {
    const added = table
      .getHeaderRowRange()
      .getColumn(state.header.length)
      .getResizedRange(0, addColumns.length - 1);
    writeSafe(added, [addColumns.slice()]);
  }
  if (mustInsert > 0) {
    table.getRange().getRowsBelow(mustInsert).getOffsetRange(leftovers, 0).insert("Down");
  }
  if (canResize || belowCount === 0) {
    const target = state.placeholder
      ? table
          .getDataBodyRange()
          .getRow(0)
          .getResizedRange(rows.length - 1, 0)
      : table.getRange().getRowsBelow(rows.length);
    writeSafe(target, rows, plan.formats ? { formats: plan.formats } : {});
    if (belowCount > 0) table.resize(table.getRange().getResizedRange(belowCount, 0));
  } else {
    // ExcelApi before 1.13: the placeholder row (if any) written in place, then the other rows
    // added with their values in one operation.
    const quoted = quotedRows(rows, state.lastFormats);
    if (state.placeholder) table.getDataBodyRange().getRow(0).values = quoted.slice(0, 1);
    table.rows.add(undefined, quoted.slice(onPlaceholder));
  }
  // Loads queued after the writes see the table as the writes left it (a batch runs in order).
  let after = queueAfter?.();
  await context.sync();

  const firstRow = headerNow.rowIndex + 1 + (state.placeholder ? 1 : bodyNow.rowCount + 1);
  // Ids a co-author put into the table between the read and the write (new rows, or an id
  // retyped in place): our rows went in all the same; report ids that now appear twice.
  let duplicates = idsBefore ? duplicateIds(idsBefore.values, rows, plan) : [];
  if (checkIds && !inBatch && bodyNow.rowCount !== state.bodyRowCount) {
    // Too many ids to read with the write: read them after it, when the table changed size.
    const ids = table.getDataBodyRange().getColumn(idColumn);
    ids.load("values");
    after = undefined;
    await context.sync();
    duplicates = duplicateIds(ids.values.slice(0, bodyNow.rowCount), rows, plan);
  }

  let movedCells = 0;
  if (typedMeanwhile && !typedMeanwhile.isNullObject) {
    // A co-author typed into the cells below the table between our read and our write: put
    // their cells back right under the new rows, as if the rows had been inserted above them.
    const offsetRow = typedMeanwhile.rowIndex - (headerNow.rowIndex + bodyNow.rowCount + 1 + leftovers);
    const offsetCol = typedMeanwhile.columnIndex - headerNow.columnIndex;
    const height = offsetRow + typedMeanwhile.rowCount;
    const room = table.getRange().getRowsBelow(height);
    room.insert("Down");
    const back = table
      .getRange()
      .getRowsBelow(height)
      .getCell(offsetRow, offsetCol)
      .getResizedRange(typedMeanwhile.rowCount - 1, typedMeanwhile.columnCount - 1);
    back.numberFormat = typedMeanwhile.numberFormat;
    back.formulas = typedMeanwhile.formulas;
    movedCells = typedMeanwhile.formulas.flat().filter((f) => f !== "").length;
    after = undefined;
    await context.sync();
  }
  return { firstRow, duplicates, movedCells, ...(after ? { after } : {}) };
}
