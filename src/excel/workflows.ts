/**
 * What the pane's buttons and the ribbon commands do, as plain async functions over a
 * WorkbookGateway and core: read, validate, mark, fix. No React, no Excel.* (the gateway has it),
 * so the pane stays thin and the commands share the exact same behaviour.
 */
import {
  inferSchema,
  isBlank,
  validate,
  type CellValue,
  type IssueCounts,
  type Run,
  type RunSchema,
  type ValidationIssue,
} from "../core/index";
import type { WorkbookGateway } from "./gateway";
import { cellLocator, type CellRef } from "./locate";
import type { CellFix } from "./fixes";
import type { MarkResult } from "./marks";
import type { SheetGrid } from "./read-runs";
import type { SchemaRowProblem } from "./schema-table";
import type { TrackerLayoutResult } from "./workbook-layout";
import { DEFAULT_SCHEMA } from "./default-schema";

export interface LocatedIssue extends ValidationIssue {
  /** The sheet cell, or null when the column is not in the header. */
  cell: CellRef | null;
}

export interface CheckOutcome {
  /** Null when the workbook has neither a Runs table nor an adopted sheet. */
  grid: SheetGrid | null;
  schema: RunSchema;
  schemaOrigin: "table" | "inferred";
  schemaProblems: SchemaRowProblem[];
  issues: LocatedIssue[];
  counts: IssueCounts;
  truncated: boolean;
  runs: Run[];
  headerRow: number;
  marks: MarkResult | null;
}

const NO_COUNTS: IssueCounts = { error: 0, warning: 0, info: 0 };

/** Validates the given grid against `schema` (or one inferred from it) and locates each issue's cell. Pure. */
export function checkGrid(
  grid: SheetGrid,
  tableSchema: RunSchema | null,
  environmentIds: readonly string[] = [],
): Omit<CheckOutcome, "marks" | "schemaProblems"> {
  const headerOption = grid.headerRow !== undefined ? { headerRow: grid.headerRow } : {};
  const inferred =
    tableSchema && tableSchema.columns.length > 0
      ? null
      : inferSchema(grid.grid, { rowOffset: grid.rowOffset, ...headerOption });
  const schema = inferred ? inferred.schema : (tableSchema ?? { columns: [] });
  const headerRow = grid.headerRow ?? inferred?.headerRow;
  const result = validate(grid.grid, schema, {
    rowOffset: grid.rowOffset,
    ...(headerRow !== undefined ? { headerRow } : {}),
    // Unknown environment ids are only flagged once the workbook stores environments.
    ...(environmentIds.length > 0 ? { knownEnvironments: new Set(environmentIds) } : {}),
  });
  const locate = cellLocator(grid, result.headerRow);
  return {
    grid,
    schema: result.schema,
    schemaOrigin: inferred ? "inferred" : "table",
    issues: result.issues.map((issue) => ({ ...issue, cell: locate(issue) })),
    counts: result.counts,
    truncated: result.truncated,
    runs: result.runs,
    headerRow: result.headerRow,
  };
}

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
  const checked = checkGrid(snapshot.runs, tableSchema, await gateway.environmentIds());
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

/** A run's whole row as `header -> raw cell value`, for the Registry's frozen copy. */
export function rowRecord(grid: SheetGrid, headerRow: number, excelRow: number): Record<string, CellValue> {
  const header = grid.grid[headerRow - grid.rowOffset] ?? [];
  const row = grid.grid[excelRow - grid.rowOffset] ?? [];
  const record: Record<string, CellValue> = {};
  header.forEach((h, i) => {
    const name = String(h ?? "").trim();
    if (name !== "") record[name] = row[i] ?? null;
  });
  return record;
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
