/**
 * `runsheet parse FILE|- [--format NAME] [--as-cells]`: parse a script's or tracker's output the
 * way the task pane does. Prints `{format, columns, rows, issues}` (plus `curves` for step logs),
 * or with `--as-cells` `{header, cells, textCells, textHeader}` exactly as the pane writes them
 * to the sheet (text cells listed in `textCells` get the "@" number format, so formula-like
 * text stays text). Exit 0 without errors, 1 with errors, 2 on usage or unreadable input.
 */
import { FORMAT_NAMES, toSheetCells, type FormatName } from "../../core/parse";
import { EXIT, type CommandHandler } from "../io";
import { parseFlags, str } from "../options";
import { parseFileText, readText, unsupportedPath } from "../read-input";

const USAGE = `usage: runsheet parse FILE|- [--format ${FORMAT_NAMES.join("|")}] [--as-cells]`;

function isFormatName(s: string): s is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(s);
}

interface ParseArgs {
  file: string;
  format?: FormatName;
  asCells: boolean;
}

function parseArgs(argv: string[]): ParseArgs | string {
  const p = parseFlags(argv, { format: { type: "string" }, "as-cells": { type: "boolean" } });
  if (!p.ok) return p.message;
  const v = str(p.value, "format");
  if (p.value.values.format !== undefined && (v === undefined || !isFormatName(v)))
    return `unknown format ${JSON.stringify(v ?? "")}; expected one of ${FORMAT_NAMES.join(", ")}`;
  const [file, second] = p.value.positionals;
  if (file === undefined) return "missing input: give a file name, or - for standard input";
  if (second !== undefined)
    return `only one input file is accepted (got ${JSON.stringify(file)} and ${JSON.stringify(second)})`;
  const asCells = p.value.values["as-cells"] === true;
  return v !== undefined && isFormatName(v) ? { file, format: v, asCells } : { file, asCells };
}

/** The `parse` sub-command. */
export const parseCommand: CommandHandler = async (argv, io) => {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    io.stderr(`runsheet parse: ${args}\n${USAGE}\n`);
    return EXIT.usage;
  }
  const unsupported = /\.xls[xm]$/i.test(args.file)
    ? `${args.file} is a workbook; parse reads text (use runsheet validate, best or schema for workbooks)`
    : unsupportedPath(args.file);
  const text = unsupported ? null : await readText(args.file, io);
  if (!text || !text.ok) {
    io.stderr(`runsheet parse: ${unsupported ?? (text && !text.ok ? text.issues.join("; ") : "")}\n`);
    return EXIT.usage;
  }
  const { result } = parseFileText(text.value, args.format);
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
