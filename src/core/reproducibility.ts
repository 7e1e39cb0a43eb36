/**
 * Is a run reproducible from what its row says? A finished run needs its recipe: the code
 * version, the data version, the environment and the command (the schema's `recipe` columns).
 * Values are checked for the shapes that let someone get the same thing back: a git commit or a
 * URL for code, a name with a hash or a URL for data, a known environment id.
 */
import { isExperimentName, isStatusName, normalizeName } from "./names";
import { CompactRun, valueOf, type Run, type RunLayout, type RunValue } from "./runs";
import { runName } from "./run-store";
import type { ColumnSpec, RunSchema, ValidationIssue } from "./schema-types";

/** The recipe columns used when no column of the schema says `recipe` either way. */
export const DEFAULT_RECIPE_COLUMNS: readonly string[] = ["code_version", "data_version", "environment", "command"];

/** Status values (lower case) that mean the run ended well, as RunSheet and other trackers spell them. */
const FINISHED = new Set(["finished", "complete", "completed", "done", "success", "succeeded"]);

/**
 * The columns a run needs to be reproducible: those marked `recipe: true` in the schema, or,
 * when no column is marked either way, the default recipe columns the schema has.
 */
export function recipeColumns(schema: RunSchema): ColumnSpec[] {
  if (schema.columns.some((c) => c.recipe !== undefined)) return schema.columns.filter((c) => c.recipe === true);
  const names = new Set(DEFAULT_RECIPE_COLUMNS);
  return schema.columns.filter((c) => names.has(normalizeName(c.name)));
}

function text(value: RunValue | undefined): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

const URL_TEXT = /^(?:https?|s3|gs|az|abfss?|hdfs|dvc|ssh|git\+\w+|file):\/\/\S+$/i;
/** `dogs-cats@3f2a9c1`, `dogs-cats:v2 sha256:3f2a…`, `dogs-cats md5=3f2a…`: a name, then a hash of 6+ hex digits. */
const NAMED_HASH = /^\S(?:.*\S)?[\s@:#=,]+(?:(?:sha1|sha256|sha512|md5|hash|etag)[:=])?[0-9a-f]{6,128}$/i;

/** True for 7 to 40 hex digits (`/^[0-9a-f]{7,40}$/i`), by a scan: it runs on every finished run. */
function isHexCommit(value: string): boolean {
  if (value.length < 7 || value.length > 40) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const lower = c | 0x20;
    if (!((c >= 0x30 && c <= 0x39) || (lower >= 0x61 && lower <= 0x66))) return false;
  }
  return true;
}

/** True for a git commit (7-40 hex digits) or a URL (a commit or tag page, a repository at a ref). */
export function isCodeVersion(value: string): boolean {
  return isHexCommit(value) || URL_TEXT.test(value);
}

/** True for a data version that pins the bytes: a name plus a hash, or a URL. */
export function isDataVersion(value: string): boolean {
  return URL_TEXT.test(value) || NAMED_HASH.test(value);
}

/** True when the run's status says it finished; a sheet without a status column counts every run. */
export function isFinishedRun(run: Run, schema: RunSchema): boolean {
  return finished(
    run,
    schema.columns.find((c) => isStatusName(c.name)),
  );
}

function finished(run: Run, status: ColumnSpec | undefined): boolean {
  return !status || FINISHED.has(text(valueOf(run, status.name)).toLowerCase());
}

/** Options of the reproducibility check. */
export interface ReproducibilityOptions {
  /** Ids of the environments the workbook stores; when given, a run naming another id gets a warning. */
  knownEnvironments?: ReadonlySet<string>;
}

/** Why one run is not reproducible: the missing recipe columns and the values of the wrong shape. */
export interface RecipeGaps {
  missing: string[];
  badShape: { column: string; value: string; message: string }[];
}

/** The gaps in one run's recipe (empty lists: reproducible). */
export function recipeGaps(run: Run, schema: RunSchema, options: ReproducibilityOptions = {}): RecipeGaps {
  const recipe = recipeOf(schema);
  const cells = new ColumnCells(recipe);
  cells.run = run;
  const gaps = gapsOf(cells, recipe, options);
  return gaps === NO_GAPS ? { missing: [], badShape: [] } : gaps;
}

