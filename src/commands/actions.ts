/**
 * What the ribbon buttons do, separate from Office registration so it is testable against the
 * simulator. Each returns a one-line summary (shown as a notification where the host allows).
 */
import { metricOptions, runBest } from "../core/index";
import { checkRuns, type WorkbookGateway } from "../excel/index";

/** "Validate runs": validate and mark issues in the sheet. */
export async function validateRunsAction(gateway: WorkbookGateway): Promise<string> {
  const outcome = await checkRuns(gateway, { mark: true });
  if (!outcome.grid) return "RunSheet: no runs found. Open the RunSheet pane to create the tracker or adopt a sheet.";
  const { error, warning } = outcome.counts;
  return `RunSheet: ${error} error(s), ${warning} warning(s) in ${outcome.runs.length} run(s); issue cells are marked.`;
}

/**
 * "Mark best run": finds the best configuration by the schema's first metric (its declared goal)
 * and selects the winning run's row, so the user sees it; registering stays a deliberate act in the pane.
 */
export async function markBestRunAction(gateway: WorkbookGateway): Promise<string> {
  const outcome = await checkRuns(gateway);
  if (!outcome.grid) return "RunSheet: no runs found.";
  const metric = metricOptions(outcome.schema)[0];
  if (!metric) return "RunSheet: the schema has no metric column.";
  const result = runBest(outcome, { metric: metric.name, where: "" });
  if (!result.ok) return `RunSheet: ${result.issues.map((i) => i.message).join(" ")}`;
  const best = result.value.best;
  if (!best) return `RunSheet: no run qualifies for ${metric.name}.`;
  await gateway.select({ sheet: outcome.grid.sheet, row: best.row, column: outcome.grid.columnOffset });
  const tie = result.value.tiedWithRunnerUp ? " (tied with the runner-up)" : "";
  return `RunSheet: best ${metric.name} is run ${best.id} on row ${best.row}${tie}.`;
}
