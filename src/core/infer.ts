/**
 * Schema inference from a raw sheet: finds the header row, splits units out of headers, and
 * guesses each column's type from its values and its role and goal from its name.
 */
import { isBlank, type CellValue, type Grid } from "./grid";
import type { InferOptions, InferredSchema } from "./infer-types";
import { tableLayout } from "./layout";
import { mostlyNumbers } from "./number-text";
import { goalFromName, isStatusName, normalizeName, roleFromName, splitHeader, unnamedColumnName } from "./names";
import type { ColumnRole, ColumnSpec, ColumnType } from "./schema-types";
import {
  isExcelError,
  isMissingText,
  isNonFiniteText,
  isUrl,
  parseBooleanText,
  parseDateCell,
  parseDuration,
  parseNumberText,
} from "./cell-value";

/** How many data rows are sampled per column to guess its type (types settle long before). */
const SAMPLE_ROWS = 5000;

/** Tallies of what a column's cells look like. */
interface Tally {
  filled: number;
  numbers: number;
  integers: number;
  percents: number;
  booleans: number;
  dates: number;
  datetimes: number;
  serials: number;
  urls: number;
  durations: number;
  texts: number;
  /** Distinct texts, compared case-insensitively: lower-cased text -> spelling -> count. */
  distinct: Map<string, Map<string, number>>;
  min: number;
  max: number;
  maxLength: number;
}

function newTally(): Tally {
  return {
    filled: 0,
    numbers: 0,
    integers: 0,
    percents: 0,
    booleans: 0,
    dates: 0,
    datetimes: 0,
    serials: 0,
    urls: 0,
    durations: 0,
    texts: 0,
    distinct: new Map(),
    min: Infinity,
    max: -Infinity,
    maxLength: 0,
  };
}

function countNumber(t: Tally, n: number, percent: boolean): void {
  t.numbers++;
  if (Number.isInteger(n) && !percent) t.integers++;
  if (percent) t.percents++;
  if (n >= 1 && n <= 2_958_465) t.serials++;
  if (n < t.min) t.min = n;
  if (n > t.max) t.max = n;
}

function tallyCell(t: Tally, cell: CellValue): void {
  if (isBlank(cell) || isExcelError(cell)) return;
  t.filled++;
  if (typeof cell === "number") return countNumber(t, cell, false);
  if (typeof cell === "boolean") {
    t.booleans++;
    return;
  }
  if (cell === null) return;
  const s = cell.trim();
  if (isNonFiniteText(s) || isMissingText(s)) {
    // nan/inf are what scripts print for a broken numeric metric: they vote "number".
    t.numbers++;
    return;
  }
  const n = parseNumberText(s);
  if (n) return countNumber(t, n.value, n.style === "percent");
  if (t.distinct.size <= 1000) {
    const key = s.toLowerCase();
    let forms = t.distinct.get(key);
    if (!forms) {
      forms = new Map();
      t.distinct.set(key, forms);
    }
    forms.set(s, (forms.get(s) ?? 0) + 1);
  }
  if (s.length > t.maxLength) t.maxLength = s.length;
  if (parseBooleanText(s) !== null && /^(true|false)$/i.test(s)) {
    t.booleans++;
    return;
  }
  const d = parseDateCell(s);
  if (d) {
    if (d.hasTime) t.datetimes++;
    else t.dates++;
    return;
  }
  if (isUrl(s)) {
    t.urls++;
    return;
  }
  if (parseDuration(s) !== null) {
    t.durations++;
    return;
  }
  t.texts++;
}

const DATE_NAMES =
  /(^|_)(date|started|start|end|ended|finished|created|created_at|updated|timestamp|time|start_time|end_time)$/;
const LONG_TEXT = 40;

