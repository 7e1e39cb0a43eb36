/**
 * Appending runs to the Runs table: one read, one write, atomic. The whole batch goes in one
 * sync, so a failed sync leaves nothing half written; rows whose run id is already in the table
 * are skipped, so retrying after a failure (or importing the same paste twice) never duplicates.
 * Only an import too large for one request (Excel on the web's 5 MB limit, e.g. 50,000 runs) is
 * written in several syncs of whole rows; if one of those fails, the rows already written stay
 * and a retry writes the rest without duplicating (by run id).
 */
import { isBlank, normalizeName, type CellValue } from "../core/index";
import { TABLES, TEXT_FORMAT } from "./constants";

export interface AppendResult {
  /** Rows written. */
  appended: number;
  /** Run ids skipped because the table already has them. */
  skipped: string[];
  /** Columns added to the table (at its right end). */
  addedColumns: string[];
  /** Excel row number of the first written row (0 when nothing was written). */
  firstRow: number;
  sheet: string;
}

/**
 * Bytes of cell data per request. Excel on the web rejects requests over 5 MB
 * (RequestPayloadSizeLimitExceeded); the budget leaves room for the request's own overhead.
 */
export const DEFAULT_REQUEST_BUDGET = 4 * 1024 * 1024;

/** A chunked import failed part-way; `rowsLeft` says how many of its rows are still in the table (0 after a rollback). */
export class ImportInterruptedError extends Error {
  constructor(
    message: string,
    readonly rowsLeft: number,
    override readonly cause: unknown,
  ) {
    super(message);
    this.name = "ImportInterruptedError";
  }
}

/**
 * Splits rows into consecutive chunks whose JSON size stays under `budget` bytes (at least one
 * row per chunk). Pure. One chunk for anything a single request can carry.
 */
export function chunkRows(rows: readonly (readonly unknown[])[], budget: number): { start: number; end: number }[] {
  const chunks: { start: number; end: number }[] = [];
  let start = 0;
  let size = 0;
  rows.forEach((row, i) => {
    const bytes = JSON.stringify(row).length + 1;
    if (i > start && size + bytes > budget) {
      chunks.push({ start, end: i });
      start = i;
      size = 0;
    }
    size += bytes;
  });
  if (rows.length > start) chunks.push({ start, end: rows.length });
  return chunks;
}

/** Header names that hold a run's id, most specific first. */
const ID_HEADERS = ["run_id", "runid", "id"];

function findIdColumn(header: readonly string[]): number {
  for (const wanted of ID_HEADERS) {
    const i = header.findIndex((h) => normalizeName(h) === wanted);
    if (i >= 0) return i;
  }
  return -1;
}

function idText(value: CellValue | undefined): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

/** A cell value as the Office JS typings accept it (no null). */
function writable(value: CellValue | undefined): string | number | boolean {
  return value === null || value === undefined ? "" : value;
}

/**
 * Appends `cells` (rows in `header` order, e.g. from the parser's `toSheetCells`) to the Runs
 * table. Columns of `header` the table lacks are added; table columns absent from `header` stay
 * blank. `textCells` lists `[row, column]` (0-based in `cells`, as the parser's `toSheetCells`
 * gives them) of text Excel would interpret (`=1+1`, `+49`, `007`): those are written with the
 * text number format set first, so Excel keeps the exact text instead of a formula or number.
 * Two syncs (read, write); one when there is nothing to write. Throws at the edge when there is
 * no Runs table (ItemNotFound), or when Excel rejects the write (nothing is then written).
 */
