/**
 * Reading what the workbook holds: the runs (Runs table, or an adopted sheet's used range) as a
 * core Grid that knows which Excel row it starts on, so validation issues point at the rows the
 * user sees, and the RunSchema table as a RunSchema.
 */
import { isBlank, type CellValue, type Grid } from "../core/index";
import { SETTINGS, TABLES } from "./constants";
import { rowsToSchema, type SchemaFromRows } from "./schema-table";

/** A block of cells read from a sheet, with where it sits. */
export interface SheetGrid {
  sheet: string;
  grid: Grid;
  /** Excel row number (1-based) of `grid[0]`; for the Runs table this is the header row. */
  rowOffset: number;
  /** 0-based sheet column index of `grid[r][0]`. */
  columnOffset: number;
  source: "table" | "sheet";
  /** Excel row of the header when known (always for the Runs table). */
  headerRow?: number;
}

export interface WorkbookSnapshot {
  runs: SheetGrid | null;
  /** The RunSchema table read as a schema; null when the workbook has no such table. */
  schema: SchemaFromRows | null;
}

/**
 * Cells per read request. Excel on the web rejects responses over 5 MB
 * (ResponsePayloadSizeLimitExceeded); 50,000 cells stays well under it even with text cells.
 */
export const CELLS_PER_READ = 50_000;

/** A range's position and size, as loaded from Excel (0-based indexes). */
interface Extent {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/**
 * Reads the values of `extent` on `sheet` in blocks of whole rows of at most `cellsPerRead`
 * cells, one sync per block (a 50,000-run table does not fit one response).
 */
export async function readValuesChunked(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  extent: Extent,
  cellsPerRead = CELLS_PER_READ,
): Promise<Grid> {
  const rowsPerRead = Math.max(1, Math.floor(cellsPerRead / Math.max(1, extent.columnCount)));
  const grid: Grid = [];
  const readFrom = async (offset: number): Promise<void> => {
    if (offset >= extent.rowCount || extent.columnCount === 0) return;
    const count = Math.min(rowsPerRead, extent.rowCount - offset);
    const block = sheet.getRangeByIndexes(extent.rowIndex + offset, extent.columnIndex, count, extent.columnCount);
    block.load("values");
    await context.sync();
    for (const row of toGrid(block.values)) grid.push(row);
    // Blocks follow one another (recursion, not a loop: each block needs its own sync).
    await readFrom(offset + count);
  };
  await readFrom(0);
  return grid;
}

function toGrid(values: unknown[][]): Grid {
  return values.map((row) =>
    row.map((v): CellValue => (typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null)),
  );
}

/**
 * Reads the runs and the schema: one sync for which tables exist (and which sheet was adopted),
 * one for the runs' extent and the schema's values, then one per block of runs (a single one up
 * to CELLS_PER_READ cells). Runs come from the Runs table when it exists, else from the adopted sheet.
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  cellsPerRead = CELLS_PER_READ,
): Promise<WorkbookSnapshot> {
  const runsTable = context.workbook.tables.getItemOrNullObject(TABLES.runs);
  runsTable.load("name");
  const schemaTable = context.workbook.tables.getItemOrNullObject(TABLES.schema);
  schemaTable.load("name");
  const adopted = context.workbook.settings.getItemOrNullObject(SETTINGS.adoptedSheet);
  adopted.load("value");
  await context.sync();

  // Step 2: where the runs are (size only) and the schema's values (small).
  const located: { range: Excel.Range; fromTable: boolean }[] = [];
  if (!runsTable.isNullObject) {
    located.push({ range: runsTable.getRange(), fromTable: true });
  } else if (!adopted.isNullObject && typeof adopted.value === "string") {
    const sheet = context.workbook.worksheets.getItemOrNullObject(adopted.value);
    sheet.load("name");
    await context.sync();
    if (!sheet.isNullObject) located.push({ range: sheet.getUsedRangeOrNullObject(true), fromTable: false });
  }
  const where = located[0];
  where?.range.load("rowIndex,columnIndex,rowCount,columnCount");
  const runsSheet = where?.range.worksheet;
  runsSheet?.load("name");
  let schemaRange: Excel.Range | null = null;
  if (!schemaTable.isNullObject) {
    schemaRange = schemaTable.getRange();
    schemaRange.load("values,rowIndex");
  }
  await context.sync();
  const schema = schemaRange ? rowsToSchema(toGrid(schemaRange.values), schemaRange.rowIndex + 1) : null;
  if (where === undefined || runsSheet === undefined || where.range.isNullObject) return { runs: null, schema };
  const runsRange = where.range;
  const fromTable = where.fromTable;

  // Step 3: the runs' values, in blocks that fit a response.
  const grid = await readValuesChunked(context, runsSheet, runsRange, cellsPerRead);
  const runs: SheetGrid = {
    sheet: runsSheet.name,
    grid,
    rowOffset: runsRange.rowIndex + 1,
    columnOffset: runsRange.columnIndex,
    source: fromTable ? "table" : "sheet",
    ...(fromTable ? { headerRow: runsRange.rowIndex + 1 } : {}),
  };
  return { runs, schema };
}

/** The used range (values only) of a sheet, or null when the sheet is empty. Two syncs for a sheet that fits one read. */
export async function readSheetUsedRange(
  context: Excel.RequestContext,
  sheetName: string,
  cellsPerRead = CELLS_PER_READ,
): Promise<SheetGrid | null> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  if (used.isNullObject) return null;
  const grid = await readValuesChunked(context, sheet, used, cellsPerRead);
  return { sheet: sheetName, grid, rowOffset: used.rowIndex + 1, columnOffset: used.columnIndex, source: "sheet" };
}

