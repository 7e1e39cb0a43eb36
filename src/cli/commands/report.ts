/** `runsheet report FILE --metric M`: per-experiment verdicts (the Report sheet's content) as JSON or text. */
import { buildReport, reproducibilityByExperiment, type ReportOptions } from "../../core/index";
import { EXIT, type CommandHandler } from "../io";
import {
  goalFlag,
  json,
  loadValidated,
  METRIC_FLAGS,
  metricOptions,
  startCommand,
  str,
  usageError,
  withInputErrors,
} from "../options";

export const REPORT_USAGE = `Usage: runsheet report FILE --metric M [--goal max|min] [--where "latency_ms<=50"] [--schema schema.json]
                      [--sheet NAME] [--format json|text]

Groups runs by the experiment column and, for each experiment, gives the hypothesis, the best
configuration, mean ± 95% CI over seeds, and a verdict against its baseline (the Experiments
table's, else the previous experiment): the difference with its 95% CI, p and n per side, and
whether it changed several factors at once or how many seeds would decide a tie
("exp2 beats exp1: accuracy +3.2 points, 95% CI +1.8 to +4.7 points, p = 0.005, n = 3 vs 3.").`;

export const reportCommand: CommandHandler = async (argv, io) => {
  const start = startCommand(argv, io, "report", REPORT_USAGE, {
    schema: { type: "string" },
    ...METRIC_FLAGS,
  });
  if (typeof start === "number") return start;
  const { flags: f, format, file } = start;
  const metric = str(f, "metric");
  if (!metric) return usageError(io, "report", "--metric is required", REPORT_USAGE);
  const goal = goalFlag(str(f, "goal"));
  if (goal === null) return usageError(io, "report", "--goal is max or min", REPORT_USAGE);
  const input = await loadValidated(io, "report", file, f);
  if (typeof input === "number") return input;
  const { loaded, validated } = input;
  const options: ReportOptions = metricOptions(metric, goal, f);
  const report = buildReport({ ...validated, leaveOutErrorsOf: validated.issues }, options);
  if (!report.ok) return usageError(io, "report", report.issues.map((i) => i.message).join(" "), REPORT_USAGE);
  const recipes = reproducibilityByExperiment(validated.runs, validated.schema);
  if (format === "json") io.stdout(json({ ...report.value, reproducibility: recipes }));
  else {
    const r = report.value;
    const lines = [`${r.title} (${r.goal}), generated ${r.generated}`];
    for (const s of r.sections) {
      lines.push(
        "",
        `${s.experiment}${s.hypothesis ? `: ${s.hypothesis}` : ""}`,
        `  ${r.metric}: ${s.summary}`,
        `  ${s.verdict}`,
      );
      const figure = recipes.find((f) => f.experiment === s.experiment);
      if (figure) lines.push(`  recipe: ${figure.text}`);
    }
    io.stdout(lines.join("\n") + "\n");
  }
  return withInputErrors(report.value.sections.some((s) => s.best) ? EXIT.ok : EXIT.problems, loaded.table);
};
