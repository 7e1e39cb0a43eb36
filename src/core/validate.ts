/**
 * Validation of a Runs sheet against its schema: issues that point at the Excel row the user
 * sees, and the structured runs best/compare/report work on. One pass over the rows, Map-based
 * duplicate detection (linear time), issues capped so a broken million-row sheet stays in memory.
 */
import { isBlank, type CellValue, type Grid } from "./grid";
import { coerceCell } from "./coerce";
import { compileColumn, RowChecker, type ColumnCheck } from "./column-checks";
import { findHeaderIndex, tableLayout } from "./layout";
import { normalizeName, splitHeader, unnamedColumnName } from "./names";
import { configColumns, REPLICATE_COLUMNS, RunLayout, type Run, type RunValue } from "./runs";
import { NO_INVALID, RunStore } from "./run-store";
import type { ColumnSpec, RunSchema, ValidationIssue } from "./schema-types";
import { putValue, SeedIndex, TupleTable, VALUE_WIDTH, ValueIds } from "./tuple-table";
import { cellText } from "./cell-value";
import type { IssueCounts, ValidateOptions, ValidateResult } from "./validate-types";
import { RecipeCheck } from "./reproducibility";
import { IdIndex } from "./id-index";

const DEFAULT_MAX_ISSUES = 100_000;
/** Runs per block of cells (see CompactRun): large enough to allocate rarely, small enough never to copy a huge array. */
const BLOCK_ROWS = 4096;

/** Collects issues up to a cap while counting all of them. */
class IssueSink {
  readonly issues: ValidationIssue[] = [];
  readonly counts: IssueCounts = { error: 0, warning: 0, info: 0 };
  truncated = false;
  constructor(private readonly max: number) {}
  add(issue: ValidationIssue): void {
    this.counts[issue.severity]++;
    if (this.issues.length < this.max) this.issues.push(issue);
    else this.truncated = true;
  }
  /** True once the list is full: callers then only count, without building messages. */
  get full(): boolean {
    return this.issues.length >= this.max;
  }
  /** Counts an issue that is not kept because the list is full. */
  skip(severity: ValidationIssue["severity"]): void {
    this.counts[severity]++;
    this.truncated = true;
  }
}

/** Maps header cells to schema columns by name, ignoring case, spaces/dashes vs underscores and units. */
function mapHeader(
  header: readonly CellValue[],
  schema: RunSchema,
): { byIndex: (ColumnSpec | undefined)[]; unknown: { index: number; text: string }[]; found: Set<ColumnSpec> } {
  const byName = new Map<string, ColumnSpec>();
  for (const spec of schema.columns) byName.set(normalizeName(spec.name), spec);
  const found = new Set<ColumnSpec>();
  const byIndex: (ColumnSpec | undefined)[] = [];
  const unknown: { index: number; text: string }[] = [];
  for (let index = 0; index < header.length; index++) {
    const cell = header[index];
    if (cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "")) {
      // A column with data but no header is named by its letter when inferred (`Column A`).
      const unnamed = byName.get(normalizeName(unnamedColumnName(index)));
      if (unnamed && !found.has(unnamed)) {
        found.add(unnamed);
        byIndex[index] = unnamed;
      }
      continue;
    }
    const text = String(cell);
    const candidates = [normalizeName(text), normalizeName(splitHeader(text).name)];
    let spec: ColumnSpec | undefined;
    for (const key of candidates) {
      const s = byName.get(key);
      if (s && !found.has(s)) {
        spec = s;
        break;
      }
    }
    // A repeated header name maps to the `name (2)` column inference creates for it.
    for (let k = 2; !spec && k < 10; k++) {
      const s = byName.get(`${candidates[1]}_(${k})`);
      if (!s) break;
      if (!found.has(s)) spec = s;
    }
    if (spec) {
      found.add(spec);
      byIndex[index] = spec;
    } else unknown.push({ index, text: text.trim() });
  }
  return { byIndex, unknown, found };
}

function emptyResult(schema: RunSchema, headerRow: number, sink: IssueSink): ValidateResult {
  return { runs: [], issues: sink.issues, schema, headerRow, counts: sink.counts, truncated: sink.truncated };
}

/** True when the input is a list of records (objects) rather than a grid (arrays). */
function isRecords(input: Grid | readonly Record<string, unknown>[]): input is readonly Record<string, unknown>[] {
  const first = input[0];
  return first !== undefined && first !== null && typeof first === "object" && !Array.isArray(first);
}

/**
 * Validates a grid (as `Range.values` gives it, or cells from a CSV) against a schema. Returns
 * every issue with the Excel row number the user sees, typed runs with their configuration key
 * and replicate group, and the counts by severity. Never throws, whatever the grid holds.
 * Records (objects, e.g. parsed JSON runs) are accepted too: they are laid out as a grid with a
 * header row 1, so record i (0-based) is reported on row i + 2.
 */
