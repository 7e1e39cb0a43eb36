/** `runsheet best FILE --metric M`: the best configuration with statistics, as JSON (or text). */
import { best, bestVerdict, configLabels, meanPlusMinus, type BestResult } from "../../core/index";
import { EXIT, type CommandHandler } from "../io";
import {
  goalFlag,
  json,
  list,
  loadValidated,
  METRIC_FLAGS,
  metricOptions,
  startCommand,
  str,
  usageError,
  withInputErrors,
} from "../options";

export const BEST_USAGE = `Usage: runsheet best FILE --metric M [--goal max|min] [--where "latency_ms<=50"] [--pareto M2 [--pareto-goal max|min]]
                    [--tie-breaker M3]... [--group-by a,b] [--status finished,completed | --all-statuses]
                    [--schema schema.json] [--sheet NAME] [--format json|text]

Ranks configurations (runs with equal params except seed) by the mean of M, with std, n and a
95% CI, and says whether the winner is distinguishable from the runner-up (Welch's t-test).
Only finished runs count when there is a status column; every excluded run is listed with why.
Exit code 0: a best run was found, 1: no run qualifies, 2: usage or unreadable input.`;

function asText(r: BestResult): string {
  const lines: string[] = [];
  const top = r.ranking[0];
  // Configurations named by the params that vary between them, as in the pane and the Report.
  const labels = configLabels(r.ranking.map((c) => c.config));
  if (!r.best || !top) {
    lines.push(`No run qualifies for ${r.metric} (${r.goal}).`);
  } else {
    lines.push(
      `Best ${r.metric} (${r.goal}): ${meanPlusMinus(top.mean, top.ci95)} over ${top.n} run${top.n === 1 ? "" : "s"} [${labels[0] ?? ""}]; best run ${r.best.id} (row ${r.best.row})`,
    );
    lines.push(`Winner vs runner-up (Welch's t-test): ${bestVerdict(r).text}`);
  }
  if (r.ranking.length) lines.push("Ranking (mean ± half-width of the 95% confidence interval):");
  r.ranking.forEach((c, i) =>
    lines.push(
      `  ${i + 1}. ${meanPlusMinus(c.mean, c.ci95)} (n = ${c.n}) ${labels[i] ?? ""}; rows ${c.rows.join(", ")}`,
    ),
  );
  if (r.excluded.length) lines.push("Excluded:");
  for (const e of r.excluded) lines.push(`  row ${e.row}: ${e.reason}`);
  if (r.pareto && r.paretoMetric)
    lines.push(
      `Pareto front (${r.metric} ${r.goal}, ${r.paretoMetric.metric} ${r.paretoMetric.goal}): rows ${r.pareto.join(", ")}`,
    );
  return lines.join("\n") + "\n";
}

export const bestCommand: CommandHandler = async (argv, io) => {
  const start = startCommand(argv, io, "best", BEST_USAGE, {
    schema: { type: "string" },
    ...METRIC_FLAGS,
    pareto: { type: "string" },
    "pareto-goal": { type: "string" },
    "tie-breaker": { type: "string", multiple: true },
    "group-by": { type: "string", multiple: true },
    status: { type: "string", multiple: true },
    "all-statuses": { type: "boolean" },
  });
  if (typeof start === "number") return start;
  const { flags: f, format, file } = start;
  const metric = str(f, "metric");
  if (!metric) return usageError(io, "best", "--metric is required (e.g. --metric accuracy)", BEST_USAGE);
  const goal = goalFlag(str(f, "goal"));
  const paretoGoal = goalFlag(str(f, "pareto-goal"));
  if (goal === null || paretoGoal === null) return usageError(io, "best", "goals are max or min", BEST_USAGE);

  const input = await loadValidated(io, "best", file, f);
  if (typeof input === "number") return input;
  const { loaded, validated } = input;

  const options = metricOptions(metric, goal, f);
  const tieBreakers = list(f, "tie-breaker");
  if (tieBreakers.length) options.tieBreakers = tieBreakers;
  const groupBy = list(f, "group-by");
  if (groupBy.length) options.groupBy = groupBy;
  const status = list(f, "status");
  if (f.values["all-statuses"]) options.statusFilter = false;
  else if (status.length) options.statusFilter = status;
  const pareto = str(f, "pareto");
  if (pareto) options.pareto = paretoGoal ? { metric: pareto, goal: paretoGoal } : { metric: pareto };

  // Rows with validation errors are left out, as the pane and the Report leave them out.
  const result = best({ ...validated, leaveOutErrorsOf: validated.issues }, options);
  if (!result.ok) return usageError(io, "best", result.issues.map((i) => i.message).join(" "), BEST_USAGE);
  io.stdout(format === "json" ? json(result.value) : asText(result.value));
  return withInputErrors(result.value.best ? EXIT.ok : EXIT.problems, loaded.table);
};
