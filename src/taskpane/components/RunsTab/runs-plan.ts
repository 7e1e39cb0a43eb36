/**
 * The Runs tab's pure logic: which action the main button offers (it says what it will do), and
 * the adopted sheet's header and inferred columns as the pane lists them.
 */
import type { CheckOutcome, TrackerStatus } from "../../../excel/index";
import { plural } from "../../logic/display-format";

/** The main button: its action and the words on it. */
export interface MainAction {
  kind: "create" | "adopt" | "check";
  label: string;
}

/**
 * "Check 12 runs" once there are runs (a Runs table, or an adopted sheet); "Adopt this sheet"
 * when the active sheet holds data of the user's and there is no tracker; otherwise
 * "Create tracker". `runCount` is the adopted sheet's runs (the table's come with the status).
 */
export function mainAction(status: TrackerStatus, runCount: number | null, ownSheets: readonly string[]): MainAction {
  if (status.hasTracker || status.adoptedSheet) {
    const n = status.hasTracker ? status.runCount : (runCount ?? 0);
    return { kind: "check", label: n === 0 ? "Check the runs" : `Check ${plural(n, "run")}` };
  }
  if (status.activeSheetHasData && !ownSheets.includes(status.activeSheet))
    return { kind: "adopt", label: "Adopt this sheet" };
  return { kind: "create", label: "Create tracker" };
}

/** A column of the adopted sheet as inferred: header text, type and role. */
export interface InferredColumn {
  name: string;
  type: string;
  role: string;
}

/** What the pane shows after Adopt: the header row it uses, its columns and their inferred types. */
export interface AdoptedView {
  sheet: string;
  headerRow: number;
  columns: InferredColumn[];
  runCount: number;
}

/** The adopted sheet's view from a check of its runs; null when the runs are not an adopted sheet. */
export function adoptedView(outcome: Pick<CheckOutcome, "grid" | "schema" | "headerRow" | "runs">): AdoptedView | null {
  if (!outcome.grid || outcome.grid.source !== "sheet") return null;
  return {
    sheet: outcome.grid.sheet,
    headerRow: outcome.headerRow,
    columns: outcome.schema.columns.map((c) => ({ name: c.name, type: c.type, role: c.role })),
    runCount: outcome.runs.length,
  };
}

/**
 * Columns that can be the seed (the replicate axis): integer, number or text params and data,
 * named columns first as the schema lists them.
 */
export function seedCandidates(outcome: Pick<CheckOutcome, "schema">): string[] {
  return outcome.schema.columns
    .filter((c) => (c.role === "param" || c.role === "data" || c.role === "meta") && c.type !== "boolean")
    .map((c) => c.name);
}
