/**
 * What the pane's buttons and the ribbon commands do, as plain async functions over a
 * WorkbookGateway and core: read, validate, mark, fix. No React, no Excel.* (the gateway has it),
 * so the pane stays thin and the commands share the exact same behaviour.
 */
import {
  DEFAULT_SCHEMA,
  inferSchema,
  isBlank,
  type CheckedGrid,
  type IssueCounts,
  type LocatedIssue,
  type SheetGrid,
} from "../core/index";
import type { WorkbookGateway } from "./gateway";
import type { CellFix } from "./fixes";
import type { MarkResult } from "./marks";
import type { SchemaRowProblem } from "./schema-table";
import type { TrackerLayoutResult } from "./workbook-layout";

/** Checking a grid, a run's row as a record and located issues are pure: they live in core. */
export { checkGrid, rowRecord, type CheckedGrid, type LocatedIssue } from "../core/index";

export interface CheckOutcome extends Omit<CheckedGrid, "grid"> {
  /** Null when the workbook has neither a Runs table nor an adopted sheet. */
  grid: SheetGrid | null;
  schemaProblems: SchemaRowProblem[];
  marks: MarkResult | null;
}

const NO_COUNTS: IssueCounts = { error: 0, warning: 0, info: 0 };

/**
 * Reads the workbook, validates the runs and (when `mark` is true) replaces RunSheet's marks
 * with the new issues. The Schema table is used when it describes columns; otherwise the schema
 * is inferred from the sheet.
 */
export async function checkRuns(gateway: WorkbookGateway, options: { mark?: boolean } = {}): Promise<CheckOutcome> {
  const snapshot = await gateway.read();
  const tableSchema = snapshot.schema?.schema ?? null;
  const schemaProblems = snapshot.schema?.problems ?? [];
  if (!snapshot.runs) {
    return {
      grid: null,
      schema: tableSchema ?? { columns: [] },
      schemaOrigin: tableSchema ? "table" : "inferred",
      schemaProblems,
      issues: [],
      counts: NO_COUNTS,
      truncated: false,
      runs: [],
      headerRow: 1,
      marks: null,
    };
  }
  // Validation loads after the pane's first render: the tab shows itself before its first check.
  const [{ checkGrid }, environmentIds] = await Promise.all([import("../core/sheet-check"), gateway.environmentIds()]);
  const checked = checkGrid(snapshot.runs, tableSchema, environmentIds);
  let marks: MarkResult | null = null;
  if (options.mark) {
    const cells = checked.issues.flatMap((i) => (i.cell ? [{ ...i.cell, severity: i.severity }] : []));
    marks = await gateway.mark(snapshot.runs.sheet, cells);
  }
  return { ...checked, schemaProblems, marks };
}

/** The safe fixes among located issues (those with a `fix` and a cell). */
export function fixesOf(issues: readonly LocatedIssue[]): CellFix[] {
  return issues.flatMap((issue) =>
    issue.fix !== undefined && issue.cell ? [{ ...issue.cell, expected: issue.value, value: issue.fix }] : [],
  );
}

/**
 * The runs a schema is inferred from: the Runs table, unless it holds no run yet while a sheet
 * was adopted (a Create tracker that stopped after making the Runs table): then the adopted
 * sheet, so a retry infers the same schema as the first attempt.
 */
async function runsToInferFrom(gateway: WorkbookGateway, runs: SheetGrid | null): Promise<SheetGrid | null> {
  const empty = runs?.source === "table" && runs.grid.slice(1).every((row) => row.every((v) => isBlank(v)));
  if (!runs || !empty) return runs;
  const status = await gateway.status();
  if (!status.adoptedSheet) return runs;
  return (await gateway.readSheet(status.adoptedSheet).catch(() => null)) ?? runs;
}

/**
 * "Create tracker" as the pane does it: when the workbook already has runs (a Runs table or an
 * adopted sheet) but no Schema sheet, the schema written is the one inferred from those runs, so
 * validation stops depending on re-inference after every edit; otherwise the default schema.
 */
export async function setUpTracker(
  gateway: WorkbookGateway,
): Promise<TrackerLayoutResult & { schemaFrom: "default" | "runs" | "existing" }> {
  const snapshot = await gateway.read();
  if (snapshot.schema)
    return {
      ...(await gateway.createTracker(
        snapshot.schema.schema.columns.length > 0 ? snapshot.schema.schema : DEFAULT_SCHEMA,
      )),
      schemaFrom: "existing",
    };
  const runs = await runsToInferFrom(gateway, snapshot.runs);
  if (runs) {
    const headerOption = runs.headerRow !== undefined ? { headerRow: runs.headerRow } : {};
    const inferred = inferSchema(runs.grid, { rowOffset: runs.rowOffset, ...headerOption });
    if (inferred.schema.columns.length > 0)
      return { ...(await gateway.createTracker(inferred.schema)), schemaFrom: "runs" };
  }
  return { ...(await gateway.createTracker(DEFAULT_SCHEMA)), schemaFrom: "default" };
}
