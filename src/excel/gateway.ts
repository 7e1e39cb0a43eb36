/**
 * The workbook as the task pane and the ribbon commands see it: plain async functions, each one
 * Excel.run batch over the functions of this folder. The UI never touches Excel.* itself (lint
 * enforces it), and tests or the playground can hand in another runner.
 */
import type { RunSchema } from "../core/index";
import { detectCapabilities, type Capabilities } from "./capabilities";
import { probeTextFormat } from "./safe-write";
import {
  applyFixes,
  clearMarks,
  markIssues,
  selectCell,
  type CellFix,
  type CellMark,
  type FixResult,
  type MarkResult,
} from "./marks";
import type { CellRef } from "./locate";
import {
  adoptActiveSheet,
  readSchemaTable,
  readSheetUsedRange,
  readTrackerStatus,
  readWorkbook,
  type SheetGrid,
  type TrackerStatus,
  type WorkbookSnapshot,
} from "./read-runs";
import type { SchemaFromRows } from "./schema-table";
import { registerBest, type RegisterResult, type RegistryEntry } from "./registry";
import { excelRunAfterCellEdit, subscribeToChanges, type SheetChange, type Subscription } from "./events";
import { createTracker, type TrackerLayoutResult } from "./workbook-layout";
import { readExperiments, writeReport, type ReportWriteResult } from "./report";
import { appendHistory, type HistoryResult, type HistoryRow } from "./history";
import { readHistory } from "./curves";
import { writeMarksLegend, type LegendResult } from "./runs-legend";
import { writeSummary, type SummaryWriteResult } from "./summary-sheet";
import type { ExperimentInfo, HistoryPoint, ReportSpec, SummaryTable } from "../core/index";
import { addSchemaColumns, appendRuns, type AppendResult } from "./write-runs";
import type { CellValue } from "../core/index";
import type { EnvFormat } from "../core/env/index";
import {
  readEnvironmentIds,
  readEnvironments,
  storeEnvironment,
  type StoreEnvironmentResult,
  type StoredEnvironments,
} from "./environments";

/** Runs a batch against the workbook, like `Excel.run`. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel.run on the global Excel (Office, or the simulator's installed globals). */
export const excelRun: ExcelRunner = (batch) => Excel.run(batch);

export interface WorkbookGateway {
  capabilities(): Capabilities;
  /** The same gateway, its batches waiting while the user edits a cell (for automatic work). */
  afterCellEdit(): WorkbookGateway;
  status(): Promise<TrackerStatus>;
  createTracker(schema?: RunSchema): Promise<TrackerLayoutResult>;
  adoptActiveSheet(): Promise<string>;
  read(): Promise<WorkbookSnapshot>;
  readSchema(): Promise<SchemaFromRows | null>;
  readSheet(name: string): Promise<SheetGrid | null>;
  mark(sheet: string, marks: readonly CellMark[]): Promise<MarkResult>;
  clearMarks(): Promise<number>;
  select(cell: CellRef): Promise<void>;
  applyFixes(fixes: readonly CellFix[]): Promise<FixResult>;
  appendRuns(
    header: readonly string[],
    cells: readonly (readonly CellValue[])[],
    textCells?: readonly (readonly [number, number])[],
  ): Promise<AppendResult>;
  addSchemaColumns(rows: readonly (readonly (string | number | boolean)[])[]): Promise<number>;
  registerBest(entry: RegistryEntry): Promise<RegisterResult>;
  subscribe(sheet: string, onChange: (change: SheetChange) => void): Promise<Subscription>;
  readExperiments(): Promise<ExperimentInfo[]>;
  writeReport(spec: ReportSpec): Promise<ReportWriteResult>;
  appendHistory(rows: readonly HistoryRow[]): Promise<HistoryResult>;
  readHistory(): Promise<HistoryPoint[]>;
  writeSummary(table: SummaryTable): Promise<SummaryWriteResult>;
  writeMarksLegend(): Promise<LegendResult>;
  storeEnvironment(text: string, format?: EnvFormat): Promise<StoreEnvironmentResult>;
  readEnvironments(): Promise<StoredEnvironments>;
  /** Ids on the Environments sheet; empty when the workbook has none. */
  environmentIds(): Promise<string[]>;
}

/**
 * A gateway over `run` (default: the global Excel.run); `runAfterCellEdit` backs
 * `afterCellEdit()` (default: Excel.run with delayForCellEdit when `run` is the global one).
 * Before its first write of outside text it checks once that the host keeps Text-formatted
 * cells as text (safe-write's probe), unless `options.probeTextFormat` is false.
 */
export function createWorkbookGateway(
  run: ExcelRunner = excelRun,
  runAfterCellEdit: ExcelRunner = run === excelRun ? excelRunAfterCellEdit : run,
  options: { probeTextFormat?: boolean } = {},
): WorkbookGateway {
  const capabilities = detectCapabilities();
  let deferred: WorkbookGateway | undefined;
  let probed: Promise<unknown> | null = options.probeTextFormat === false ? Promise.resolve() : null;
  /** Runs `batch` after the once-per-start probe (a probe that fails keeps the Text format). */
  const write = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    probed ??= run((ctx) => probeTextFormat(ctx)).catch(() => undefined);
    return probed.then(() => run(batch));
  };
  const gateway: WorkbookGateway = {
    capabilities: () => capabilities,
    afterCellEdit: () =>
      runAfterCellEdit === run
        ? gateway
        : (deferred ??= createWorkbookGateway(runAfterCellEdit, runAfterCellEdit, options)),
    status: () => run((ctx) => readTrackerStatus(ctx)),
    createTracker: (schema) => write((ctx) => createTracker(ctx, schema, capabilities)),
    adoptActiveSheet: () => run((ctx) => adoptActiveSheet(ctx)),
    read: () => run((ctx) => readWorkbook(ctx)),
    readSchema: () => run((ctx) => readSchemaTable(ctx)),
    readSheet: (name) => run((ctx) => readSheetUsedRange(ctx, name)),
    mark: (sheet, marks) => run((ctx) => markIssues(ctx, sheet, marks, capabilities)),
    clearMarks: () => run((ctx) => clearMarks(ctx, capabilities)),
    select: (cell) => run((ctx) => selectCell(ctx, cell)),
    applyFixes: (fixes) => run((ctx) => applyFixes(ctx, fixes)),
    appendRuns: (header, cells, mask) => write((ctx) => appendRuns(ctx, header, cells, mask)),
    addSchemaColumns: (rows) => write((ctx) => addSchemaColumns(ctx, rows)),
    registerBest: (entry) => write((ctx) => registerBest(ctx, entry)),
    subscribe: (sheet, onChange) => run((ctx) => subscribeToChanges(ctx, sheet, onChange, capabilities)),
    readExperiments: () => run((ctx) => readExperiments(ctx)),
    writeReport: (spec) => write((ctx) => writeReport(ctx, spec, capabilities)),
    appendHistory: (rows) => write((ctx) => appendHistory(ctx, rows)),
    readHistory: () => run((ctx) => readHistory(ctx)),
    writeSummary: (table) => write((ctx) => writeSummary(ctx, table)),
    writeMarksLegend: () => write((ctx) => writeMarksLegend(ctx)),
    storeEnvironment: (text, format) => write((ctx) => storeEnvironment(ctx, text, format)),
    readEnvironments: () => run((ctx) => readEnvironments(ctx)),
    environmentIds: () => run((ctx) => readEnvironmentIds(ctx)),
  };
  return gateway;
}