function typeFromTally(t: Tally, name: string, maxChoices: number, status: boolean): ColumnType {
  if (t.filled === 0) return "text";
  const n = normalizeName(name);
  const all = (k: number): boolean => k === t.filled;
  // A stray word in a numeric column is a typo to report (wrong_type): the same rule as the import's.
  if (all(t.numbers) || mostlyNumbers(t.numbers, t.filled)) {
    if (t.percents > 0 && t.percents >= t.numbers * 0.8) return "percent";
    // Excel gives date cells to JS as serial numbers: trust the name before calling them numbers.
    if (DATE_NAMES.test(n) && all(t.serials)) return t.integers === t.numbers ? "date" : "datetime";
    return t.integers === t.numbers ? "integer" : "number";
  }
  if (all(t.booleans)) return "boolean";
  if (all(t.dates + t.datetimes) || (DATE_NAMES.test(n) && all(t.dates + t.datetimes + t.serials))) {
    return t.datetimes > 0 || t.numbers > t.integers ? "datetime" : "date";
  }
  if (all(t.urls)) return "url";
  if (t.durations > 0 && all(t.durations + t.numbers)) return "duration";
  const distinct = t.distinct.size;
  const repeats = status || t.filled >= 2 * distinct;
  // One repeated value (every run uses "mlp") is not yet a list of choices: a new model would be
  // flagged as an error. Status columns are choices from the start.
  const enough = status ? distinct >= 1 : distinct >= 2;
  if (t.numbers === 0 && enough && distinct <= maxChoices && repeats && t.maxLength <= LONG_TEXT) return "choice";
  return "text";
}

function roleFor(name: string, type: ColumnType, t: Tally): ColumnRole {
  const byName = roleFromName(name);
  if (byName) return byName;
  if (type === "text" && t.maxLength > LONG_TEXT) return "meta";
  if (type === "url" || type === "date" || type === "datetime") return "meta";
  return "param";
}

/** Choices in order of first appearance, each spelled as most runs spell it ("finished", not "Finished"). */
function choicesInOrder(t: Tally): string[] {
  return [...t.distinct.values()].map((forms) => {
    let best = "";
    let count = -1;
    for (const [form, n] of forms) {
      if (n > count) {
        best = form;
        count = n;
      }
    }
    return best;
  });
}

/** Fills min/max that are safe to assume from the name and the values seen. */
function boundsFor(spec: ColumnSpec, t: Tally): void {
  if (spec.type !== "number" && spec.type !== "integer" && spec.type !== "percent") return;
  if (spec.type === "percent") {
    if (t.min >= 0 && t.max <= 1) {
      spec.min = 0;
      spec.max = 1;
    }
    return;
  }
  if (spec.role !== "metric" || t.numbers === 0) return;
  const n = normalizeName(spec.name);
  const proportion = /(^|_)(acc|accuracy|f1|auc|roc_auc|precision|recall|map|iou|miou|dice)($|_)|^acc/.test(n);
  if (proportion && t.min >= 0 && t.max <= 1) {
    spec.min = 0;
    spec.max = 1;
  } else if (/loss|error|latency/.test(n) && t.min >= 0) {
    spec.min = 0;
  }
}

/** The objective columns of Optuna's `trials_dataframe()`: `value`, or `values_0`, `values_<metric name>`. */
const OPTUNA_OBJECTIVE = /^values?(_\w+)?$/;
/** Trial bookkeeping columns Optuna writes beside the objective and the params. */
const OPTUNA_META = /^(duration|datetime_start|datetime_complete|system_attrs_.*)$/;

/**
 * Roles of an Optuna `trials_dataframe()` table, by column index, or null for another table.
 * Names alone would call `number` (the trial number) and `value` (the objective) params: the
 * trial number is the run id (kept as an identifier when another column is the id) and every
 * objective is a metric. Optuna's default direction is to minimize, but the frame does not say
 * which direction a study used, so only a metric name gives the goal.
 */
function optunaRoles(names: readonly string[]): Map<number, ColumnRole> | null {
  const has = (n: string): boolean => names.includes(n);
  const objective = (n: string): boolean => n !== "values" && OPTUNA_OBJECTIVE.test(n);
  if (!has("number") || !has("state") || !names.some(objective) || !names.some((n) => n.startsWith("params_")))
    return null;
  const otherId = names.some((n) => n !== "number" && roleFromName(n) === "id");
  const roles = new Map<number, ColumnRole>();
  names.forEach((n, i) => {
    if (n === "number") roles.set(i, otherId ? "meta" : "id");
    else if (objective(n)) roles.set(i, "metric");
    else if (OPTUNA_META.test(n)) roles.set(i, "meta");
  });
  return roles;
}