export function validate(
  input: Grid | readonly Record<string, unknown>[],
  schema: RunSchema,
  options: ValidateOptions = {},
): ValidateResult {
  if (isRecords(input)) return validate(gridFromRecords(input), schema, { ...options, headerRow: 1, rowOffset: 1 });
  const grid = input;
  const offset = options.rowOffset ?? 1;
  const source = options.source ?? "excel";
  const sink = new IssueSink(options.maxIssues ?? DEFAULT_MAX_ISSUES);
  const collect = options.collectRuns ?? true;
  const headerIndex = options.headerRow !== undefined ? options.headerRow - offset : findHeaderIndex(grid);
  const headerRow = headerIndex + offset;
  const header = headerIndex >= 0 ? grid[headerIndex] : undefined;
  if (!header) {
    for (const spec of schema.columns) {
      if (spec.required) {
        sink.add({
          row: Math.max(headerRow, offset),
          column: spec.name,
          code: "missing_required",
          severity: "error",
          message: `The sheet has no header row with a ${spec.name} column: add a header row with the column names.`,
          value: null,
        });
      }
    }
    return emptyResult(schema, Math.max(headerRow, offset), sink);
  }

  const { byIndex, unknown, found } = mapHeader(header, schema);
  for (const u of unknown) {
    sink.add({
      row: headerRow,
      column: u.text,
      code: "unknown_column",
      severity: "warning",
      message: `The column "${u.text}" is not in the schema: add it to the Schema sheet so it is checked, or ignore this if it is a scratch column.`,
      value: u.text,
    });
  }
  for (const spec of schema.columns) {
    if (spec.required && !found.has(spec)) {
      sink.add({
        row: headerRow,
        column: spec.name,
        code: "missing_required",
        severity: "error",
        message: `The column ${spec.name} is required but is not in the header row (row ${headerRow}): add a column named ${spec.name}.`,
        value: null,
      });
    }
  }

  // Every schema column compiled once (index -1: not in the sheet), in schema order: the order
  // of a compact run's cells.
  const indexOf = new Map<ColumnSpec, number>();
  byIndex.forEach((spec, index) => {
    if (spec) indexOf.set(spec, index);
  });
  const checks: ColumnCheck[] = schema.columns.map((spec, position) =>
    compileColumn(spec, position, indexOf.get(spec) ?? -1),
  );
  const width = checks.length;
  const rowChecker = new RowChecker(checks);
  const mappedCount = indexOf.size;
  const layout = new RunLayout(schema);
  const idSpec = schema.columns.find((c) => c.role === "id" && found.has(c));
  const idPosition = idSpec ? (layout.position.get(idSpec.name) ?? -1) : -1;
  // Configuration = params except seed (for replicate groups); a duplicate is the same
  // configuration with the same seed too.
  const configNames = configColumns(schema).map((c) => c.name);
  const configPositions = layout.configPositions;
  const seedPositions = schema.columns
    .filter((c) => found.has(c) && REPLICATE_COLUMNS.has(c.name.toLowerCase()))
    .map((c) => layout.position.get(c.name) ?? -1);
  const firstParam = schema.columns.find((c) => c.role === "param" && found.has(c));
  const dupNames = [
    ...configNames.filter((n) => schema.columns.some((c) => c.name === n && found.has(c))),
    ...schema.columns.filter((c) => found.has(c) && REPLICATE_COLUMNS.has(c.name.toLowerCase())).map((c) => c.name),
  ].join(", ");
  const seedAdvice = seedPositions.length ? "give it another seed" : "add a seed column to tell the replicates apart";

  const lastIndex =
    options.lastRow !== undefined
      ? Math.min(grid.length - 1, options.lastRow - offset)
      : tableLayout(grid, headerIndex).lastDataIndex;
  const ids = new IdIndex(lastIndex - headerIndex, headerIndex + 1 + offset);
  // Configuration keys as tuples of per-column value ids: no JSON text per row.
  const valueIds = configPositions.map(() => new ValueIds());
  const seedIds = seedPositions.map(() => new ValueIds());
  const groups = new TupleTable(VALUE_WIDTH * configPositions.length);
  const seeds = new SeedIndex(VALUE_WIDTH * seedPositions.length);
  const configTuple = new Int32Array(Math.max(1, VALUE_WIDTH * configPositions.length));
  const seedTuple = new Int32Array(Math.max(1, VALUE_WIDTH * seedPositions.length));
  const store = new RunStore(layout, BLOCK_ROWS);
  const recipe = new RecipeCheck(schema, layout.position, options);

  // Cells of collected runs go into shared blocks of BLOCK_ROWS runs (allocated whole, filled in
  // order); a row that turns out not to be a run is not counted. Without collecting, one row is reused.
  const blockCells = BLOCK_ROWS * width;
  let block: RunValue[] = collect ? new Array<RunValue>(blockCells) : new Array<RunValue>(width);
  if (collect) store.addBlock(block);
  let used = 0;
  for (let r = headerIndex + 1; r <= lastIndex; r++) {
    const row = grid[r];
    if (!row || !hasFilledCell(row)) continue;
    const excelRow = r + offset;
    if (collect && used + width > blockCells) {
      block = new Array<RunValue>(blockCells);
      store.addBlock(block);
      used = 0;
    }
    const cells = block;
    const base = collect ? used : 0;
    // `invalid` is shared and empty unless a cell is invalid (most runs), to save memory.
    let invalid: Record<string, string> = NO_INVALID;
    rowChecker.fill(row, cells, base);
    let anyMapped = rowChecker.anyMapped;
    // The cells the compiled checks left to coerceCell, in schema order: its sentences and fixes.
    for (let s = 0; s < rowChecker.slowCount; s++) {
      const check = checks[rowChecker.slow[s] as number] as ColumnCheck;
      const raw = row[check.index];
      if (!isBlank(raw ?? null)) anyMapped = true;
      const out = coerceCell(raw, check.reader, source);
      cells[base + check.position] = out.value;
      if (out.invalid !== undefined) {
        if (invalid === NO_INVALID) invalid = {};
        invalid[check.name] = out.invalid;
      }
      if (out.issue) {
        const issue: ValidationIssue = {
          row: excelRow,
          column: check.name,
          code: out.issue.code,
          severity: out.issue.severity,
          message: out.issue.message,
          value: raw ?? null,
        };
        if (out.issue.fix !== undefined) issue.fix = out.issue.fix;
        sink.add(issue);
      }
    }
    // A row with text only in columns outside the schema is not a run (e.g. a note beside the table).
    if (!anyMapped && mappedCount > 0) continue;

    // "" when the run has no id of its own (then it is named `row N`, see runName).
    let id = "";
    if (idSpec) {
      const v = cells[base + idPosition] ?? null;
      const text = v === null ? "" : cellText(v).trim();
      if (text !== "") {
        id = text;
        const first = ids.firstRow(id, excelRow);
        if (first !== undefined) {
          sink.add({
            row: excelRow,
            column: idSpec.name,
            code: "duplicate_id",
            severity: "error",
            message: `The ${idSpec.name} "${id}" is already used on row ${first}: give this run its own ${idSpec.name}.`,
            value: id,
          });
        }
      }
    }
    let anyConfig = false;
    for (let k = 0; k < configPositions.length; k++) {
      const v = cells[base + (configPositions[k] ?? 0)] ?? null;
      if (v !== null) anyConfig = true;
      putValue(configTuple, VALUE_WIDTH * k, v, valueIds[k] as ValueIds);
    }
    const group = groups.intern(configTuple);
    if (firstParam && anyConfig) {
      for (let k = 0; k < seedPositions.length; k++)
        putValue(seedTuple, VALUE_WIDTH * k, cells[base + (seedPositions[k] ?? 0)] ?? null, seedIds[k] as ValueIds);
      const first = seeds.firstRow(group, seedTuple, excelRow);
      if (first < 0) {
        // The first run with this configuration and seed.
      } else if (sink.full) sink.skip("warning");
      else {
        sink.add({
          row: excelRow,
          column: firstParam.name,
          code: "duplicate_config",
          severity: "warning",
          message: `Row ${excelRow} has the same settings as row ${first} (${dupNames}): if it is a rerun, ${seedAdvice}; otherwise delete one of the two.`,
          value: null,
        });
      }
    }
    if (collect) {
      store.add(excelRow, id, invalid, group);
      // Recipe check (reproducibility.ts) on the cells just read; its issues follow every row's.
      recipe.check(cells, base, excelRow, id);
      used += width;
    }
  }
  for (const issue of recipe.issues) sink.add(issue);
  const result: ValidateResult = {
    runs: [],
    issues: sink.issues,
    schema,
    headerRow,
    counts: sink.counts,
    truncated: sink.truncated,
  };
  return withLazyRuns(result, store);
}

