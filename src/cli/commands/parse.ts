/**
 * `runsheet parse FILE|- [--format NAME] [--as-cells]`: parse a script's or tracker's output the
 * way the task pane does. Prints `{format, columns, rows, issues}` (plus `curves` for step logs),
 * or with `--as-cells` `{header, cells, textCells, textHeader}` exactly as the pane writes them
 * to the sheet (text cells listed in `textCells` get the "@" number format, so formula-like
 * text stays text). Exit 0 without errors, 1 with errors, 2 on usage or unreadable input.
 */
import { FORMAT_NAMES, parseText, toSheetCells, type FormatName } from "../../core/parse";
import { EXIT, type CliIO, type CommandHandler } from "../io";

const USAGE = `usage: runsheet parse FILE|- [--format ${FORMAT_NAMES.join("|")}] [--as-cells]`;

interface ParseArgs {
  file: string;
  format?: FormatName;
  asCells: boolean;
}

function isFormatName(s: string): s is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(s);
}

function parseArgs(argv: string[]): ParseArgs | string {
  let file: string | undefined;
  let format: FormatName | undefined;
  let asCells = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--as-cells") asCells = true;
    else if (a === "--format" || a.startsWith("--format=")) {
      const v = a === "--format" ? argv[++i] : a.slice("--format=".length);
      if (v === undefined || !isFormatName(v))
        return `unknown format ${JSON.stringify(v ?? "")}; expected one of ${FORMAT_NAMES.join(", ")}`;
      format = v;
    } else if (a === "-" || !a.startsWith("-")) {
      if (file !== undefined)
        return `only one input file is accepted (got ${JSON.stringify(file)} and ${JSON.stringify(a)})`;
      file = a;
    } else return `unknown option ${a}`;
  }
  if (file === undefined) return "missing input: give a file name, or - for standard input";
  return format ? { file, format, asCells } : { file, asCells };
}

async function readInput(file: string, io: CliIO): Promise<string> {
  if (file === "-") return io.readStdin();
  const bytes = await io.readFile(file);
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

/** The `parse` sub-command. */
export const parseCommand: CommandHandler = async (argv, io) => {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    io.stderr(`runsheet parse: ${args}\n${USAGE}\n`);
    return EXIT.usage;
  }
  let text: string;
  try {
    text = await readInput(args.file, io);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    io.stderr(`runsheet parse: cannot read ${args.file === "-" ? "standard input" : args.file}: ${why}\n`);
    return EXIT.usage;
  }
  const result = parseText(text, args.format ? { format: args.format } : undefined);
  const failed = result.issues.some((i) => i.severity === "error");
  if (args.asCells) {
    io.stdout(JSON.stringify(toSheetCells(result, result.columns)) + "\n");
  } else {
    const { format, columns, rows, issues, curves } = result;
    io.stdout(
      JSON.stringify(curves ? { format, columns, rows, issues, curves } : { format, columns, rows, issues }) + "\n",
    );
  }
  return failed ? EXIT.problems : EXIT.ok;
};
