/**
 * Issue marks in the sheet that never destroy the user's own formatting: each issue cell gets a
 * conditional format whose rule is a RunSheet sentinel formula (always true), so the fill sits
 * on top of the user's format and removing it restores exactly what was there.
 *
 * Marks are found by what they are, not by where RunSheet last put them: every worksheet's
 * `Range.conditionalFormats` (the formats that intersect the range) is read and only the Custom
 * rules whose formula is a sentinel are RunSheet's. Conditional formats move with inserted or
 * deleted rows, sorted data and renamed sheets, so a stored address list goes stale; a sentinel
 * does not. https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-conditionalformats-member
 * Also: selecting an issue's cell.
 */
import { columnLetter, type Severity } from "../core/index";
import { detectCapabilities, type Capabilities } from "./capabilities";
import { errorCode } from "./errors";
import type { CellRef } from "./locate";

/** Sentinel rule formulas: always TRUE in Excel, and recognisably RunSheet's. */
export const MARK_FORMULA: Record<"error" | "warning", string> = {
  error: '="RunSheet:error"<>""',
  warning: '="RunSheet:warning"<>""',
};
const SENTINEL_PREFIX = '="RunSheet:';

/** Excel's built-in "Light Red Fill with Dark Red Text" and "Yellow Fill with Dark Yellow Text". */
export const MARK_STYLE: Record<"error" | "warning", { fill: string; font: string }> = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
};

/** Marks beyond this many are not drawn: thousands of conditional formats slow Excel down. */
export const MAX_MARKS = 500;

/** Attempts when another writer (a second pane, a ribbon command) removes marks at the same time. */
const MAX_ATTEMPTS = 3;

export interface CellMark extends CellRef {
  severity: Severity;
}

function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** RunSheet's marks found in the workbook, per sheet. */
interface FoundMarks {
  /** Sentinel formats on sheets RunSheet may change (protected sheets are left alone). */
  own: { sheet: string; format: Excel.ConditionalFormat; formula: string }[];
  /** Every conditional format (the user's too) on each sheet, to notice a concurrent writer. */
  totals: Map<string, number>;
  protectedSheets: Set<string>;
}

/**
 * Finds RunSheet's marks on every sheet: the sheets with their protection, each sheet's
 * conditional-format types, then the Custom rules' formulas (three syncs, the last skipped when
 * no sheet has a Custom format). `custom` is only valid on Custom formats, hence the type first.
 */
async function findOwnMarks(context: Excel.RequestContext): Promise<FoundMarks> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/protection/protected");
  await context.sync();
  const perSheet = sheets.items.map((sheet) => {
    const formats = sheet.getRange().conditionalFormats;
    formats.load("items/type");
    return { sheet: sheet.name, locked: sheet.protection.protected, formats };
  });
  await context.sync();
  const customs: { sheet: string; format: Excel.ConditionalFormat; rule: Excel.ConditionalFormatRule }[] = [];
  const totals = new Map<string, number>();
  const protectedSheets = new Set<string>();
  for (const { sheet, locked, formats } of perSheet) {
    totals.set(sheet, formats.items.length);
    if (locked) {
      protectedSheets.add(sheet);
      continue;
    }
    for (const format of formats.items) {
      if (format.type !== "Custom") continue;
      const rule = format.custom.rule;
      rule.load("formula");
      customs.push({ sheet, format, rule });
    }
  }
  if (customs.length > 0) await context.sync();
  const own = customs
    .filter(({ rule }) => rule.formula.startsWith(SENTINEL_PREFIX))
    .map(({ sheet, format, rule }) => ({ sheet, format, formula: rule.formula }));
  return { own, totals, protectedSheets };
}

export interface MarkResult {
  marked: number;
  removed: number;
  /** Marks not drawn because of MAX_MARKS (the pane still lists every issue). */
  omitted: number;
  supported: boolean;
  /** True when the runs sheet is protected: issues are listed, cells are not marked. */
  sheetProtected: boolean;
}

/** The cells to mark on `sheetName`, each with its worst severity (info is not marked). */
function worstPerCell(sheetName: string, marks: readonly CellMark[]): Map<string, "error" | "warning"> {
  const worst = new Map<string, "error" | "warning">();
  for (const mark of marks) {
    if (mark.severity === "info" || mark.sheet !== sheetName) continue;
    const address = cellAddress(mark.row, mark.column);
    if (mark.severity === "error" || !worst.has(address)) worst.set(address, mark.severity);
  }
  return worst;
}

/**
 * One attempt: find every RunSheet mark, then in one sync delete them and add `entries`. The
 * same sync counts the formats on the marked sheet, so a concurrent writer shows up as a count
 * other than expected. Under partial application a retry finds whatever this attempt left
 * (old marks not yet deleted, new ones already added) and replaces it all, so it converges.
 */
