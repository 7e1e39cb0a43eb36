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

/** Text coerceCell keeps as it is (nothing to trim, not `#...`), before its pattern test. */
function untrimmedText(s: string): boolean {
  return s.length <= MAX_CELL_TEXT && s.charCodeAt(0) !== 35 && s.trim() === s;
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
