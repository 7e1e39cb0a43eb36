/**
 * Payload by measurement. Excel on the web refuses a request or a response over 5 MB
 * (RequestPayloadSizeLimitExceeded, ResponsePayloadSizeLimitExceeded):
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
 * Reads are split into blocks of rows sized from the bytes the rows already read actually
 * took; writes into chunks measured before sending. A block or chunk Excel still refuses is
 * halved and sent again (a refused request applies nothing, so this is safe).
 */
import { jsonBytes, type CellValue, type Grid } from "../core/index";
import { errorCode } from "./errors";
import { safeCells, type SafeValue } from "./safe-write";
import { appendToTable, hostCanResizeTables, queueTableState, tableStateOf, type TableState } from "./table-append";

/** Excel on the web's limit per request and per response. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** Bytes of cell data per response RunSheet aims for: the limit less room for the envelope. */
export const RESPONSE_BUDGET = Math.floor(PAYLOAD_LIMIT * 0.96);

/**
 * Bytes of cell data per request (values and number formats, measured exactly): the limit less
 * room for the rest of the batch (addresses, the table resize, the next chunk's state loads).
 */
export const REQUEST_BUDGET = Math.floor(PAYLOAD_LIMIT * 0.96);

/**
 * What a row costs in a request written by safe-write: the JSON of the values and of the number
 * formats it assigns (the column's format from `formats` for numbers and booleans, `"@"` for
 * text), each with its separating comma. Pure.
 */
export function rowBytes(row: readonly unknown[], formats?: readonly (string | null)[]): number {
  const cells = row.map((v): SafeValue =>
    typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null,
  );
  const safe = safeCells([cells], formats ? { formats } : {});
  return jsonBytes(safe.values[0]) + jsonBytes(safe.formats[0]) + 2;
}

/**
 * Splits rows into consecutive chunks whose measured request size (`rowBytes`, with the number
 * formats `formats` gives numbers) stays under `budget` bytes (at least one row per chunk). Pure.
 */
