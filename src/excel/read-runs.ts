/**
 * Reading what the workbook holds: the runs (Runs table, or an adopted sheet's used range) as a
 * core Grid that knows which Excel row it starts on, so validation issues point at the rows the
 * user sees, and the RunSchema table as a RunSchema.
 */
import {
  isBlank,
  locateStoredHeader,
  parseStoredHeader,
  type CellValue,
  type Grid,
  type SheetGrid,
} from "../core/index";
import { SETTINGS, TABLES } from "./constants";
import { errorCode } from "./errors";
import { jsonBytes } from "../core/index";
import { readMeasured, RESPONSE_BUDGET } from "./payload";
import { rowsToSchema, type SchemaFromRows } from "./schema-table";

/** Where the runs were read from: core's SheetGrid (re-exported for the Excel layer's callers). */
export type { SheetGrid } from "../core/index";

export interface WorkbookSnapshot {
  runs: SheetGrid | null;
  /** The RunSchema table read as a schema; null when the workbook has no such table. */
  schema: SchemaFromRows | null;
}

function toGrid(values: unknown[][]): Grid {
  return values.map((row) =>
    row.map((v): CellValue => (typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null)),
  );
}

/** The tracker's parts both readers start from, queued (null objects until the caller syncs). */
function queueTrackerParts(context: Excel.RequestContext): {
  runsTable: Excel.Table;
  schemaTable: Excel.Table;
  adopted: Excel.Setting;
} {
  const runsTable = context.workbook.tables.getItemOrNullObject(TABLES.runs);
  runsTable.load("name");
  const schemaTable = context.workbook.tables.getItemOrNullObject(TABLES.schema);
  schemaTable.load("name");
  const adopted = context.workbook.settings.getItemOrNullObject(SETTINGS.adoptedSheet);
  adopted.load("value");
  return { runsTable, schemaTable, adopted };
}

/** The adopted sheet's name from its synced setting, or null when none was adopted. */
function adoptedSheetName(adopted: Excel.Setting): string | null {
  return !adopted.isNullObject && typeof adopted.value === "string" ? adopted.value : null;
}

/**
 * Reads the runs and the schema: one sync for which tables exist (and which sheet was adopted),
 * one for the runs' extent, the schema's values and the first SAMPLE_ROWS rows, then one per
 * block of the remaining rows, each sized from the bytes the rows read so far took (so a
 * 50,000-run table takes about as many blocks as its size in 5 MB responses). Runs come from
 * the Runs table when it exists, else from the adopted sheet. Every block is addressed
 * relative to the table (or the used range) in the batch that reads it.
 */
export async function readWorkbook(context: Excel.RequestContext, budget = RESPONSE_BUDGET): Promise<WorkbookSnapshot> {
  const { runsTable, schemaTable, adopted } = queueTrackerParts(context);
  const adoptedHeader = context.workbook.settings.getItemOrNullObject(SETTINGS.adoptedHeader);
  adoptedHeader.load("value");
  await context.sync();

  // Step 2: where the runs are, a first sample of them, and the schema's values (small).
  const adoptedName = adoptedSheetName(adopted);
  let base: (() => Excel.Range) | null = null;
  let fromTable = false;
  let extentOf: (() => Excel.Range) | null = null;
  if (!runsTable.isNullObject) {
    base = () => runsTable.getRange();
    fromTable = true;
    extentOf = base;
  } else if (adoptedName !== null) {
    const sheet = context.workbook.worksheets.getItemOrNullObject(adoptedName);
    sheet.load("name");
    await context.sync();
    if (!sheet.isNullObject) {
      base = () => sheet.getUsedRange(true);
      extentOf = () => sheet.getUsedRangeOrNullObject(true);
    }
  }
  const schema = await readSchemaAndSample(context, schemaTable, base, extentOf);
  const extent = schema.extent;
  if (!base || !extent) return { runs: null, schema: schema.schema };
  const blockOf = base;

  // Step 3: the rest of the runs, in blocks measured to fit a response.
  const head = schema.sample;
  const grid = await readMeasured(context, {
    block: (offset, count) =>
      blockOf()
        .getRow(offset)
        .getResizedRange(count - 1, 0),
    rowCount: extent.rowCount,
    head,
    bytesPerRow: head.length > 0 ? Math.ceil(jsonBytes(head) / head.length) : extent.columnCount * 24,
    budget,
  });
  const rowOffset = extent.rowIndex + 1;
  // An adopted sheet's header is the row stored with it, found by its cells (rows may have moved).
  const stored = !fromTable && !adoptedHeader.isNullObject ? parseStoredHeader(adoptedHeader.value) : null;
  const storedRow = stored ? locateStoredHeader(grid, rowOffset, stored) : null;
  const headerRow = fromTable ? rowOffset : storedRow;
  const runs: SheetGrid = {
    sheet: extent.sheet,
    grid,
    rowOffset,
    columnOffset: extent.columnIndex,
    source: fromTable ? "table" : "sheet",
    ...(headerRow !== null ? { headerRow } : {}),
  };
  return { runs, schema: schema.schema };
}

