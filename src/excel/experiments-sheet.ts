/**
 * The Experiments sheet: new experiment ids appended below the table, and the `verdict` column
 * (the one column RunSheet owns) rewritten. The user's rows, columns and text are never removed
 * or overwritten: a row RunSheet adds holds only its id and its verdict, and nothing but the
 * verdict column of existing rows is written.
 *
 * - Appends go through table-append.ts (anchored below the table, the user's cells below it
 *   moved down, leftovers of a failed attempt recognised), and the ids to append are planned
 *   again on the table as it is when writing, so a retry after a failed or half-applied sync
 *   adds no second row.
 * - Verdicts are written to the verdict column's body as one range, with the id column loaded
 *   in the same request right before the write. When a co-author moved rows between the read
 *   and the write (the ids no longer line up, or the body changed size so the write was
 *   refused), the column is written again from what the request found, so each verdict ends
 *   in its own experiment's row.
 * - With no Experiments table yet, the sheet is created in one batch (cells, then the table,
 *   named last); a sheet a failed attempt left without its table is completed (own-sheet.ts);
 *   any other sheet of that name is the user's and is left alone.
 * https://learn.microsoft.com/javascript/api/excel/excel.tablecolumncollection#excel-excel-tablecolumncollection-getitem-member(1)
 * https://learn.microsoft.com/javascript/api/excel/excel.tablecolumn#excel-excel-tablecolumn-getdatabodyrange-member(1)
 */
import { idsToAppend, normalizeName, VERDICT_COLUMN, type Grid } from "../core/index";
import { EXPERIMENTS_HEADER, SHEETS, TABLES } from "./constants";
import { errorCode } from "./errors";
import type { CellFix } from "./fixes";
import { findOwnTable, queueOwnTable } from "./own-sheet";
import { appendRowsChunked, readTableBody } from "./payload";
import { writeSafe, type SafeValue } from "./safe-write";
import { queueTableState, tableStateOf } from "./table-append";

/** The Experiments table as read: where it is, its header and body (for core's experimentRows). */
export interface ExperimentsSheetRead {
  sheet: string;
  /** Excel row number of the header. */
  headerRow: number;
  /** 0-based sheet column of the table's first column. */
  columnOffset: number;
  /** Header first, then the body rows (no placeholder row). */
  table: Grid;
}

/** What to write: ids to append (planned from a read) and the verdict text per experiment id. */
export interface ExperimentsUpdate {
  append: readonly string[];
  verdicts: Readonly<Record<string, string>>;
}

export interface ExperimentsWriteResult {
  sheet: string;
  /** Ids appended by this call. */
  added: string[];
  /** Verdict cells whose text changed. */
  verdictsChanged: number;
  /** True when the Experiments sheet and table were created by this call. */
  created: boolean;
  /** True when the table got its verdict column from this call. */
  addedVerdictColumn: boolean;
}

/** How often the verdict column is written again when co-authors keep moving rows. */
const VERDICT_ATTEMPTS = 3;

function text(v: unknown): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

/** The Experiments table (null when the workbook has none). Two syncs, more for a large body. */
export async function readExperimentsSheet(context: Excel.RequestContext): Promise<ExperimentsSheetRead | null> {
  const table = context.workbook.tables.getItemOrNullObject(TABLES.experiments);
  table.load("name");
  await context.sync();
  if (table.isNullObject) return null;
  const loaded = queueTableState(table, 0);
  loaded.header.load("columnIndex");
  await context.sync();
  const state = tableStateOf(loaded);
  const body = state.placeholder ? [] : await readTableBody(context, table, state.bodyRowCount, state.header.length);
  return {
    sheet: state.sheet,
    headerRow: state.headerRow,
    columnOffset: loaded.header.columnIndex,
    table: [state.header, ...body],
  };
}

/** A new row: its id, its verdict, and blank cells for the user's columns. Pure. */
function newRow(header: readonly string[], id: string, verdict: string): SafeValue[] {
  const row = new Array<SafeValue>(header.length).fill("");
  header.forEach((h, i) => {
    const key = normalizeName(h);
    if (key === "id") row[i] = id;
    else if (key === VERDICT_COLUMN) row[i] = verdict;
  });
  return row;
}

/**
 * Appends the new ids and rewrites the verdict column. Syncs: one to look; then one to create
 * the sheet; or one to read the table's state, one per ~5 MB of body, one or two to append,
 * one to write the verdicts (again only when co-authors moved rows meanwhile).
 */