export function chunkRows(
  rows: readonly (readonly unknown[])[],
  budget: number,
  formats?: readonly (string | null)[],
): { start: number; end: number }[] {
  const chunks: { start: number; end: number }[] = [];
  let start = 0;
  let size = 0;
  rows.forEach((row, i) => {
    const bytes = rowBytes(row, formats);
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

function toGrid(values: readonly (readonly unknown[])[]): Grid {
  return values.map((row) =>
    row.map((v): CellValue => (typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null)),
  );
}

/** How many rows of `bytesPerRow` fit the response budget (at least one). */
export function rowsThatFit(bytesPerRow: number, budget = RESPONSE_BUDGET): number {
  return Math.max(1, Math.floor(budget / Math.max(1, bytesPerRow)));
}

/** Share of the budget the first block may use, since its bytes per row are an estimate. */
const FIRST_BLOCK_ROOM = 0.85;

export interface MeasuredRead {
  /** The range of `count` rows starting `offset` rows into what is read, built in the reading batch. */
  block: (offset: number, count: number) => Excel.Range;
  /** Rows to read in all. */
  rowCount: number;
  /** Rows already read (e.g. a sample loaded with an earlier sync), kept first in the result. */
  head?: Grid;
  /** Bytes per row measured on `head`, or a guess. */
  bytesPerRow: number;
  budget?: number;
}

/**
 * Reads rows in blocks sized to the response budget from the bytes per row measured so far,
 * one sync per block; a block refused as too large is halved and read again.
 */
export async function readMeasured(context: Excel.RequestContext, read: MeasuredRead): Promise<Grid> {
  const grid: Grid = [...(read.head ?? [])];
  const budget = read.budget ?? RESPONSE_BUDGET;
  let perRow = read.bytesPerRow;
  // The first estimate comes from a sample or a guess, not from the rows about to be read:
  // leave more room for the first block.
  let room = FIRST_BLOCK_ROOM;
  const from = async (offset: number, cap: number): Promise<void> => {
    if (offset >= read.rowCount) return;
    const count = Math.min(cap, rowsThatFit(perRow, budget * room), read.rowCount - offset);
    room = 1;
    const range = read.block(offset, count);
    range.load("values");
    try {
      await context.sync();
    } catch (error) {
      if (errorCode(error) === "ResponsePayloadSizeLimitExceeded" && count > 1) {
        perRow = Math.max(perRow, Math.ceil(budget / Math.floor(count / 2)));
        return from(offset, Math.floor(count / 2));
      }
      throw error;
    }
    const rows = toGrid(range.values);
    for (const row of rows) grid.push(row);
    perRow = Math.max(1, Math.ceil(jsonBytes(range.values) / Math.max(1, rows.length)));
    // Blocks follow one another (recursion, not a loop: each block needs its own sync).
    await from(offset + count, Number.POSITIVE_INFINITY);
  };
  await from(grid.length, Number.POSITIVE_INFINITY);
  return grid;
}

/**
 * The data body of `table` (as `state` found it), read in measured blocks addressed relative
 * to the table in each reading batch. One sync for a body that fits one response.
 */
export async function readTableBody(
  context: Excel.RequestContext,
  table: Excel.Table,
  rowCount: number,
  width: number,
): Promise<Grid> {
  if (rowCount === 0 || width === 0) return [];
  return readMeasured(context, {
    block: (offset, count) =>
      table
        .getDataBodyRange()
        .getRow(offset)
        .getResizedRange(count - 1, 0),
    rowCount,
    // A guess for the first block: short text and numbers; later blocks use what was measured.
    bytesPerRow: width * 24,
  });
}

/** A chunked append failed after `written` rows were added to the table. */
export class PartialAppendError extends Error {
  constructor(
    readonly written: number,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "PartialAppendError";
  }
}

export interface ChunkedAppend {
  rows: readonly (readonly SafeValue[])[];
  addColumns?: readonly string[];
  formats?: readonly (string | null)[];
  idColumn?: number;
  maxRequestBytes?: number;
}

/**
 * Appends rows to `table` in chunks measured in bytes (one chunk up to REQUEST_BUDGET), each
 * anchored below the table in its own batch; a chunk Excel refuses as too large is halved.
 * `state` is the table as read in the previous sync. The batch writing a chunk also reads the
 * table's state for the next chunk (as a separate sync right after it would), so n chunks take
 * n syncs. Throws PartialAppendError (with how many rows are in the table) when a chunk after
 * the first fails; a failing first chunk rethrows Excel's error. Returns the Excel row of the
 * first written row.
 */
export async function appendRowsChunked(
  context: Excel.RequestContext,
  table: Excel.Table,
  state: TableState,
  append: ChunkedAppend,
): Promise<{ firstRow: number; duplicates: string[] }> {
  const rows = append.rows;
  const canResize = hostCanResizeTables();
  const chunks = chunkRows(rows, append.maxRequestBytes ?? REQUEST_BUDGET, append.formats);
  let written = 0;
  let firstRow = 0;
  const duplicates: string[] = [];
  // The table's state as the last successful write left it, read in that write's batch: the
  // next chunk's "previous sync". Null when it has to be read (after a refused or extra sync).
  let next: TableState | null = state;

  const writeBlock = async (start: number, end: number, first: boolean, lookAfter: number): Promise<void> => {
    let here = next;
    next = null;
    if (here === null) {
      const again = queueTableState(table, end - start);
      await context.sync();
      here = tableStateOf(again);
    }
    try {
      const outcome = await appendToTable(
        context,
        table,
        here,
        {
          rows: rows.slice(start, end),
          ...(first && append.addColumns && append.addColumns.length > 0 ? { addColumns: append.addColumns } : {}),
          ...(append.formats ? { formats: append.formats } : {}),
          ...(append.idColumn !== undefined
            ? { idColumn: append.idColumn, idCheckBytes: Math.floor((append.maxRequestBytes ?? REQUEST_BUDGET) / 2) }
            : {}),
        },
        canResize,
        lookAfter > 0 ? () => queueTableState(table, lookAfter) : undefined,
      );
      if (first) firstRow = outcome.firstRow;
      duplicates.push(...outcome.duplicates);
      if (outcome.after) next = tableStateOf(outcome.after);
    } catch (error) {
      if (errorCode(error) === "RequestPayloadSizeLimitExceeded" && end - start > 1) {
        // Excel refused the whole request and applied nothing: the state read before still holds.
        next = here;
        const middle = start + Math.floor((end - start) / 2);
        await writeBlock(start, middle, first, end - middle);
        await writeBlock(middle, end, false, lookAfter);
        return;
      }
      throw error;
    }
    written = end;
  };

  const writeChunk = async (index: number): Promise<void> => {
    const chunk = chunks[index];
    if (!chunk) return;
    const following = chunks[index + 1];
    try {
      await writeBlock(chunk.start, chunk.end, index === 0, following ? following.end - following.start : 0);
    } catch (error) {
      throw written === 0 ? error : new PartialAppendError(written, error);
    }
    // Chunks follow one another (recursion, not a loop: each needs the previous one's sync).
    await writeChunk(index + 1);
  };
  await writeChunk(0);
  return { firstRow, duplicates };
}
