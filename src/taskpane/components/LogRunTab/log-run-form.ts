/**
 * The Log run form's pure logic: which inputs the RunSchema asks for, how typed text becomes a
 * cell value, and the check before writing. The check runs core's `validate` over the runs
 * already in the sheet plus the new row, so the form shows exactly the sentences the Check tab
 * would show once the row is written (and sees a run_id or a configuration that already exists).
 */
import {
  isBlank,
  normalizeName,
  parseNumberText,
  REPLICATE_COLUMNS,
  validate,
  type CellValue,
  type ColumnRole,
  type ColumnSpec,
  type ColumnType,
  type Grid,
  type RunSchema,
} from "../../../core/index";
import { needsTextFormat } from "../../../core/parse/index";

/** The input a column gets. */
export type FieldKind = "text" | "number" | "choice" | "boolean" | "date" | "datetime";

export interface FormField {
  name: string;
  kind: FieldKind;
  type: ColumnType;
  role: ColumnRole;
  required: boolean;
  choices: string[];
  unit?: string;
  description?: string;
}

/** What the user typed, per column: text for inputs, a boolean for switches. */
export type Draft = Record<string, string | boolean>;

const KIND_OF_TYPE: Record<ColumnType, FieldKind> = {
  text: "text",
  url: "text",
  duration: "text",
  integer: "number",
  number: "number",
  percent: "number",
  boolean: "boolean",
  date: "date",
  datetime: "datetime",
  choice: "choice",
};

/** Columns that say how to re-run a run; a new run most likely shares them with the previous one. */
export const RECIPE_COLUMNS: ReadonlySet<string> = new Set([
  "code_version",
  "data_version",
  "environment",
  "hardware",
  "command",
  "owner",
]);

/** One input per schema column, in the schema's order (the order the Runs table has). */
export function formFields(schema: RunSchema): FormField[] {
  return schema.columns.map((c: ColumnSpec) => ({
    name: c.name,
    kind: c.type === "choice" && (c.choices?.length ?? 0) === 0 ? "text" : KIND_OF_TYPE[c.type],
    type: c.type,
    role: c.role,
    required: c.required === true,
    choices: c.choices ?? [],
    ...(c.unit !== undefined ? { unit: c.unit } : {}),
    ...(c.description !== undefined ? { description: c.description } : {}),
  }));
}

/** The decimal separator of a locale (`,` for de-DE, fr-FR; `.` for en-US), as Intl formats 1.5. */
export function decimalSeparator(locale?: string): "." | "," {
  const parts = new Intl.NumberFormat(locale).formatToParts(1.5);
  return parts.find((p) => p.type === "decimal")?.value === "," ? "," : ".";
}

/**
 * A number typed into the form. With a comma as the user's decimal separator, `0,91` and
 * `1.234,5` read as 0.91 and 1234.5; with a point, `0.91` and `1,000`; either way `91%` is 0.91.
 * Text that is not a number is returned as typed, so validation names the problem.
 */
