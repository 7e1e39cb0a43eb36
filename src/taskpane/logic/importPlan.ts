/**
 * The Import tab's decisions, pure: when to use the Web Worker, what the confirmed column
 * mapping writes, and whether Import is allowed (never on errors unless "valid rows only").
 */
import {
  goalFromName,
  hasErrors,
  suggestSpec,
  toSheetCells,
  validRowsOnly,
  type ColumnMapping,
  type ParseResult,
  type SheetCells,
  type StepCurve,
} from "../../core/parse/index";
import type { HistoryRow } from "../../excel/index";
import type { ColumnSpec } from "../../core/index";

/** Pastes with more lines than this are parsed in the Web Worker, with progress and Cancel. */
export const WORKER_LINE_THRESHOLD = 2000;

/** True when `text` has more than `threshold` lines (stops counting early). */
export function isLargePaste(text: string, threshold = WORKER_LINE_THRESHOLD): boolean {
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10 && ++lines > threshold) return true;
  }
  return false;
}

/** One mapping row as the user confirms it: unknown columns may be added to the schema. */
export interface MappingChoice extends ColumnMapping {
  /** For unknown columns: add to the schema (and import) when true, skip when false. */
  addToSchema: boolean;
}

/** Initial choices: mapped columns import into their target; unknown ones are offered for the schema (on by default). */
export function initialChoices(mapping: readonly ColumnMapping[], result: ParseResult): MappingChoice[] {
  return mapping.map((m) => {
    if (m.target !== null) return { ...m, addToSchema: false };
    const suggested =
      m.suggested ??
      suggestSpec(
        m.source,
        result.rows.map((r) => r[m.source] ?? null),
      );
    return { ...m, suggested, addToSchema: true };
  });
}

/** The mapping toSheetCells should use: unknown columns go in under their suggested name, or are skipped. */
export function effectiveMapping(choices: readonly MappingChoice[]): ColumnMapping[] {
  return choices.map((c) => {
    if (c.target !== null) return c;
    return { ...c, target: c.addToSchema ? (c.suggested?.name ?? c.source) : null };
  });
}

/** Specs of the unknown columns the user chose to add to the schema. */
export function newSchemaColumns(choices: readonly MappingChoice[]): ColumnSpec[] {
  return choices.flatMap((c) => {
    if (c.target !== null || !c.addToSchema) return [];
    const spec: ColumnSpec = c.suggested ?? { name: c.source, type: "text", role: "meta" };
    if (spec.role === "metric" && !spec.goal) {
      const goal = goalFromName(spec.name);
      if (goal) return [{ ...spec, goal }];
    }
    return [spec];
  });
}

export interface ImportPlan {
  canImport: boolean;
  /** Why Import is disabled, for the button's hint. */
  reason: string | null;
  errors: number;
  warnings: number;
  /** Rows that would be written. */
  rows: number;
  cells: SheetCells | null;
}

const ID_NAMES = new Set(["run_id", "runid", "id"]);

/** True when the confirmed mapping writes a run id column. */
export function mapsRunId(choices: readonly MappingChoice[]): boolean {
  return effectiveMapping(choices).some((m) => m.target !== null && ID_NAMES.has(m.target.trim().toLowerCase()));
}

/**
 * Adds a `run_id` column for pastes without one (a training log is one run): the given id for a
 * single row, `id-1`, `id-2`, ... for several. Text cells shift one column right. Pure.
 */
export function withRunIds(cells: SheetCells, runId: string): SheetCells {
  const id = runId.trim();
  if (id === "" || cells.header.some((h) => ID_NAMES.has(h.trim().toLowerCase()))) return cells;
  const idOf = (i: number) => (cells.cells.length === 1 ? id : `${id}-${i + 1}`);
  const textCells: [number, number][] = cells.textCells.map(([r, c]) => [r, c + 1]);
  // An id like "007" or "=x" must stay text too.
  if (/^[\t\r\n ]*[=+\-@]|^\d/.test(id)) cells.cells.forEach((_, r) => textCells.push([r, 0]));
  return {
    header: ["run_id", ...cells.header],
    cells: cells.cells.map((row, i) => [idOf(i), ...row]),
    textCells,
    textHeader: cells.textHeader.map((c) => c + 1),
  };
}

/** History rows (run_id, metric, x_name, x, value) for a step log's curves, all belonging to `runId`. Pure. */
export function historyRows(curves: readonly StepCurve[] | undefined, runId: string): HistoryRow[] {
  if (!curves || runId.trim() === "") return [];
  return curves.flatMap((curve) =>
    curve.points.map((p): HistoryRow => [runId.trim(), curve.metric, curve.x, p.x, p.y]),
  );
}

/**
 * What clicking Import would do with `result` under the confirmed mapping. `runId` is given
 * (possibly blank) when the paste has no id column: a blank one blocks the import, since runs
 * without ids cannot be told apart or registered.
 */
export function planImport(
  result: ParseResult | null,
  choices: readonly MappingChoice[],
  validRowsOnlyChecked: boolean,
  runId?: string,
): ImportPlan {
  if (!result)
    return {
      canImport: false,
      reason: "Paste or open something to import.",
      errors: 0,
      warnings: 0,
      rows: 0,
      cells: null,
    };
  const errors = result.issues.filter((i) => i.severity === "error").length;
  const warnings = result.issues.length - errors;
  if (hasErrors(result) && !validRowsOnlyChecked) {
    return {
      canImport: false,
      reason: "Fix the errors, or tick “Import valid rows only”.",
      errors,
      warnings,
      rows: 0,
      cells: null,
    };
  }
  const usable = hasErrors(result) ? validRowsOnly(result) : result;
  const mapping = effectiveMapping(choices);
  if (!mapping.some((m) => m.target !== null))
    return { canImport: false, reason: "No column is mapped.", errors, warnings, rows: 0, cells: null };
  if (usable.rows.length === 0)
    return { canImport: false, reason: "There are no rows to import.", errors, warnings, rows: 0, cells: null };
  if (runId !== undefined && runId.trim() === "")
    return { canImport: false, reason: "Give the run an id first.", errors, warnings, rows: 0, cells: null };
  const cells = withRunIds(toSheetCells(usable, mapping), runId ?? "");
  return { canImport: true, reason: null, errors, warnings, rows: cells.cells.length, cells };
}
