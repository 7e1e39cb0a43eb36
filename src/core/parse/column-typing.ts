/**
 * Turning pasted text cells into typed values, one column at a time. A column's number style
 * (`1,000` thousands vs `0,91` decimal comma) is decided from all of its cells, so one
 * column never mixes the two readings. Missing and non-finite values become `null`, never 0.
 */
import {
  digitsValue,
  fromPercent,
  isMissingWord,
  isNonFiniteWord,
  losesDigits,
  mostlyNumbers,
  numberBody,
  numberShape,
  percentBody,
  type CommaStyle,
} from "../number-text";
import type { ParseIssue, ParsedValue } from "./types";

/** Excel's maximum number of characters in one cell. */
export const EXCEL_CELL_CHAR_LIMIT = 32_767;

/** How one text cell looks on its own, before the column is considered. */
export type CellShape =
  | "empty"
  | "missing"
  | "nonfinite"
  | "outOfRange"
  | "plain"
  | "leadingZero"
  | "thousands"
  | "decimalComma"
  | "ambiguousComma"
  | "ambiguousDot"
  | "bool"
  | "text";

const BOOL = /^(?:true|false)$/i;

/** Shapes by index, so pass 1 can cache one byte per cell for pass 2. */
export const SHAPES: readonly CellShape[] = [
  "empty",
  "missing",
  "nonfinite",
  "outOfRange",
  "plain",
  "leadingZero",
  "thousands",
  "decimalComma",
  "ambiguousComma",
  "ambiguousDot",
  "bool",
  "text",
];
export const SHAPE_INDEX: Readonly<Record<CellShape, number>> = Object.fromEntries(
  SHAPES.map((s, i) => [s, i]),
) as Record<CellShape, number>;

/**
 * The digits' shape, `outOfRange` when they overflow a double (only exponents and very long
 * digits can), or `text` for an integer a double cannot hold exactly (an id of 19 digits).
 */
function digitsShape(body: string): CellShape | null {
  const shape = numberShape(body);
  if (shape === null) return null;
  if (losesDigits(body, shape)) return "text";
  if (
    (body.length > 300 || body.includes("e") || body.includes("E")) &&
    !Number.isFinite(digitsValue(body, shape, "thousands"))
  )
    return "outOfRange";
  return shape;
}

/** Classifies one text cell (trimmed here) without looking at its column. */
export function cellShape(text: string): CellShape {
  const t =
    text.length > 0 && (text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32 || text.includes("\u00a0"))
      ? numberBody(text)
      : text;
  if (t === "") return "empty";
  const direct = digitsShape(t);
  if (direct) return direct;
  const pct = percentBody(t);
  if (pct !== null) {
    const inner = digitsShape(pct);
    if (inner) return inner;
  }
  // NaN is also a missing word, but it gets its own warning: it usually means training diverged.
  if (isNonFiniteWord(t)) return "nonfinite";
  if (isMissingWord(t)) return "missing";
  if (BOOL.test(t)) return "bool";
  return "text";
}

/** Running counts of cell shapes for one column; filled chunk by chunk. */
export interface ColumnStats {
  counts: Record<CellShape, number>;
}

export function newColumnStats(): ColumnStats {
  return {
    counts: {
      empty: 0,
      missing: 0,
      nonfinite: 0,
      outOfRange: 0,
      plain: 0,
      leadingZero: 0,
      thousands: 0,
      decimalComma: 0,
      ambiguousComma: 0,
      ambiguousDot: 0,
      bool: 0,
      text: 0,
    },
  };
}

export type ColumnKind = "number" | "boolean" | "text" | "empty";
export type { CommaStyle };

/** The reading chosen for a whole column. */
export interface ColumnDecision {
  kind: ColumnKind;
  comma: CommaStyle;
  /** `1.000` means one thousand: decimal-comma column without any plain dotted decimal. */
  dotThousands?: boolean;
}

/**
 * Chooses a column's kind and comma style from its counts. A column is numeric when every
 * filled cell is a number, or when numbers dominate (at least 3 numbers, at most a third text): the
 * stray text cells are then reported as errors rather than silently turning the column into text.
 * Ambiguous `1,000` cells follow the definite ones; with none, `commaHint` decides (decimal comma
 * for semicolon-separated files, as European Excel writes them).
 */
