/**
 * The one reader of cell values as exceljs loads them from an .xlsx file, for every place that
 * opens a workbook without Excel (the command line, the simulator). exceljs gives plain values,
 * Dates, `{formula, result}`, `{sharedFormula, result}`, `{richText: [...]}`, `{text, hyperlink}`
 * and `{error}`; this turns each into what `Range.values` would show. Pure: it only inspects the
 * value's shape, so core needs no exceljs import.
 */
import { dateToExcelSerial } from "./cell-value";

/** A cell as `Range.values` shows it, plus what the file said about it. */
export interface ExcelJsCell {
  /** Text, number or boolean as `Range.values` gives it; dates are serials, errors their text (`#DIV/0!`). */
  value: string | number | boolean | null;
  /** True when the cell holds an Excel error value. */
  error: boolean;
  /** The formula without `=`, when the cell has one (its cached result is `value`). */
  formula?: string;
}

const EMPTY: ExcelJsCell = { value: null, error: false };

function richText(parts: unknown[]): string {
  return parts
    .map((p) =>
      p && typeof p === "object" && typeof (p as { text?: unknown }).text === "string"
        ? (p as { text: string }).text
        : "",
    )
    .join("");
}

/**
 * Reads an exceljs cell value. `formula` is exceljs' `cell.formula`, which holds the expanded
 * text of a shared formula (the value itself only names the master cell). Never throws; an
 * unknown object becomes its JSON text so nothing is silently dropped.
 */
export function readExcelJsValue(value: unknown, formula?: string): ExcelJsCell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return { value, error: false };
  if (value instanceof Date) return { value: dateToExcelSerial(value), error: false };
  if (typeof value !== "object") return { value: String(value), error: false };
  const v = value as Record<string, unknown>;
  if (typeof v.error === "string") return { value: v.error, error: true };
  if (typeof v.formula === "string" || typeof v.sharedFormula === "string") {
    const result = readExcelJsValue(v.result);
    const text = typeof v.formula === "string" ? v.formula : (formula ?? String(v.sharedFormula));
    return { ...result, formula: text };
  }
  if (Array.isArray(v.richText)) return { value: richText(v.richText), error: false };
  if (typeof v.text === "string") return { value: v.text, error: false };
  return { value: JSON.stringify(value), error: false };
}
