/**
 * The one reader of numbers written as text, and the one list of words that mean "no value".
 * Parsing a paste, validating a sheet, inferring a schema and offering fixes all read a cell
 * through here, so a pasted "0.7%" and a typed "0.7%" are the same number (0.007).
 */

/**
 * Words tools write for a missing value, compared without case: pandas and NumPy (`nan`, `NaN`,
 * `NaT`), Python (`None`), JSON (`null`), R and Keras' CSVLogger (`NA`), spreadsheets (`N/A`,
 * `#N/A`), DVC's tables (`-`), the Hugging Face model card (`No log`), Ruby and Lua (`nil`).
 * The empty cell is missing too. Only meaningful where a number is expected: in a text column
 * these words stay text.
 */
export const MISSING_WORDS: readonly string[] = [
  "",
  "nan",
  "none",
  "null",
  "na",
  "n/a",
  "#n/a",
  "-",
  "no log",
  "nat",
  "nil",
];
const MISSING = new Set(MISSING_WORDS);

/** Spellings of NaN and infinity that scripts print; a value that is not a finite number. */
const NON_FINITE = new Set([
  "nan",
  "+nan",
  "-nan",
  "inf",
  "+inf",
  "-inf",
  "infinity",
  "+infinity",
  "-infinity",
  "∞",
  "+∞",
  "-∞",
]);

