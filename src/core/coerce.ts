/**
 * Reading one cell against its column spec: the typed value, or the issue with a sentence a
 * non-programmer understands and, where it is safe, the fix. Used by validate for every cell.
 */
import { isBlank, type CellValue } from "./grid";
import type { RunValue } from "./runs";
import type { ColumnSpec, ColumnType, IssueCode, Severity } from "./schema-types";
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

/** Where cells come from: Excel keeps types, text files (CSV/TSV) have none, so plain numbers in text are normal there. */
export type CellSource = "excel" | "text";

/** A problem with one cell (row and column are added by the caller). */
export interface CellIssue {
  code: IssueCode;
  severity: Severity;
  message: string;
  fix?: string | number | boolean;
}

/** The outcome of reading a cell: its typed value (null when empty or invalid) and at most one issue. */
export interface Coerced {
  value: RunValue;
  issue?: CellIssue;
  /** Short reason the value is null although the cell was not empty (for best()'s exclusions). */
  invalid?: string;
}

const NUMERIC_TYPES: ReadonlySet<ColumnType> = new Set<ColumnType>(["integer", "number", "percent", "duration"]);

/** True for column types whose values are numbers (what a metric or a scatter axis needs). */
export function isNumericType(type: ColumnType): boolean {
  return NUMERIC_TYPES.has(type);
}

/** Excel's limit on characters in a cell. */
export const MAX_CELL_TEXT = 32_767;

const EMPTY: Coerced = { value: null };
/** Text Excel would read as a formula when written to a cell. */
const FORMULA_START = /^[=+\-@]/;

function show(value: CellValue): string {
  if (typeof value === "string") return `"${value.length > 60 ? value.slice(0, 57) + "..." : value}"`;
  return String(value);
}

function typeWord(spec: ColumnSpec): string {
  switch (spec.type) {
    case "integer":
      return "a whole number";
    case "number":
      return "a number";
    case "percent":
      return "a percentage";
    case "boolean":
      return "TRUE or FALSE";
    case "date":
      return "a date";
    case "datetime":
      return "a date and time";
    case "url":
      return "a link (https://...)";
    case "duration":
      return "a duration (seconds, 1:30:00 or 1h 30m)";
    case "choice":
      return "one of the listed choices";
    case "text":
      return "text";
  }
}

function bad(code: IssueCode, message: string, invalid: string, severity: Severity = "error"): Coerced {
  return { value: null, issue: { code, severity, message }, invalid };
}

function checkRange(spec: ColumnSpec, n: number, shown: string): CellIssue | undefined {
  if (spec.min !== undefined && n < spec.min) {
    return {
      code: "out_of_range",
      severity: "error",
      message: `${spec.name} is ${shown} but must be at least ${spec.min}: check the value.`,
    };
  }
  if (spec.max !== undefined && n > spec.max) {
    const hint =
      spec.type === "percent" || (spec.max === 1 && n <= 100) ? ` (write ${n / 100} or ${n}% for a percentage)` : "";
    return {
      code: "out_of_range",
      severity: "error",
      message: `${spec.name} is ${shown} but must be at most ${spec.max}${hint}: check the value.`,
    };
  }
  return undefined;
}

