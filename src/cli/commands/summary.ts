/** `runsheet summary FILE [--metric M] --as csv|md|latex`: the Summary sheet's table, for papers and slides. */
import { buildSummary, summaryCsv, summaryLatex, summaryMarkdown } from "../../core/index";
import { EXIT, type CommandHandler } from "../io";
import {
  goalFlag,
  loadValidated,
  METRIC_FLAGS,
  metricOptions,
  startCommand,
  str,
  usageError,
  withInputErrors,
} from "../options";

export const SUMMARY_USAGE = `Usage: runsheet summary FILE [--metric M] [--as csv|md|latex] [--goal max|min] [--where "latency_ms<=50"]
                       [--schema schema.json] [--sheet NAME]

One row per configuration, best first by the metric (default: the first metric column): the
params that vary, n, and per metric mean, std and 95% CI over the configuration's runs, and its
best run. --as csv (default) keeps full precision; md and latex write "mean ± std".`;

const WRITERS = { csv: summaryCsv, md: summaryMarkdown, latex: summaryLatex } as const;

export const summaryCommand: CommandHandler = async (argv, io) => {
  const start = startCommand(argv, io, "summary", SUMMARY_USAGE, {
    schema: { type: "string" },
    ...METRIC_FLAGS,
    as: { type: "string" },
  });
  if (typeof start === "number") return start;
  const { flags: f, file } = start;
  const as = str(f, "as") ?? "csv";
  if (!Object.hasOwn(WRITERS, as)) return usageError(io, "summary", "--as is csv, md or latex", SUMMARY_USAGE);
  const goal = goalFlag(str(f, "goal"));
  if (goal === null) return usageError(io, "summary", "--goal is max or min", SUMMARY_USAGE);
  const input = await loadValidated(io, "summary", file, f);
  if (typeof input === "number") return input;
  const { loaded, validated } = input;
  const metric = str(f, "metric") ?? validated.schema.columns.find((c) => c.role === "metric")?.name;
  if (!metric) return usageError(io, "summary", "the file has no metric column: give --metric", SUMMARY_USAGE);
  const table = buildSummary(validated, metricOptions(metric, goal, f));
  if (!table.ok) return usageError(io, "summary", table.issues.map((i) => i.message).join(" "), SUMMARY_USAGE);
  io.stdout(WRITERS[as as keyof typeof WRITERS](table.value));
  return withInputErrors(table.value.rows.length ? EXIT.ok : EXIT.problems, loaded.table);
};
