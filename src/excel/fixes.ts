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
 *
 * Putting a co-author's value back is itself a write that can fail or race: see restore below.
 * Excel has no documented way to make a write conditional on what a cell holds within one batch
 * (no compare-and-set; a batch is a list of commands, and a failed `context.sync()` is not
 * documented to apply nothing: https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-core-concepts
 * and https://learn.microsoft.com/en-us/javascript/api/office/officeextension.clientrequestcontext#officeextension-officeextension-clientrequestcontext-sync-member(1)).
 * The nearest, `Range.replaceAll` with `completeMatch` and `matchCase`
 * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-replaceall-member(1)),
 * matches the cell's text only: it cannot check the row's run id, and how the replacement is
 * typed (number, text, a leading "=") is not documented, so it is not used. The only guard left
 * is the one used here: load the cell right before the write in the same request, and undo a
 * write that found the cell changed.
 */
import type { CellValue, RunSchema } from "../core/index";
import { writeSafe } from "./safe-write";
import { TEXT_FORMAT } from "./constants";
import { cellLocator, type CellRef } from "./locate";
import type { SheetGrid } from "./read-runs";
import { columnLetter } from "../core/index";
import { describeError } from "./errors";

/**
 * The request that writes the fixes failed. It may have applied in part, and the values it
 * found are not delivered, so a co-author's edit that landed just before it cannot be known:
 * the message names the cells it wrote, for the user to check. Applying the fixes again
 * finishes them.
 */
export class FixInterruptedError extends Error {
  constructor(
    readonly cells: readonly CellRef[],
    override readonly cause: unknown,
  ) {
    const shown = cells.slice(0, MAX_NAMED).map((c) => `${c.sheet}!${cellAddress(c.row, c.column)}`);
    const more = cells.length > MAX_NAMED ? ` and ${cells.length - MAX_NAMED} more` : "";
    super(
      `Excel stopped while writing the fixes (${describeError(cause)}) Some may be written; ` +
        `Fix again to finish them. If someone else edited ${shown.join(", ")}${more} in the moments ` +
        `before, check those cells: their edit may have been overwritten.`,
    );
    this.name = "FixInterruptedError";
  }
}

/** Cells named in a message before "and N more". */
const MAX_NAMED = 10;

/** A safe fix: replace `expected` (what validation saw) by `value`. */
export interface CellFix extends CellRef {
  expected: string | number | boolean | null;
  value: string | number | boolean;
  /** The row's id cell (0-based sheet column) and the run id validation saw there. */
  anchor?: { column: number; value: string | number | boolean };
  /** The column's header, to name the cell in a message. */
  columnName?: string;
}

/** A co-author's edit RunSheet overwrote and could not put back: the user retypes `value`. */
export interface UnrestoredEdit {
  sheet: string;
  /** A1 address of the cell, e.g. "B4". */
  address: string;
  /** The run id the row held when the value was overwritten, when the runs have ids. */
  runId?: string | number | boolean;
  column?: string;
  /** What the co-author had typed: the formula when it was one, else the value. */
  value: string | number | boolean;
}

export interface FixResult {
  applied: number;
  /** Cells left alone because someone changed them since validation, or moved their row. */
  stale: CellRef[];
  /** Of `stale`, the cells whose row now holds another run. */
  moved: CellRef[];
  /** Cells that already held the fixed value (a retry after a failed sync). */
  alreadyFixed: number;
  /** Co-author edits overwritten by a fix that could not be put back (rare; said to the user). */
  unrestored: UnrestoredEdit[];
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
    const header = grid.grid[checked.headerRow - grid.rowOffset]?.[fix.column - grid.columnOffset];
    const named = typeof header === "string" && header !== "" ? { ...fix, columnName: header } : fix;
    const cell = locate({ row: fix.row, column: idName });
    if (!cell || cell.column === fix.column) return named;
    const value = grid.grid[fix.row - grid.rowOffset]?.[cell.column - grid.columnOffset];
    if (value === null || value === undefined || value === "") return named;
    return { ...named, anchor: { column: cell.column, value } };
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
  const result: FixResult = { applied: 0, stale: [], moved: [], alreadyFixed: 0, unrestored: [] };
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
  try {
    await context.sync();
  } catch (error) {
    throw new FixInterruptedError(
      writable.map(({ fix }) => ({ sheet: fix.sheet, row: fix.row, column: fix.column })),
      error,
    );
  }
  const clobbered: Target[] = [];
  for (const target of written) {
    const verdict = verdictOf(target);
    if (verdict === "ok") result.applied++;
    else if (verdict === "fixed") result.alreadyFixed++;
    else {
      skip(target.fix, verdict);
      clobbered.push(target);
    }
  }
  // A co-author changed these cells after the first read: put back exactly what they held.
  result.unrestored = await restoreEdits(
    context,
    clobbered.map((target) => pendingFrom(target, target.fix.value)),
  );
  return result;
}