export async function writeExperiments(
  context: Excel.RequestContext,
  update: ExperimentsUpdate,
): Promise<ExperimentsWriteResult> {
  const { table, sheet } = await findOwnTable(context, "experiments");

  if (table.isNullObject) {
    const header = [...EXPERIMENTS_HEADER];
    const ids = idsToAppend([], update.append);
    const block: SafeValue[][] = [header, ...ids.map((id) => newRow(header, id, update.verdicts[id] ?? ""))];
    await queueOwnTable(context, "experiments", sheet, block);
    await context.sync();
    return {
      sheet: SHEETS.experiments,
      added: ids,
      verdictsChanged: ids.length,
      created: true,
      addedVerdictColumn: true,
    };
  }

  // Look below as far as the rows that may be appended, so the user's cells there are seen and moved down.
  const loaded = queueTableState(table, Math.max(1, update.append.length));
  await context.sync();
  const state = tableStateOf(loaded);
  const body = state.placeholder ? [] : await readTableBody(context, table, state.bodyRowCount, state.header.length);
  const keys = state.header.map((h) => normalizeName(h));
  const idAt = keys.indexOf("id");
  if (idAt < 0)
    throw new Error(`The ${TABLES.experiments} table has no "id" column: add one so RunSheet can list experiments.`);
  const idName = state.header[idAt] ?? "id";
  const verdictAt = keys.indexOf(VERDICT_COLUMN);
  const addColumns = verdictAt < 0 ? [VERDICT_COLUMN] : [];
  const widened = [...state.header, ...addColumns];
  const verdictName = verdictAt < 0 ? VERDICT_COLUMN : (state.header[verdictAt] ?? VERDICT_COLUMN);

  // Planned again on the table as it is now: ids a failed attempt already added are not added twice.
  const present = body.map((r) => text(r[idAt]));
  const added = idsToAppend(present, update.append);
  if (added.length > 0 || addColumns.length > 0) {
    const rows = added.map((id) => newRow(widened, id, update.verdicts[id] ?? ""));
    if (rows.length > 0) await appendRowsChunked(context, table, state, { rows, addColumns, idColumn: idAt });
    else {
      // Only the verdict column is missing: add it with its header written as text.
      table.columns.add(undefined, undefined, VERDICT_COLUMN);
      writeSafe(table.getHeaderRowRange().getColumn(state.header.length), [[VERDICT_COLUMN]]);
      await context.sync();
    }
  }

  const changed = await writeVerdicts(
    context,
    table,
    idName,
    verdictName,
    update.verdicts,
    [...(state.placeholder ? [] : present), ...added],
    1,
  );
  return {
    sheet: state.sheet,
    added,
    // Appended rows were written with their verdicts, so the verdict pass finds them unchanged.
    verdictsChanged: added.length + changed,
    created: false,
    addedVerdictColumn: addColumns.length > 0,
  };
}

/**
 * Writes the verdict column for rows whose ids are `expected` (as last read), loading the ids
 * and the verdicts in the same request right before the write. Rows without an id, or with an
 * id that has no verdict, are left as they are (null cells). Returns how many cells changed.
 */
async function writeVerdicts(
  context: Excel.RequestContext,
  table: Excel.Table,
  idName: string,
  verdictName: string,
  verdicts: Readonly<Record<string, string>>,
  expected: readonly string[],
  attempt: number,
  previous: readonly unknown[] | null = null,
): Promise<number> {
  if (expected.length === 0) return 0;
  const ids = table.columns.getItem(idName).getDataBodyRange();
  ids.load("values");
  const cells = table.columns.getItem(verdictName).getDataBodyRange();
  cells.load("values");
  // A row that has no verdict of its own keeps its cell; after a misaligned attempt it gets back
  // what that attempt found there.
  const keep = (i: number): SafeValue => {
    const before = previous && previous.length === expected.length ? previous[i] : undefined;
    return typeof before === "string" || typeof before === "number" || typeof before === "boolean" ? before : null;
  };
  const planned = expected.map((id, i): SafeValue[] => [(id === "" ? undefined : verdicts[id]) ?? keep(i)]);
  writeSafe(cells, planned);
  let refused = false;
  try {
    await context.sync();
  } catch (error) {
    // The body changed size since it was read (a co-author added or deleted rows): Excel
    // refuses the write as a whole, so nothing landed; read the ids again and retry.
    if (errorCode(error) !== "InvalidArgument" || attempt >= VERDICT_ATTEMPTS) throw error;
    refused = true;
  }
  if (refused) {
    const again = table.columns.getItem(idName).getDataBodyRange();
    again.load("values");
    await context.sync();
    return writeVerdicts(
      context,
      table,
      idName,
      verdictName,
      verdicts,
      again.values.map((r) => text(r[0])),
      attempt + 1,
    );
  }
  const found = ids.values.map((r) => text(r[0]));
  const lined = found.length === expected.length && found.every((id, i) => id === expected[i]);
  if (!lined) {
    if (attempt >= VERDICT_ATTEMPTS)
      throw new Error("The Experiments table kept changing while RunSheet wrote its verdicts: update it again.");
    const before = cells.values.map((r) => r[0]);
    return writeVerdicts(context, table, idName, verdictName, verdicts, found, attempt + 1, before);
  }
  const had = cells.values.map((r) => text(r[0]));
  return planned.filter((p, i) => p[0] !== null && had[i] !== text(p[0])).length;
}

/**
 * The cell fix that sets experiment `id`'s baseline to `baseline` ("" clears it), for
 * fixes.ts's applyFixes: it carries the value the pane saw and the row's id as its anchor, so
 * a cell a co-author changed meanwhile, or a row that moved, is left alone. Null when the
 * table has no such row or no baseline column. Pure.
 */
export function baselineFix(read: ExperimentsSheetRead, id: string, baseline: string): CellFix | null {
  const [header = [], ...body] = read.table;
  const keys = header.map((h) => normalizeName(text(h)));
  const idAt = keys.indexOf("id");
  const baselineAt = keys.indexOf("baseline");
  if (idAt < 0 || baselineAt < 0) return null;
  const index = body.findIndex((r) => text(r[idAt]) === id);
  if (index < 0) return null;
  const current = body[index]?.[baselineAt] ?? null;
  return {
    sheet: read.sheet,
    row: read.headerRow + 1 + index,
    column: read.columnOffset + baselineAt,
    expected: current === "" ? null : current,
    value: baseline,
    anchor: { column: read.columnOffset + idAt, value: body[index]?.[idAt] ?? id },
  };
}