/**
 * Makes `result.runs` the store's runs, built the first time it is read (a spread or JSON copy
 * reads it too); assigning it replaces them, as with a plain property. Same place in key order.
 */
function withLazyRuns(result: ValidateResult, store: RunStore): ValidateResult {
  let runs: Run[] | undefined;
  Object.defineProperty(result, "runs", {
    enumerable: true,
    configurable: true,
    get: (): Run[] => (runs ??= store.runs()),
    set: (value: Run[]) => {
      runs = value;
    },
  });
  return result;
}

/** True when a row holds at least one non-blank cell (stops at the first). */
function hasFilledCell(row: readonly CellValue[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return true;
  return false;
}

/**
 * Turns records (JSON objects, parsed rows) into a grid with a header row: the union of keys in
 * first-seen order. Lets `validate` check runs that did not come from a sheet.
 */
export function gridFromRecords(records: readonly Record<string, unknown>[]): Grid {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const rec of records) {
    for (const k of Object.keys(rec)) {
      if (!seen.has(k)) {
        seen.add(k);
        keys.push(k);
      }
    }
  }
  const grid: Grid = [keys];
  for (const rec of records) {
    grid.push(
      keys.map((k) => {
        const v = rec[k];
        if (v === undefined || v === null) return null;
        if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
        return JSON.stringify(v);
      }),
    );
  }
  return grid;
}
