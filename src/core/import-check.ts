/**
 * Checking runs before they are imported: the new rows are laid out below the runs already in
 * the sheet, exactly as the import would append them, and validated together with them. So the
 * preview reports what Check would report once they are written (a run_id already in the table
 * or twice in the paste, a status typo), and nothing has been written yet.
 */
import { isBlank, type CellValue, type Grid } from "./grid";
import { normalizeName } from "./names";
import type { RunSchema, Severity, ValidationIssue } from "./schema-types";
import type { SheetGrid } from "./sheet-check";
import { validate } from "./validate";

/** One problem of a row about to be imported. */
export interface ImportRowIssue {
  /** Index of the row in the rows given to checkImportRows; null for a whole column. */
  index: number | null;
  column: string;
  code: ValidationIssue["code"];
  severity: Severity;
  message: string;
  value: ValidationIssue["value"];
}

export interface ImportCheck {
  issues: ImportRowIssue[];
  /** Indexes of rows with at least one error. */
  badRows: Set<number>;
  errors: number;
  warnings: number;
}

function lastFilledIndex(grid: Grid): number {
  for (let i = grid.length - 1; i >= 0; i--) if ((grid[i] ?? []).some((v) => !isBlank(v))) return i;
  return -1;
}

/** Where row `index` came from, for messages ("line 4 of the paste"), when the caller knows. */
function whereInPaste(index: number, lines: readonly number[] | undefined): string {
  const line = lines?.[index];
  return line !== undefined ? `line ${line} of the paste` : `row ${index + 1} of the paste`;
}

/**
 * Validation's "Row 13 has the same settings as row 7" for a row not written yet: "This run", and
 * a row of the paste named by its line.
 */
function pastedRowWords(
  message: string,
  row: number,
  firstNewRow: number,
  lines: readonly number[] | undefined,
): string {
  return message
    .replace(new RegExp(`^Row ${row} `), "This run ")
    .replace(/\brow (\d+)\b/g, (text, n: string) =>
      Number(n) >= firstNewRow ? whereInPaste(Number(n) - firstNewRow, lines) : `${text} of the Runs table`,
    );
}

/**
 * Validates `rows` (in `header` order, as the import writes them) as if appended below the runs
 * of `existing` (the Runs table as read; null when there are none yet): columns are placed by
 * name as the Excel layer places them, new names at the right end. Returns the issues of the new
 * rows only. A required column the paste lacks altogether is one warning (the user fills it in
 * later, Check keeps reminding), not an error per row. A duplicate run_id says whether the other
 * run is in the table or in the paste (`lines[i]` is row i's line in the pasted text). Pure.
 */
export function checkImportRows(
  existing: SheetGrid | null,
  schema: RunSchema,
  header: readonly string[],
  rows: readonly (readonly CellValue[])[],
  lines?: readonly number[],
): ImportCheck {
  const base = existing && existing.grid.length > 0 ? existing : null;
  const rowOffset = base?.rowOffset ?? 1;
  const headerIndex = base ? (base.headerRow ?? base.rowOffset) - base.rowOffset : 0;
  const tableHeader = base ? (base.grid[headerIndex] ?? []).map((h) => (isBlank(h) ? "" : String(h))) : [];
  const position = new Map<string, number>();
  tableHeader.forEach((h, i) => {
    const key = normalizeName(h);
    if (key !== "" && !position.has(key)) position.set(key, i);
  });
  const combinedHeader = [...tableHeader];
  for (const name of header) {
    const key = normalizeName(name);
    if (key === "" || position.has(key)) continue;
    position.set(key, combinedHeader.length);
    combinedHeader.push(name);
  }
  const width = combinedHeader.length;
  const body = base ? base.grid.slice(headerIndex + 1, Math.max(headerIndex + 1, lastFilledIndex(base.grid) + 1)) : [];
  const grid: Grid = [...(base ? base.grid.slice(0, headerIndex) : []), combinedHeader];
  for (const r of body)
    grid.push(r.length >= width ? [...r] : [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
  const firstNew = grid.length;
  for (const source of rows) {
    const out = new Array<CellValue>(width).fill(null);
    header.forEach((name, c) => {
      const at = position.get(normalizeName(name));
      const v = source[c];
      if (at !== undefined && v !== undefined && v !== "") out[at] = v;
    });
    grid.push(out);
  }
  const headerRow = rowOffset + headerIndex;
  const firstNewRow = rowOffset + firstNew;
  const result = validate(grid, schema, {
    rowOffset,
    headerRow,
    lastRow: rowOffset + grid.length - 1,
    collectRuns: false,
  });

  const pasted = new Set(header.map(normalizeName));
  const idSpec = schema.columns.find((c) => c.role === "id");
  const idAt = idSpec ? position.get(normalizeName(idSpec.name)) : undefined;
  const firstIdRow = new Map<string, number>();
  if (idAt !== undefined)
    grid.forEach((r, i) => {
      if (i <= headerIndex) return;
      const id = r[idAt];
      const key = isBlank(id ?? null) ? "" : String(id).trim();
      if (key !== "" && !firstIdRow.has(key)) firstIdRow.set(key, rowOffset + i);
    });

  const issues: ImportRowIssue[] = [];
  const absentRequired = new Set<string>();
  const badRows = new Set<number>();
  for (const issue of result.issues) {
    if (issue.row < firstNewRow) continue;
    const index = issue.row - firstNewRow;
    if (issue.code === "missing_required" && !pasted.has(normalizeName(issue.column))) {
      absentRequired.add(issue.column);
      continue;
    }
    let message = issue.message;
    if (issue.code === "duplicate_id") {
      const first = firstIdRow.get(String(issue.value ?? "").trim());
      const column = idSpec?.name ?? issue.column;
      if (first !== undefined && first < firstNewRow)
        message = `The ${column} "${String(issue.value)}" is already in the Runs table (row ${first}): give this run its own ${column}, or leave it out.`;
      else if (first !== undefined)
        message = `The ${column} "${String(issue.value)}" is also on ${whereInPaste(first - firstNewRow, lines)}: give each run its own ${column}.`;
    }
    if (issue.code === "duplicate_config") message = pastedRowWords(message, issue.row, firstNewRow, lines);
    if (issue.severity === "error") badRows.add(index);
    issues.push({
      index,
      column: issue.column,
      code: issue.code,
      severity: issue.severity,
      message,
      value: issue.value,
    });
  }
  for (const column of absentRequired)
    issues.push({
      index: null,
      column,
      code: "missing_required",
      severity: "warning",
      message: `The pasted runs have no ${column}, which the schema requires: fill it in after importing (Check lists the rows).`,
      value: null,
    });
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.filter((i) => i.severity === "warning").length;
  return { issues, badRows, errors, warnings };
}
