/**
 * The "Write report" workflow, in a module of its own: it needs core's report and statistics,
 * which the pane only loads with the Best tab (see README "Bundle size").
 */
import {
  buildReport,
  buildSummary,
  reproducibilityByExperiment,
  type BestOptions,
  type Goal,
  type ReportOptions,
} from "../core/index";
import type { WorkbookGateway } from "./gateway";
import type { ReportWriteResult } from "./report";
import type { SummaryWriteResult } from "./summary-sheet";
import { checkRuns } from "./workflows";

export interface ReportRequest {
  metric: string;
  goal?: Goal;
  where?: string;
  /** Second metric for the Pareto chart (empty: none). */
  pareto?: string;
  /** Clock for the "Generated" line (tests). */
  now?: Date;
}

export interface ReportOutcome extends ReportWriteResult {
  summary: SummaryWriteResult;
}

/**
 * "Write report": validates the runs, reads the Experiments table and the History curves,
 * builds core's report and summary and writes the Report and Summary sheets in place, plus the
 * marks legend beside the Runs table. Throws at the edge (with a sentence) when the report
 * cannot be built, e.g. an unknown metric.
 */
export async function generateReport(gateway: WorkbookGateway, request: ReportRequest): Promise<ReportOutcome> {
  const outcome = await checkRuns(gateway);
  if (!outcome.grid) throw new Error("There are no runs to report on yet.");
  const experiments = await gateway.readExperiments();
  const history = await gateway.readHistory();
  const where = request.where && request.where.trim() !== "" ? { where: request.where } : {};
  const goal = request.goal ? { goal: request.goal } : {};
  const pareto = request.pareto && request.pareto.trim() !== "" ? { pareto: { metric: request.pareto.trim() } } : {};
  // Validation's issues go along, so rows with errors are left out as the Best tab leaves them out.
  const data = { runs: outcome.runs, schema: outcome.schema, leaveOutErrorsOf: outcome.issues };
  const options: ReportOptions = {
    metric: request.metric,
    experiments,
    history,
    ...goal,
    ...where,
    ...pareto,
    ...(request.now ? { now: request.now } : {}),
  };
  const spec = buildReport(data, options);
  if (!spec.ok) throw new Error(spec.issues.map((i) => i.message).join(" "));
  const recipes = reproducibilityByExperiment(outcome.runs, outcome.schema);
  for (const section of spec.value.sections) {
    const figure = recipes.find((f) => f.experiment === section.experiment);
    if (figure) section.recipe = figure.text;
  }
  const summaryOptions: BestOptions = { metric: request.metric, ...goal, ...where };
  const summary = buildSummary(data, summaryOptions);
  if (!summary.ok) throw new Error(summary.issues.map((i) => i.message).join(" "));
  const written = await gateway.writeReport(spec.value);
  const summarySheet = await gateway.writeSummary(summary.value);
  await gateway.writeMarksLegend();
  return { ...written, summary: summarySheet };
}
