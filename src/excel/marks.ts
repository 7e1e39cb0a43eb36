/**
 * Issue marks in the sheet that never destroy the user's own formatting: each issue cell gets a
 * conditional format whose rule is a RunSheet sentinel formula (always true), so the fill sits
 * on top of the user's format and removing it restores exactly what was there. The marked
 * addresses are kept in a workbook setting; on re-marking, only conditional formats on those
 * cells whose formula is the sentinel are deleted, never the user's own rules.
 * Also: selecting an issue's cell, and applying safe fixes.
 */
import { columnLetter, type Severity } from "../core/index";
import { detectCapabilities, type Capabilities } from "./capabilities";
import { SETTINGS, TEXT_FORMAT } from "./constants";
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

export interface CellMark extends CellRef {
  severity: Severity;
}

interface StoredMarks {
  sheet: string;
  cells: string[];
}

function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

function parseStored(value: unknown): StoredMarks | null {
  if (typeof value !== "string") return null;
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed && typeof parsed === "object" && "sheet" in parsed && "cells" in parsed) {
      const { sheet, cells } = parsed as { sheet: unknown; cells: unknown };
      if (typeof sheet === "string" && Array.isArray(cells))
        return { sheet, cells: cells.filter((c): c is string => typeof c === "string") };
    }
  } catch {
    // A setting someone edited by hand: treat as no marks.
  }
  return null;
}

/**
 * Queues the deletion of RunSheet's own marks (sentinel conditional formats on the stored
 * cells). Up to three syncs: the setting, the cells' formats, the custom rules' formulas; the
 * deletions are queued for the caller's next sync. Returns how many marks will be removed.
 */
async function queueRemoveOwnMarks(context: Excel.RequestContext): Promise<number> {
  const setting = context.workbook.settings.getItemOrNullObject(SETTINGS.marks);
  setting.load("value");
  await context.sync();
  const stored = setting.isNullObject ? null : parseStored(setting.value);
  if (!stored || stored.cells.length === 0) return 0;
  const sheet = context.workbook.worksheets.getItemOrNullObject(stored.sheet);
  sheet.load("name");
  await context.sync();
  if (sheet.isNullObject) return 0;
  const collections = stored.cells.map((address) => {
    const formats = sheet.getRange(address).conditionalFormats;
    formats.load("items/type");
    return formats;
  });
  await context.sync();
  const customs: { format: Excel.ConditionalFormat; rule: Excel.ConditionalFormatRule }[] = [];
  for (const formats of collections) {
    for (const format of formats.items) {
      // `custom` is only valid on Custom formats, hence the type check first.
      if (format.type !== "Custom") continue;
      const rule = format.custom.rule;
      rule.load("formula");
      customs.push({ format, rule });
    }
  }
  if (customs.length === 0) return 0;
  await context.sync();
  let removed = 0;
  for (const { format, rule } of customs) {
    if (rule.formula.startsWith(SENTINEL_PREFIX)) {
      format.delete();
      removed++;
    }
  }
  return removed;
}

export interface MarkResult {
  marked: number;
  removed: number;
  /** Marks not drawn because of MAX_MARKS (the pane still lists every issue). */
  omitted: number;
  supported: boolean;
}

/**
 * Replaces RunSheet's marks with `marks` (errors red, warnings yellow; info is not marked).
 * One cell with several issues gets one mark of its worst severity. Syncs: up to four to find
 * the old marks, then one to write.
 */
export async function markIssues(
  context: Excel.RequestContext,
  sheetName: string,
  marks: readonly CellMark[],
  capabilities: Capabilities = detectCapabilities(),
): Promise<MarkResult> {
  if (!capabilities.conditionalFormats || !capabilities.settings)
    return { marked: 0, removed: 0, omitted: marks.length, supported: false };
  const removed = await queueRemoveOwnMarks(context);
  const worst = new Map<string, "error" | "warning">();
  for (const mark of marks) {
    if (mark.severity === "info" || mark.sheet !== sheetName) continue;
    const address = cellAddress(mark.row, mark.column);
    if (mark.severity === "error" || !worst.has(address)) worst.set(address, mark.severity);
  }
  const entries = [...worst.entries()].slice(0, MAX_MARKS);
  const sheet = context.workbook.worksheets.getItem(sheetName);
  for (const [address, severity] of entries) {
    const format = sheet.getRange(address).conditionalFormats.add("Custom");
    format.custom.rule.formula = MARK_FORMULA[severity];
    format.custom.format.fill.color = MARK_STYLE[severity].fill;
    format.custom.format.font.color = MARK_STYLE[severity].font;
  }
  const stored: StoredMarks = { sheet: sheetName, cells: entries.map(([address]) => address) };
  context.workbook.settings.add(SETTINGS.marks, JSON.stringify(stored));
  await context.sync();
  return { marked: entries.length, removed, omitted: worst.size - entries.length, supported: true };
}

/** Removes every RunSheet mark (and only those). */
export async function clearMarks(
  context: Excel.RequestContext,
  capabilities: Capabilities = detectCapabilities(),
): Promise<number> {
  if (!capabilities.conditionalFormats || !capabilities.settings) return 0;
  const removed = await queueRemoveOwnMarks(context);
  context.workbook.settings.add(SETTINGS.marks, JSON.stringify({ sheet: "", cells: [] }));
  await context.sync();
  return removed;
}

/** Activates the sheet and selects the cell (clicking an issue in the pane). One sync. */
export async function selectCell(context: Excel.RequestContext, cell: CellRef): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(cell.sheet);
  sheet.activate();
  sheet.getRange(cellAddress(cell.row, cell.column)).select();
  await context.sync();
}

/** A safe fix: replace `expected` (what validation saw) by `value`. */
export interface CellFix extends CellRef {
  expected: string | number | boolean | null;
  value: string | number | boolean;
}

export interface FixResult {
  applied: number;
  /** Cells left alone because someone changed them since validation. */
  stale: CellRef[];
}

function sameValue(a: unknown, b: string | number | boolean | null): boolean {
  if (b === null) return a === "" || a === null;
  return a === b;
}

/**
 * Applies safe fixes in two syncs (read, write). A cell is only written when it still holds the
 * value validation saw, so a co-author's edit in between is never overwritten. A number going
 * into a text-formatted cell gets the General format, otherwise Excel would store it as text again.
 */
export async function applyFixes(context: Excel.RequestContext, fixes: readonly CellFix[]): Promise<FixResult> {
  if (fixes.length === 0) return { applied: 0, stale: [] };
  const targets = fixes.map((fix) => {
    const range = context.workbook.worksheets.getItem(fix.sheet).getRange(cellAddress(fix.row, fix.column));
    range.load("values,numberFormat");
    return { fix, range };
  });
  await context.sync();
  const stale: CellRef[] = [];
  let applied = 0;
  for (const { fix, range } of targets) {
    const current: unknown = range.values[0]?.[0];
    if (!sameValue(current, fix.expected)) {
      stale.push({ sheet: fix.sheet, row: fix.row, column: fix.column });
      continue;
    }
    if (typeof fix.value !== "string" && range.numberFormat[0]?.[0] === TEXT_FORMAT) range.numberFormat = [["General"]];
    if (typeof fix.value === "string" && /^[=+\-@]/.test(fix.value)) range.numberFormat = [[TEXT_FORMAT]];
    range.values = [[fix.value]];
    applied++;
  }
  if (applied > 0) await context.sync();
  return { applied, stale };
}