export function readNumberInput(text: string, separator: "." | ","): number | string | null {
  const s = text.trim().replace(/[\s\u00a0\u202f]/g, "");
  if (s === "") return null;
  if (separator === ",") {
    const percent = s.endsWith("%");
    const body = percent ? s.slice(0, -1) : s;
    if (/^[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/.test(body)) {
      const n = Number(body.replace(/\./g, "").replace(",", "."));
      if (Number.isFinite(n)) return percent ? n / 100 : n;
    }
  }
  const parsed = parseNumberText(s);
  return parsed ? parsed.value : text.trim();
}

/** The cell value of one field's input. */
export function fieldValue(field: FormField, input: string | boolean | undefined, separator: "." | ","): CellValue {
  if (input === undefined) return null;
  if (field.kind === "boolean") return typeof input === "boolean" ? input : null;
  const text = String(input);
  if (text.trim() === "") return null;
  if (field.kind === "number") return readNumberInput(text, separator);
  // A date input gives ISO text (2026-12-01); a datetime input gives 2026-12-01T09:30.
  if (field.kind === "datetime") return text.replace("T", " ");
  return text;
}

/** The runs already in the sheet, as the Check tab read them. */
export interface ExistingRuns {
  grid: Grid;
  /** Excel row of `grid[0]`. */
  rowOffset: number;
  /** Excel row of the header. */
  headerRow: number;
}

/** The row to append: the table's header (plus schema columns it lacks that the form filled) and its values. */
export interface PlannedRow {
  header: string[];
  row: CellValue[];
  /** `[0, column]` of text Excel would turn into a number, date or formula: written with the Text format. */
  textCells: [number, number][];
}

/** Lays the draft out in the Runs table's column order; filled schema columns the table lacks go at its right end. */
export function planRow(
  fields: readonly FormField[],
  draft: Draft,
  tableHeader: readonly CellValue[],
  separator: "." | ",",
): PlannedRow {
  const header = tableHeader.map((h) => (isBlank(h) ? "" : String(h)));
  const byKey = new Map(fields.map((f) => [normalizeName(f.name), f]));
  const row: CellValue[] = header.map((h) => {
    const field = byKey.get(normalizeName(h));
    return field ? fieldValue(field, draft[field.name], separator) : null;
  });
  const present = new Set(header.map((h) => normalizeName(h)));
  for (const field of fields) {
    if (present.has(normalizeName(field.name))) continue;
    const value = fieldValue(field, draft[field.name], separator);
    if (value === null) continue;
    header.push(field.name);
    row.push(value);
  }
  const textCells: [number, number][] = [];
  row.forEach((value, c) => {
    const field = byKey.get(normalizeName(header[c] ?? ""));
    // Dates are meant to become Excel dates; any other text is kept exactly as typed.
    if (typeof value === "string" && field?.kind !== "date" && field?.kind !== "datetime" && needsTextFormat(value))
      textCells.push([0, c]);
  });
  return { header, row, textCells };
}

export interface DraftCheck {
  /** Error sentences by field name (as validation words them). */
  errors: Record<string, string>;
  /** Warning sentences by field name. */
  warnings: Record<string, string>;
  /** The run_id is already in the table: the write would be skipped, so logging is blocked. */
  duplicateId: string | null;
  /** Another run has the same configuration and seed: logging asks first. */
  duplicateConfig: string | null;
  /** Excel row the run would land on. */
  row: number;
}

function lastFilledIndex(grid: Grid): number {
  for (let i = grid.length - 1; i >= 0; i--) if ((grid[i] ?? []).some((v) => !isBlank(v))) return i;
  return -1;
}

/**
 * Checks the planned row against the schema and the runs already in the sheet: validation of
 * the whole table with the row appended, keeping only the issues on the new row.
 */
export function checkDraft(schema: RunSchema, existing: ExistingRuns, planned: PlannedRow): DraftCheck {
  const headerIndex = existing.headerRow - existing.rowOffset;
  const body = existing.grid.slice(0, Math.max(headerIndex + 1, lastFilledIndex(existing.grid) + 1));
  const grid: Grid = body.map((r, i) => (i === headerIndex ? [...planned.header] : r));
  grid.push([...planned.row]);
  const row = existing.rowOffset + grid.length - 1;
  const result = validate(grid, schema, {
    rowOffset: existing.rowOffset,
    headerRow: existing.headerRow,
    lastRow: row,
    collectRuns: false,
  });
  const errors: Record<string, string> = {};
  const warnings: Record<string, string> = {};
  let duplicateId: string | null = null;
  let duplicateConfig: string | null = null;
  for (const issue of result.issues) {
    if (issue.row !== row) continue;
    if (issue.code === "duplicate_id") duplicateId = issue.message;
    if (issue.code === "duplicate_config") {
      duplicateConfig = issue.message;
      continue;
    }
    const into = issue.severity === "error" ? errors : issue.severity === "warning" ? warnings : null;
    if (into && into[issue.column] === undefined) into[issue.column] = issue.message;
  }
  return { errors, warnings, duplicateId, duplicateConfig, row };
}

/** The seed field, when the schema has one (`seed`, `random_seed`, `rng_seed`). */
export function seedField(fields: readonly FormField[]): FormField | undefined {
  return fields.find((f) => REPLICATE_COLUMNS.has(f.name.toLowerCase()));
}

/** The id field (role `id`). */
export function idField(fields: readonly FormField[]): FormField | undefined {
  return fields.find((f) => f.role === "id");
}

/** The draft after a run was logged: the same settings, no id and no results yet. */
export function afterLogDraft(fields: readonly FormField[], draft: Draft): Draft {
  const next: Draft = { ...draft };
  for (const f of fields) if (f.role === "metric" || f.role === "id") delete next[f.name];
  return next;
}

/**
 * The draft for the next seed of the same configuration: seed + 1, the run_id's trailing number
 * moved along (`exp1-s1` -> `exp1-s2`), results cleared. Without a numeric seed, as afterLogDraft.
 */
export function nextSeedDraft(fields: readonly FormField[], draft: Draft): Draft {
  const next = afterLogDraft(fields, draft);
  const seed = seedField(fields);
  const seedValue = seed ? Number(String(draft[seed.name] ?? "").trim()) : NaN;
  if (!seed || !Number.isInteger(seedValue) || String(draft[seed.name]).trim() === "") return next;
  next[seed.name] = String(seedValue + 1);
  const id = idField(fields);
  const oldId = id ? String(draft[id.name] ?? "") : "";
  const trailing = /(\d+)$/.exec(oldId);
  if (id && trailing?.[1] !== undefined) {
    const step = Number(trailing[1]) === seedValue ? seedValue + 1 : Number(trailing[1]) + 1;
    next[id.name] = oldId.slice(0, trailing.index) + String(step);
  }
  return next;
}

/** Input text of a cell read from the sheet (dates as ISO, for date inputs). */
function inputOf(field: FormField, value: CellValue | undefined): string | boolean | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (field.kind === "boolean") return typeof value === "boolean" ? value : undefined;
  return String(value);
}

/** The recipe columns (code version, environment, command, ...) of the last run in the sheet, as draft values. */
export function recipeFromLastRun(fields: readonly FormField[], existing: ExistingRuns): Draft {
  const headerIndex = existing.headerRow - existing.rowOffset;
  const header = (existing.grid[headerIndex] ?? []).map((h) => normalizeName(String(h ?? "")));
  const last = lastFilledIndex(existing.grid);
  if (last <= headerIndex) return {};
  const row = existing.grid[last] ?? [];
  const draft: Draft = {};
  for (const f of fields) {
    if (!RECIPE_COLUMNS.has(f.name.toLowerCase())) continue;
    const at = header.indexOf(normalizeName(f.name));
    const value = at >= 0 ? inputOf(f, row[at]) : undefined;
    if (value !== undefined) draft[f.name] = value;
  }
  return draft;
}
