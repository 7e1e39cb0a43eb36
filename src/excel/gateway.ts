/**
 * The workbook as the task pane and the ribbon commands see it: plain async functions, each one
 * Excel.run batch over the functions of this folder. The UI never touches Excel.* itself (lint
 * enforces it), and tests or the playground can hand in another runner.
 */
import type { RunSchema } from "../core/index";
import { detectCapabilities, type Capabilities } from "./capabilities";
import { probeTextFormat } from "./safe-write";
import type { CellMark, MarkResult } from "./marks";
import type { CellFix, FixResult } from "./fixes";
import type { CellRef } from "./locate";
import type { AdoptedHeader } from "./adopt";
import { readSelectedRunIds, type SelectedRuns } from "./selection";
import {
  readSchemaTable,
  readSheetUsedRange,
  readTrackerStatus,
  readWorkbook,
  type SheetGrid,
  type TrackerStatus,
  type WorkbookSnapshot,
} from "./read-runs";
import type { SchemaFromRows } from "./schema-table";
import type { RegisterResult, RegistryEntry } from "./registry";
import {
  excelRunAfterCellEdit,
  subscribeToActivity,
  subscribeToChanges,
  type SheetChange,
  type Subscription,
  type WorkbookActivity,
} from "./events";
import type { RowsOutside } from "./rows-below";
import type { TrackerLayoutResult } from "./workbook-layout";
import type { ReportWriteResult } from "./report";
import type { HistoryResult, HistoryRow } from "./history";
import type { LegendResult } from "./runs-legend";
import type { SummaryWriteResult } from "./summary-sheet";
import type { ExperimentInfo, HistoryPoint, ReportSpec, SummaryTable } from "../core/index";
import type { AppendResult } from "./write-runs";
import type { CellValue } from "../core/index";
import type { CompareTableRow, CompareWriteResult } from "./compare-sheet";
import type { CompareResult } from "../core/index";
import {
  parsePaneSettings,
  readPaneSettings,
  savePaneSettings,
  type PaneSettings,
  type PaneSettingsPatch,
} from "./settings";
import type { EnvFormat } from "../core/env/index";
import type { StoreEnvironmentResult } from "./environments";
import type { StoredEnvironments } from "./environments-read";
import type { ExperimentsSheetRead, ExperimentsUpdate, ExperimentsWriteResult } from "./experiments-sheet";

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
  /** Makes a row of the adopted sheet its header: an Excel row number, or the selected cell's row. */
  setAdoptedHeaderRow(row: number | "selection"): Promise<AdoptedHeader>;
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
  /** Run ids of the rows selected in the Runs table (by the id column's name). */
  selectedRunIds(idColumn: string): Promise<SelectedRuns>;
  /** Follows the user activating sheets and moving the selection. */
  watchActivity(onActivity: (activity: WorkbookActivity) => void): Promise<Subscription>;
  readExperiments(): Promise<ExperimentInfo[]>;
  /** The Experiments table with its position (null when the workbook has none). */
  readExperimentsSheet(): Promise<ExperimentsSheetRead | null>;
  /** Appends new experiment ids and rewrites the verdict column (never the user's columns). */
  writeExperiments(update: ExperimentsUpdate): Promise<ExperimentsWriteResult>;
  writeReport(spec: ReportSpec): Promise<ReportWriteResult>;
  appendHistory(rows: readonly HistoryRow[]): Promise<HistoryResult>;
  /** The pane's view stored in the workbook ({} when the host has no settings API). */
  readSettings(): Promise<PaneSettings>;
  /** Merges `patch` into the stored view; a no-op without the settings API. */
  saveSettings(patch: PaneSettingsPatch): Promise<PaneSettings>;
  /** Writes (or regenerates in place) the Compare sheet. */
  writeCompare(result: CompareResult, table: readonly CompareTableRow[]): Promise<CompareWriteResult>;
  readHistory(): Promise<HistoryPoint[]>;
  writeSummary(table: SummaryTable): Promise<SummaryWriteResult>;
  writeMarksLegend(): Promise<LegendResult>;
  storeEnvironment(text: string, format?: EnvFormat): Promise<StoreEnvironmentResult>;
  readEnvironments(): Promise<StoredEnvironments>;
  /** Ids on the Environments sheet; empty when the workbook has none. */
  environmentIds(): Promise<string[]>;
  /** Rows just below the Runs table that are not in it (null without a Runs table). */
  rowsOutsideRuns(): Promise<RowsOutside | null>;
  /** Makes those rows part of the Runs table; returns how many were included. */
  includeRowsOutsideRuns(): Promise<number>;
}

/**
 * A gateway over `run` (default: the global Excel.run). `options.runAfterCellEdit` backs
 * `afterCellEdit()` (default: Excel.run with delayForCellEdit when `run` is the global one,
 * otherwise `run`). Before its first write of outside text it checks once that the host keeps
 * Text-formatted cells as text (safe-write's probe). That is for the real host: by default only a
 * gateway over the global Excel.run probes; `options.probeTextFormat` says otherwise.
 */
