/**
 * The shape of cell data as Excel's `Range.values` returns it: strings, numbers, booleans,
 * and "" for an empty cell. `null` is accepted on input (JSON, CLI) and means empty.
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-values-member
 */
export type CellValue = string | number | boolean | null;

/** A rectangular (or ragged, when coming from outside) 2-D array of cells, rows first. */
export type Grid = CellValue[][];

/** True when a cell holds nothing the user typed (empty string, whitespace only, or null). */
export function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Converts a 0-based column index to Excel's letters (0 -> A, 26 -> AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