async function replaceMarks(
  context: Excel.RequestContext,
  sheetName: string,
  entries: readonly (readonly [string, "error" | "warning"])[],
): Promise<{ removed: number; concurrent: boolean } | "protected"> {
  const found = await findOwnMarks(context);
  const locked = [...found.protectedSheets].some((s) => s.toLowerCase() === sheetName.toLowerCase());
  if (locked) return "protected";
  for (const { format } of found.own) format.delete();
  const sheet = context.workbook.worksheets.getItem(sheetName);
  for (const [address, severity] of entries) {
    const format = sheet.getRange(address).conditionalFormats.add("Custom");
    format.custom.rule.formula = MARK_FORMULA[severity];
    format.custom.format.fill.color = MARK_STYLE[severity].fill;
    format.custom.format.font.color = MARK_STYLE[severity].font;
  }
  // Loaded after the writes in the same request, so it counts what this sync left.
  const after = context.workbook.worksheets.getItem(sheetName).getRange().conditionalFormats;
  after.load("items/type");
  await context.sync();
  const sheetKey = [...found.totals.keys()].find((s) => s.toLowerCase() === sheetName.toLowerCase()) ?? sheetName;
  const removedHere = found.own.filter((m) => m.sheet === sheetKey).length;
  const expected = (found.totals.get(sheetKey) ?? 0) - removedHere + entries.length;
  return { removed: found.own.length, concurrent: after.items.length !== expected };
}

/**
 * Leaves one RunSheet mark per cell (the worst), deleting extras that two writers marking at
 * the same moment both added. Two syncs to read (found marks, their cells) and one to delete.
 */
async function dedupeMarks(context: Excel.RequestContext): Promise<void> {
  const found = await findOwnMarks(context);
  const ranges = found.own.map((mark) => {
    const range = mark.format.getRange();
    range.load("address");
    return { ...mark, range };
  });
  if (ranges.length === 0) return;
  await context.sync();
  const kept = new Map<string, (typeof ranges)[number]>();
  const extra: Excel.ConditionalFormat[] = [];
  for (const mark of ranges) {
    const other = kept.get(mark.range.address);
    if (!other) kept.set(mark.range.address, mark);
    else if (mark.formula === MARK_FORMULA.error && other.formula !== MARK_FORMULA.error) {
      extra.push(other.format);
      kept.set(mark.range.address, mark);
    } else extra.push(mark.format);
  }
  for (const format of extra) format.delete();
  if (extra.length > 0) await context.sync();
}

/** Runs `attempt`, again when another writer deleted a format it was about to delete (ItemNotFound). */
async function withConcurrentRetry<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (errorCode(error) !== "ItemNotFound" || i >= MAX_ATTEMPTS) throw error;
    }
  }
}

/**
 * Replaces RunSheet's marks with `marks` (errors red, warnings yellow; info is not marked).
 * One cell with several issues gets one mark of its worst severity. Syncs: three to find the
 * old marks, one to write; more only when another pane marks at the same time. A protected
 * runs sheet is not marked (`sheetProtected`), and nothing on it is touched.
 */
export async function markIssues(
  context: Excel.RequestContext,
  sheetName: string,
  marks: readonly CellMark[],
  capabilities: Capabilities = detectCapabilities(),
): Promise<MarkResult> {
  if (!capabilities.conditionalFormats)
    return { marked: 0, removed: 0, omitted: marks.length, supported: false, sheetProtected: false };
  const worst = worstPerCell(sheetName, marks);
  const entries = [...worst.entries()].slice(0, MAX_MARKS);
  const omitted = worst.size - entries.length;
  const outcome = await withConcurrentRetry(() => replaceMarks(context, sheetName, entries));
  if (outcome === "protected")
    return { marked: 0, removed: 0, omitted: worst.size, supported: true, sheetProtected: true };
  if (outcome.concurrent) await withConcurrentRetry(() => dedupeMarks(context));
  return { marked: entries.length, removed: outcome.removed, omitted, supported: true, sheetProtected: false };
}

/** Removes every RunSheet mark (and only those) from every sheet that is not protected. */
export async function clearMarks(
  context: Excel.RequestContext,
  capabilities: Capabilities = detectCapabilities(),
): Promise<number> {
  if (!capabilities.conditionalFormats) return 0;
  return withConcurrentRetry(async () => {
    const found = await findOwnMarks(context);
    for (const { format } of found.own) format.delete();
    if (found.own.length > 0) await context.sync();
    return found.own.length;
  });
}

/** Activates the sheet and selects the cell (clicking an issue in the pane). One sync. */
export async function selectCell(context: Excel.RequestContext, cell: CellRef): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(cell.sheet);
  sheet.activate();
  sheet.getRange(cellAddress(cell.row, cell.column)).select();
  await context.sync();
}
