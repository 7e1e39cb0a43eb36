/** `runsheet report FILE --metric M`: per-experiment verdicts (the Report sheet's content) as JSON or text. */
import { buildReport, validate, type Goal, type ReportOptions } from "../../core/index";
import { EXIT, type CommandHandler } from "../io";
import { COMMON_FLAGS, formatOf, json, list, loadInput, parseFlags, str, usageError } from "../options";

export const REPORT_USAGE = `Usage: runsheet report FILE --metric M [--goal max|min] [--where "latency_ms<=50"] [--schema schema.json]
                      [--sheet NAME] [--format json|text]

Groups runs by the experiment column and, for each experiment, gives the hypothesis, the best
configuration, mean ± 95% CI over seeds, and a verdict against the previous experiment
("exp2 beats exp1 by 3.1 points of accuracy (p = 0.004)").`;

export const reportCommand: CommandHandler = async (argv, io) => {
  const p = parseFlags(argv, { ...COMMON_FLAGS, schema: { type: "string" }, metric: { type: "string", short: "m" }, goal: { type: "string" }, where: { type: "string", multiple: true } });
  if (!p.ok) return usageError(io, "report", p.message, REPORT_USAGE);
  const f = p.value;
  if (f.values.help) {
    io.stdout(REPORT_USAGE + "\n");
    return EXIT.ok;
  }
  const format = formatOf(f);
  if (!format) return usageError(io, "report", "--format must be json or text", REPORT_USAGE);
  const [file, ...extra] = f.positionals;
  if (!file || extra.length) return usageError(io, "report", file ? `unexpected argument ${extra[0] ?? ""}` : "give the file to read", REPORT_USAGE);
  const metric = str(f, "metric");
  if (!metric) return usageError(io, "report", "--metric is required", REPORT_USAGE);
  const goalText = str(f, "goal");
  if (goalText !== undefined && goalText !== "max" && goalText !== "min") return usageError(io, "report", "--goal is max or min", REPORT_USAGE);
  const loaded = await loadInput(io, "report", file, f);
  if (typeof loaded === "number") return loaded;
  const { table, schema } = loaded;
  const validated = validate(table.grid, schema, { rowOffset: table.rowOffset, source: table.source, maxIssues: 0, ...(table.headerRow !== undefined ? { headerRow: table.headerRow } : {}) });
  const options: ReportOptions = { metric };
  if (goalText !== undefined) options.goal = goalText as Goal;
  const where = list(f, "where");
  if (where.length) options.where = where.join(", ");
  const report = buildReport(validated, options);
  if (!report.ok) return usageError(io, "report", report.issues.map((i) => i.message).join(" "), REPORT_USAGE);
  if (format === "json") io.stdout(json(report.value));
  else {
    const r = report.value;
    const lines = [`${r.title} (${r.goal}), generated ${r.generated}`];
    for (const s of r.sections) {
      lines.push("", `${s.experiment}${s.hypothesis ? `: ${s.hypothesis}` : ""}`, `  ${r.metric}: ${s.summary}`, `  ${s.verdict}`);
    }
    io.stdout(lines.join("\n") + "\n");
  }
  return report.value.sections.some((s) => s.best) ? EXIT.ok : EXIT.problems;
};
