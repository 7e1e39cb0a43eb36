/** `runsheet envdiff FILE --a ID --b ID`: what changed between two environments of the Environments sheet. */
import { diffEnvironments, environmentsFromGrid } from "../../core/env/index";
import { EXIT, type CommandHandler } from "../io";
import { json, startCommand, str, usageError } from "../options";
import { readInput } from "../read-input";

export const ENVDIFF_USAGE = `Usage: runsheet envdiff FILE --a ID --b ID [--sheet NAME] [--format json|text]

FILE is a workbook (.xlsx: the Environments sheet, or --sheet NAME) or a CSV/TSV export of it
(columns environment_id, manager, package, version, source). Lists interpreter changes and
packages upgraded, downgraded, added and removed from A to B, most likely to change results first.
Exit codes: 0 the same, 1 they differ, 2 usage error, unreadable file or unknown id.`;

export const envdiffCommand: CommandHandler = async (argv, io) => {
  const start = startCommand(argv, io, "envdiff", ENVDIFF_USAGE, { a: { type: "string" }, b: { type: "string" } });
  if (typeof start === "number") return start;
  const { flags, format, file } = start;
  const a = str(flags, "a")?.trim();
  const b = str(flags, "b")?.trim();
  if (!a || !b) return usageError(io, "envdiff", "give both --a ID and --b ID", ENVDIFF_USAGE);
  const sheet = str(flags, "sheet") ?? (/\.xlsx$/i.test(file) ? "Environments" : undefined);
  const input = await readInput(file, io, sheet === undefined ? {} : { sheet });
  if (!input.ok) {
    io.stderr(`runsheet envdiff: ${input.issues.join("; ")}\n`);
    return EXIT.usage;
  }
  const envs = environmentsFromGrid(input.value.grid);
  for (const id of [a, b]) {
    if (!envs.has(id)) {
      const known = [...envs.keys()];
      io.stderr(
        `runsheet envdiff: there is no environment "${id}" in ${input.value.label}${known.length ? ` (it has ${known.join(", ")})` : " (it holds no environment rows)"}.\n`,
      );
      return EXIT.usage;
    }
  }
  const envA = envs.get(a);
  const envB = envs.get(b);
  if (!envA || !envB) return EXIT.usage;
  const diff = diffEnvironments(envA, envB);
  if (format === "json") io.stdout(json({ a, b, ...diff }));
  else {
    const lines = [
      `${a} -> ${b}: ${diff.changes.length} change${diff.changes.length === 1 ? "" : "s"}, ${diff.unchanged} packages the same`,
    ];
    if (diff.changes.length) lines.push(diff.summary);
    io.stdout(lines.join("\n") + "\n");
  }
  return diff.changes.length ? EXIT.problems : EXIT.ok;
};
