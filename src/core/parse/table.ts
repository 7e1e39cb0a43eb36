/**
 * Typing a raw table into rows of values, split into steps (`accumulate`, `decide`, `convert`)
 * so the chunked parser can yield between slices of rows. Column decisions need every cell of
 * the column first, hence two passes.
 */
import { setKey, type RawTable } from "./raw";
import type { ParseIssue, ParsedValue } from "./types";
import {
  cellShape,
  checkLength,
  convertCell,
  decideColumn,
  EXCEL_CELL_CHAR_LIMIT,
  newColumnStats,
  SHAPE_INDEX,
  SHAPES,
  type ColumnDecision,
  type ColumnStats,
} from "./column-typing";

export interface TypingState {
  raw: RawTable;
  stats: ColumnStats[];
  decisions: ColumnDecision[];
  rows: Record<string, ParsedValue>[];
  issues: ParseIssue[];
  missing: { count: number; firstLine: number }[];
  /** `line\u0000column` of cells already reported as non-finite, so they are not also "missing". */
  nonFinite: Set<string>;
  /** Shape of every text cell from pass 1 (index into SHAPES), so pass 2 does not classify again. */
  shapes: Uint8Array;
  /** Per column: lines and text of cells read with a decimal comma where the format does not use one. */
  commas: { lines: number[]; first: string }[];
}

/** Starts typing a raw table; nothing is converted yet. */
export function beginTyping(raw: RawTable): TypingState {
  return {
    raw,
    stats: raw.columns.map(() => newColumnStats()),
    decisions: [],
    rows: [],
    issues: [],
    missing: raw.columns.map(() => ({ count: 0, firstLine: 0 })),
    shapes: new Uint8Array(raw.textual ? raw.rows.length * raw.columns.length : 0),
    commas: raw.columns.map(() => ({ lines: [], first: "" })),
    nonFinite: new Set(raw.issues.filter(isNotFiniteIssue).map((i) => `${i.line}\u0000${i.column ?? ""}`)),
  };
}

/** Pass 1 over rows [from, to): counts cell shapes per column. */
export function accumulate(state: TypingState, from: number, to: number): void {
  if (!state.raw.textual) return;
  const { rows } = state.raw;
  const width = state.stats.length;
  for (let r = from; r < to; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = 0; c < width; c++) {
      const v = row[c];
      const stats = state.stats[c];
      if (typeof v === "string" && stats) {
        const shape = cellShape(v);
        stats.counts[shape]++;
        state.shapes[r * width + c] = SHAPE_INDEX[shape];
      }
    }
  }
}

/** Fixes each column's reading once every row has been counted. */
export function decide(state: TypingState): void {
  state.decisions = state.stats.map((s) =>
    state.raw.textual ? decideColumn(s, state.raw.commaHint) : { kind: "text", comma: state.raw.commaHint },
  );
}

/**
 * An object with every column set to null, in column order, for rows to copy. V8 turns an
 * object grown key by key past a dozen keys into a slow dictionary, while JSON.parse builds
 * one with its keys in place: copies of it are fast objects, several times cheaper to make and
 * to read. JSON also keeps `__proto__` an own key, as `setKey` does.
 */
export function rowTemplate(columns: readonly string[]): Record<string, ParsedValue> {
  return JSON.parse(`{${columns.map((c) => `${JSON.stringify(c)}:null`).join(",")}}`) as Record<string, ParsedValue>;
}

/** Pass 2 over rows [from, to): converts text cells and collects cell issues. */
export function convert(state: TypingState, from: number, to: number): void {
  const { rows, columns, rowLines, textual } = state.raw;
  const template = rowTemplate(columns);
  if (!textual) {
    convertParsed(state, from, to, template);
    return;
  }
  const width = columns.length;
  const plain = SHAPE_INDEX.plain;
  const decimalComma = SHAPE_INDEX.decimalComma;
  const ambiguousComma = SHAPE_INDEX.ambiguousComma;
  // Semicolon files write decimal commas by convention; elsewhere (comma CSV, Trainer lines) one is worth a look.
  const commaIsUnusual = state.raw.commaHint !== "decimalComma";
  for (let r = from; r < to; r++) {
    const row = rows[r];
    if (!row) continue;
    const line = rowLines[r] ?? 1;
    const out: Record<string, ParsedValue> = { ...template };
    const ctx = { line, column: "", issues: state.issues };
    for (let c = 0; c < width; c++) {
      const column = columns[c] ?? "";
      const v = row[c] ?? null;
      const decision = state.decisions[c] ?? { kind: "text", comma: "thousands" };
      let value: ParsedValue;
      const before = state.issues.length;
      if (typeof v === "string") {
        const shapeIndex = state.shapes[r * width + c] ?? 0;
        // Fast path: a plain number in a numeric column needs no further checks.
        if (shapeIndex === plain && decision.kind === "number" && !v.endsWith("%")) value = Number(v);
        else {
          ctx.column = column;
          value = convertCell(v, decision, ctx, SHAPES[shapeIndex]);
          if (
            commaIsUnusual &&
            typeof value === "number" &&
            decision.comma === "decimalComma" &&
            (shapeIndex === decimalComma || shapeIndex === ambiguousComma)
          ) {
            const seen = state.commas[c];
            if (seen) {
              if (seen.lines.length === 0) seen.first = v.trim();
              seen.lines.push(line);
            }
          }
        }
      } else value = v;
      if (value === null) {
        if (state.issues.length > before && isNotFiniteIssue(state.issues[state.issues.length - 1]))
          state.nonFinite.add(`${line}\u0000${column}`);
        if (state.nonFinite.size === 0 || !state.nonFinite.has(`${line}\u0000${column}`)) {
          const m = state.missing[c];
          if (m) {
            if (m.count === 0) m.firstLine = line;
            m.count++;
          }
        }
      }
      setKey(out, column, value);
    }
    state.rows.push(out);
  }
}

