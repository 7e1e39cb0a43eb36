/**
 * Lenient reading of the workbook's RunSchema table (core's schemaFromRows is strict: one bad
 * cell fails the whole schema; here a typo in the Schema sheet never blocks validation). Pure,
 * so it is tested directly; read-runs.ts does the I/O. Writing uses core's schemaToRows.
 */
import {
  COLUMN_ROLES,
  COLUMN_TYPES,
  isBlank,
  normalizeName,
  type CellValue,
  type ColumnRole,
  type ColumnSpec,
  type ColumnType,
  type Goal,
  type RunSchema,
} from "../core/index";
import type { SCHEMA_HEADER } from "./constants";

/** A problem in a RunSchema table row; `row` is the Excel row number. */
export interface SchemaRowProblem {
  row: number;
  column: string;
  message: string;
}

export interface SchemaFromRows {
  schema: RunSchema;
  problems: SchemaRowProblem[];
}

function text(value: CellValue | undefined): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

function numberOrUndefined(value: CellValue | undefined): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  const t = text(value);
  if (t === "") return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** `cell` lower-cased when it is one of `allowed`; otherwise `fallback`, reported unless the cell is blank. */
function oneOf<T extends string>(
  cell: string,
  allowed: readonly T[],
  fallback: T,
  noun: string,
  report: (message: string) => void,
): T {
  const value = cell.toLowerCase();
  if ((allowed as readonly string[]).includes(value)) return value as T;
  if (value !== "") report(`"${value}" is not ${noun} (use one of ${allowed.join(", ")}); treated as ${fallback}.`);
  return fallback;
}

function truthy(value: CellValue | undefined): boolean {
  if (typeof value === "boolean") return value;
  return ["true", "yes", "y", "1", "x"].includes(text(value).toLowerCase());
}

/**
 * Reads the RunSchema table's values (header row first, as `Table.getRange().values` returns
 * them). Unknown types fall back to `text`, unknown roles to `meta`, each with a problem, so a
 * typo in the Schema sheet never blocks validation. `headerRow` is the Excel row of the header.
 */
export function rowsToSchema(values: CellValue[][], headerRow = 1): SchemaFromRows {
  const problems: SchemaRowProblem[] = [];
  const header = (values[0] ?? []).map((h) => normalizeName(text(h)));
  const at = (row: CellValue[], name: (typeof SCHEMA_HEADER)[number]): CellValue | undefined => {
    const i = header.indexOf(name);
    return i < 0 ? undefined : row[i];
  };
  const columns: ColumnSpec[] = [];
  const seen = new Set<string>();
  values.slice(1).forEach((row, i) => {
    const excelRow = headerRow + 1 + i;
    const name = text(at(row, "name"));
    if (name === "") {
      if (!row.every((v) => isBlank(v)))
        problems.push({
          row: excelRow,
          column: "name",
          message: "This schema row has no column name, so it is ignored.",
        });
      return;
    }
    if (seen.has(name)) {
      problems.push({
        row: excelRow,
        column: "name",
        message: `The column "${name}" is described twice; the first row is used.`,
      });
      return;
    }
    seen.add(name);
    const type = oneOf<ColumnType>(text(at(row, "type")), COLUMN_TYPES, "text", "a column type", (message) =>
      problems.push({ row: excelRow, column: "type", message }),
    );
    const role = oneOf<ColumnRole>(text(at(row, "role")), COLUMN_ROLES, "meta", "a role", (message) =>
      problems.push({ row: excelRow, column: "role", message }),
    );
    const spec: ColumnSpec = { name, type, role };
    if (truthy(at(row, "required"))) spec.required = true;
    const min = numberOrUndefined(at(row, "min"));
    if (min !== undefined) spec.min = min;
    const max = numberOrUndefined(at(row, "max"));
    if (max !== undefined) spec.max = max;
    const choices = text(at(row, "choices"))
      .split(/[,;]/)
      .map((c) => c.trim())
      .filter((c) => c !== "");
    if (choices.length > 0) spec.choices = choices;
    const pattern = text(at(row, "pattern"));
    if (pattern !== "") spec.pattern = pattern;
    const unit = text(at(row, "unit"));
    if (unit !== "") spec.unit = unit;
    const goalText = text(at(row, "goal")).toLowerCase();
    if (goalText === "max" || goalText === "min") spec.goal = goalText as Goal;
    else if (goalText !== "")
      problems.push({ row: excelRow, column: "goal", message: `"${goalText}" is not a goal (use max or min).` });
    const description = text(at(row, "description"));
    if (description !== "") spec.description = description;
    // Empty: the default recipe columns decide; an explicit TRUE/FALSE overrides them.
    const recipe = at(row, "recipe");
    if (typeof recipe === "boolean") spec.recipe = recipe;
    else if (text(recipe) !== "") spec.recipe = truthy(recipe);
    columns.push(spec);
  });
  return { schema: { columns }, problems };
}
