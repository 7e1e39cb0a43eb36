// How Excel turns input into cell content, and cell content into `text` and `valueTypes`.
// Input parsing follows the Range.values remarks: strings starting with "+", "-" or "=" are formulas,
// locale-shaped strings (e.g. "0,91" in en-US) stay text, a Text-formatted cell ("@") keeps input verbatim.
// https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-values-member

/** One stored cell. Absent from the sheet map = empty and unformatted. */
export interface CellData {
  /** The value Range.values returns ("" when empty). Errors are stored as their literal ("#DIV/0!"). */
  v: string | number | boolean;
  /** Formula text starting with "=", when the cell holds a formula. */
  f?: string;
  /** True when `v` is an error value rather than text that happens to look like one. */
  err?: boolean;
  /** Number format; undefined means "General". */
  nf?: string;
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  color?: string;
  /** RangeFormat.wrapText. */
  wrap?: boolean;
}

export type Scalar = string | number | boolean;

export const ERROR_LITERALS = new Set([
  "#DIV/0!",
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
]);

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^([+-]?(\d+\.?\d*|\.\d+))%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Days between Excel's epoch (1899-12-30, which absorbs the 1900 leap-year bug) and the Unix epoch. */
const EPOCH_OFFSET = 25569;
const DAY_MS = 86_400_000;

export function dateToSerial(date: Date): number {
  return date.getTime() / DAY_MS + EPOCH_OFFSET;
}
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - EPOCH_OFFSET) * DAY_MS));
}

/** What a typed/written input becomes. `formula` is set when the input is a formula to evaluate. */
export interface ParsedInput {
  v: Scalar;
  err?: boolean;
  formula?: string;
  /** Number format Excel applies on its own (percent, dates, thousands) when the cell is General. */
  autoFormat?: string;
}

/**
 * A number or boolean written into a Text-formatted ("@") cell is stored as its text, the
 * "number stored as text" Excel flags with a green triangle: the Text format treats content as
 * text even when it is a number.
 * https://support.microsoft.com/office/number-format-codes-5026bbd6-04bc-48cd-bf33-80f18b4eae68
 */
function asText(raw: number | boolean): string {
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  // Excel keeps 15 significant digits.
  return String(Number(raw.toPrecision(15)))
    .replace("e+", "E+")
    .replace("e-", "E-");
}

/** Parses one input the way Excel parses typed text (en-US). Throws RangeError for non-finite numbers. */
export function parseInput(raw: Scalar, numberFormat: string | undefined): ParsedInput {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) throw new RangeError("non-finite number");
    return numberFormat === "@" ? { v: asText(raw) } : { v: raw };
  }
  if (typeof raw === "boolean") return numberFormat === "@" ? { v: asText(raw) } : { v: raw };
  if (raw === "") return { v: "" };
  if (numberFormat === "@") return { v: raw };
  if (raw.startsWith("'")) return { v: raw.slice(1) };
  const s = raw.trim();
  if (NUMBER.test(s)) return { v: Number(s) };
  if (GROUPED.test(s)) return { v: Number(s.replace(/,/g, "")), autoFormat: s.includes(".") ? "#,##0.00" : "#,##0" };
  const pct = PERCENT.exec(s);
  if (pct?.[1]) return { v: Number(pct[1]) / 100, autoFormat: pct[1].includes(".") ? "0.00%" : "0%" };
  const upper = s.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { v: upper === "TRUE" };
  if (ERROR_LITERALS.has(upper)) return { v: upper, err: true };
  const d = ISO_DATE.exec(s);
  if (d) {
    const [, y, mo, da, h, mi, se] = d;
    const date = new Date(
      Date.UTC(Number(y), Number(mo) - 1, Number(da), Number(h ?? 0), Number(mi ?? 0), Number(se ?? 0)),
    );
    if (date.getUTCMonth() === Number(mo) - 1) {
      return { v: dateToSerial(date), autoFormat: h === undefined ? "m/d/yyyy" : "m/d/yyyy h:mm" };
    }
  }
  if (raw.startsWith("=")) return { v: "", formula: raw };
  if (raw.startsWith("+") || raw.startsWith("-")) return { v: "", formula: `=${raw}` };
  return { v: raw };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function formatDate(serial: number, nf: string): string {
  const d = serialToDate(serial);
  const tokens: Record<string, string> = {
    yyyy: String(d.getUTCFullYear()),
    yy: pad(d.getUTCFullYear() % 100),
    mm: pad(d.getUTCMonth() + 1),
    m: String(d.getUTCMonth() + 1),
    dd: pad(d.getUTCDate()),
    d: String(d.getUTCDate()),
    hh: pad(d.getUTCHours()),
    h: String(d.getUTCHours()),
    ss: pad(d.getUTCSeconds()),
  };
  // "mm" after an hour token means minutes, as in Excel.
  let sawHour = false;
  return nf.replace(/yyyy|yy|mm|m|dd|d|hh|h|ss/g, (tok) => {
    if (tok === "h" || tok === "hh") sawHour = true;
    if ((tok === "mm" || tok === "m") && sawHour) return pad(d.getUTCMinutes());
    return tokens[tok] ?? tok;
  });
}

function formatGeneral(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  if (Math.abs(n) >= 1e11 || (n !== 0 && Math.abs(n) < 1e-9))
    return n
      .toExponential(5)
      .replace(/\.?0+e/, "E")
      .replace("E+", "E+");
  return String(Number.parseFloat(n.toPrecision(10)));
}

function formatFixed(n: number, decimals: number, grouped: boolean): string {
  const s = n.toFixed(decimals);
  if (!grouped) return s;
  const [int = "", frac] = s.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = sign ? int.slice(1) : int;
  const withCommas = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === undefined ? `${sign}${withCommas}` : `${sign}${withCommas}.${frac}`;
}

/** The displayed text of a cell (Range.text), for the number formats add-ins commonly set. */
export function formatText(cell: CellData | undefined): string {
  if (!cell) return "";
  const { v } = cell;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const nf = cell.nf ?? "General";
  if (nf === "General" || nf === "@") return formatGeneral(v);
  if (/[yd]|h/.test(nf.replace(/"[^"]*"/g, ""))) return formatDate(v, nf);
  // Decimals: each 0 after the point is always shown, each # only when it is not a trailing zero
  // ("0.0###" shows 0.8824 and 0.9), as in Excel's number format codes.
  const fraction = /\.([0#]+)/.exec(nf)?.[1] ?? "";
  const required = /^0*/.exec(fraction)?.[0].length ?? 0;
  const decimals = fraction.length;
  const trim = (text: string): string => {
    if (decimals === required || !text.includes(".")) return text;
    const [int = "", frac = ""] = text.split(".");
    const kept = frac.replace(/0+$/, "").padEnd(required, "0");
    return kept === "" ? int : `${int}.${kept}`;
  };
  if (nf.endsWith("%")) return `${trim(formatFixed(v * 100, decimals, false))}%`;
  if (/^[#,0.]+$/.test(nf)) return trim(formatFixed(v, decimals, nf.includes(",")));
  return formatGeneral(v);
}

/** Excel.RangeValueType of a cell. */
export function valueType(cell: CellData | undefined): "Empty" | "String" | "Double" | "Boolean" | "Error" {
  if (!cell || cell.v === "") return "Empty";
  if (cell.err) return "Error";
  if (typeof cell.v === "number") return "Double";
  if (typeof cell.v === "boolean") return "Boolean";
  return "String";
}