function numeric(raw: CellValue, spec: ColumnSpec, source: CellSource): Coerced {
  let n: number;
  let issue: CellIssue | undefined;
  if (typeof raw === "number") {
    if (!Number.isFinite(raw))
      return bad(
        "non_finite",
        `${spec.name} is ${raw}, which is not a number a run can be ranked by: fix the run or clear the cell.`,
        `is ${raw}`,
        "warning",
      );
    n = raw;
  } else if (typeof raw === "boolean") {
    return bad(
      "wrong_type",
      `${spec.name} should be ${typeWord(spec)}, not ${raw ? "TRUE" : "FALSE"}: type the value.`,
      `is ${raw ? "TRUE" : "FALSE"}`,
    );
  } else {
    const s = String(raw);
    if (isNonFiniteText(s)) {
      return bad(
        "non_finite",
        `${spec.name} is ${show(s)}, which means the value is missing or broken: it is left out, not counted as 0. Rerun or clear the cell.`,
        `is ${s.trim()}`,
        "warning",
      );
    }
    if (isMissingText(s)) {
      return bad(
        "non_finite",
        `${spec.name} is ${show(s)}, which means missing: it is left out, not counted as 0. Fill in the value or clear the cell.`,
        `is missing (${s.trim()})`,
        "warning",
      );
    }
    const parsed = parseNumberText(s);
    if (!parsed)
      return bad(
        "wrong_type",
        `${spec.name} should be ${typeWord(spec)}, but it is ${show(s)}: type the value as a number.`,
        `is not a number (${show(s)})`,
      );
    n = parsed.value;
    if (parsed.style === "decimal_comma") {
      issue = {
        code: "number_as_text",
        severity: "warning",
        message: `${show(s)} looks like a number written with a decimal comma: use ${n}.`,
        fix: n,
      };
    } else if (parsed.style === "thousands") {
      issue = {
        code: "number_as_text",
        severity: "warning",
        message: `${show(s)} is a number written with a thousands separator, stored as text: use ${n}.`,
        fix: n,
      };
    } else if (parsed.style === "percent" && spec.type !== "percent") {
      issue = {
        code: "number_as_text",
        severity: "warning",
        message: `${show(s)} is a percentage stored as text: use ${n} (or make ${spec.name} a percent column).`,
        fix: n,
      };
    } else if (source === "excel") {
      issue = {
        code: "number_as_text",
        severity: "warning",
        message: `${show(s)} is a number stored as text, so Excel cannot sum or chart it: use ${n}.`,
        fix: n,
      };
    } else if (s !== s.trim()) {
      issue = {
        code: "extra_spaces",
        severity: "info",
        message: `${show(s)} has extra spaces around the number: use ${n}.`,
        fix: n,
      };
    }
  }
  if (spec.type === "integer" && !Number.isInteger(n)) {
    return bad(
      "wrong_type",
      `${spec.name} should be a whole number, but it is ${n}: round it or change the column type to number.`,
      `is not a whole number (${n})`,
    );
  }
  if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
    const range = checkRange(spec, n, typeof raw === "string" ? show(raw) : String(n));
    if (range) return { value: null, issue: range, invalid: `is out of range (${n})` };
  }
  return issue ? { value: n, issue } : { value: n };
}

function trimmedText(raw: CellValue, spec: ColumnSpec): Coerced {
  const s = typeof raw === "string" ? raw : String(raw);
  if (s.length > MAX_CELL_TEXT) {
    return {
      value: s,
      issue: {
        code: "text_too_long",
        severity: "warning",
        message: `${spec.name} has ${s.length} characters; Excel keeps at most ${MAX_CELL_TEXT} in a cell: shorten it or keep it in a file and link to it.`,
      },
    };
  }
  const t = s.trim();
  if (t !== s) {
    const issue: CellIssue = {
      code: "extra_spaces",
      severity: "info",
      message: `${show(s)} has extra spaces at the start or end: use "${t}".`,
    };
    // A fix the pane writes back must never turn into a formula (" =1+1" trimmed is "=1+1").
    if (!FORMULA_START.test(t)) issue.fix = t;
    return { value: t, issue };
  }
  return { value: s };
}

function choice(raw: CellValue, spec: ColumnSpec, choices: ReadonlyMap<string, string>): Coerced {
  const s = typeof raw === "string" ? raw : String(raw);
  if (!spec.choices || spec.choices.length === 0) return trimmedText(raw, spec);
  if (spec.choices.includes(s)) return { value: s };
  const canonical = choices.get(s.trim().toLowerCase());
  if (canonical !== undefined) {
    return {
      value: canonical,
      issue: {
        code: "not_in_choices",
        severity: "warning",
        message: `${show(s)} is written differently from the choice "${canonical}": use "${canonical}".`,
        fix: canonical,
      },
    };
  }
  const list = spec.choices.length <= 8 ? spec.choices.join(", ") : spec.choices.slice(0, 8).join(", ") + ", ...";
  return bad(
    "not_in_choices",
    `${show(s)} is not one of the choices for ${spec.name} (${list}): pick one, or add it to the choices in the Schema sheet.`,
    `is not one of the choices (${show(s)})`,
  );
}

/** Precomputed per column: lower-cased choices and the compiled pattern (compiled once, not per cell). */
export interface ColumnReader {
  spec: ColumnSpec;
  choices: ReadonlyMap<string, string>;
  pattern: RegExp | null;
}

/** Prepares a column for reading many cells. An invalid pattern is ignored here (schema checking reports it). */
export function columnReader(spec: ColumnSpec): ColumnReader {
  const choices = new Map<string, string>();
  for (const c of spec.choices ?? []) choices.set(c.trim().toLowerCase(), c);
  let pattern: RegExp | null = null;
  if (spec.pattern) {
    try {
      pattern = new RegExp(`^(?:${spec.pattern})$`, "u");
    } catch {
      pattern = null;
    }
  }
  return { spec, choices, pattern };
}

/**
 * Reads one cell against its column: typed value plus at most one issue. Never throws.
 * Empty cells are null (never 0); a required empty cell is `missing_required`.
 */
