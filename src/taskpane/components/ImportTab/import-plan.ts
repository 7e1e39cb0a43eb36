/**
 * The Import tab's decisions, pure: when to use the Web Worker, where each pasted column goes
 * (a schema column, a new one, or nowhere), what the confirmed mapping writes, what the preview
 * reports once checked against the workbook, and whether Import is allowed (never on errors
 * unless "valid rows only").
 */
import {
  goalFromName,
  normalizeName,
  suggestSpec,
  toSheetCells,
  type ColumnMapping,
  type ParseResult,
  type SheetCells,
  type StepCurve,
} from "../../../core/parse/index";
import type { HistoryRow } from "../../../excel/index";
import {
  checkImportRows,
  type ColumnSpec,
  type ImportRowIssue,
  type RunSchema,
  type SheetGrid,
} from "../../../core/index";

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

/** One mapping row as the user confirms it: a schema column, a new column, or skipped. */
export interface MappingChoice extends ColumnMapping {
  /** For columns without a schema target: add to the schema (and import) when true, skip when false. */
  addToSchema: boolean;
}

/** Initial choices: mapped columns import into their target; unknown ones are offered for the schema (on by default). */
export function initialChoices(mapping: readonly ColumnMapping[], result: ParseResult): MappingChoice[] {
  return mapping.map((m) => {
    // Every column gets a spec, so any of them can be turned into a new column later.
    const suggested =
      m.suggested ??
      suggestSpec(
        m.source,
        result.rows.map((r) => r[m.source] ?? null),
      );
    return { ...m, suggested, addToSchema: m.target === null };
  });
}

/** Where a pasted column goes: an existing schema column, a new column, or nowhere. */
export type TargetPick = { kind: "schema"; name: string } | { kind: "new" } | { kind: "skip" };

/** The pick a choice stands for. */
export function pickOf(choice: MappingChoice): TargetPick {
  if (choice.target !== null) return { kind: "schema", name: choice.target };
  return choice.addToSchema ? { kind: "new" } : { kind: "skip" };
}

/** A name for a new column that no schema column and no other new column already has. */
function freeName(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(normalizeName(wanted))) return wanted;
  for (let k = 2; ; k++) if (!taken.has(normalizeName(`${wanted}_${k}`))) return `${wanted}_${k}`;
}

/**
 * The choices after the user points `source` at `pick`. A schema column takes one pasted column:
 * the one that had it before is skipped (the user sees it change and can point it elsewhere). A
 * new column gets its suggested name, made unique against `schemaNames` and the other new ones.
 * Pure; the other choices are returned unchanged.
 */
