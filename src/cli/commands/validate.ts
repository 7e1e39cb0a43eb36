/** `runsheet validate FILE [--schema schema.json]`: issues as JSON (or text), exit 1 when any is an error. */
import { EXIT, type CommandHandler } from "../io";
import { inputIssueText, json, loadInput, startCommand, str, usageError, validateLoaded } from "../options";

export const VALIDATE_USAGE = `Usage: runsheet validate FILE [--schema schema.json] [--sheet NAME] [--format json|text] [--max-issues N]

Checks every run against the schema (inferred from the file when --schema is not given).
Prints {"runs": N, "schema": {...}, "issues": [{"row", "column", "code", "severity", "message", "value", "fix"?}]}.
Rows are the row numbers Excel shows. Exit code 0: no errors (warnings allowed), 1: errors found, 2: usage or unreadable input.`;

export const validateCommand: CommandHandler = async (argv, io) => {
  const start = startCommand(argv, io, "validate", VALIDATE_USAGE, {
    schema: { type: "string" },
    "max-issues": { type: "string" },
  });
  if (typeof start === "number") return start;
  const { flags, format, file } = start;
  const maxText = str(flags, "max-issues");
  const maxIssues = maxText === undefined ? undefined : Number(maxText);
  if (maxIssues !== undefined && !(Number.isInteger(maxIssues) && maxIssues >= 0))
    return usageError(io, "validate", "--max-issues must be a whole number", VALIDATE_USAGE);
  const loaded = await loadInput(io, "validate", file, flags);
  if (typeof loaded === "number") return loaded;
  const { table } = loaded;
  const result = validateLoaded(loaded, maxIssues);
  // What the reader found (unterminated quotes, ragged rows, ...) comes first on its row, with its line.
  const counts = { ...result.counts };
  for (const i of table.issues) counts[i.severity]++;
  const lineOf = table.lineOfRow;
  const checked = result.issues.map((i) => {
    const line = lineOf?.(i.row);
    return line === undefined ? i : { ...i, line };
  });
  const issues = [...table.issues, ...checked].sort((a, b) => a.row - b.row);
  if (format === "json") {
    io.stdout(
      json({
        runs: result.runs.length,
        ...(table.format ? { format: table.format } : {}),
        schema: result.schema,
        headerRow: result.headerRow,
        counts,
        truncated: result.truncated,
        issues,
      }),
    );
  } else {
    const lines = [
      `${table.label}: ${result.runs.length} runs, ${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes (header on row ${result.headerRow})`,
    ];
    for (const i of table.issues) lines.push(`  ${inputIssueText(table, i)} [${i.severity} ${i.code}]`);
    for (const i of result.issues)
      lines.push(
        `  row ${i.row}, ${i.column}: ${i.message} [${i.severity} ${i.code}${i.fix !== undefined ? `, fix: ${String(i.fix)}` : ""}]`,
      );
    if (result.truncated) lines.push(`  ... more issues not shown (raise --max-issues)`);
    io.stdout(lines.join("\n") + "\n");
  }
  return counts.error > 0 ? EXIT.problems : EXIT.ok;
};
