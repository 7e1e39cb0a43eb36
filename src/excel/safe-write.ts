/**
 * The one way RunSheet writes values it did not author (pasted cells, header names, run ids,
 * metric names, schema text, frozen registry rows) into cells, so that text stays exactly the
 * text it was: never a formula, a number, a date or a boolean.
 *
 * API (small on purpose; everything that writes cells from outside goes through it):
 * - `safeCells(rows, options)`  pure: the `numberFormat` and `values` 2-D arrays for a block.
 * - `writeSafe(range, rows, options)`  queues, on `range` (same shape as `rows`), first
 *   `range.numberFormat = formats` and then `range.values = values`: two operations per block,
 *   format before value in the same request, no sync. `null` in `rows` leaves a cell alone
 *   (format and value), as Excel documents for 2-D arrays.
 * - `plainTitle(text)`  a chart title / text property that must not start with `=`.
 * - `safeSheetName(name)`, `safeTableName(name)`  names Excel accepts, derived from outside text.
 * - `probeTextFormat(context)` / `textPolicy()`  once per start, checks that a Text ("@") cell
 *   keeps `=1+1` as text; when a host converts it anyway, strings are written with Excel's
 *   quote prefix (`'`) instead, which also keeps them text.
 *
 * Rules: every non-empty string is text: its cell gets the Text format "@" (Excel then keeps
 * `=1+1`, `+49 170`, `007`, `2024-01-02`, `TRUE`, `1 1/2`, `(100)`, `Jan 5`, `10 PM`, a leading
 * tab or apostrophe exactly as given). `""` clears the cell and leaves its format. Numbers and
 * booleans get the column's format from `options.formats` (or keep the cell's own format);
 * with `keepFormats`, text keeps the given format too and is protected by the quote prefix.
 *
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values (null in
 * 2-D arrays leaves a cell unchanged; "" clears)
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member
 * (strings starting with = + - are taken as formulas)
 */
import { TEXT_FORMAT } from "./constants";

/** A cell to write: text, a number, a boolean, or null to leave the cell as it is. */
export type SafeValue = string | number | boolean | null;

export interface SafeWriteOptions {
  /**
   * Number format per column (index in the block) for numbers and booleans; null or missing
   * keeps the cell's own format (e.g. a table column's format).
   */
  formats?: readonly (string | null | undefined)[];
  /**
   * `formats` apply to text too, instead of the Text format: text in a cell whose format is not
   * Text gets Excel's quote prefix, so it stays text and the cell keeps its format (used to put
   * back exactly what a cell held). Default false.
   */
  keepFormats?: boolean;
}

/** How strings are protected on this host: the Text format (default) or Excel's quote prefix. */
export type TextPolicy = "text-format" | "quote-prefix";

let policy: TextPolicy = "text-format";

/** The policy in force (set by `probeTextFormat`, or `setTextPolicy` in tests). */
export function textPolicy(): TextPolicy {
  return policy;
}

/** Sets the policy; the probe does this once per start. */
export function setTextPolicy(next: TextPolicy): void {
  policy = next;
}

/** The two 2-D arrays `writeSafe` assigns (formats first, then values). Pure. */
export function safeCells(
  rows: readonly (readonly SafeValue[])[],
  options: SafeWriteOptions = {},
  mode: TextPolicy = policy,
): { formats: (string | null)[][]; values: (string | number | boolean | null)[][] } {
  const formats: (string | null)[][] = [];
  const values: (string | number | boolean | null)[][] = [];
  for (const row of rows) {
    const f: (string | null)[] = [];
    const v: (string | number | boolean | null)[] = [];
    row.forEach((cell, c) => {
      if (cell === null) {
        f.push(null);
        v.push(null);
      } else if (typeof cell === "string") {
        if (cell === "") {
          f.push(options.keepFormats ? (options.formats?.[c] ?? null) : null);
          v.push("");
        } else if (options.keepFormats) {
          const format = options.formats?.[c] ?? null;
          f.push(format);
          v.push(format === TEXT_FORMAT ? cell : `'${cell}`);
        } else if (mode === "text-format") {
          f.push(TEXT_FORMAT);
          v.push(cell);
        } else {
          // Excel's quote prefix: the cell shows and returns the text without the apostrophe.
          f.push(null);
          v.push(`'${cell}`);
        }
      } else {
        f.push(options.formats?.[c] ?? null);
        v.push(cell);
      }
    });
    formats.push(f);
    values.push(v);
  }
  return { formats, values };
}