/** Name of the active worksheet. One sync. */
export async function activeSheetName(context: Excel.RequestContext): Promise<string> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  await context.sync();
  return sheet.name;
}

/** What the Runs tab shows: is there a tracker, which sheet was adopted, how many runs. */
export interface TrackerStatus {
  hasTracker: boolean;
  hasSchemaTable: boolean;
  hasRegistry: boolean;
  adoptedSheet: string | null;
  activeSheet: string;
  /** Data rows of the Runs table, not counting Excel's empty placeholder row of a new table. */
  runCount: number;
}

/** Reads the tracker status in two syncs (existence, then the Runs table's size). */
export async function readTrackerStatus(context: Excel.RequestContext): Promise<TrackerStatus> {
  const runsTable = context.workbook.tables.getItemOrNullObject(TABLES.runs);
  runsTable.load("name");
  const schemaTable = context.workbook.tables.getItemOrNullObject(TABLES.schema);
  schemaTable.load("name");
  const registryTable = context.workbook.tables.getItemOrNullObject(TABLES.registry);
  registryTable.load("name");
  const adopted = context.workbook.settings.getItemOrNullObject(SETTINGS.adoptedSheet);
  adopted.load("value");
  const active = context.workbook.worksheets.getActiveWorksheet();
  active.load("name");
  await context.sync();

  let runCount = 0;
  if (!runsTable.isNullObject) {
    const body = runsTable.getDataBodyRange();
    body.load("rowCount");
    const first = body.getRow(0);
    first.load("values");
    await context.sync();
    const firstBlank = (first.values[0] ?? []).every((v) => isBlank(v as CellValue));
    runCount = body.rowCount === 1 && firstBlank ? 0 : body.rowCount;
  }
  return {
    hasTracker: !runsTable.isNullObject,
    hasSchemaTable: !schemaTable.isNullObject,
    hasRegistry: !registryTable.isNullObject,
    adoptedSheet: !adopted.isNullObject && typeof adopted.value === "string" ? adopted.value : null,
    activeSheet: active.name,
    runCount,
  };
}

/** Remembers the active sheet as the runs source ("Adopt this sheet"); its data is not moved. Two syncs. */
export async function adoptActiveSheet(context: Excel.RequestContext): Promise<string> {
  const name = await activeSheetName(context);
  context.workbook.settings.add(SETTINGS.adoptedSheet, name);
  await context.sync();
  return name;
}

/** Only the RunSchema table, read leniently; null when the workbook has none. Two syncs. */
export async function readSchemaTable(context: Excel.RequestContext): Promise<SchemaFromRows | null> {
  const table = context.workbook.tables.getItemOrNullObject(TABLES.schema);
  table.load("name");
  await context.sync();
  if (table.isNullObject) return null;
  const range = table.getRange();
  range.load("values,rowIndex");
  await context.sync();
  return rowsToSchema(toGrid(range.values), range.rowIndex + 1);
}
