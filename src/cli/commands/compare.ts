/** `runsheet compare FILE --ids r1,r4 [--baseline r1]`: side-by-side of runs, only what differs by default. */
import { compare, validate, type CompareResult } from "../../core/index";
import { EXIT, type CommandHandler } from "../io";
import { COMMON_FLAGS, formatOf, json, list, loadInput, parseFlags, str, usageError } from "../options";

export const COMPARE_USAGE = `Usage: runsheet compare FILE --ids ID1,ID2[,...] [--baseline ID] [--all-columns] [--schema schema.json]
                       [--sheet NAME] [--format json|text]

Shows the selected runs side by side: by default only the columns whose values differ, with
metric deltas against the baseline run (the first id unless --baseline), absolute and relative.
Exit code 0: compared, 1: some ids were not found, 2: usage or unreadable input.`;

function asText(r: CompareResult): string {
  const lines = [`baseline: ${r.baseline.id} (row ${r.baseline.row})`, `${"column".padEnd(20)} ${r.runs.map((x) => x.id.padEnd(14)).join(" ")}`];
  for (const c of r.columns) {
    const cells = c.values.map((v, i) => {
      const d = c.deltas?.[i];
      const text = v === null ? "" : String(v);
      return (d ? `${text} (${d.absolute >= 0 ? "+" : ""}${Number(d.absolute.toPrecision(3))})` : text).padEnd(14);
    });
    lines.push(`${c.name.padEnd(20)} ${cells.join(" ")}`);
  }
  if (r.missing.length) lines.push(`not found: ${r.missing.join(", ")}`);
  return lines.join("\n") + "\n";
}

export const compareCommand: CommandHandler = async (argv, io) => {
  const p = parseFlags(argv, { ...COMMON_FLAGS, schema: { type: "string" }, ids: { type: "string", multiple: true }, baseline: { type: "string" }, "all-columns": { type: "boolean" } });
  if (!p.ok) return usageError(io, "compare", p.message, COMPARE_USAGE);
  const f = p.value;
  if (f.values.help) {
    io.stdout(COMPARE_USAGE + "\n");
    return EXIT.ok;
  }
  const format = formatOf(f);
  if (!format) return usageError(io, "compare", "--format must be json or text", COMPARE_USAGE);
  const [file, ...extra] = f.positionals;
  if (!file || extra.length) return usageError(io, "compare", file ? `unexpected argument ${extra[0] ?? ""}` : "give the file to read", COMPARE_USAGE);
  const ids = list(f, "ids");
  if (ids.length === 0) return usageError(io, "compare", "--ids is required (e.g. --ids r1,r4)", COMPARE_USAGE);
  const loaded = await loadInput(io, "compare", file, f);
  if (typeof loaded === "number") return loaded;
  const { table, schema } = loaded;
  const validated = validate(table.grid, schema, { rowOffset: table.rowOffset, source: table.source, maxIssues: 0, ...(table.headerRow !== undefined ? { headerRow: table.headerRow } : {}) });
  const baseline = str(f, "baseline");
  const result = compare(validated, ids, { ...(baseline !== undefined ? { baseline } : {}), allColumns: f.values["all-columns"] === true });
  if (!result.ok) {
    io.stderr(`runsheet compare: ${result.issues.map((i) => i.message).join(" ")}\n`);
    return EXIT.problems;
  }
  io.stdout(format === "json" ? json(result.value) : asText(result.value));
  return result.value.missing.length ? EXIT.problems : EXIT.ok;
};