/** `values_accuracy` is named by its metric; `value` and `values_0` say nothing of their goal. */
function optunaGoal(name: string): ColumnSpec["goal"] {
  const metric = /^values_(.+)$/.exec(name)?.[1];
  return metric === undefined || /^\d+$/.test(metric) ? undefined : goalFromName(metric);
}

/**
 * Infers a RunSchema from a sheet as users really keep it: header row anywhere in the top rows,
 * title and blank rows above, units in headers (`val_loss (nats)`), numbers stored as text,
 * decimal commas, percent strings, Excel error values, blank rows inside the data and notes
 * under it. Also returns where the header and data are (Excel row numbers), so the sheet can be
 * adopted in place. Never throws; an empty grid gives an empty schema.
 */
export function inferSchema(grid: Grid, options: InferOptions = {}): InferredSchema {
  const offset = options.rowOffset ?? 1;
  const maxChoices = options.maxChoices ?? 12;
  const forced = options.headerRow !== undefined ? options.headerRow - offset : undefined;
  const layout = tableLayout(grid, forced);
  const empty: InferredSchema = {
    schema: { columns: [] },
    headerRow: offset,
    firstDataRow: offset + 1,
    lastDataRow: offset,
    columnIndex: [],
    titleRows: [],
    noteRows: [],
  };
  if (layout.headerIndex < 0) return empty;
  const header = grid[layout.headerIndex] ?? [];
  let width = header.length;
  const sampleEnd = Math.min(layout.lastDataIndex, layout.firstDataIndex + SAMPLE_ROWS - 1);
  for (let r = layout.firstDataIndex; r <= sampleEnd; r++) width = Math.max(width, grid[r]?.length ?? 0);

  const columns: ColumnSpec[] = [];
  const columnIndex: number[] = [];
  const used = new Map<string, number>();
  const optuna = optunaRoles(header.map((h) => (isBlank(h ?? null) ? "" : splitHeader(String(h)).name)));
  let hasId = false;
  for (let c = 0; c < width; c++) {
    const t = newTally();
    for (let r = layout.firstDataIndex; r <= sampleEnd; r++) tallyCell(t, grid[r]?.[c] ?? null);
    const headerCell = header[c];
    if (isBlank(headerCell ?? null) && t.filled === 0) continue;
    const unnamed = isBlank(headerCell ?? null);
    const parsed = unnamed ? { name: unnamedColumnName(c) } : splitHeader(String(headerCell));
    let name = parsed.name;
    const key = normalizeName(name);
    const seen = used.get(key) ?? 0;
    used.set(key, seen + 1);
    if (seen > 0) name = `${name} (${seen + 1})`;
    const status = isStatusName(name);
    const type = typeFromTally(t, name, status ? Math.max(maxChoices, 20) : maxChoices, status);
    // Without a header nobody declared what the column is (often a pandas index): keep it out of
    // the configuration rather than guess it is a hyperparameter.
    const known = optuna?.get(c);
    let role = unnamed ? "meta" : (known ?? roleFor(name, type, t));
    if (role === "id") {
      if (hasId) role = "meta";
      hasId = true;
    }
    const spec: ColumnSpec = { name, type, role };
    if (parsed.unit !== undefined) spec.unit = parsed.unit;
    if (role === "id") spec.required = true;
    if (type === "choice") spec.choices = choicesInOrder(t);
    if (role === "metric") {
      const goal = known === undefined ? goalFromName(name) : optunaGoal(name);
      if (goal) spec.goal = goal;
    }
    boundsFor(spec, t);
    columns.push(spec);
    columnIndex.push(c);
  }
  return {
    schema: { columns },
    headerRow: layout.headerIndex + offset,
    firstDataRow: layout.firstDataIndex + offset,
    lastDataRow: layout.lastDataIndex + offset,
    columnIndex,
    titleRows: layout.titleIndexes.map((r) => r + offset),
    noteRows: layout.noteIndexes.map((r) => r + offset),
  };
}
