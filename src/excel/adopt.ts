/**
 * "Adopt this sheet": the active sheet becomes the runs source where it is, and its header row is
 * remembered with the workbook: detected (a title merged across columns is never taken), or the
 * row the user points at. The row is stored with its cells, so it is found again by its content
 * after a co-author inserts rows above it (core's locateStoredHeader), never by a stale index.
 */
import {
  blocksFromAddress,
  detectHeaderRow,
  headerCells,
  HEADER_SCAN_ROWS,
  type CellValue,
  type Grid,
  type StoredHeader,
} from "../core/index";
import { detectCapabilities, type Capabilities } from "./capabilities";
import { SETTINGS } from "./constants";
import { errorCode } from "./errors";

/** The adopted sheet and the header row stored for it. */
export interface AdoptedHeader {
  sheet: string;
  row: number;
  cells: string[];
}

function toGrid(values: unknown[][]): Grid {
  return values.map((row) =>
    row.map((v): CellValue => (typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null)),
  );
}

/**
 * Remembers the active sheet as the runs source and detects its header row among the top rows,
 * skipping rows whose text is merged across columns (merged areas need ExcelApi 1.13; older hosts
 * detect by content alone). The data is not moved. Two syncs.
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)
 */
export async function adoptActiveSheet(
  context: Excel.RequestContext,
  capabilities: Capabilities = detectCapabilities(),
): Promise<string> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  // A blank sheet's used range is its top-left cell, so this needs no existence check first.
  // https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrange-member(1)
  const used = sheet.getUsedRange(true);
  const top = used
    .getRow(0)
    .getResizedRange(HEADER_SCAN_ROWS - 1, 0)
    .getIntersection(used);
  top.load("values,rowIndex");
  const merged = capabilities.mergedAreas ? top.getMergedAreasOrNullObject() : null;
  merged?.load("address");
  await context.sync();
  const rowOffset = top.rowIndex + 1;
  const grid = toGrid(top.values);
  const blocks = merged && !merged.isNullObject ? blocksFromAddress(merged.address) : [];
  const row = detectHeaderRow(grid, rowOffset, blocks);
  const stored: StoredHeader | null = row === null ? null : { row, cells: headerCells(grid[row - rowOffset]) };
  context.workbook.settings.add(SETTINGS.adoptedSheet, sheet.name);
  // An empty value means "detect": a header stored for an earlier adoption must not survive.
  context.workbook.settings.add(SETTINGS.adoptedHeader, stored ? JSON.stringify(stored) : "");
  await context.sync();
  return sheet.name;
}

/**
 * Makes Excel row `row` of the adopted sheet its header (`"selection"`: the row of the selected
 * cell, which must be on the adopted sheet). The row's cells are read in the batch that stores
 * them. Two or three syncs.
 */
export async function setAdoptedHeaderRow(
  context: Excel.RequestContext,
  row: number | "selection",
): Promise<AdoptedHeader> {
  const adopted = context.workbook.settings.getItemOrNullObject(SETTINGS.adoptedSheet);
  adopted.load("value");
  let line: Excel.Range;
  let selectedSheet: Excel.Worksheet | null = null;
  if (row === "selection") {
    // The selection is always on the active sheet.
    selectedSheet = context.workbook.worksheets.getActiveWorksheet();
    selectedSheet.load("name");
    const selectedRow = context.workbook.getSelectedRange().getRow(0).getEntireRow();
    line = selectedSheet.getUsedRange(true).getIntersection(selectedRow);
    line.load("values,rowIndex");
  } else {
    await context.sync();
    if (adopted.isNullObject || typeof adopted.value !== "string") throw notAdopted();
    if (!Number.isInteger(row) || row < 1) throw new Error("The header row is a row number, 1 or more.");
    const sheet = context.workbook.worksheets.getItem(adopted.value);
    line = sheet.getUsedRange(true).getIntersection(sheet.getRange(`${row}:${row}`));
    line.load("values,rowIndex");
  }
  try {
    await context.sync();
  } catch (error) {
    if (errorCode(error) === "ItemNotFound")
      throw new Error(
        row === "selection"
          ? "The selected row holds no data: select a cell in the header row."
          : `Row ${row} is outside the sheet's data: pick a row that holds the column names.`,
      );
    throw error;
  }
  if (adopted.isNullObject || typeof adopted.value !== "string") throw notAdopted();
  const sheetName = adopted.value;
  if (selectedSheet && selectedSheet.name !== sheetName)
    throw new Error(`Select a cell in the header row of the sheet "${sheetName}" (the adopted sheet).`);
  const cells = headerCells(toGrid(line.values)[0]);
  if (cells.every((c) => c === "")) throw new Error("That row is empty: pick the row that holds the column names.");
  const stored: StoredHeader = { row: line.rowIndex + 1, cells };
  context.workbook.settings.add(SETTINGS.adoptedHeader, JSON.stringify(stored));
  await context.sync();
  return { sheet: sheetName, ...stored };
}

function notAdopted(): Error {
  return new Error('No sheet is adopted yet: open your sheet and choose "Adopt this sheet" first.');
}