export function createWorkbookGateway(
  run: ExcelRunner = excelRun,
  options: {
    probeTextFormat?: boolean;
    runAfterCellEdit?: ExcelRunner;
    /** Shared with the afterCellEdit() gateway, so the probe runs once per start. */
    probe?: { done: Promise<unknown> | null };
  } = {},
): WorkbookGateway {
  const capabilities = detectCapabilities();
  const runAfterCellEdit = options.runAfterCellEdit ?? (run === excelRun ? excelRunAfterCellEdit : run);
  let deferred: WorkbookGateway | undefined;
  const probing = options.probeTextFormat ?? run === excelRun;
  const probe = options.probe ?? { done: probing ? null : Promise.resolve() };
  /** Runs `batch` after the once-per-start probe (a probe that fails keeps the Text format). */
  const write = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    probe.done ??= run((ctx) => probeTextFormat(ctx)).catch(() => undefined);
    return probe.done.then(() => run(batch));
  };
  const gateway: WorkbookGateway = {
    capabilities: () => capabilities,
    // Automatic work (revalidation, marks) writes no outside text, so it needs no second probe.
    afterCellEdit: () =>
      runAfterCellEdit === run
        ? gateway
        : (deferred ??= createWorkbookGateway(runAfterCellEdit, { runAfterCellEdit, probe })),
    status: () => run((ctx) => readTrackerStatus(ctx)),
    // Only the reads the first tab starts with (status, read, settings, events) load with the pane:
    // every other reader and writer loads its module on first use, keeping the pane's start small.
    createTracker: (schema) =>
      import("./workbook-layout").then((m) => write((ctx) => m.createTracker(ctx, schema, capabilities))),
    adoptActiveSheet: () => import("./adopt").then((m) => run((ctx) => m.adoptActiveSheet(ctx, capabilities))),
    setAdoptedHeaderRow: (row) => import("./adopt").then((m) => run((ctx) => m.setAdoptedHeaderRow(ctx, row))),
    read: () => run((ctx) => readWorkbook(ctx)),
    readSchema: () => run((ctx) => readSchemaTable(ctx)),
    readSheet: (name) => run((ctx) => readSheetUsedRange(ctx, name)),
    mark: (sheet, marks) => import("./marks").then((m) => run((ctx) => m.markIssues(ctx, sheet, marks, capabilities))),
    clearMarks: () => import("./marks").then((m) => run((ctx) => m.clearMarks(ctx, capabilities))),
    select: (cell) => import("./marks").then((m) => run((ctx) => m.selectCell(ctx, cell))),
    applyFixes: (fixes) => import("./fixes").then((m) => write((ctx) => m.applyFixes(ctx, fixes))),
    appendRuns: (header, cells, mask) =>
      import("./write-runs").then((m) => write((ctx) => m.appendRuns(ctx, header, cells, mask))),
    addSchemaColumns: (rows) => import("./write-runs").then((m) => write((ctx) => m.addSchemaColumns(ctx, rows))),
    registerBest: (entry) => import("./registry").then((m) => write((ctx) => m.registerBest(ctx, entry))),
    subscribe: (sheet, onChange) => run((ctx) => subscribeToChanges(ctx, sheet, onChange, capabilities)),
    // The report and summary writers (statistics, charts, CSV) load on first use, not with the pane.
    readExperiments: () => import("./report").then((m) => run((ctx) => m.readExperiments(ctx))),
    selectedRunIds: (idColumn) => run((ctx) => readSelectedRunIds(ctx, idColumn)),
    watchActivity: (onActivity) => run((ctx) => subscribeToActivity(ctx, onActivity, capabilities)),
    readExperimentsSheet: () => import("./experiments-sheet").then((m) => run((ctx) => m.readExperimentsSheet(ctx))),
    writeExperiments: (update) =>
      import("./experiments-sheet").then((m) => write((ctx) => m.writeExperiments(ctx, update))),
    writeReport: (spec) => import("./report").then((m) => write((ctx) => m.writeReport(ctx, spec, capabilities))),
    appendHistory: (rows) => import("./history").then((m) => write((ctx) => m.appendHistory(ctx, rows))),
    readSettings: () => (capabilities.settings ? run((ctx) => readPaneSettings(ctx)) : Promise.resolve({})),
    saveSettings: (patch) =>
      capabilities.settings ? run((ctx) => savePaneSettings(ctx, patch)) : Promise.resolve(parsePaneSettings(patch)),
    writeCompare: (result, table) =>
      import("./compare-sheet").then((m) => write((ctx) => m.writeCompareSheet(ctx, result, table))),
    readHistory: () => import("./curves").then((m) => run((ctx) => m.readHistory(ctx))),
    writeSummary: (table) => import("./summary-sheet").then((m) => write((ctx) => m.writeSummary(ctx, table))),
    writeMarksLegend: () => import("./runs-legend").then((m) => write((ctx) => m.writeMarksLegend(ctx))),
    // The environment parsers load on first use, not with the pane.
    storeEnvironment: (text, format) =>
      import("./environments").then((m) => write((ctx) => m.storeEnvironment(ctx, text, format))),
    readEnvironments: () => import("./environments-read").then((m) => run((ctx) => m.readEnvironments(ctx))),
    environmentIds: () => import("./environments-read").then((m) => run((ctx) => m.readEnvironmentIds(ctx))),
    rowsOutsideRuns: () => import("./rows-below").then((m) => run((ctx) => m.findRowsOutside(ctx))),
    includeRowsOutsideRuns: () => import("./rows-below").then((m) => run((ctx) => m.includeRowsOutside(ctx))),
  };
  return gateway;
}
