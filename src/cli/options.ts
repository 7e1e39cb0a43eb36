/**
 * Shared flag handling for sub-commands: node's parseArgs in strict mode, with its exceptions
 * turned into usage messages (exit 2), plus the output format and the schema file.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import {
  inferSchema,
  parseSchemaJson,
  validate,
  type BestOptions,
  type Goal,
  type InferredSchema,
  type RunSchema,
  type ValidateResult,
} from "../core/index";
import { EXIT, type CliIO, type ExitCode } from "./io";
import { decodeText } from "../core/parse/encoding";
import { readInput, type InputIssue, type InputTable } from "./read-input";

type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

export interface Parsed {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** Parses argv for a command; returns the usage message instead of throwing. */
export function parseFlags(
  argv: string[],
  options: OptionSpec,
): { ok: true; value: Parsed } | { ok: false; message: string } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { ok: true, value: { values: values as Parsed["values"], positionals } };
  } catch (e) {
    return { ok: false, message: flagMessage(e) };
  }
}

/** parseArgs' errors as short sentences: `unknown option --bogus`, `--format needs a value`. */
function flagMessage(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: unknown } | null)?.code;
  const option = /'([^']+)'/.exec(message)?.[1] ?? "";
  const name = option.replace(/ <value>$/, "").replace(/^-\w, /, "");
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option ${name}`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
    return message.includes("argument missing") ? `${name} needs a value` : `${name} takes no value`;
  return message;
}

/** A string flag's value (the last one when repeated). */
export function str(p: Parsed, name: string): string | undefined {
  const v = p.values[name];
  if (Array.isArray(v)) {
    const last = v[v.length - 1];
    return typeof last === "string" ? last : undefined;
  }
  return typeof v === "string" ? v : undefined;
}

/** All values of a repeatable string flag, also split on commas. */
export function list(p: Parsed, name: string): string[] {
  const v = p.values[name];
  const raw = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return raw
    .flatMap((x) => (typeof x === "string" ? x.split(",") : []))
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Prints a usage error and returns exit code 2. */
export function usageError(io: CliIO, command: string, message: string, usage: string): ExitCode {
  io.stderr(`runsheet ${command}: ${message}\n\n${usage}\n`);
  return EXIT.usage;
}

/** The output format flag: json (default) or text. */
export function formatOf(p: Parsed): "json" | "text" | null {
  const f = str(p, "format") ?? "json";
  return f === "json" || f === "text" ? f : null;
}

/** A goal flag: undefined when absent, null when it is neither max nor min (a usage error). */
export function goalFlag(value: string | undefined): Goal | undefined | null {
  if (value === undefined) return undefined;
  return value === "max" || value === "min" ? value : null;
}

/** Flags every data command accepts. */
export const COMMON_FLAGS: OptionSpec = {
  format: { type: "string" },
  sheet: { type: "string" },
  help: { type: "boolean", short: "h" },
};

/** The flags metricOptions reads, for the commands that rank runs by a metric. */
export const METRIC_FLAGS: OptionSpec = {
  metric: { type: "string", short: "m" },
  goal: { type: "string" },
  where: { type: "string", multiple: true },
};

/** The table, and the schema: from --schema when given, else inferred from the table. */
export interface Loaded {
  table: InputTable;
  schema: RunSchema;
  inferred: InferredSchema | null;
}

/** Reads the input file and the schema; on failure prints the reason to stderr and gives exit code 2. */
export async function loadInput(io: CliIO, command: string, file: string, p: Parsed): Promise<Loaded | ExitCode> {
  const sheet = str(p, "sheet");
  const input = await readInput(file, io, sheet === undefined ? {} : { sheet });
  if (!input.ok) {
    io.stderr(`runsheet ${command}: ${input.issues.join("; ")}\n`);
    return EXIT.usage;
  }
  const table = input.value;
  const schemaPath = str(p, "schema");
  if (schemaPath !== undefined) {
    let text: string;
    try {
      const decoded = decodeText(await io.readFile(schemaPath));
      if (!decoded.ok) throw new Error(decoded.issues.map((i) => i.message).join(" "));
      text = decoded.value.text;
    } catch (e) {
      io.stderr(
        `runsheet ${command}: cannot read the schema ${schemaPath} (${e instanceof Error ? e.message : String(e)})\n`,
      );
      return EXIT.usage;
    }
    const schema = parseSchemaJson(text);
    if (!schema.ok) {
      io.stderr(
        `runsheet ${command}: the schema ${schemaPath} has problems:\n${schema.issues.map((i) => `  ${i.message}`).join("\n")}\n`,
      );
      return EXIT.usage;
    }
    return { table, schema: schema.value, inferred: null };
  }
  const opts =
    table.headerRow !== undefined
      ? { rowOffset: table.rowOffset, headerRow: table.headerRow }
      : { rowOffset: table.rowOffset };
  const inferred = inferSchema(table.grid, opts);
  return { table, schema: inferred.schema, inferred };
}

/** JSON for stdout: two-space indentation and a final newline, as tools like jq expect. */
export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}

/** What every data command has once its arguments are checked. */
export interface CommandStart {
  flags: Parsed;
  format: "json" | "text";
  file: string;
}

/**
 * The common start of a data command: parse flags (COMMON_FLAGS plus `extra`), answer --help,
 * check --format and the single FILE argument. Returns the exit code when the command is done.
 */
export function startCommand(
  argv: string[],
  io: CliIO,
  command: string,
  usage: string,
  extra: OptionSpec = {},
): CommandStart | ExitCode {
  const p = parseFlags(argv, { ...COMMON_FLAGS, ...extra });
  if (!p.ok) return usageError(io, command, p.message, usage);
  if (p.value.values.help) {
    io.stdout(usage + "\n");
    return EXIT.ok;
  }
  const format = formatOf(p.value);
  if (!format) return usageError(io, command, "--format must be json or text", usage);
  const [file, ...rest] = p.value.positionals;
  if (!file || rest.length)
    return usageError(io, command, file ? `unexpected argument ${rest[0] ?? ""}` : "give the file to read", usage);
  return { flags: p.value, format, file };
}

/** Validates the loaded table with its schema, keeping the sheet's row numbers. */
export function validateLoaded(loaded: Loaded, maxIssues?: number): ValidateResult {
  const { table, schema } = loaded;
  return validate(table.grid, schema, {
    rowOffset: table.rowOffset,
    source: table.source,
    ...(table.headerRow !== undefined ? { headerRow: table.headerRow } : {}),
    ...(table.lastRow !== undefined ? { lastRow: table.lastRow } : {}),
    ...(maxIssues !== undefined ? { maxIssues } : {}),
  });
}

/** The input read and validated, as the commands that work on runs start from it. */
export interface LoadedRuns {
  loaded: Loaded;
  validated: ValidateResult;
}

/**
 * Reads FILE and its schema, prints the reader's issues to stderr and validates every row into
 * typed runs, keeping the issues so that ranking commands leave out rows with errors exactly as
 * the Best tab and the Report do (`leaveOutErrorsOf`). Gives the exit code when the input cannot
 * be read.
 */
export async function loadValidated(
  io: CliIO,
  command: string,
  file: string,
  p: Parsed,
): Promise<LoadedRuns | ExitCode> {
  const loaded = await loadInput(io, command, file, p);
  if (typeof loaded === "number") return loaded;
  reportInputIssues(io, command, loaded.table);
  return { loaded, validated: validateLoaded(loaded) };
}

/** The best() options every ranking command shares: the metric, --goal when given and the --where constraints. */
export function metricOptions(metric: string, goal: Goal | undefined, p: Parsed): BestOptions {
  const options: BestOptions = { metric };
  if (goal) options.goal = goal;
  const where = list(p, "where");
  if (where.length) options.where = where.join(", ");
  return options;
}

/** True when reading the input found an error (the data may be incomplete: exit code 1). */
export function hasInputErrors(table: InputTable): boolean {
  return table.issues.some((i) => i.severity === "error");
}

/** A command's exit code, raised to 1 when the input had errors (a result from incomplete data is a problem). */
export function withInputErrors(code: ExitCode, table: InputTable): ExitCode {
  return code === EXIT.ok && hasInputErrors(table) ? EXIT.problems : code;
}

/** One line per problem the reader found, for stderr: `runs.csv line 4: ...`. */
export function reportInputIssues(io: CliIO, command: string, table: InputTable): void {
  for (const i of table.issues) io.stderr(`runsheet ${command}: ${inputIssueText(table, i)}\n`);
}

/** An input issue as one sentence with its position. */
export function inputIssueText(table: InputTable, i: InputIssue): string {
  return `${table.label} line ${i.line}: ${i.severity === "error" ? "error: " : ""}${i.message}`;
}