/** The recipe columns with their normalized names, worked out once per check rather than per run. */
function recipeOf(schema: RunSchema): { spec: ColumnSpec; key: string }[] {
  return recipeColumns(schema).map((spec) => ({ spec, key: normalizeName(spec.name) }));
}

/** What gapsOf returns for a reproducible run: shared, so a clean sheet allocates nothing per run. */
const NO_GAPS: RecipeGaps = Object.freeze({ missing: [], badShape: [] }) as unknown as RecipeGaps;

/** Some columns of one run at a time: `value(k)` is column k of the run the reader is on. */
interface RunCells {
  value(k: number): RunValue;
}

/**
 * Reads columns of `run`, from a compact run's cells by position (worked out once per layout)
 * and from other runs by name.
 */
class ColumnCells implements RunCells {
  run: Run | null = null;
  private layout: RunLayout | null = null;
  private readonly positions: Int32Array;
  constructor(private readonly columns: readonly { spec: ColumnSpec }[]) {
    this.positions = new Int32Array(columns.length);
  }
  value(k: number): RunValue {
    const run = this.run;
    if (run === null) return null;
    if (!(run instanceof CompactRun)) return valueOf(run, this.columns[k]?.spec.name ?? "");
    if (run.layout !== this.layout) {
      const layout = run.layout;
      this.columns.forEach((r, i) => (this.positions[i] = layout.position.get(r.spec.name) ?? -1));
      this.layout = layout;
    }
    const p = this.positions[k] ?? -1;
    return p < 0 ? null : run.cell(p);
  }
}

/** Reads columns of one run's cells in a block (validate's layout), by position. */
class BlockCells implements RunCells {
  block: readonly RunValue[] = [];
  base = 0;
  constructor(private readonly positions: Int32Array) {}
  value(k: number): RunValue {
    const p = this.positions[k] ?? -1;
    return p < 0 ? null : (this.block[this.base + p] ?? null);
  }
}

/** `gaps`, or a new list to add to when it is still the shared NO_GAPS. */
function opened(gaps: RecipeGaps): RecipeGaps {
  return gaps === NO_GAPS ? { missing: [], badShape: [] } : gaps;
}

function gapsOf(
  cells: RunCells,
  recipe: readonly { spec: ColumnSpec; key: string }[],
  options: ReproducibilityOptions,
): RecipeGaps {
  let gaps = NO_GAPS;
  for (let i = 0; i < recipe.length; i++) {
    const { spec, key } = recipe[i] as { spec: ColumnSpec; key: string };
    const value = text(cells.value(i));
    if (value === "") (gaps = opened(gaps)).missing.push(spec.name);
    else if (key === "code_version" && !isCodeVersion(value))
      (gaps = opened(gaps)).badShape.push({
        column: spec.name,
        value,
        message: `"${value}" does not pin the code: use the git commit (7 to 40 hex digits, \`git rev-parse HEAD\`) or a URL to it.`,
      });
    else if (key === "data_version" && !isDataVersion(value))
      (gaps = opened(gaps)).badShape.push({
        column: spec.name,
        value,
        message: `"${value}" does not pin the data: add its hash (e.g. dogs-cats@3f2a9c1, as \`dvc\` or \`sha256sum\` print it) or use a URL to that version.`,
      });
    else if (key === "environment" && options.knownEnvironments && !options.knownEnvironments.has(value))
      (gaps = opened(gaps)).badShape.push({
        column: spec.name,
        value,
        message: `The environment "${value}" is not on the Environments sheet: paste its pip freeze (or conda/R export) there, or fix the id.`,
      });
  }
  return gaps;
}

/** The not_reproducible issues of one run with these gaps, added to `issues`. */
function pushIssues(gaps: RecipeGaps, row: number, id: string, issues: ValidationIssue[]): void {
  const first = gaps.missing[0];
  if (first !== undefined) {
    const list = gaps.missing.join(", ");
    issues.push({
      row,
      column: first,
      code: "not_reproducible",
      severity: "warning",
      message: `Run ${id} finished but cannot be re-run: ${list} ${gaps.missing.length === 1 ? "is" : "are"} empty. Fill ${gaps.missing.length === 1 ? "it" : "them"} in while you still know.`,
      value: null,
    });
  }
  for (const bad of gaps.badShape) {
    issues.push({
      row,
      column: bad.column,
      code: "not_reproducible",
      severity: "warning",
      message: bad.message,
      value: bad.value,
    });
  }
}