export function coerceCell(raw: CellValue | undefined, reader: ColumnReader, source: CellSource): Coerced {
  const spec = reader.spec;
  const cell = raw ?? null;
  if (isBlank(cell)) {
    if (spec.required)
      return {
        value: null,
        issue: {
          code: "missing_required",
          severity: "error",
          message: `${spec.name} is required but empty: fill it in.`,
        },
      };
    return EMPTY;
  }
  if (isExcelError(cell)) {
    const e = String(cell).trim();
    return bad(
      "excel_error",
      `${spec.name} shows ${e}, an Excel error from a formula: fix the formula or type the value.`,
      `is ${e}`,
    );
  }
  let out: Coerced;
  switch (spec.type) {
    case "integer":
    case "number":
    case "percent":
      out = numeric(cell, spec, source);
      break;
    case "boolean": {
      if (typeof cell === "boolean") out = { value: cell };
      else {
        const b = typeof cell === "string" ? parseBooleanText(cell) : cell === 1 ? true : cell === 0 ? false : null;
        out =
          b === null
            ? bad(
                "wrong_type",
                `${spec.name} should be TRUE or FALSE, but it is ${show(cell)}: type TRUE or FALSE.`,
                `is not TRUE or FALSE (${show(cell)})`,
              )
            : { value: b };
      }
      break;
    }
    case "date":
    case "datetime": {
      const d = parseDateCell(typeof cell === "string" ? cell.trim() : cell);
      out = d
        ? { value: spec.type === "date" ? d.iso.slice(0, 10) : d.iso }
        : bad(
            "bad_date",
            `${spec.name} ${show(cell)} is not a date Excel understands: write it as year-month-day, e.g. 2024-05-01${spec.type === "datetime" ? " 14:30" : ""}.`,
            `is not a date (${show(cell)})`,
          );
      break;
    }
    case "duration": {
      const sec = parseDuration(cell);
      out =
        sec === null
          ? bad(
              "wrong_type",
              `${spec.name} should be ${typeWord(spec)}, but it is ${show(cell)}: type it as seconds or h:mm:ss.`,
              `is not a duration (${show(cell)})`,
            )
          : { value: sec };
      if (sec !== null) {
        const range = checkRange(spec, sec, show(cell));
        if (range) out = { value: null, issue: range, invalid: `is out of range (${sec})` };
      }
      break;
    }
    case "url": {
      const s = String(cell);
      out = isUrl(s)
        ? trimmedText(cell, spec)
        : bad(
            "wrong_type",
            `${spec.name} should be ${typeWord(spec)}, but it is ${show(cell)}: paste the full address.`,
            `is not a link (${show(cell)})`,
          );
      break;
    }
    case "choice":
      out = choice(cell, spec, reader.choices);
      break;
    case "text":
      out = trimmedText(cell, spec);
      break;
  }
  if (reader.pattern && !out.issue && typeof out.value === "string" && !reader.pattern.test(out.value)) {
    return bad(
      "pattern_mismatch",
      `${spec.name} ${show(out.value)} does not match the expected pattern ${spec.pattern}: check the spelling.`,
      `does not match the pattern (${show(out.value)})`,
    );
  }
  return out;
}

/** Marker for "no fast answer": the caller falls back to coerceCell. */
export const SLOW = Symbol("slow");

/**
 * The common case without allocating: a finite number in range for a numeric column, or
 * clean text for a text/choice column, returns its value; anything else returns SLOW and
 * the caller uses coerceCell (which builds the issue). Same results as coerceCell.
 */
export function fastCell(raw: CellValue | undefined, reader: ColumnReader): RunValue | typeof SLOW {
  const spec = reader.spec;
  switch (spec.type) {
    case "number":
    case "percent":
    case "integer":
      if (typeof raw !== "number" || !Number.isFinite(raw)) return SLOW;
      if (spec.type === "integer" && !Number.isInteger(raw)) return SLOW;
      if ((spec.min !== undefined && raw < spec.min) || (spec.max !== undefined && raw > spec.max)) return SLOW;
      return raw;
    case "text":
    case "choice": {
      if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_CELL_TEXT || reader.pattern) return SLOW;
      const first = raw.charCodeAt(0);
      const last = raw.charCodeAt(raw.length - 1);
      // Whitespace at either end, or a possible Excel error (#...), takes the slow path.
      if (first <= 32 || last <= 32 || first === 35 || first === 160 || last === 160) return SLOW;
      if (spec.type === "choice" && spec.choices && spec.choices.length > 0 && !spec.choices.includes(raw)) return SLOW;
      return raw;
    }
    default:
      return SLOW;
  }
}
