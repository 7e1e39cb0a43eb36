/**
 * "Update Experiments": validates the runs, reads the Experiments table, lets core plan the new
 * ids and every experiment's verdict (rows with validation errors left out, as on the Best tab),
 * and writes them (experiments-sheet.ts). In a module of its own because it needs core's
 * statistics, which the pane loads with the Best tab only.
 */
import {
  experimentIdsInRuns,
  experimentRows,
  experimentVerdicts,
  idsToAppend,
  type ExperimentRow,
  type ExperimentVerdict,
  type Goal,
} from "../core/index";
import type { ExperimentsSheetRead, ExperimentsWriteResult } from "./experiments-sheet";
import type { WorkbookGateway } from "./gateway";
import { checkRuns } from "./workflows";

export interface ExperimentsRequest {
  /** The pane's metric, for rows that name no primary metric ("" for none). */
  metric: string;
  goal?: Goal;
  where?: string;
}

export interface ExperimentsOutcome extends ExperimentsWriteResult {
  /** Every experiment's verdict, in the sheet's order. */
  verdicts: ExperimentVerdict[];
  /** The table's rows as they were read for this update. */
  rows: ExperimentRow[];
  /** The table as it is after the write (where each row is, for picking baselines). */
  table: ExperimentsSheetRead | null;
}

/**
 * Lists every experiment of the runs on the Experiments sheet and rewrites its verdict column.
 * Throws at the edge with a sentence when there are no runs.
 */
export async function updateExperiments(
  gateway: WorkbookGateway,
  request: ExperimentsRequest,
): Promise<ExperimentsOutcome> {
  const outcome = await checkRuns(gateway);
  if (!outcome.grid) throw new Error("There are no runs yet: create the tracker or adopt a sheet on the Runs tab.");
  const read = await gateway.readExperimentsSheet();
  const rows = read ? experimentRows(read.table) : [];
  const data = { runs: outcome.runs, schema: outcome.schema, leaveOutErrorsOf: outcome.issues };
  const verdicts = experimentVerdicts(data, rows, {
    metric: request.metric,
    ...(request.goal ? { goal: request.goal } : {}),
    ...(request.where && request.where.trim() !== "" ? { where: request.where } : {}),
  });
  const append = idsToAppend(
    rows.map((r) => r.id),
    experimentIdsInRuns(data),
  );
  const written = await gateway.writeExperiments({
    append,
    verdicts: Object.fromEntries(verdicts.map((v) => [v.id, v.text])),
  });
  const table = await gateway.readExperimentsSheet();
  return { ...written, verdicts, rows, table };
}