/** Collapses runs of inner spaces so `No  log` matches; trims the ends. */
function wordOf(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * Every missing and non-finite word starts so (or is blank): most text cells (`adam`, `r12`)
 * are told apart by their first letter, without building the word.
 */
const WORD_START = /^\s*(?:[nNiI#+\-∞]|$)/;

/** True for a word of MISSING_WORDS (any case, surrounding spaces ignored). */
export function isMissingWord(text: string): boolean {
  return WORD_START.test(text) && MISSING.has(wordOf(text));
}

/** True for `nan`, `inf`, `-Infinity`, `∞` and the like: printed floats that are not finite. */
export function isNonFiniteWord(text: string): boolean {
  return WORD_START.test(text) && NON_FINITE.has(wordOf(text));
}

/**
 * How the digits of a number are written, before any column context:
 * - `plain`: `12`, `-0.5`, `1e-3`
 * - `leadingZero`: `007` (an identifier unless its column is numeric)
 * - `thousands`: `1,234.5` (comma groups and a dot decimal)
 * - `decimalComma`: `0,91`, `1.234,5`
 * - `ambiguousComma`: `1,234` (one thousand two hundred..., or 1.234 in a decimal-comma file)
 * - `ambiguousDot`: `1.000` (one, or one thousand in a decimal-comma file)
 */
export type NumberShape = "plain" | "leadingZero" | "thousands" | "decimalComma" | "ambiguousComma" | "ambiguousDot";

/** How a column reads `1,234` and `1.000` when they are ambiguous. */
export type CommaStyle = "thousands" | "decimalComma";

const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const LEADING_ZERO = /^[+-]?0\d/;
const AMBIGUOUS_COMMA = /^[+-]?[1-9]\d{0,2}(?:,\d{3})+$/;
const THOUSANDS = /^[+-]?[1-9]\d{0,2}(?:,\d{3})+\.\d+(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+(?:[eE][+-]?\d+)?$/;
const DOT_THOUSANDS_DECIMAL_COMMA = /^[+-]?[1-9]\d{0,2}(?:\.\d{3})+,\d+$/;
const AMBIGUOUS_DOT = /^[+-]?[1-9]\d{0,2}(?:\.\d{3})+$/;

/** The shape of trimmed digits without a percent sign, or null when they are not a number. */
export function numberShape(body: string): NumberShape | null {
  if (PLAIN.test(body)) {
    // Most cells are plain numbers: test the cheap cases first.
    if (body.includes(".")) return AMBIGUOUS_DOT.test(body) ? "ambiguousDot" : "plain";
    return LEADING_ZERO.test(body) ? "leadingZero" : "plain";
  }
  if (AMBIGUOUS_COMMA.test(body)) return "ambiguousComma";
  if (THOUSANDS.test(body)) return "thousands";
  if (DECIMAL_COMMA.test(body) || DOT_THOUSANDS_DECIMAL_COMMA.test(body)) return "decimalComma";
  return null;
}

/** Removes no-break spaces (French and Excel's thousands grouping) and trims. */
export function numberBody(text: string): string {
  const t = text.trim();
  return t.includes("\u00a0") ? t.replace(/\u00a0/g, "") : t;
}

/** Splits a trailing percent sign off (`"91.5 %"` -> `"91.5"`), or returns null. */
export function percentBody(t: string): string | null {
  if (!t.endsWith("%")) return null;
  return t.slice(0, -1).trimEnd();
}

/** The value of digits of a known shape under a column's comma style; may be ±Infinity for `1e309`. */
export function digitsValue(body: string, shape: NumberShape, comma: CommaStyle, dotThousands = false): number {
  switch (shape) {
    case "ambiguousDot":
      return Number(dotThousands ? body.replace(/\./g, "") : body);
    case "plain":
    case "leadingZero":
      return Number(body);
    case "thousands":
      return Number(body.replace(/,/g, ""));
    case "decimalComma":
      return Number(body.replace(/\./g, "").replace(",", "."));
    case "ambiguousComma":
      return comma === "thousands" ? Number(body.replace(/,/g, "")) : Number(body.replace(",", "."));
  }
}

/** Digits of an integer: every integer of up to 15 digits is a double exactly. */
const INTEGER_DIGITS = /^[+-]?\d{16,}$/;

/**
 * True when digits of a known shape write an integer that a double cannot hold exactly
 * (`1234567890123456789`, an MLflow experiment id, reads as ...800): such a value is an
 * identifier to keep as text, never a number that silently lost its last digits. `1e20` and
 * decimals are approximations by nature and stay numbers.
 */
export function losesDigits(body: string, shape: NumberShape): boolean {
  if (body.length < 16) return false;
  let digits: string;
  if (shape === "plain" || shape === "leadingZero") digits = body;
  else if (shape === "ambiguousComma") digits = body.replace(/,/g, "");
  else return false;
  if (!INTEGER_DIGITS.test(digits)) return false;
  const n = Number(digits);
  // Beyond the double range: out of range (`isOutOfRange`), not an identifier.
  return Number.isFinite(n) && BigInt(digits) !== BigInt(n);
}

/**
 * Divides by 100 by shifting the decimal exponent, so "91.5%" is exactly 0.915 and "0.7%" is
 * 0.007 (dividing gives 0.006999999999999999).
 */
export function fromPercent(n: number): number {
  const scaled = Number(`${n}e-2`);
  return Number.isFinite(scaled) ? scaled : n / 100;
}

/** A number read from text, with how it was written (so messages can name the fix). */
export interface ReadNumber {
  value: number;
  shape: NumberShape;
  percent: boolean;
}

/**
 * Reads a number written as text: plain, thousands separators, decimal commas, European
 * grouping (`1.234,5`), no-break-space grouping, and percent strings as fractions (`91%` ->
 * 0.91). `1,234` and `1.000` follow `comma` (a whole column's style). Returns null for text
 * that is not a number, for numbers outside the double range (`1e309`, see `isOutOfRange`) and
 * for integers a double cannot hold exactly (`1234567890123456789`, see `losesDigits`).
 */
export function readNumberText(text: string, comma: CommaStyle = "thousands", dotThousands = false): ReadNumber | null {
  const t = numberBody(text);
  if (t === "") return null;
  const pct = percentBody(t);
  const body = pct ?? t;
  const shape = numberShape(body);
  if (shape === null || losesDigits(body, shape)) return null;
  const n = digitsValue(body, shape, comma, dotThousands);
  if (!Number.isFinite(n)) return null;
  return { value: pct === null ? n : fromPercent(n), shape, percent: pct !== null };
}

/** True for text written as a finite number whose value overflows a double (`1e309`, `-2e308`). */
export function isOutOfRange(text: string): boolean {
  const t = numberBody(text);
  const body = percentBody(t) ?? t;
  const shape = numberShape(body);
  return shape !== null && !Number.isFinite(digitsValue(body, shape, "thousands"));
}

/**
 * The one rule for a column of numbers with stray text: three or more numbers, and at most a
 * third of the filled cells something else. The strays are then typos to report (wrong_type),
 * not a reason to read the whole column as text. Parsing and schema inference both use it.
 */
export function mostlyNumbers(numbers: number, filled: number): boolean {
  return numbers >= 3 && (filled - numbers) * 3 <= filled;
}