export function decideColumn(stats: ColumnStats, commaHint: CommaStyle): ColumnDecision {
  const c = stats.counts;
  const numeric = c.plain + c.thousands + c.decimalComma + c.ambiguousComma + c.ambiguousDot + c.outOfRange;
  let comma: CommaStyle = commaHint;
  if (c.decimalComma > c.thousands) comma = "decimalComma";
  else if (c.thousands > c.decimalComma) comma = "thousands";
  // `007` is an identifier unless the rest of its column is numeric.
  const filled = numeric + c.bool + c.text + c.leadingZero;
  if (filled === 0) return { kind: c.nonfinite > 0 ? "number" : "empty", comma };
  if (c.bool === filled) return { kind: "boolean", comma };
  const strays = c.text + c.bool + c.leadingZero;
  if (strays === 0 || mostlyNumbers(numeric, filled)) {
    // Only a column with no dotted decimal (other than 1.000-style) reads the dot as thousands.
    return comma === "decimalComma" && c.ambiguousDot > 0 && c.plain === 0
      ? { kind: "number", comma, dotThousands: true }
      : { kind: "number", comma };
  }
  return { kind: "text", comma };
}

/** Reads a numeric text cell under the column's comma style; percent strings become fractions (`91%` -> 0.91). */
export function readNumber(text: string, comma: CommaStyle, dotThousands = false, known?: CellShape): number | null {
  const t = numberBody(text);
  const pct = percentBody(t);
  const body = pct ?? t;
  const shape = known ?? cellShape(body);
  if (
    shape !== "plain" &&
    shape !== "leadingZero" &&
    shape !== "thousands" &&
    shape !== "decimalComma" &&
    shape !== "ambiguousComma" &&
    shape !== "ambiguousDot"
  )
    return null;
  const n = digitsValue(body, shape, comma, dotThousands);
  if (!Number.isFinite(n)) return null;
  return pct === null ? n : fromPercent(n);
}

/** Context for converting one cell, so issues can point at the line and column. */
export interface CellContext {
  line: number;
  column: string;
  issues: ParseIssue[];
}

/**
 * Converts one text cell under its column's decision. Non-finite values and stray text in a
 * numeric column are reported; the value is kept (text) or `null` (non-finite), never 0.
 */
export function convertCell(text: string, decision: ColumnDecision, ctx: CellContext, known?: CellShape): ParsedValue {
  const t = text.trim();
  const shape = known ?? cellShape(t);
  if (shape === "empty") return null;
  if (shape === "nonfinite") {
    ctx.issues.push(nonFiniteIssue(t, ctx.line, ctx.column));
    return null;
  }
  if (shape === "outOfRange") {
    ctx.issues.push(outOfRangeIssue(t, ctx.line, ctx.column));
    return null;
  }
  if (decision.kind === "text") return checkLength(t, ctx);
  if (shape === "missing") return null;
  if (decision.kind === "boolean") return t.toLowerCase() === "true";
  const n = readNumber(t, decision.comma, decision.dotThousands === true, shape);
  if (n !== null) return n;
  ctx.issues.push({
    line: ctx.line,
    column: ctx.column,
    code: "wrong_type",
    severity: "error",
    message: `"${preview(t)}" in column "${ctx.column}" is not a number, but the other values of this column are.`,
    fix: `Type the number (for example 0.91), or leave the cell empty if the value is missing.`,
  });
  return checkLength(t, ctx);
}

/** The warning for a NaN/inf value: kept as missing, never as 0. */
export function nonFiniteIssue(token: string, line: number, column: string): ParseIssue {
  return {
    line,
    column,
    code: "non_finite",
    severity: "warning",
    message: `"${preview(token)}" in column "${column}" is not a finite number; it is kept as a missing value (not 0).`,
    fix: "Check the run: a NaN or infinite metric usually means training diverged.",
  };
}

/** The warning for a number beyond the double range (`1e309`): kept as missing, never as infinity or 0. */
export function outOfRangeIssue(token: string, line: number, column: string): ParseIssue {
  return {
    line,
    column,
    code: "number_out_of_range",
    severity: "warning",
    message: `"${preview(token)}" in column "${column}" is beyond the largest number Excel and JavaScript can hold (about 1.8e308); it is kept as a missing value.`,
    fix: "Check the value: a number this large usually means an overflow in the script.",
  };
}

/** Reports (without truncating) a text longer than Excel accepts in one cell. */
export function checkLength(text: string, ctx: CellContext): string {
  if (text.length > EXCEL_CELL_CHAR_LIMIT) {
    ctx.issues.push({
      line: ctx.line,
      column: ctx.column,
      code: "text_too_long",
      severity: "error",
      message: `The value in column "${ctx.column}" has ${text.length.toLocaleString("en-US")} characters; an Excel cell holds at most 32,767.`,
      fix: "Shorten the text or store it in a file and paste its path instead.",
    });
  }
  return text;
}

/** The first characters of a value, for messages. */
export function preview(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