export async function appendRuns(
  context: Excel.RequestContext,
  header: readonly string[],
  cells: readonly (readonly CellValue[])[],
  textCells: readonly (readonly [number, number])[] = [],
  options: { maxRequestBytes?: number } = {},
): Promise<AppendResult> {
  const asText = new Set(textCells.map(([r, c]) => `${r}:${c}`));
  const table = context.workbook.tables.getItem(TABLES.runs);
  const headerRange = table.getHeaderRowRange();
  headerRange.load("values");
  const body = table.getDataBodyRange();
  body.load("rowCount,rowIndex,columnIndex");
  const firstBodyRow = body.getRow(0);
  firstBodyRow.load("values");
  const sheet = headerRange.worksheet;
  sheet.load("name");
  const incomingId = findIdColumn(header);
  const idColumn = incomingId >= 0 ? table.columns.getItemOrNullObject(header[incomingId] ?? "") : null;
  if (idColumn) idColumn.load("values");
  await context.sync();

  const existingHeader = (headerRange.values[0] ?? []).map((v) => String(v));
  const keyOf = (name: string) => name.trim().toLowerCase();
  const position = new Map(existingHeader.map((h, i) => [keyOf(h), i]));
  const addedColumns: string[] = [];
  for (const name of header) {
    if (!position.has(keyOf(name))) {
      position.set(keyOf(name), existingHeader.length + addedColumns.length);
      addedColumns.push(name);
    }
  }
  const width = existingHeader.length + addedColumns.length;

  // Idempotency: skip rows whose id is already in the table (the id column's values include its header).
  const knownIds = new Set<string>();
  if (idColumn && !idColumn.isNullObject) {
    for (const row of idColumn.values.slice(1)) {
      const id = idText(row[0] as CellValue);
      if (id !== "") knownIds.add(id);
    }
  }
  const rows: (string | number | boolean)[][] = [];
  const deferred: { row: number; column: number; text: string }[] = [];
  const skipped: string[] = [];
  cells.forEach((source, r) => {
    if (incomingId >= 0) {
      const id = idText(source[incomingId]);
      // Only ids already in the table are skipped: duplicates inside the paste are written, and validation flags them.
      if (id !== "" && knownIds.has(id)) {
        skipped.push(id);
        return;
      }
    }
    const out: (string | number | boolean)[] = new Array<string | number | boolean>(width).fill("");
    header.forEach((name, c) => {
      const at = position.get(keyOf(name));
      if (at === undefined) return;
      const value = writable(source[c]);
      if (typeof value === "string" && asText.has(`${r}:${c}`)) {
        // Written below with the text format set first; a value here would become a formula.
        deferred.push({ row: rows.length, column: at, text: value });
        out[at] = "";
      } else {
        out[at] = value;
      }
    });
    rows.push(out);
  });
  if (rows.length === 0) return { appended: 0, skipped, addedColumns: [], firstRow: 0, sheet: sheet.name };

  // A new table has one empty placeholder row: fill it instead of leaving a gap.
  const placeholder = body.rowCount === 1 && (firstBodyRow.values[0] ?? []).every((v) => isBlank(v as CellValue));
  const firstRowIndex = body.rowIndex + (placeholder ? 0 : body.rowCount);
  const chunks = chunkRows(rows, options.maxRequestBytes ?? DEFAULT_REQUEST_BUDGET);

  const writeChunk = async (index: number): Promise<void> => {
    const chunk = chunks[index];
    if (!chunk) return;
    if (index === 0) for (const name of addedColumns) table.columns.add(undefined, undefined, name);
    const part = rows.slice(chunk.start, chunk.end);
    if (index === 0 && placeholder) {
      const [first, ...rest] = part;
      if (first) sheet.getRangeByIndexes(body.rowIndex, body.columnIndex, 1, width).values = [first];
      if (rest.length > 0) table.rows.add(undefined, rest);
    } else {
      table.rows.add(undefined, part);
    }
    for (const cell of deferred) {
      if (cell.row < chunk.start || cell.row >= chunk.end) continue;
      const target = sheet.getRangeByIndexes(firstRowIndex + cell.row, body.columnIndex + cell.column, 1, 1);
      target.numberFormat = [[TEXT_FORMAT]];
      target.values = [[cell.text]];
    }
    try {
      await context.sync();
    } catch (error) {
      // A sync is all-or-nothing, so only earlier chunks are in the sheet: take them out again,
      // so a failed import writes nothing (ground rule 7), then report the original error.
      throw await rollBack(chunk.start, error);
    }
    // Chunks follow one another (recursion, not a loop: each needs the previous one's sync).
    await writeChunk(index + 1);
  };

  /** Removes the `written` rows (and added columns) of earlier chunks; returns the error to throw. */
  const rollBack = async (written: number, cause: unknown): Promise<unknown> => {
    if (written === 0) return cause;
    const extra = placeholder ? 1 : 0;
    if (written > extra) {
      sheet.getRangeByIndexes(firstRowIndex + extra, body.columnIndex, written - extra, width).delete("Up");
    }
    if (placeholder) sheet.getRangeByIndexes(body.rowIndex, body.columnIndex, 1, width).clear("Contents");
    for (const name of addedColumns) table.columns.getItem(name).delete();
    const reason = cause instanceof Error ? cause.message : String(cause);
    try {
      await context.sync();
    } catch {
      return new ImportInterruptedError(
        `The import stopped after ${written} of ${rows.length} rows (${reason}) and they could not be removed. ` +
          "Run the import again: rows whose run_id is already in the table are skipped, so nothing is duplicated.",
        written,
        cause,
      );
    }
    return new ImportInterruptedError(
      `The import stopped (${reason}); the ${written} rows written before the failure were removed, so nothing was imported. Try again.`,
      0,
      cause,
    );
  };
  await writeChunk(0);
  return { appended: rows.length, skipped, addedColumns, firstRow: firstRowIndex + 1, sheet: sheet.name };
}

/**
 * Adds columns to the RunSchema table (the pane's "add unknown columns to the schema"), skipping
 * names already described. Two syncs (read names, write rows); one when nothing is new.
 */
export async function addSchemaColumns(
  context: Excel.RequestContext,
  rows: readonly (readonly (string | number | boolean)[])[],
): Promise<number> {
  const table = context.workbook.tables.getItem(TABLES.schema);
  const names = table.columns.getItemAt(0);
  names.load("values");
  const body = table.getDataBodyRange();
  body.load("rowCount,rowIndex,columnIndex,columnCount");
  const firstBodyRow = body.getRow(0);
  firstBodyRow.load("values");
  await context.sync();
  const known = new Set(names.values.slice(1).map((r) => String(r[0]).trim().toLowerCase()));
  const fresh = rows.filter((r) => {
    const name = String(r[0] ?? "")
      .trim()
      .toLowerCase();
    if (name === "" || known.has(name)) return false;
    known.add(name);
    return true;
  });
  if (fresh.length === 0) return 0;
  const padded = fresh.map((r) => Array.from({ length: body.columnCount }, (_, i) => r[i] ?? ""));
  const placeholder = body.rowCount === 1 && (firstBodyRow.values[0] ?? []).every((v) => isBlank(v as CellValue));
  const firstRowIndex = body.rowIndex + (placeholder ? 0 : body.rowCount);
  const [first, ...rest] = padded;
  if (placeholder && first) {
    body.worksheet.getRangeByIndexes(body.rowIndex, body.columnIndex, 1, body.columnCount).values = [first];
    if (rest.length > 0) table.rows.add(undefined, rest);
  } else {
    table.rows.add(undefined, padded);
  }
  // Text cells (names, patterns) keep exactly what was given.
  body.worksheet.getRangeByIndexes(firstRowIndex, body.columnIndex, padded.length, 1).numberFormat = padded.map(() => [
    TEXT_FORMAT,
  ]);
  await context.sync();
  return fresh.length;
}
