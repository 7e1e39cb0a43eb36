/**
 * Appending runs to the Runs table. Every value goes through safe-write (text stays text), and
 * rows are written below the table and the table resized, anchored to the table in the batch
 * that writes (table-append.ts). Rows whose run id is already in the table are skipped, so a
 * retry after a failure (or importing the same paste twice) never duplicates. An import too
 * large for one request (Excel on the web's 5 MB limit, e.g. 50,000 runs) is written in chunks
 * measured in bytes; a chunk Excel still finds too large is halved and sent again. If a chunk
 * fails, the rows of earlier chunks stay in the table and the error says how many; the retry
 * writes the rest, over whatever the failed chunk left below the table.
 */
import { normalizeName, type CellValue } from "../core/index";
import { SCHEMA_HEADER, TABLES } from "./constants";
import { appendRowsChunked, PartialAppendError } from "./payload";
import type { SafeValue } from "./safe-write";
import { appendToTable, hostCanResizeTables, queueTableState, tableStateOf } from "./table-append";
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
  /**
   * Run ids written that a co-author put into the table between the read and the write (a new
   * row, or an id retyped in place): they are now in the table twice, and validation flags them.
   */
  duplicates?: string[];
}

/** A chunked import failed part-way; `rowsLeft` says how many of its rows are in the table (nothing is removed). */
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

/** Header names that hold a run's id, most specific first. */
const ID_HEADERS = ["run_id", "runid", "id"];

function findIdColumn(header: readonly string[]): number {
  for (const wanted of ID_HEADERS) {
    const i = header.findIndex((h) => normalizeName(h) === wanted);
    if (i >= 0) return i;
  }
  return -1;
}

function idText(value: unknown): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

/**
 * Appends `cells` (rows in `header` order, e.g. from the parser's `toSheetCells`) to the Runs
 * table. Columns are matched by name through core's one normaliser (`Run ID` is `run_id`);
 * columns of `header` the table lacks are added at its right end; table columns absent from
 * `header` stay blank. Every string is written as text (safe-write), so `=1+1`, `+49`, `007`
 * or `2024-01-02` stay exactly as pasted; `_textCells` (the parser's list of such cells) is
 * accepted for its callers but no longer needed. Syncs: one read, then one write per chunk (one chunk
 * up to ~5 MB of request), plus one to look below the table when something is there. Throws at the edge
 * when there is no Runs table (ItemNotFound).
 */
export async function appendRuns(
  context: Excel.RequestContext,
  header: readonly string[],
  cells: readonly (readonly CellValue[])[],
  _textCells: readonly (readonly [number, number])[] = [],
  options: { maxRequestBytes?: number } = {},
): Promise<AppendResult> {
  const table = context.workbook.tables.getItem(TABLES.runs);
  const loaded = queueTableState(table, cells.length);
  loaded.first.load("numberFormat");
  const incomingId = findIdColumn(header);
  const idColumn = incomingId >= 0 ? table.columns.getItemOrNullObject(header[incomingId] ?? "") : null;
  // A table column's values include its header; a missing column loads as a null object.
  idColumn?.load("values");
  await context.sync();
  const state = tableStateOf(loaded);

  const existingHeader = state.header;
  const position = new Map(existingHeader.map((h, i) => [normalizeName(h), i]));
  const addedColumns: string[] = [];
  for (const name of header) {
    const key = normalizeName(name);
    if (key === "" || position.has(key)) continue;
    position.set(key, existingHeader.length + addedColumns.length);
    addedColumns.push(name);
  }
  const width = existingHeader.length + addedColumns.length;

  // Idempotency: skip rows whose id is already in the table.
  const knownIds = new Set<string>();
  let ids: unknown[][] = [];
  if (idColumn && !idColumn.isNullObject) ids = idColumn.values.slice(1);
  else {
    // The table names its id column differently (`Run ID` for run_id): read it by position.
    const at = incomingId >= 0 ? position.get(normalizeName(header[incomingId] ?? "")) : undefined;
    if (at !== undefined && at < existingHeader.length) ids = await readColumn(context, table, at);
  }
  for (const row of ids) {
    const id = idText(row[0]);
    if (id !== "") knownIds.add(id);
  }
  const rows: SafeValue[][] = [];
  const skipped: string[] = [];
  // Where each incoming column goes in the table, worked out once rather than for every row.
  const targets = header.map((name) => position.get(normalizeName(name)));
  cells.forEach((source) => {
    if (incomingId >= 0) {
      const id = idText(source[incomingId]);
      // Only ids already in the table are skipped: duplicates inside the paste are written, and validation flags them.
      if (id !== "" && knownIds.has(id)) {
        skipped.push(id);
        return;
      }
    }
    const out: SafeValue[] = new Array<SafeValue>(width).fill("");
    targets.forEach((at, c) => {
      const value = source[c];
      if (at !== undefined) out[at] = value === undefined ? "" : value;
    });
    rows.push(out);
  });
  if (rows.length === 0) return { appended: 0, skipped, addedColumns: [], firstRow: 0, sheet: state.sheet };

  // Numbers take the table column's own format (the Text format is for text only).
  const columnFormats = (loaded.first.numberFormat[0] ?? []).map((f) => (f === "@" ? null : String(f)));
  const tableIdAt = incomingId >= 0 ? position.get(normalizeName(header[incomingId] ?? "")) : undefined;
  try {
    const { firstRow, duplicates } = await appendRowsChunked(context, table, state, {
      rows,
      addColumns: addedColumns,
      formats: columnFormats,
      ...(tableIdAt !== undefined ? { idColumn: tableIdAt } : {}),
      ...(options.maxRequestBytes !== undefined ? { maxRequestBytes: options.maxRequestBytes } : {}),
    });
    return {
      appended: rows.length,
      skipped,
      addedColumns,
      firstRow,
      sheet: state.sheet,
      ...(duplicates.length > 0 ? { duplicates } : {}),
    };
  } catch (error) {
    if (error instanceof PartialAppendError)
      throw interrupted(error.written, rows.length, incomingId >= 0, error.cause);
    throw error;
  }
}

