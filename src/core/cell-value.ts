/**
 * Reading one cell the way a person wrote it: numbers typed as text, decimal commas, percent
 * strings, Excel error values, dates as Excel serials or ISO text. Pure and allocation-light,
 * because validation calls it for every cell of sheets up to a million rows.
 */
import type { CellValue } from "./grid";
import { isMissingWord, isNonFiniteWord, readNumberText } from "./number-text";

/** Excel's error values as `Range.values` returns them (text). */
export const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#UNKNOWN!",
  "#CONNECT!",
  "#BUSY!",
]);

/** True when the cell holds one of Excel's error values (`#DIV/0!`, `#N/A`, ...). */
export function isExcelError(value: CellValue | undefined): boolean {
  return (
    typeof value === "string" &&
    value.length > 1 &&
    value.charCodeAt(0) === 35 &&
    EXCEL_ERRORS.has(value.trim().toUpperCase())
  );
}

/** How a number was written when it came as text. */
export type NumberStyle = "plain" | "decimal_comma" | "thousands" | "percent";

/** A number read from text, with how it was written (so messages can name the fix). */
export interface TextNumber {
  value: number;
  style: NumberStyle;
}

/**
 * Reads a number written as text (see `readNumberText`): `1,000` is a thousands separator,
 * `0,91` and `1,5` are decimal commas, `1.234,5` the European grouping, `1 234` (no-break space)
 * a grouping too. Percent strings (`91%`, `91,2 %`) return the fraction (0.91), as Excel stores
 * them. Returns null when the text is not a finite number.
 */
export function parseNumberText(raw: string): TextNumber | null {
  const r = readNumberText(raw);
  if (!r) return null;
  if (r.percent) return { value: r.value, style: "percent" };
  const style: NumberStyle =
    r.shape === "thousands" || r.shape === "ambiguousComma"
      ? "thousands"
      : r.shape === "decimalComma"
        ? "decimal_comma"
        : "plain";
  return { value: r.value, style };
}

/** True for `nan`, `NaN`, `inf`, `-inf`, `Infinity`: values scripts print that are not numbers. */
export function isNonFiniteText(raw: string): boolean {
  return isNonFiniteWord(raw);
}

/**
 * True for the words tools write for a missing number (MISSING_WORDS: `NA`, `None`, `null`,
 * `N/A`, `-`, `No log`, ...). Only meaningful where a number is expected.
 */
export function isMissingText(raw: string): boolean {
  return raw.trim() !== "" && isMissingWord(raw);
}

const TRUE_WORDS = new Set(["true", "yes", "y"]);
const FALSE_WORDS = new Set(["false", "no", "n"]);

/** Reads a boolean cell: Excel's TRUE/FALSE, or the words true/false/yes/no (any case). */
export function parseBooleanText(raw: string): boolean | null {
  const s = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  return null;
}

/** Excel's day 0 is 1899-12-30 (it counts the fictitious 1900-02-29), in ms since the Unix epoch. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;
/** Excel's last representable day, 9999-12-31. */
const MAX_SERIAL = 2_958_465;

/** Converts an Excel date serial (days since 1899-12-30, fraction = time of day) to a UTC Date. */
export function excelSerialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * MS_PER_DAY));
}

/** Converts a Date (UTC) to an Excel date serial, as `Range.values` gives date cells. */
export function dateToExcelSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_MS) / MS_PER_DAY;
}

/** True when a number can be an Excel date serial (1900-01-01 .. 9999-12-31). */
export function isExcelSerial(n: number): boolean {
  return Number.isFinite(n) && n >= 1 && n <= MAX_SERIAL;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A date read from a cell: ISO text (`2024-05-01`), ISO date-time, or an Excel serial number. */
export interface ParsedDate {
  /** ISO 8601: `YYYY-MM-DD` for a date, `YYYY-MM-DDTHH:MM:SS` (plus zone when given) for a date-time. */
  iso: string;
  hasTime: boolean;
}

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** Reads a date or date-time cell; null when it is not one (e.g. `2024-13-01`, `yesterday`). */
export function parseDateCell(value: CellValue): ParsedDate | null {
  if (typeof value === "number") {
    if (!isExcelSerial(value)) return null;
    const d = excelSerialToDate(value);
    const iso = d.toISOString();
    const hasTime = value % 1 !== 0;
    return { iso: hasTime ? iso.slice(0, 19) : iso.slice(0, 10), hasTime };
  }
  if (typeof value !== "string") return null;
  const s = value.trim();
  let m = ISO_DATE.exec(s);
  if (m) {
    const ok = validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
    return ok ? { iso: s, hasTime: false } : null;
  }
  m = ISO_DATETIME.exec(s);
  if (m) {
    const [, y, mo, d, h, mi, sec] = m;
    if (!validYmd(Number(y), Number(mo), Number(d))) return null;
    if (Number(h) > 23 || Number(mi) > 59 || Number(sec ?? "0") > 59) return null;
    return { iso: s.replace(" ", "T"), hasTime: true };
  }
  return null;
}

const CLOCK = /^(?:(\d+):)?(\d{1,2}):(\d{2}(?:\.\d+)?)$/;
const UNIT_PARTS =
  /^(?:(\d+(?:\.\d+)?)\s*d)?\s*(?:(\d+(?:\.\d+)?)\s*h)?\s*(?:(\d+(?:\.\d+)?)\s*m(?:in)?)?\s*(?:(\d+(?:\.\d+)?)\s*s)?$/i;

/**
 * Reads a duration in seconds: a number (seconds), `h:mm:ss` / `mm:ss`, or unit text such as
 * `1h 30m`, `90s`, `2d`. Null when it is none of these.
 */
export function parseDuration(value: CellValue): number | null {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? value : null;
  if (typeof value !== "string") return null;
  const s = value.trim();
  if (s === "") return null;
  const n = parseNumberText(s);
  if (n && n.style !== "percent") return n.value >= 0 ? n.value : null;
  const c = CLOCK.exec(s);
  if (c) return Number(c[1] ?? 0) * 3600 + Number(c[2]) * 60 + Number(c[3]);
  const u = UNIT_PARTS.exec(s);
  if (u && (u[1] ?? u[2] ?? u[3] ?? u[4]) !== undefined) {
    return Number(u[1] ?? 0) * 86400 + Number(u[2] ?? 0) * 3600 + Number(u[3] ?? 0) * 60 + Number(u[4] ?? 0);
  }
  return null;
}

const URL_RE = /^(https?|s3|gs|file|ftp):\/\/\S+$/i;

/** True for a URL people log next to runs (http(s), s3, gs, file, ftp). */
export function isUrl(raw: string): boolean {
  return URL_RE.test(raw.trim());
}

/** Text of a cell for messages, ids and keys. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : String(value);
}
