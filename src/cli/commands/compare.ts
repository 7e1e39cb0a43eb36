/** `runsheet compare FILE --ids r1,r4 [--baseline r1]`: side-by-side of runs, only what differs by default. */
import { compare, compareGrid, compareGridText, compareTable, type CompareResult } from "../../core/index";
import { EXIT, type CommandHandler } from "../io";
import { json, list, loadValidated, startCommand, str, usageError, withInputErrors } from "../options";

export const COMPARE_USAGE = `Usage: runsheet compare FILE --ids ID1,ID2[,...] [--baseline ID] [--all-columns] [--schema schema.json]
                       [--sheet NAME] [--format json|text]

Shows the selected runs side by side: by default only the columns whose values differ, with
metric deltas against the baseline run (the first id unless --baseline), absolute and relative.
The text output (and the JSON's "table") is the table the pane writes to the Compare sheet.
Exit code 0: compared, 1: some ids were not found, 2: usage or unreadable input.`;

/** The Compare sheet's table as aligned text (core's compareGrid, the same cells the sheet holds). */
function asText(r: CompareResult, grid: ReturnType<typeof compareGrid>): string {
  const lines = [`baseline: ${r.baseline.id} (row ${r.baseline.row})`, compareGridText(grid).trimEnd()];
  if (r.missing.length) lines.push(`not found: ${r.missing.join(", ")}`);
  return lines.join("\n") + "\n";
}

export const compareCommand: CommandHandler = async (argv, io) => {
  const start = startCommand(argv, io, "compare", COMPARE_USAGE, {
    schema: { type: "string" },
    ids: { type: "string", multiple: true },
    baseline: { type: "string" },
    "all-columns": { type: "boolean" },
  });
  if (typeof start === "number") return start;
  const { flags: f, format, file } = start;
  const ids = list(f, "ids");
  if (ids.length === 0) return usageError(io, "compare", "--ids is required (e.g. --ids r1,r4)", COMPARE_USAGE);
  const input = await loadValidated(io, "compare", file, f);
  if (typeof input === "number") return input;
  const { loaded, validated } = input;
  const baseline = str(f, "baseline");
  const result = compare(validated, ids, {
    ...(baseline !== undefined ? { baseline } : {}),
    allColumns: f.values["all-columns"] === true,
  });
  if (!result.ok) {
    io.stderr(`runsheet compare: ${result.issues.map((i) => i.message).join(" ")}\n`);
    return EXIT.problems;
  }
  const grid = compareGrid(result.value, compareTable(result.value, validated.schema));
  io.stdout(format === "json" ? json({ ...result.value, table: grid }) : asText(result.value, grid));
  return withInputErrors(result.value.missing.length ? EXIT.problems : EXIT.ok, loaded.table);
};