/** The values of the table's data column `index` (one sync). */
async function readColumn(context: Excel.RequestContext, table: Excel.Table, index: number): Promise<unknown[][]> {
  const column = table.getDataBodyRange().getColumn(index);
  column.load("values");
  await context.sync();
  return column.values;
}

/** The error for a failure after `written` of `total` rows: what is in the table, and what a retry does. */
function interrupted(written: number, total: number, hasIds: boolean, cause: unknown): ImportInterruptedError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const retry = hasIds
    ? "Run the import again: the runs already in the table are skipped by run_id and the rest are added."
    : "These rows have no run_id, so importing them again would add those rows twice: import only the rest.";
  return new ImportInterruptedError(
    `The import stopped after ${written} of ${total} rows (${reason}). Those ${written} rows are in the Runs table; the other ${total - written} are not. ${retry}`,
    written,
    cause,
  );
}

/**
 * Adds columns to the RunSchema table (the pane's "add unknown columns to the schema"), skipping
 * names already described (compared with core's normaliser). `rows` are in SCHEMA_HEADER order
 * (core's `schemaToRows` without its header); they are placed under the table's columns by
 * name, so a reordered Schema table still gets each value in its column. Two syncs (read,
 * write); one when nothing is new.
 */
export async function addSchemaColumns(
  context: Excel.RequestContext,
  rows: readonly (readonly (string | number | boolean)[])[],
): Promise<number> {
  const table = context.workbook.tables.getItem(TABLES.schema);
  const loaded = queueTableState(table, rows.length);
  const body = table.getDataBodyRange();
  body.load("values");
  await context.sync();
  const state = tableStateOf(loaded);
  const at = new Map(state.header.map((h, i) => [normalizeName(h), i]));
  const nameAt = at.get("name") ?? 0;
  const known = new Set(body.values.map((r) => normalizeName(String(r[nameAt] ?? ""))));
  const fresh: SafeValue[][] = [];
  for (const row of rows) {
    const name = normalizeName(String(row[0] ?? ""));
    if (name === "" || known.has(name)) continue;
    known.add(name);
    const out = new Array<SafeValue>(state.header.length).fill("");
    SCHEMA_HEADER.forEach((column, i) => {
      const target = at.get(normalizeName(column));
      const value = row[i];
      if (target !== undefined && value !== undefined) out[target] = value;
    });
    fresh.push(out);
  }
  if (fresh.length === 0) return 0;
  await appendToTable(context, table, state, { rows: fresh }, hostCanResizeTables());
  return fresh.length;
}
