/**
 * RunSheet's Excel layer: the only code that calls Excel.*. The pane and the commands use the
 * gateway and workflows; tests call the context-taking functions inside `sim.Excel.run`.
 */
export * from "./constants";
export * from "./safe-write";
export * from "./payload";
export * from "./table-append";
export * from "./own-sheet";
export * from "./capabilities";
export * from "./default-schema";
export * from "./schema-table";
// Modules the gateway imports lazily are re-exported by name: esbuild gives such a module a
// deferred initialiser that an `export *` re-export never runs, so its module-level constants
// read as undefined in an esbuild bundle (the bench's excel-read case failed on 'A1:1').
export { numberFormatFor, type TrackerLayoutResult, createTracker } from "./workbook-layout";
export * from "./read-runs";
export { type AdoptedHeader, adoptActiveSheet, setAdoptedHeaderRow } from "./adopt";
export * from "./selection";
export { type AppendResult, ImportInterruptedError, appendRuns, addSchemaColumns } from "./write-runs";
export * from "./locate";
export {
  MARK_FORMULA,
  MARK_STYLE,
  MAX_MARKS,
  type CellMark,
  type MarkResult,
  markIssues,
  clearMarks,
  selectCell,
} from "./marks";
export {
  FixInterruptedError,
  type CellFix,
  type UnrestoredEdit,
  type FixResult,
  anchorFixes,
  applyFixes,
} from "./fixes";
export * from "./events";
export { LOOK_BELOW, type RowsOutside, findRowsOutside, includeRowsOutside } from "./rows-below";
export { type RegistryEntry, type RegisterResult, registryRow, registerBest } from "./registry";
export {
  CHART_PREFIX,
  REPORT_HEADER,
  type ReportWriteResult,
  sectionsBlock,
  chartBlock,
  writeReport,
  readExperiments,
} from "./report";
export { type SummaryWriteResult, writeSummary } from "./summary-sheet";
export { readHistory } from "./curves";
export { MARKS_LEGEND, type LegendResult, writeMarksLegend } from "./runs-legend";
export { type HistoryRow, type HistoryResult, appendHistory } from "./history";
export { type StoredEnvironments, readEnvironments, readEnvironmentIds } from "./environments-read";
export type { StoreEnvironmentResult } from "./environments";
export * from "./errors";
export * from "./gateway";
export * from "./workflows";
export * from "./report-workflow";
export {
  type ExperimentsSheetRead,
  type ExperimentsUpdate,
  type ExperimentsWriteResult,
  readExperimentsSheet,
  writeExperiments,
  baselineFix,
} from "./experiments-sheet";
export * from "./experiments-workflow";
export * from "./settings";
export {
  COMPARE_SHEET,
  COMPARE_OWNED_SETTING,
  type CompareWriteResult,
  writeCompareSheet,
  compareTable,
  deltaDirection,
  type CompareTableRow,
} from "./compare-sheet";
