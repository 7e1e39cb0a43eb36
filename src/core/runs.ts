/**
 * Structured runs: what validation hands to best/compare/report. Values are typed by the schema
 * (numbers for integer/number/percent/duration, booleans, ISO strings for dates), and every run
 * knows the Excel row it came from so issues and results point at what the user sees.
 */
import type { ColumnSpec, RunSchema } from "./schema-types";

/** A typed cell value: `null` when the cell is empty or invalid (never 0 in its place). */
export type RunValue = string | number | boolean | null;

export interface Run {
  /** The 1-based Excel row number the run sits on (sheet-relative, header row included). */
  excelRow: number;
  /** The id column's value as text, or `row N` when the schema has no id column or it is empty. */
  id: string;
  /** Values keyed by column name, typed by the schema. */
  values: Record<string, RunValue>;
  /**
   * Why a value is null although the cell was not empty (e.g. `accuracy is #DIV/0!`), keyed by
   * column name; best() uses it to explain exclusions.
   */
  invalid: Record<string, string>;
  /** Canonical text of the run's params (role `param`, excluding `seed`): equal keys = same configuration. */
  configKey: string;
  /** Index (0-based, in order of first appearance) of the configuration this run replicates. */
  replicateGroup: number;
}

/** Column names that never make a configuration different: the replicate axis. */
export const REPLICATE_COLUMNS: ReadonlySet<string> = new Set(["seed", "random_seed", "rng_seed"]);

/**
 * The columns that define a configuration: params and data (role `param` or `data`), not a seed.
 * Data belongs in it: the same model trained on another dataset or sample size is a different
 * experiment, not a replicate, and averaging the two would hide exactly what changed.
 */
export function configColumns(schema: RunSchema): ColumnSpec[] {
  return schema.columns.filter(
    (c) => (c.role === "param" || c.role === "data") && !REPLICATE_COLUMNS.has(c.name.toLowerCase()),
  );
}

/**
 * Canonical configuration key of a run's values over the given columns. JSON keeps numbers,
 * strings and booleans distinct ("1" vs 1), and the fixed column order makes keys comparable.
 */
export function configKeyOf(values: Record<string, RunValue>, columns: readonly string[]): string {
  const parts: RunValue[] = [];
  for (const name of columns) parts.push(values[name] ?? null);
  return JSON.stringify(parts);
}

/**
 * Where each schema column sits in a compact run's cells, shared by every run of one validation.
 * Built once per validate() call.
 */
export class RunLayout {
  /** Schema column names, in schema order (the order of `CompactRun.cells`). */
  readonly names: readonly string[];
  /** Position of each column name in `names`. */
  readonly position: ReadonlyMap<string, number>;
  /** Positions of the configuration columns (configColumns order). */
  readonly configPositions: readonly number[];
  /** Number of columns: the cells one run takes in a block. */
  readonly width: number;
  /** An object with every column set to null, whose shape every run's values object copies. */
  private readonly template: Record<string, RunValue>;

  constructor(schema: RunSchema) {
    this.names = schema.columns.map((c) => c.name);
    this.width = this.names.length;
    const position = new Map<string, number>();
    // A name given twice holds what its last column holds, as when values were written by name.
    this.names.forEach((n, i) => position.set(n, i));
    this.position = position;
    this.configPositions = configColumns(schema).map((c) => position.get(c.name) ?? -1);
    this.template = {};
    // Each field written with a number and a string before null, so the shape already holds any
    // value: otherwise the first number stored changes the shape and every copy migrates.
    for (const n of this.names) this.template[n] = 0.5;
    for (const n of this.names) this.template[n] = "";
    for (const n of this.names) this.template[n] = null;
  }

  /** A new values object (column name -> value) for the cells of one run, from `offset` in `block`. */
  valuesOf(block: readonly RunValue[], offset: number): Record<string, RunValue> {
    const values: Record<string, RunValue> = { ...this.template };
    const names = this.names;
    for (let i = 0; i < names.length; i++) values[names[i] ?? ""] = block[offset + i] ?? null;
    return values;
  }
}

/**
 * A run as validation builds it: its typed values sit in a shared block of cells (rows of the
 * layout's width, side by side), so a million-row sheet costs one small object per run and no
 * per-run array. `values` and `configKey` are built the first time someone reads them (then
 * kept); best() reads the cells directly. Treat `values` as read-only: the cells stay what
 * validation found.
 */
export class CompactRun implements Run {
  private valuesCache: Record<string, RunValue> | undefined = undefined;
  private keyCache: string | undefined = undefined;

  constructor(
    readonly excelRow: number,
    readonly id: string,
    readonly invalid: Record<string, string>,
    readonly replicateGroup: number,
    /** The block holding this run's cells, from `offset` on, in the layout's column order. */
    readonly block: readonly RunValue[],
    readonly offset: number,
    readonly layout: RunLayout,
  ) {}

  /** The value of the column at `position` in the layout (schema order). */
  cell(position: number): RunValue {
    return this.block[this.offset + position] ?? null;
  }

  get values(): Record<string, RunValue> {
    if (this.valuesCache === undefined) this.valuesCache = this.layout.valuesOf(this.block, this.offset);
    return this.valuesCache;
  }

  get configKey(): string {
    if (this.keyCache === undefined) {
      const parts: RunValue[] = [];
      for (const p of this.layout.configPositions) parts.push(this.cell(p));
      this.keyCache = JSON.stringify(parts);
    }
    return this.keyCache;
  }
}

/**
 * One value of a run by column name, without building its values object when the run came from
 * validate() (checks that read a few columns of every run stay as cheap as the cells).
 */
export function valueOf(run: Run, name: string): RunValue {
  if (run instanceof CompactRun) {
    const position = run.layout.position.get(name);
    return position === undefined ? null : run.cell(position);
  }
  return run.values[name] ?? null;
}
