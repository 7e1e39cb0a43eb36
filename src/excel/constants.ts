import { EXPERIMENTS_TABLE_HEADER, SCHEMA_TABLE_HEADER } from "../core/index";

/**
 * Names of the sheets, tables and settings RunSheet owns in a workbook. Everything else in the
 * workbook belongs to the user and is never renamed, moved or reformatted.
 */
export const SHEETS = {
  runs: "Runs",
  schema: "Schema",
  experiments: "Experiments",
  registry: "Registry",
  report: "Report",
  summary: "Summary",
  // Excel reserves the sheet name "History" (it refuses it for a new sheet), so the step-wise
  // History table lives on a sheet called "Curves".
  history: "Curves",
  environments: "Environments",
} as const;

export const TABLES = {
  runs: "Runs",
  schema: "RunSchema",
  experiments: "Experiments",
  registry: "Registry",
  history: "History",
  environments: "Environments",
} as const;

/** Step-wise metrics (epoch/step curves) kept from imported training logs, one point per row. */
export const HISTORY_HEADER = ["run_id", "metric", "x_name", "x", "value"] as const;

/** Columns of the RunSchema table, one row per Runs column: core's definition, so the sheet and the validator agree. */
export const SCHEMA_HEADER = SCHEMA_TABLE_HEADER;

/** Columns of the Experiments table: the user's, then the `verdict` RunSheet computes (core's definition). */
export const EXPERIMENTS_HEADER = EXPERIMENTS_TABLE_HEADER;

/**
 * The Registry's own columns; the frozen copy of the run follows them, one column per run field
 * (see registry.ts).
 */
export const REGISTRY_HEADER = ["run_id", "metric", "value", "registered_at", "reason"] as const;

/** Workbook settings (Excel.SettingCollection) RunSheet keeps its own bookkeeping in. */
export const SETTINGS = {
  /** JSON `{sheet, addresses}` of the cells RunSheet marked, so only its own marks are cleared. */
  marks: "RunSheet.marks",
  /** Name of a user sheet adopted as the runs source (when there is no Runs table). */
  adoptedSheet: "RunSheet.adoptedSheet",
  /** JSON `{row, cells}` of the adopted sheet's header row, found again by its cells when rows move. */
  adoptedHeader: "RunSheet.adoptedHeader",
  /** Set when RunSheet created the Report sheet: only then may it wipe and regenerate it. */
  reportOwned: "RunSheet.reportOwned",
  /** `Sheet!A1:A4` of the marks legend beside the Runs table, so only RunSheet's own legend moves. */
  marksLegend: "RunSheet.marksLegend",
  /** Set when RunSheet created the Summary sheet: only then may it regenerate it. */
  summaryOwned: "RunSheet.summaryOwned",
} as const;

/** Excel's text number format: a cell formatted so keeps exactly what was written, even `=1+1`. */
export const TEXT_FORMAT = "@";

/** Excel's limit on a cell's text (https://support.microsoft.com/office/excel-specifications-and-limits). */
export const MAX_CELL_TEXT = 32767;
