/** `runsheet schema FILE`: prints the schema inferred from a sheet, ready to edit and pass to --schema. */
import { EXIT, type CommandHandler } from "../io";
import { json, loadInput, startCommand, reportInputIssues, withInputErrors } from "../options";

export const SCHEMA_USAGE = `Usage: runsheet schema FILE [--sheet NAME] [--format json|text]

Infers the schema (column names, types, roles, goals) from a .csv, .tsv, .json or .xlsx file
and prints it as JSON ({"columns": [...]}), which --schema accepts.`;

export const schemaCommand: CommandHandler = async (argv, io) => {
  const start = startCommand(argv, io, "schema", SCHEMA_USAGE);
  if (typeof start === "number") return start;
  const { flags, format, file } = start;
  const loaded = await loadInput(io, "schema", file, flags);
  if (typeof loaded === "number") return loaded;
  reportInputIssues(io, "schema", loaded.table);
  if (format === "json") {
    io.stdout(json(loaded.schema));
    return withInputErrors(EXIT.ok, loaded.table);
  }
  const inf = loaded.inferred;
  const lines: string[] = [];
  if (inf)
    lines.push(
      `${loaded.table.label}: header on row ${inf.headerRow}, data on rows ${inf.firstDataRow}-${inf.lastDataRow}`,
    );
  for (const c of loaded.schema.columns) {
    const extras = [
      c.unit ? `unit ${c.unit}` : "",
      c.goal ? `goal ${c.goal}` : "",
      c.choices ? `choices ${c.choices.join("|")}` : "",
      c.min !== undefined || c.max !== undefined ? `range ${c.min ?? ""}..${c.max ?? ""}` : "",
      c.required ? "required" : "",
    ].filter((x) => x !== "");
    lines.push(`  ${c.name.padEnd(24)} ${c.type.padEnd(9)} ${c.role.padEnd(7)} ${extras.join(", ")}`.trimEnd());
  }
  io.stdout(lines.join("\n") + "\n");
  return withInputErrors(EXIT.ok, loaded.table);
};
