/**
 * A schema column compiled once into a checker for the common, clean cell: a finite number in
 * range for a numeric column, clean text matching the pattern, one of the choices, a boolean, or
 * an empty optional cell. Anything else is left to coerceCell, which builds the issue with its
 * sentence and fix, so the messages stay exactly those of coerceCell. Compiling hoists every
 * per-column decision (type, bounds, choice set, pattern) out of the per-cell loop.
 */
import { columnReader, MAX_CELL_TEXT, type ColumnReader } from "./coerce";
import type { CellValue } from "./grid";
import type { RunValue } from "./runs";
import type { ColumnSpec } from "./schema-types";

/** Kinds of fast check; OTHER never has a fast answer (dates, durations, links go to coerceCell). */
export const enum CheckKind {
  NUMBER = 0,
  INTEGER = 1,
  TEXT = 2,
  CHOICE = 3,
  BOOLEAN = 4,
  OTHER = 5,
}

/** Returned by checkFast when the cell needs coerceCell. */
export const NEEDS_COERCE: unique symbol = Symbol("needs coerce");

/** One schema column, compiled. */
export interface ColumnCheck {
  /** Position in the schema (and in a compact run's cells). */
  position: number;
  /** Index of the sheet column holding it, -1 when the sheet has no such column. */
  index: number;
  name: string;
  kind: CheckKind;
  required: boolean;
  min: number;
  max: number;
  /** Choices a cell may equal exactly (blank and `#...` choices excluded: coerceCell decides those). */
  choices: ReadonlySet<string> | null;
  pattern: RegExp | null;
  /** For coerceCell, on the slow path. */
  reader: ColumnReader;
}

function kindOf(spec: ColumnSpec): CheckKind {
  switch (spec.type) {
    case "number":
    case "percent":
      return CheckKind.NUMBER;
    case "integer":
      return CheckKind.INTEGER;
    case "text":
      return CheckKind.TEXT;
    case "choice":
      // A choice column without choices is read as text (see coerceCell).
      return spec.choices && spec.choices.length > 0 ? CheckKind.CHOICE : CheckKind.TEXT;
    case "boolean":
      return CheckKind.BOOLEAN;
    default:
      return CheckKind.OTHER;
  }
}

/** Compiles one column; `index` is its sheet column (-1 when absent). */
export function compileColumn(spec: ColumnSpec, position: number, index: number): ColumnCheck {
  const reader = columnReader(spec);
  const kind = kindOf(spec);
  let choices: Set<string> | null = null;
  if (kind === CheckKind.CHOICE) {
    choices = new Set();
    for (const c of spec.choices ?? []) if (c.trim() !== "" && c.charCodeAt(0) !== 35) choices.add(c);
  }
  return {
    position,
    index,
    name: spec.name,
    kind,
    required: spec.required === true,
    min: spec.min ?? -Infinity,
    max: spec.max ?? Infinity,
    choices,
    pattern: reader.pattern,
    reader,
  };
}

/** True for a printable ASCII character other than space: trim() never removes it. */
function plainEnd(code: number): boolean {
  return code > 32 && code < 127;
}

/** Text coerceCell keeps as it is (nothing to trim, not `#...`), before its pattern test. */
function untrimmedText(s: string): boolean {
  if (s.length > MAX_CELL_TEXT || s.charCodeAt(0) === 35) return false;
  // Both ends printable ASCII: nothing to trim, without building the trimmed copy.
  return (plainEnd(s.charCodeAt(0)) && plainEnd(s.charCodeAt(s.length - 1))) || s.trim() === s;
}

/**
 * The typed value of a clean cell, or NEEDS_COERCE. Same value as coerceCell gives for every
 * cell it answers (and coerceCell would raise no issue for it); `undefined` means an empty
 * optional cell (null value, and the cell does not make the row a run).
 */
