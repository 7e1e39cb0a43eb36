/**
 * One-click safe fixes (number stored as text, stray spaces, case of a choice), written so that
 * a co-author's work is never overwritten:
 * - a fix carries the value validation saw and, when the runs have ids, the run id of its row;
 * - the batch that writes a fix loads the cell and the row's id right before the write, in the
 *   same request, so a change that landed at any moment before the write is seen;
 * - a cell that no longer holds the value, or whose row now holds another run (a co-author
 *   inserted, deleted or sorted rows), is left alone, and if the writing request itself found
 *   it changed, what it held is put back in the next sync; either way the fix reports it.
 * Every write goes through safe-write: text with the Text format first; a number keeps the
 * cell's own number format, except Text ("@"), which becomes General so Excel stores a number;
 * a restored cell gets back its format and its value (text with the quote prefix where the
 * format is not Text). A cell that already holds the fixed value counts as fixed, so a retry
 * after a failed sync gives the clean result.
 */
import type { CellValue, RunSchema } from "../core/index";
import { writeSafe } from "./safe-write";
import { TEXT_FORMAT } from "./constants";
import { cellLocator, type CellRef } from "./locate";
import type { SheetGrid } from "./read-runs";
import { columnLetter } from "../core/index";

/** A safe fix: replace `expected` (what validation saw) by `value`. */
export interface CellFix extends CellRef {
  expected: string | number | boolean | null;
  value: string | number | boolean;
  /** The row's id cell (0-based sheet column) and the run id validation saw there. */
  anchor?: { column: number; value: string | number | boolean };
}

export interface FixResult {
  applied: number;
  /** Cells left alone because someone changed them since validation, or moved their row. */
  stale: CellRef[];
  /** Of `stale`, the cells whose row now holds another run. */
  moved: CellRef[];
  /** Cells that already held the fixed value (a retry after a failed sync). */
  alreadyFixed: number;
}

function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

function sameValue(a: unknown, b: CellValue): boolean {
  if (b === null) return a === "" || a === null;
  return a === b;
}

/**
 * Adds to each fix the run id of its row (the schema's `id` column, else `run_id`), as read in
 * `grid`, so the writing batch can tell that the row still holds the same run. Pure.
 */
export function anchorFixes(
  fixes: readonly CellFix[],
  checked: { grid: SheetGrid | null; headerRow: number; schema: RunSchema },
): CellFix[] {
  const grid = checked.grid;
  if (!grid) return [...fixes];
  const idName = checked.schema.columns.find((c) => c.role === "id")?.name ?? "run_id";
  const locate = cellLocator(grid, checked.headerRow);
  return fixes.map((fix) => {
    const cell = locate({ row: fix.row, column: idName });
    if (!cell || cell.column === fix.column) return fix;
    const value = grid.grid[fix.row - grid.rowOffset]?.[cell.column - grid.columnOffset];
    if (value === null || value === undefined || value === "") return fix;
    return { ...fix, anchor: { column: cell.column, value } };
  });
}

interface Target {
  fix: CellFix;
  cell: Excel.Range;
  anchor: Excel.Range | null;
}

/** Queues loading the fix's cell and anchor (values, plus what is needed to restore the cell). */
function queueTarget(context: Excel.RequestContext, fix: CellFix): Target {
  const sheet = context.workbook.worksheets.getItem(fix.sheet);
  const cell = sheet.getRange(cellAddress(fix.row, fix.column));
  cell.load("values,formulas,numberFormat");
  const anchor = fix.anchor ? sheet.getRange(cellAddress(fix.row, fix.anchor.column)) : null;
  anchor?.load("values");
  return { fix, cell, anchor };
}

type Verdict = "ok" | "fixed" | "changed" | "moved";

function verdictOf({ fix, cell, anchor }: Target): Verdict {
  if (fix.anchor && anchor && !sameValue(anchor.values[0]?.[0], fix.anchor.value)) return "moved";
  const current: unknown = cell.values[0]?.[0];
  if (sameValue(current, fix.value)) return "fixed";
  return sameValue(current, fix.expected) ? "ok" : "changed";
}

/**
 * Applies safe fixes: one sync to read, one to write (which re-reads each cell in the same
 * request, right before its write), and a third only when a co-author changed a cell between
 * the two. Cells changed since validation are left as the co-author left them.
 */
export async function applyFixes(context: Excel.RequestContext, fixes: readonly CellFix[]): Promise<FixResult> {
  const result: FixResult = { applied: 0, stale: [], moved: [], alreadyFixed: 0 };
  if (fixes.length === 0) return result;
  const skip = (fix: CellFix, verdict: Verdict): void => {
    const ref = { sheet: fix.sheet, row: fix.row, column: fix.column };
    if (verdict === "fixed") result.alreadyFixed++;
    else result.stale.push(ref);
    if (verdict === "moved") result.moved.push(ref);
  };

  const first = fixes.map((fix) => queueTarget(context, fix));
  await context.sync();
  const writable: { fix: CellFix; format: string }[] = [];
  for (const target of first) {
    const verdict = verdictOf(target);
    if (verdict === "ok") writable.push({ fix: target.fix, format: String(target.cell.numberFormat[0]?.[0] ?? "") });
    else skip(target.fix, verdict);
  }
  if (writable.length === 0) return result;

  // The writing batch: each cell and its anchor are loaded right before the cell is written.
  const written = writable.map(({ fix, format }) => {
    const target = queueTarget(context, fix);
    // A number keeps the cell's format; only Text has to go, or Excel would store text again.
    writeSafe(target.cell, [[fix.value]], { formats: [format === TEXT_FORMAT ? "General" : null] });
    return target;
  });
  await context.sync();
  const restore: Target[] = [];
  for (const target of written) {
    const verdict = verdictOf(target);
    if (verdict === "ok") result.applied++;
    else if (verdict === "fixed") result.alreadyFixed++;
    else {
      skip(target.fix, verdict);
      restore.push(target);
    }
  }
  // A co-author changed these cells after the first read: put back exactly what they held.
  for (const target of restore) queueRestore(target.cell);
  if (restore.length > 0) await context.sync();
  return result;
}

/**
 * Writes back what `cell` held when it was loaded: its formula (the user's own), or its number
 * format and value through safe-write, so text stays text and the format is the cell's.
 */
function queueRestore(cell: Excel.Range): void {
  const format = String(cell.numberFormat[0]?.[0] ?? "General");
  const value: unknown = cell.values[0]?.[0];
  const formula: unknown = cell.formulas[0]?.[0];
  if (typeof formula === "string" && formula.startsWith("=") && formula !== value) {
    cell.numberFormat = [[format]];
    cell.formulas = [[formula]];
  } else {
    writeSafe(cell, [[value as string | number | boolean]], { formats: [format], keepFormats: true });
  }
}