/**
 * `not_reproducible` warnings for the finished runs whose recipe is incomplete or unpinned:
 * one per run for the missing columns (on the first of them), one per value of the wrong shape.
 */
export function reproducibilityIssues(
  runs: readonly Run[],
  schema: RunSchema,
  options: ReproducibilityOptions = {},
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const recipe = recipeOf(schema);
  if (recipe.length === 0) return issues;
  const status = schema.columns.find((c) => isStatusName(c.name));
  const cells = new ColumnCells(recipe);
  const statusCells = status ? new ColumnCells([{ spec: status }]) : null;
  for (const run of runs) {
    cells.run = run;
    if (statusCells) statusCells.run = run;
    checkRecipe(cells, statusCells, recipe, options, run.excelRow, run.id, issues);
  }
  return issues;
}

/** Adds to `issues` the not_reproducible issues of one run, when it finished (or has no status column). */
function checkRecipe(
  cells: RunCells,
  status: RunCells | null,
  recipe: readonly { spec: ColumnSpec; key: string }[],
  options: ReproducibilityOptions,
  row: number,
  id: string,
  issues: ValidationIssue[],
): void {
  if (status && !FINISHED.has(text(status.value(0)).toLowerCase())) return;
  const gaps = gapsOf(cells, recipe, options);
  if (gaps !== NO_GAPS) pushIssues(gaps, row, id, issues);
}

/**
 * The check of `reproducibilityIssues` run by validate on each run's cells as it reads them
 * (while they are still in the cache), with the same issues in the same order.
 */
export class RecipeCheck {
  private readonly recipe: { spec: ColumnSpec; key: string }[];
  private readonly cells: BlockCells;
  private readonly status: BlockCells | null;
  /** The issues so far, in run order. */
  readonly issues: ValidationIssue[] = [];

  /** @param position Where each column sits in a run's cells (validate's layout). */
  constructor(
    schema: RunSchema,
    position: ReadonlyMap<string, number>,
    private readonly options: ReproducibilityOptions = {},
  ) {
    this.recipe = recipeOf(schema);
    this.cells = new BlockCells(Int32Array.from(this.recipe, (r) => position.get(r.spec.name) ?? -1));
    const status = schema.columns.find((c) => isStatusName(c.name));
    this.status = status ? new BlockCells(Int32Array.of(position.get(status.name) ?? -1)) : null;
  }

  /** Checks one run: its cells from `base` in `block`; `id` "" for a run named by its row. */
  check(block: readonly RunValue[], base: number, excelRow: number, id: string): void {
    if (this.recipe.length === 0) return;
    if (this.status) {
      this.status.block = block;
      this.status.base = base;
    }
    this.cells.block = block;
    this.cells.base = base;
    checkRecipe(this.cells, this.status, this.recipe, this.options, excelRow, runName(id, excelRow), this.issues);
  }
}

/** How many finished runs of one experiment are reproducible. */
export interface ReproducibilityFigure {
  experiment: string;
  finished: number;
  reproducible: number;
  /** "4 of 6 runs reproducible". */
  text: string;
}

/**
 * The completeness figure per experiment (in order of first appearance), over finished runs:
 * a run counts when no recipe column is empty and every value has the right shape.
 */
export function reproducibilityByExperiment(
  runs: readonly Run[],
  schema: RunSchema,
  options: ReproducibilityOptions = {},
): ReproducibilityFigure[] {
  const expSpec = schema.columns.find((c) => isExperimentName(c.name));
  const figures = new Map<string, { finished: number; reproducible: number }>();
  for (const run of [...runs].sort((a, b) => a.excelRow - b.excelRow)) {
    if (!isFinishedRun(run, schema)) continue;
    const name = (expSpec ? text(valueOf(run, expSpec.name)) : "") || "all runs";
    const f = figures.get(name) ?? { finished: 0, reproducible: 0 };
    f.finished++;
    const gaps = recipeGaps(run, schema, options);
    if (gaps.missing.length === 0 && gaps.badShape.length === 0) f.reproducible++;
    figures.set(name, f);
  }
  return [...figures].map(([experiment, f]) => ({
    experiment,
    ...f,
    text: `${f.reproducible} of ${f.finished} run${f.finished === 1 ? "" : "s"} reproducible`,
  }));
}
