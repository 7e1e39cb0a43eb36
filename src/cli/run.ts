/**
 * `runsheet` dispatch: picks the sub-command, prints usage, and turns unexpected exceptions into
 * a message and exit code 2. The process entry (main.ts) only builds the CliIO.
 */
import { bestCommand } from "./commands/best";
import { compareCommand } from "./commands/compare";
import { envdiffCommand } from "./commands/envdiff";
import { recipeCommand } from "./commands/recipe";
import { parseCommand } from "./commands/parse";
import { reportCommand } from "./commands/report";
import { schemaCommand } from "./commands/schema";
import { summaryCommand } from "./commands/summary";
import { validateCommand } from "./commands/validate";
import { EXIT, type CliIO, type CommandHandler, type ExitCode } from "./io";

/** Sub-commands with a one-line summary for the usage text. */
export const COMMANDS: Record<string, { handler: CommandHandler; summary: string }> = {
  validate: { handler: validateCommand, summary: "check runs against the schema; issues with Excel row numbers" },
  best: { handler: bestCommand, summary: "rank configurations by a metric: mean, std, 95% CI, Welch p-value" },
  schema: { handler: schemaCommand, summary: "infer the schema of a sheet (JSON for --schema)" },
  compare: { handler: compareCommand, summary: "side-by-side of runs: differing columns, metric deltas vs a baseline" },
  report: { handler: reportCommand, summary: "per-experiment verdicts, as on the Report sheet" },
  summary: { handler: summaryCommand, summary: "one row per configuration: mean ± std and 95% CI (csv, md, latex)" },
  parse: { handler: parseCommand, summary: "parse what a training script printed (CSV, JSON, logs, ...)" },
  recipe: {
    handler: recipeCommand,
    summary: "a run's configuration and recipe as JSON, YAML, --args or Hydra overrides",
  },
  envdiff: { handler: envdiffCommand, summary: "what changed between two environments (Environments sheet)" },
};

export const USAGE = `Usage: runsheet <command> FILE [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join("\n")}

FILE is a .csv, .tsv, .json or .xlsx file (xlsx: the Runs table, else the first sheet, or --sheet NAME).
Output is JSON on stdout; --format text prints it for people.
Exit codes: 0 no errors, 1 problems found, 2 usage error or unreadable input.
Run \`runsheet <command> --help\` for a command's options.`;

/** Runs the CLI with the given arguments (without `node` and the script) and IO; resolves to the exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(USAGE + "\n");
    return EXIT.usage;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    io.stdout(USAGE + "\n");
    return EXIT.ok;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`runsheet: unknown command "${name}"\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  try {
    return await command.handler(rest, io);
  } catch (e) {
    io.stderr(`runsheet ${name}: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.usage;
  }
}