/**
 * Queues the block `rows` onto `range` (which must have the same shape): the number formats,
 * then the values, in the same request. Does not sync. A block with no format to set costs one
 * operation.
 */
export function writeSafe(
  range: Excel.Range,
  rows: readonly (readonly SafeValue[])[],
  options: SafeWriteOptions = {},
): void {
  if (rows.length === 0) return;
  const { formats, values } = safeCells(rows, options);
  if (formats.some((row) => row.some((f) => f !== null))) range.numberFormat = formats as string[][];
  range.values = values as (string | number | boolean)[][];
}

/** Zero-width space: keeps a title that starts with `=` from being read as a formula reference. */
const GUARD = "\u200B";

/** A chart title or other text property that starts with `=`, made to stay literal text. Pure. */
export function plainTitle(text: string): string {
  return /^[\t\r\n ]*=/.test(text) ? `${GUARD}${text}` : text;
}

/**
 * A worksheet name Excel accepts, from outside text: no `: \ / ? * [ ]`, no apostrophe at
 * either end, 1 to 31 characters, not "History" (reserved by Excel), and not starting with `=`.
 * https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9
 */
export function safeSheetName(name: string, fallback = "Sheet"): string {
  let out = name.replace(/[:\\/?*[\]]/g, "_").replace(/^['=+\-@\s]+|['\s]+$/g, "");
  if (out.toLowerCase() === "history") out = `${out}_`;
  out = out.slice(0, 31).trim();
  return out === "" ? fallback : out;
}

/**
 * A table name Excel accepts: starts with a letter or underscore, then letters, digits, periods
 * and underscores; not a cell reference (A1, R1C1); at most 255 characters.
 * https://support.microsoft.com/office/rename-an-excel-table-fbf49a4f-82a3-43eb-8ba2-44d21233b114
 */
export function safeTableName(name: string, fallback = "Table"): string {
  let out = name.replace(/[^\p{L}\p{N}._]/gu, "_");
  if (out === "") out = fallback;
  if (!/^[\p{L}_]/u.test(out) || /^[a-z]{1,3}\d+$/i.test(out) || /^r\d*c\d*$/i.test(out)) out = `_${out}`;
  return out.slice(0, 255);
}

/** Name of the sheet the probe writes to and deletes again. */
export const PROBE_SHEET = "RunSheet.probe";

/**
 * Once per start: writes `=1+1` into a Text-formatted cell of a scratch sheet, reads its
 * `formulas` back and deletes the sheet. When the host kept the text, strings are written with
 * the Text format; otherwise with the quote prefix. Three syncs (more when it cleans up after a
 * failure). Sets and returns the policy.
 * A probe that cannot run (e.g. a protected workbook) keeps the policy as it was.
 */
export async function probeTextFormat(context: Excel.RequestContext): Promise<TextPolicy> {
  let cell: Excel.Range;
  try {
    await removeProbeSheet(context);
    const sheet = context.workbook.worksheets.add(PROBE_SHEET);
    sheet.visibility = "Hidden";
    cell = sheet.getRange("A1");
    cell.numberFormat = [[TEXT_FORMAT]];
    cell.values = [["=1+1"]];
    cell.load("formulas,values");
    await context.sync();
    sheet.delete();
    await context.sync();
  } catch {
    // Could not probe (protected workbook, cell-edit mode, a failed sync): keep the policy and
    // take away whatever part of the scratch sheet a half-applied batch left.
    await removeProbeSheet(context).catch(() => undefined);
    return policy;
  }
  return policyFrom(cell);
}

/** Deletes the probe's scratch sheet if it is there (one or two syncs). */
async function removeProbeSheet(context: Excel.RequestContext): Promise<void> {
  const stale = context.workbook.worksheets.getItemOrNullObject(PROBE_SHEET);
  stale.load("name");
  await context.sync();
  if (stale.isNullObject) return;
  stale.delete();
  await context.sync();
}

/** Sets the policy from the probe cell's loaded `formulas` and `values`. */
function policyFrom(cell: Excel.Range): TextPolicy {
  const kept = cell.formulas[0]?.[0] === "=1+1" && cell.values[0]?.[0] === "=1+1";
  policy = kept ? "text-format" : "quote-prefix";
  return policy;
}
