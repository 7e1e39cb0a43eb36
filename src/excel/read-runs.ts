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

function toGrid(values: unknown[][]): Grid {
  return values.map((row) => row.map((v): CellValue => (typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null)));
}

/**
 * Reads the runs and the schema in two syncs: which tables exist (and which sheet was adopted),
 * then their values. Runs come from the Runs table when it exists, else from the adopted sheet.
 */
export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  const runsTable = context.workbook.tables.getItemOrNullObject(TABLES.runs);
  runsTable.load("name");
  const schemaTable = context.workbook.tables.getItemOrNullObject(TABLES.schema);
  schemaTable.load("name");
  const adopted = context.workbook.settings.getItemOrNullObject(SETTINGS.adoptedSheet);
  adopted.load("value");
  await context.sync();

  let runsRange: Excel.Range | null = null;
  let runsSheet: Excel.Worksheet | null = null;
  let source: SheetGrid["source"] = "table";
  if (!runsTable.isNullObject) {
    runsRange = runsTable.getRange();
    runsSheet = runsTable.worksheet;
  } else if (!adopted.isNullObject && typeof adopted.value === "string") {
    const sheet = context.workbook.worksheets.getItemOrNullObject(adopted.value);
    sheet.load("name");
    runsSheet = sheet;
    source = "sheet";
  }
  if (runsRange) runsRange.load("values,rowIndex,columnIndex");
  if (runsSheet) runsSheet.load("name");
  let schemaRange: Excel.Range | null = null;
  if (!schemaTable.isNullObject) {
    schemaRange = schemaTable.getRange();
    schemaRange.load("values,rowIndex");
  }
  await context.sync();

  let runs: SheetGrid | null = null;
  if (runsRange && runsSheet) {
    runs = {
      sheet: runsSheet.name,
      grid: toGrid(runsRange.values),
      rowOffset: runsRange.rowIndex + 1,
      columnOffset: runsRange.columnIndex,
      source: "table",
      headerRow: runsRange.rowIndex + 1,
    };
  } else if (runsSheet && !runsSheet.isNullObject && source === "sheet") {
    runs = await readSheetUsedRange(context, runsSheet.name);
  }
  const schema = schemaRange ? rowsToSchema(toGrid(schemaRange.values), schemaRange.rowIndex + 1) : null;
  return { runs, schema };
}

/** The used range (values only) of a sheet, or null when the sheet is empty. One sync. */
export async function readSheetUsedRange(context: Excel.RequestContext, sheetName: string): Promise<SheetGrid | null> {
  const used = context.workbook.worksheets.getItem(sheetName).getUsedRangeOrNullObject(true);
  used.load("values,rowIndex,columnIndex");
  await context.sync();
  if (used.isNullObject) return null;
  return { sheet: sheetName, grid: toGrid(used.values), rowOffset: used.rowIndex + 1, columnOffset: used.columnIndex, source: "sheet" };
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