/** Rows of the runs read with their extent, to measure how many bytes a row takes. */
export const SAMPLE_ROWS = 100;

/**
 * The sync that loads the runs' extent, its first SAMPLE_ROWS rows and the schema table; when
 * the sample alone is too large for a response, loaded again without it.
 */
async function readSchemaAndSample(
  context: Excel.RequestContext,
  schemaTable: Excel.Table,
  base: (() => Excel.Range) | null,
  extentOf: (() => Excel.Range) | null,
  withSample = true,
): Promise<{ schema: SchemaFromRows | null; sample: Grid; extent: RangeExtent | null }> {
  const extent = extentOf ? extentOf() : null;
  extent?.load("rowIndex,columnIndex,rowCount,columnCount");
  const runsSheet = extent?.worksheet;
  runsSheet?.load("name");
  let sample: Excel.Range | null = null;
  if (base && withSample) {
    const all = base();
    sample = all
      .getRow(0)
      .getResizedRange(SAMPLE_ROWS - 1, 0)
      .getIntersection(all);
    sample.load("values");
  }
  let schemaRange: Excel.Range | null = null;
  if (!schemaTable.isNullObject) {
    schemaRange = schemaTable.getRange();
    schemaRange.load("values,rowIndex");
  }
  try {
    await context.sync();
  } catch (error) {
    if (withSample && errorCode(error) === "ResponsePayloadSizeLimitExceeded")
      return readSchemaAndSample(context, schemaTable, base, extentOf, false);
    throw error;
  }
  const schema = schemaRange ? rowsToSchema(toGrid(schemaRange.values), schemaRange.rowIndex + 1) : null;
  if (!extent || !runsSheet || extent.isNullObject) return { schema, sample: [], extent: null };
  return {
    schema,
    sample: sample ? toGrid(sample.values) : [],
    extent: {
      sheet: runsSheet.name,
      rowIndex: extent.rowIndex,
      columnIndex: extent.columnIndex,
      rowCount: extent.rowCount,
      columnCount: extent.columnCount,
    },
  };
}

/** Where a block of cells sits (0-based indexes), as loaded. */
interface RangeExtent {
  sheet: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** The used range (values only) of a sheet, or null when the sheet is empty. Two syncs for a sheet that fits one read. */
export async function readSheetUsedRange(
  context: Excel.RequestContext,
  sheetName: string,
  budget = RESPONSE_BUDGET,
): Promise<SheetGrid | null> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  if (used.isNullObject) return null;
  const grid = await readMeasured(context, {
    block: (offset, count) =>
      sheet
        .getUsedRange(true)
        .getRow(offset)
        .getResizedRange(count - 1, 0),
    rowCount: used.rowCount,
    bytesPerRow: used.columnCount * 24,
    budget,
  });
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
  /** Whether the active sheet holds any value (so "Adopt this sheet" has something to read). */
  activeSheetHasData: boolean;
  /** Data rows of the Runs table, not counting Excel's empty placeholder row of a new table. */
  runCount: number;
}

/** Reads the tracker status in two syncs (existence, then the Runs table's size). */
export async function readTrackerStatus(context: Excel.RequestContext): Promise<TrackerStatus> {
  const { runsTable, schemaTable, adopted } = queueTrackerParts(context);
  const registryTable = context.workbook.tables.getItemOrNullObject(TABLES.registry);
  registryTable.load("name");
  const active = context.workbook.worksheets.getActiveWorksheet();
  active.load("name");
  const activeUsed = active.getUsedRangeOrNullObject(true);
  activeUsed.load("address");
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
    adoptedSheet: adoptedSheetName(adopted),
    activeSheet: active.name,
    activeSheetHasData: !activeUsed.isNullObject,
    runCount,
  };
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
