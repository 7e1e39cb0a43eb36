/**
 * Mapping validation issues (Excel row + column header name) to sheet cells. Pure.
 */
import type { ValidationIssue } from "../core/index";
import type { SheetGrid } from "./read-runs";

/** A sheet cell: `row` is the Excel row number (1-based), `column` the 0-based column index. */
export interface CellRef {
  sheet: string;
  row: number;
  column: number;
}

/** Lower-cased trimmed header text, how issue columns are matched to header cells. */
function key(text: unknown): string {
  return String(text ?? "")
    .trim()
    .toLowerCase();
}

/**
 * A function that finds the cell of an issue in `grid`, whose header is on Excel row
 * `headerRow` (default: the grid's own header row). Null when the column is not in the header
 * (an issue about the whole row is placed on the first column).
 */
export function cellLocator(
  grid: SheetGrid,
  headerRow = grid.headerRow ?? grid.rowOffset,
): (issue: Pick<ValidationIssue, "row" | "column">) => CellRef | null {
  const header = grid.grid[headerRow - grid.rowOffset] ?? [];
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const k = key(h);
    if (k !== "" && !index.has(k)) index.set(k, i);
    // Headers with units (`val_loss (nats)`) are reported by their bare name.
    const bare = k.replace(/\s*[([][^()[\]]*[)\]]\s*$/, "");
    if (bare !== k && !index.has(bare)) index.set(bare, i);
  });
  return (issue) => {
    const i = index.get(key(issue.column)) ?? (issue.column === "" ? 0 : undefined);
    if (i === undefined || issue.row < 1) return null;
    return { sheet: grid.sheet, row: issue.row, column: grid.columnOffset + i };
  };
}
