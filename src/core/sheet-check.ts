/**
 * A block of cells read from a sheet, checked against a schema: where each validation issue sits
 * in the sheet, and a run's row as a record. Pure (the Excel layer reads the grid; the CLI and
 * tests can build one from any source).
 */
import type { Grid, CellValue } from "./grid";
import { inferSchema } from "./infer";
import { normalizeName } from "./names";
import type { Run } from "./runs";
import type { RunSchema, ValidationIssue } from "./schema-types";
import type { IssueCounts } from "./validate-types";
import { validate } from "./validate";

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

/** A sheet cell: `row` is the Excel row number (1-based), `column` the 0-based column index. */
export interface CellRef {
  sheet: string;
  row: number;
  column: number;
}

/** Header text as issue columns are matched to header cells: core's one name normaliser. */
function key(text: unknown): string {
  return normalizeName(String(text ?? ""));
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
    const bare = normalizeName(String(h ?? "").replace(/\s*[([][^()[\]]*[)\]]\s*$/, ""));
    if (bare !== k && !index.has(bare)) index.set(bare, i);
  });
  return (issue) => {
    const i = index.get(key(issue.column)) ?? (issue.column === "" ? 0 : undefined);
    if (i === undefined || issue.row < 1) return null;
    return { sheet: grid.sheet, row: issue.row, column: grid.columnOffset + i };
  };
}

export interface LocatedIssue extends ValidationIssue {
  /** The sheet cell, or null when the column is not in the header. */
  cell: CellRef | null;
}

/** A grid validated against a schema, each issue with its cell. */
export interface CheckedGrid {
  grid: SheetGrid;
  schema: RunSchema;
  schemaOrigin: "table" | "inferred";
  issues: LocatedIssue[];
  counts: IssueCounts;
  truncated: boolean;
  runs: Run[];
  headerRow: number;
}

/** Validates the given grid against `schema` (or one inferred from it) and locates each issue's cell. Pure. */
export function checkGrid(
  grid: SheetGrid,
  tableSchema: RunSchema | null,
  environmentIds: readonly string[] = [],
): CheckedGrid {
  const headerOption = grid.headerRow !== undefined ? { headerRow: grid.headerRow } : {};
  const inferred =
    tableSchema && tableSchema.columns.length > 0
      ? null
      : inferSchema(grid.grid, { rowOffset: grid.rowOffset, ...headerOption });
  const schema = inferred ? inferred.schema : (tableSchema ?? { columns: [] });
  const headerRow = grid.headerRow ?? inferred?.headerRow;
  const result = validate(grid.grid, schema, {
    rowOffset: grid.rowOffset,
    ...(headerRow !== undefined ? { headerRow } : {}),
    // Unknown environment ids are only flagged once the workbook stores environments.
    ...(environmentIds.length > 0 ? { knownEnvironments: new Set(environmentIds) } : {}),
  });
  const locate = cellLocator(grid, result.headerRow);
  return {
    grid,
    schema: result.schema,
    schemaOrigin: inferred ? "inferred" : "table",
    issues: result.issues.map((issue) => ({ ...issue, cell: locate(issue) })),
    counts: result.counts,
    truncated: result.truncated,
    runs: result.runs,
    headerRow: result.headerRow,
  };
}

/** A run's whole row as `header -> raw cell value`, for the Registry's frozen copy. */
export function rowRecord(grid: SheetGrid, headerRow: number, excelRow: number): Record<string, CellValue> {
  const header = grid.grid[headerRow - grid.rowOffset] ?? [];
  const row = grid.grid[excelRow - grid.rowOffset] ?? [];
  const record: Record<string, CellValue> = {};
  header.forEach((h, i) => {
    const name = String(h ?? "").trim();
    if (name !== "") record[name] = row[i] ?? null;
  });
  return record;
}