/** What a cell held when it was loaded, enough to write it back as it was. */
interface Snapshot {
  value: unknown;
  formula: unknown;
  format: string;
  /** The run id its row held, when the fix has an anchor. */
  runId?: string | number | boolean;
}

function snapshotOf({ fix, cell, anchor }: Target): Snapshot {
  const runId: unknown = anchor?.values[0]?.[0] ?? fix.anchor?.value;
  return {
    value: cell.values[0]?.[0],
    formula: cell.formulas[0]?.[0],
    format: String(cell.numberFormat[0]?.[0] ?? "General"),
    ...(typeof runId === "string" || typeof runId === "number" || typeof runId === "boolean" ? { runId } : {}),
  };
}

/** A value to put back: `theirs` into the fix's cell, which should now hold `ours`. */
interface Pending {
  fix: CellFix;
  ours: unknown;
  theirs: Snapshot;
}

/**
 * What `target` held when loaded, to be put back over `ours` (what RunSheet then wrote there),
 * anchored on the run its row held then, so a later check compares with that run.
 */
function pendingFrom(target: Target, ours: unknown): Pending {
  const theirs = snapshotOf(target);
  const { anchor: _previous, ...rest } = target.fix;
  const fix: CellFix =
    target.fix.anchor && theirs.runId !== undefined
      ? { ...rest, anchor: { column: target.fix.anchor.column, value: theirs.runId } }
      : rest;
  return { fix, ours, theirs };
}

/** Restore requests tried before the user is asked to retype what could not be put back. */
const RESTORE_ATTEMPTS = 3;

/**
 * Puts co-authors' values back, with the values held in memory, so a failed restore request is
 * simply sent again (one sync per attempt, at most RESTORE_ATTEMPTS). Each request loads the
 * cell and its run id right before writing it back:
 * - it held what RunSheet wrote, or already the co-author's value: done;
 * - a newer edit (neither value): that edit was just overwritten, so it is the one to put back
 *   next, keeping the newest edit;
 * - its row now holds another run: the value went into that run's row, which gets its own
 *   value back next, and the co-author's value is reported (its row moved away).
 * What is still pending after the last attempt is returned, never dropped.
 */
async function restoreEdits(context: Excel.RequestContext, first: Pending[]): Promise<UnrestoredEdit[]> {
  const unrestored: UnrestoredEdit[] = [];
  const attempt = async (pending: Pending[], left: number): Promise<void> => {
    if (pending.length === 0) return;
    if (left === 0) {
      unrestored.push(...pending.map(unrestoredOf));
      return;
    }
    const targets = pending.map((p) => {
      const target = queueTarget(context, p.fix);
      queueRestore(target.cell, p.theirs);
      return target;
    });
    try {
      await context.sync();
    } catch {
      // Part of it may have applied; the next request's loads tell which cells still need it.
      await attempt(pending, left - 1);
      return;
    }
    const next: Pending[] = [];
    pending.forEach((p, i) => {
      const target = targets[i];
      if (!target) return;
      const moved = p.fix.anchor && !sameValue(target.anchor?.values[0]?.[0], p.fix.anchor.value);
      const held: unknown = target.cell.values[0]?.[0];
      if (moved) {
        unrestored.push(unrestoredOf(p));
        next.push(pendingFrom(target, p.theirs.value));
      } else if (!sameValue(held, p.ours as CellValue) && !sameValue(held, p.theirs.value as CellValue)) {
        next.push(pendingFrom(target, p.theirs.value));
      }
    });
    await attempt(next, left - 1);
  };
  await attempt(first, RESTORE_ATTEMPTS);
  return unrestored;
}

function unrestoredOf({ fix, theirs }: Pending): UnrestoredEdit {
  const formula = theirs.formula;
  const typed = typeof formula === "string" && formula.startsWith("=") ? formula : theirs.value;
  return {
    sheet: fix.sheet,
    address: cellAddress(fix.row, fix.column),
    ...(theirs.runId !== undefined ? { runId: theirs.runId } : {}),
    ...(fix.columnName !== undefined ? { column: fix.columnName } : {}),
    value: typeof typed === "string" || typeof typed === "number" || typeof typed === "boolean" ? typed : "",
  };
}

/**
 * Writes `snapshot` back into `cell`: its formula (the user's own), or its number format and
 * value through safe-write, so text stays text and the format is the cell's.
 */
function queueRestore(cell: Excel.Range, snapshot: Snapshot): void {
  const { format, value, formula } = snapshot;
  if (typeof formula === "string" && formula.startsWith("=") && formula !== value) {
    cell.numberFormat = [[format]];
    cell.formulas = [[formula]];
  } else {
    writeSafe(cell, [[value as string | number | boolean]], { formats: [format], keepFormats: true });
  }
}