/**
 * Pass 2 for values a parser already typed (JSON, Python dicts): cells are kept as they are, text
 * is only checked for length, and missing cells are counted as in `convert`. One context serves
 * every row because issues copy its fields.
 */
function convertParsed(state: TypingState, from: number, to: number, template: Record<string, ParsedValue>): void {
  const { rows, columns, rowLines } = state.raw;
  const width = columns.length;
  const ctx = { line: 1, column: "", issues: state.issues };
  for (let r = from; r < to; r++) {
    const row = rows[r];
    if (!row) continue;
    const line = rowLines[r] ?? 1;
    const out: Record<string, ParsedValue> = { ...template };
    for (let c = 0; c < width; c++) {
      const column = columns[c] ?? "";
      const v = row[c] ?? null;
      if (typeof v === "string") {
        if (v.length > EXCEL_CELL_CHAR_LIMIT) {
          ctx.line = line;
          ctx.column = column;
          checkLength(v, ctx);
        }
      } else if (v === null && (state.nonFinite.size === 0 || !state.nonFinite.has(`${line}\u0000${column}`))) {
        const m = state.missing[c];
        if (m) {
          if (m.count === 0) m.firstLine = line;
          m.count++;
        }
      }
      setKey(out, column, v);
    }
    state.rows.push(out);
  }
}

/**
 * Ends typing: one aggregated warning per numeric column with missing values (a warning per
 * cell would drown sparse logs), skipped for step logs where gaps are expected.
 */
export function finishTyping(state: TypingState): { rows: Record<string, ParsedValue>[]; issues: ParseIssue[] } {
  if (!state.raw.stepLog) {
    state.raw.columns.forEach((column, c) => {
      const m = state.missing[c];
      const d = state.decisions[c];
      const numeric = !state.raw.textual || d?.kind === "number";
      if (!m || m.count === 0 || !numeric || column === "") return;
      const allMissing = m.count === state.raw.rows.length;
      if (!state.raw.textual && !allMissing && !columnHasNumber(state, column)) return;
      state.issues.push(missingIssue(column, m.count, m.firstLine));
    });
  }
  state.raw.columns.forEach((column, c) => {
    const seen = state.commas[c];
    if (seen && seen.lines.length > 0) state.issues.push(decimalCommaIssue(column, seen.lines, seen.first, state));
  });
  return { rows: state.rows, issues: [...state.raw.issues, ...state.issues] };
}

/** The one warning for a numeric column with `count` missing values, the first on `firstLine`. */
export function missingIssue(column: string, count: number, firstLine: number): ParseIssue {
  return {
    line: firstLine,
    column,
    code: "missing",
    severity: "warning",
    message:
      count === 1
        ? `Column "${column}" has no value on line ${firstLine}; it stays empty (not 0).`
        : `Column "${column}" has no value on ${count} rows (first on line ${firstLine}); they stay empty (not 0).`,
  };
}

/** Lines listed in a message before "and N more". */
const LISTED_LINES = 5;

/**
 * One warning per column for numbers written with a decimal comma in a format that does not use
 * one (a comma CSV, Trainer lines): the column reads them as decimals (`0,91` is 0.91, as Check
 * and Log run read them), and the warning names the lines so a typo can be checked.
 */
function decimalCommaIssue(column: string, lines: readonly number[], first: string, state: TypingState): ParseIssue {
  const firstLine = lines[0] ?? 1;
  const value = state.rows.find((_, r) => (state.raw.rowLines[r] ?? 0) === firstLine)?.[column];
  const read = typeof value === "number" ? ` as ${value}` : "";
  const shown = lines.slice(0, LISTED_LINES).join(", ");
  const more = lines.length > LISTED_LINES ? ` and ${lines.length - LISTED_LINES} more` : "";
  return {
    line: firstLine,
    column,
    code: "decimal_comma",
    severity: "warning",
    message:
      lines.length === 1
        ? `"${first}" in column "${column}" on line ${firstLine} is written with a decimal comma; it was read${read}.`
        : `Column "${column}" has ${lines.length} numbers written with a decimal comma (lines ${shown}${more}); "${first}" was read${read}.`,
    fix: "Check the value; write numbers with a dot (0.91) so every tool reads them the same.",
  };
}

/** NaN and overflowing numbers are reported once as such, not also as missing. */
function isNotFiniteIssue(issue: ParseIssue | undefined): boolean {
  return issue?.code === "non_finite" || issue?.code === "number_out_of_range";
}

function columnHasNumber(state: TypingState, column: string): boolean {
  return state.rows.some((r) => typeof r[column] === "number");
}
