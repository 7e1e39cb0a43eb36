/** `runsheet recipe FILE --run ID --as json|yaml|args|hydra`: a run's configuration and recipe, ready to paste. */
import { RECIPE_FORMATS, findRun, formatRecipe, recipeOf, type RecipeFormat } from "../../core/index";
import { EXIT, type CommandHandler } from "../io";
import { loadValidated, startCommand, str, usageError, withInputErrors } from "../options";

export const RECIPE_USAGE = `Usage: runsheet recipe FILE --run ID [--as json|yaml|args|hydra] [--schema schema.json] [--sheet NAME]

Prints the run's configuration (params and data columns, the seed included, never metrics) as
JSON (default), YAML, --key value arguments or Hydra overrides (key=value), with its command,
code and data versions and environment id as fields (JSON) or # comments.`;

export const recipeCommand: CommandHandler = async (argv, io) => {
  const start = startCommand(argv, io, "recipe", RECIPE_USAGE, {
    run: { type: "string" },
    as: { type: "string" },
    schema: { type: "string" },
  });
  if (typeof start === "number") return start;
  const { flags, file } = start;
  const id = str(flags, "run");
  if (!id) return usageError(io, "recipe", "give the run with --run ID", RECIPE_USAGE);
  const as = str(flags, "as") ?? "json";
  if (!(RECIPE_FORMATS as readonly string[]).includes(as))
    return usageError(io, "recipe", `--as must be one of ${RECIPE_FORMATS.join(", ")}`, RECIPE_USAGE);
  const input = await loadValidated(io, "recipe", file, flags);
  if (typeof input === "number") return input;
  const { loaded, validated } = input;
  const run = findRun(validated.runs, id);
  if (!run) {
    io.stderr(`runsheet recipe: there is no run "${id}" in ${loaded.table.label}; check the run_id column.\n`);
    return EXIT.usage;
  }
  io.stdout(formatRecipe(recipeOf(run, validated.schema), as as RecipeFormat));
  return withInputErrors(EXIT.ok, loaded.table);
};