export function chooseTarget(
  choices: readonly MappingChoice[],
  source: string,
  pick: TargetPick,
  schemaNames: readonly string[],
): MappingChoice[] {
  return choices.map((c) => {
    if (c.source === source) {
      if (pick.kind === "schema") return { ...c, target: pick.name, match: "chosen", addToSchema: false };
      if (pick.kind === "skip") return { ...c, target: null, match: "chosen", addToSchema: false };
      const taken = new Set([
        ...schemaNames.map(normalizeName),
        ...choices
          .filter((o) => o.source !== source && o.target === null && o.addToSchema)
          .map((o) => normalizeName(o.suggested?.name ?? o.source)),
      ]);
      const spec: ColumnSpec = c.suggested ?? { name: c.source, type: "text", role: "meta" };
      return {
        ...c,
        target: null,
        match: "chosen",
        addToSchema: true,
        suggested: { ...spec, name: freeName(spec.name, taken) },
      };
    }
    if (pick.kind === "schema" && c.target === pick.name)
      return { ...c, target: null, match: "chosen", addToSchema: false };
    return c;
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

/** One line of the preview's problem list: from the parser, or from validating against the workbook. */
export interface PreviewIssue {
  /** 1-based line of the pasted text (0 for the paste as a whole). */
  line: number;
  column?: string;
  severity: "error" | "warning";
  message: string;
  /** `parse` for the reading of the text, `check` for the schema and the runs in the workbook. */
  origin: "parse" | "check";
}

/** What the preview is checked against: the runs already in the workbook and the schema. */
export interface ImportContext {
  existing: SheetGrid | null;
  schema: RunSchema;
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
  /** The parser's issues and the validation's, by line. */
  issues: PreviewIssue[];
  /** `sourceRows[i]` is the index in the parse result's rows of `cells.cells[i]`. */
  sourceRows: number[];
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

/**
 * History rows (run_id, metric, x_name, x, value) for the curves of the runs the plan writes:
 * each curve belongs to the parse result's row `curve.row` (0 for a one-run log) and takes that
 * run's id as written; curves of rows left out (errors, `skippedIds` already in the table) are
 * not written. Pure.
 */
export function historyRows(
  curves: readonly StepCurve[] | undefined,
  plan: Pick<ImportPlan, "cells" | "sourceRows">,
  skippedIds: readonly string[] = [],
): HistoryRow[] {
  const cells = plan.cells;
  if (!curves || !cells) return [];
  const idAt = cells.header.findIndex((h) => ID_NAMES.has(h.trim().toLowerCase()));
  if (idAt < 0) return [];
  const skipped = new Set(skippedIds);
  const idOfRow = new Map<number, string>();
  plan.sourceRows.forEach((source, i) => {
    const id = String(cells.cells[i]?.[idAt] ?? "").trim();
    if (id !== "" && !skipped.has(id)) idOfRow.set(source, id);
  });
  return curves.flatMap((curve) => {
    const id = idOfRow.get(curve.row ?? 0);
    return id === undefined ? [] : curve.points.map((p): HistoryRow => [id, curve.metric, curve.x, p.x, p.y]);
  });
}

const NO_ROWS = { rows: 0, cells: null, sourceRows: [] };

/** Indexes of the result's rows that start on a line without a parse error (the rule of validRowsOnly). */
function rowsWithoutParseErrors(result: ParseResult): number[] {
  const bad = new Set(result.issues.filter((i) => i.severity === "error").map((i) => i.line));
  return result.rows.flatMap((_, i) => (bad.has(result.rowLines[i] ?? -1) ? [] : [i]));
}

/** The cells without the rows at `drop` (text-cell positions follow their rows). */
function dropRows(cells: SheetCells, drop: ReadonlySet<number>): SheetCells {
  if (drop.size === 0) return cells;
  const newIndex = new Map<number, number>();
  cells.cells.forEach((_, i) => {
    if (!drop.has(i)) newIndex.set(i, newIndex.size);
  });
  return {
    header: cells.header,
    cells: cells.cells.filter((_, i) => !drop.has(i)),
    textCells: cells.textCells.flatMap(([r, c]): [number, number][] => {
      const at = newIndex.get(r);
      return at === undefined ? [] : [[at, c]];
    }),
    textHeader: cells.textHeader,
  };
}

function previewIssues(result: ParseResult, checked: ImportRowIssue[], lines: readonly number[]): PreviewIssue[] {
  const out: PreviewIssue[] = result.issues.map((i) => ({
    line: i.line,
    ...(i.column !== undefined ? { column: i.column } : {}),
    severity: i.severity,
    message: i.message,
    origin: "parse" as const,
  }));
  for (const i of checked) {
    if (i.severity !== "error" && i.severity !== "warning") continue;
    out.push({
      line: i.index === null ? 0 : (lines[i.index] ?? 0),
      column: i.column,
      severity: i.severity,
      message: i.message,
      origin: "check",
    });
  }
  return out
    .map((issue, k) => ({ issue, k }))
    .sort((a, b) => a.issue.line - b.issue.line || a.k - b.k)
    .map((x) => x.issue);
}

/**
 * What clicking Import would do with `result` under the confirmed mapping. `runId` is given
 * (possibly blank) when the paste has no id column: a blank one blocks the import, since runs
 * without ids cannot be told apart or registered. With `context`, the rows are validated against
 * the schema (plus the new columns chosen) and the runs already in the workbook, so a duplicate
 * run_id or a status typo is an error here, before anything is written; errors of either kind
 * block the import unless "valid rows only" is ticked, which leaves those rows out.
 */
export function planImport(
  result: ParseResult | null,
  choices: readonly MappingChoice[],
  validRowsOnlyChecked: boolean,
  runId?: string,
  context?: ImportContext,
): ImportPlan {
  if (!result)
    return {
      canImport: false,
      reason: "Paste or open something to import.",
      errors: 0,
      warnings: 0,
      issues: [],
      ...NO_ROWS,
    };
  const parseErrors = result.issues.filter((i) => i.severity === "error").length;
  const parseWarnings = result.issues.length - parseErrors;
  const keep = validRowsOnlyChecked ? rowsWithoutParseErrors(result) : result.rows.map((_, i) => i);
  const usable: ParseResult = {
    ...result,
    rows: keep.map((i) => result.rows[i] ?? {}),
    rowLines: keep.map((i) => result.rowLines[i] ?? 0),
  };
  const mapping = effectiveMapping(choices);
  const mapped = mapping.some((m) => m.target !== null);
  const idMissing = runId !== undefined && runId.trim() === "";
  let cells = mapped ? withRunIds(toSheetCells(usable, mapping), runId ?? "") : null;
  let sourceRows = keep;
  const checked =
    cells && context && !idMissing
      ? checkImportRows(
          context.existing,
          { ...context.schema, columns: [...context.schema.columns, ...newSchemaColumns(choices)] },
          cells.header,
          cells.cells,
          usable.rowLines,
        )
      : null;
  const errors = parseErrors + (checked?.errors ?? 0);
  const warnings = parseWarnings + (checked?.warnings ?? 0);
  const issues = previewIssues(result, checked?.issues ?? [], usable.rowLines);
  const blocked = (reason: string): ImportPlan => ({
    canImport: false,
    reason,
    errors,
    warnings,
    issues,
    ...NO_ROWS,
  });
  if (errors > 0 && !validRowsOnlyChecked) return blocked("Fix the errors, or tick “Import valid rows only”.");
  if (!cells) return blocked("No column is mapped.");
  if (idMissing) return blocked("Give the run an id first.");
  if (checked && checked.badRows.size > 0) {
    cells = dropRows(cells, checked.badRows);
    sourceRows = sourceRows.filter((_, i) => !checked.badRows.has(i));
  }
  if (cells.cells.length === 0) return blocked("There are no rows to import.");
  return { canImport: true, reason: null, errors, warnings, rows: cells.cells.length, cells, issues, sourceRows };
}