export function checkFast(raw: CellValue | undefined, c: ColumnCheck): RunValue | undefined | typeof NEEDS_COERCE {
  if (raw === "" || raw === null || raw === undefined) return c.required ? NEEDS_COERCE : undefined;
  switch (c.kind) {
    case CheckKind.NUMBER:
      return typeof raw === "number" && raw - raw === 0 && raw >= c.min && raw <= c.max ? raw : NEEDS_COERCE;
    case CheckKind.INTEGER:
      return typeof raw === "number" && Number.isInteger(raw) && raw >= c.min && raw <= c.max ? raw : NEEDS_COERCE;
    case CheckKind.TEXT:
      return typeof raw === "string" && untrimmedText(raw) && (c.pattern === null || c.pattern.test(raw))
        ? raw
        : NEEDS_COERCE;
    case CheckKind.CHOICE:
      return typeof raw === "string" && c.choices?.has(raw) === true && (c.pattern === null || c.pattern.test(raw))
        ? raw
        : NEEDS_COERCE;
    case CheckKind.BOOLEAN:
      return typeof raw === "boolean" ? raw : NEEDS_COERCE;
    default:
      return NEEDS_COERCE;
  }
}

/** Choice lists up to this long are scanned with `===` (cheaper than hashing the cell's text). */
const SCAN_CHOICES = 16;

/** The columns of one kind, in typed arrays: sheet index, schema position, required. */
class KindColumns {
  readonly index: Int32Array;
  readonly position: Int32Array;
  readonly required: Uint8Array;
  constructor(readonly checks: readonly ColumnCheck[]) {
    this.index = Int32Array.from(checks, (c) => c.index);
    this.position = Int32Array.from(checks, (c) => c.position);
    this.required = Uint8Array.from(checks, (c) => (c.required ? 1 : 0));
  }
}

/**
 * All columns of a schema compiled for the row loop: grouped by kind, with bounds, choices and
 * patterns in arrays, so a clean cell costs a load, a type test and its comparisons, with no
 * per-cell dispatch. `fill` gives every cell exactly checkFast's answer; the cells it leaves to
 * coerceCell are listed in schema order, so issues keep the order of a column-by-column pass.
 */
export class RowChecker {
  private readonly numbers: KindColumns;
  private readonly min: Float64Array;
  private readonly max: Float64Array;
  private readonly integer: Uint8Array;
  private readonly texts: KindColumns;
  private readonly textPattern: (RegExp | null)[];
  private readonly choices: KindColumns;
  private readonly choiceList: (readonly string[] | null)[];
  private readonly choiceSet: (ReadonlySet<string> | null)[];
  private readonly choicePattern: (RegExp | null)[];
  private readonly booleans: KindColumns;
  private readonly others: KindColumns;
  private readonly absent: Int32Array;
  /** Schema positions of the last filled row's cells that need coerceCell: the first `slowCount`, ascending. */
  readonly slow: Int32Array;
  slowCount = 0;
  /** True when the last filled row has a value in a column of the schema (empty optional cells do not count). */
  anyMapped = false;

  constructor(checks: readonly ColumnCheck[]) {
    const of = (kinds: readonly CheckKind[]) => checks.filter((c) => c.index >= 0 && kinds.includes(c.kind));
    this.numbers = new KindColumns(of([CheckKind.NUMBER, CheckKind.INTEGER]));
    this.min = Float64Array.from(this.numbers.checks, (c) => c.min);
    this.max = Float64Array.from(this.numbers.checks, (c) => c.max);
    this.integer = Uint8Array.from(this.numbers.checks, (c) => (c.kind === CheckKind.INTEGER ? 1 : 0));
    this.texts = new KindColumns(of([CheckKind.TEXT]));
    this.textPattern = this.texts.checks.map((c) => c.pattern);
    this.choices = new KindColumns(of([CheckKind.CHOICE]));
    this.choiceList = this.choices.checks.map((c) =>
      c.choices && c.choices.size <= SCAN_CHOICES ? [...c.choices] : null,
    );
    this.choiceSet = this.choices.checks.map((c) => (c.choices && c.choices.size > SCAN_CHOICES ? c.choices : null));
    this.choicePattern = this.choices.checks.map((c) => c.pattern);
    this.booleans = new KindColumns(of([CheckKind.BOOLEAN]));
    this.others = new KindColumns(of([CheckKind.OTHER]));
    this.absent = Int32Array.from(
      checks.filter((c) => c.index < 0),
      (c) => c.position,
    );
    this.slow = new Int32Array(Math.max(1, checks.length));
  }

