/**
 * The "Write report" workflow, in a module of its own: it needs core's report and statistics,
 * which the pane only loads with the Best tab (see README "Bundle size").
 */
import { buildReport, type Goal } from "../core/index";
import type { WorkbookGateway } from "./gateway";
import type { ReportWriteResult } from "./report";
import { checkRuns } from "./workflows";

export interface ReportRequest {
  metric: string;
  goal?: Goal;
  where?: string;
  /** Clock for the "Generated" line (tests). */
  now?: Date;
}

/**
 * "Write report": validates the runs, reads the Experiments table, builds core's report spec
 * and writes the Report sheet in place. Throws at the edge (with a sentence) when the report
 * cannot be built, e.g. an unknown metric.
 */
export async function generateReport(gateway: WorkbookGateway, request: ReportRequest): Promise<ReportWriteResult> {
  const outcome = await checkRuns(gateway);
  if (!outcome.grid) throw new Error("There are no runs to report on yet.");
  const experiments = await gateway.readExperiments();
  const spec = buildReport(
    { runs: outcome.runs, schema: outcome.schema },
    {
      metric: request.metric,
      experiments,
      ...(request.goal ? { goal: request.goal } : {}),
      ...(request.where && request.where.trim() !== "" ? { where: request.where } : {}),
      ...(request.now ? { now: request.now } : {}),
    },
  );
  if (!spec.ok) throw new Error(spec.issues.map((i) => i.message).join(" "));
  return gateway.writeReport(spec.value);
}