  /**
   * Writes the typed value of every clean cell of `row` into `cells` from `base` (schema order),
   * null for empty optional and absent cells, and lists the others in `slow` (their cells are
   * left for the caller).
   */
  fill(row: readonly CellValue[], cells: RunValue[], base: number): void {
    this.slowCount = 0;
    this.anyMapped = false;
    const absent = this.absent;
    for (let j = 0; j < absent.length; j++) cells[base + (absent[j] as number)] = null;

    const num = this.numbers;
    for (let j = 0; j < num.index.length; j++) {
      const raw = row[num.index[j] as number];
      const at = base + (num.position[j] as number);
      if (
        typeof raw === "number" &&
        raw - raw === 0 &&
        raw >= (this.min[j] as number) &&
        raw <= (this.max[j] as number) &&
        (this.integer[j] === 0 || Number.isInteger(raw))
      ) {
        cells[at] = raw;
        this.anyMapped = true;
      } else this.emptyOrSlow(raw, num, j, cells, at);
    }

    const text = this.texts;
    for (let j = 0; j < text.index.length; j++) {
      const raw = row[text.index[j] as number];
      const at = base + (text.position[j] as number);
      const pattern = this.textPattern[j] ?? null;
      if (typeof raw === "string" && raw !== "" && untrimmedText(raw) && (pattern === null || pattern.test(raw))) {
        cells[at] = raw;
        this.anyMapped = true;
      } else this.emptyOrSlow(raw, text, j, cells, at);
    }

    const choice = this.choices;
    for (let j = 0; j < choice.index.length; j++) {
      const raw = row[choice.index[j] as number];
      const at = base + (choice.position[j] as number);
      const pattern = this.choicePattern[j] ?? null;
      if (typeof raw === "string" && this.isChoice(j, raw) && (pattern === null || pattern.test(raw))) {
        cells[at] = raw;
        this.anyMapped = true;
      } else this.emptyOrSlow(raw, choice, j, cells, at);
    }

    const bool = this.booleans;
    for (let j = 0; j < bool.index.length; j++) {
      const raw = row[bool.index[j] as number];
      const at = base + (bool.position[j] as number);
      if (typeof raw === "boolean") {
        cells[at] = raw;
        this.anyMapped = true;
      } else this.emptyOrSlow(raw, bool, j, cells, at);
    }

    const other = this.others;
    for (let j = 0; j < other.index.length; j++)
      this.emptyOrSlow(row[other.index[j] as number], other, j, cells, base + (other.position[j] as number));

    if (this.slowCount > 1) sortAscending(this.slow, this.slowCount);
  }

  private isChoice(j: number, raw: string): boolean {
    const list = this.choiceList[j];
    if (list) {
      for (let i = 0; i < list.length; i++) if (list[i] === raw) return true;
      return false;
    }
    return this.choiceSet[j]?.has(raw) === true;
  }

  /** An empty optional cell is null; anything else goes to the slow list. */
  private emptyOrSlow(raw: CellValue | undefined, kind: KindColumns, j: number, cells: RunValue[], at: number): void {
    if ((raw === "" || raw === null || raw === undefined) && kind.required[j] === 0) cells[at] = null;
    else this.slow[this.slowCount++] = kind.position[j] as number;
  }
}

/** Insertion sort of the first `n` entries (a row has few slow cells). */
function sortAscending(a: Int32Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const v = a[i] as number;
    let k = i - 1;
    while (k >= 0 && (a[k] as number) > v) {
      a[k + 1] = a[k] as number;
      k--;
    }
    a[k + 1] = v;
  }
}
