/**
 * A run's recipe, ready to paste: its configuration (params and data columns, the seed
 * included, never a metric) as JSON, YAML, `--key value` arguments or Hydra overrides, with
 * the recipe columns (command, code and data versions, environment id) as fields or comments.
 */
import { stringify } from "yaml";
import { normalizeName } from "./names";
import { recipeColumns } from "./reproducibility";
import { REPLICATE_COLUMNS, type Run, type RunValue } from "./runs";
import type { RunSchema } from "./schema-types";

export const RECIPE_FORMATS = ["json", "yaml", "args", "hydra"] as const;
export type RecipeFormat = (typeof RECIPE_FORMATS)[number];

/** What a recipe holds, before it is written in a format. */
export interface Recipe {
  runId: string;
  /** Params and data columns, then the seed, in schema order; null for an empty cell. */
  config: Record<string, RunValue>;
  /** The recipe columns with a value (command, code_version, data_version, environment, ...). */
  fields: Record<string, string>;
}

/**
 * The columns of a configuration: params and data, and the seed even when its role is meta.
 * Recipe columns (a data_version inferred as data) are fields of the recipe, not settings.
 */
function configNames(schema: RunSchema): string[] {
  const recipe = new Set(recipeColumns(schema).map((c) => c.name));
  return schema.columns
    .filter((c) => c.role === "param" || c.role === "data" || REPLICATE_COLUMNS.has(c.name.toLowerCase()))
    .filter((c) => c.role !== "metric" && !recipe.has(c.name))
    .map((c) => c.name);
}

/** Collects a run's recipe from its typed values. */
export function recipeOf(run: Run, schema: RunSchema): Recipe {
  const config: Record<string, RunValue> = {};
  for (const name of configNames(schema)) config[name] = run.values[name] ?? null;
  const fields: Record<string, string> = {};
  for (const spec of recipeColumns(schema)) {
    const v = run.values[spec.name];
    if (v !== null && v !== undefined && String(v).trim() !== "") fields[spec.name] = String(v).trim();
  }
  return { runId: run.id, config, fields };
}

/** POSIX shell quoting: bare when safe, else single quotes (a `'` inside becomes `'\''`). */
function shellWord(text: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * A shell word for a Hydra override: double quotes, as Hydra's documentation writes them
 * (`"key='a b'"`), unless the text holds characters special inside double quotes; then single quotes.
 */
function overrideWord(text: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(text)) return text;
  return /["\\$`!]/.test(text) ? shellWord(text) : `"${text}"`;
}

/** A value as Hydra's override grammar reads it back with the same type. */
function hydraValue(value: RunValue): string {
  if (value === null) return "null";
  if (typeof value !== "string") return String(value);
  // Text that Hydra would read as a number, boolean or null, or that holds grammar characters, is quoted.
  const plain = /^[A-Za-z_/][A-Za-z0-9_./-]*$/.test(value) && !/^(?:true|false|null|nan|inf)$/i.test(value);
  if (plain) return value;
  // Hydra's quoted strings: a quote is escaped as \', and only backslashes before a quote or at the end are doubled.
  const escaped = value
    .replace(/(\\*)'/g, (_m, bs: string) => `${bs}${bs}\\'`)
    .replace(/(\\+)$/, (_m, bs: string) => bs + bs);
  return `'${escaped}'`;
}

function comments(recipe: Recipe): string[] {
  const lines = [`# run ${recipe.runId}`];
  for (const [k, v] of Object.entries(recipe.fields)) lines.push(`# ${k}: ${v.replace(/[\r\n]+/g, " ")}`);
  return lines;
}

/** Writes a recipe in one of the formats; the text ends with a newline. */
export function formatRecipe(recipe: Recipe, format: RecipeFormat): string {
  switch (format) {
    case "json":
      return `${JSON.stringify({ run_id: recipe.runId, config: recipe.config, ...recipe.fields }, null, 2)}\n`;
    case "yaml":
      return `${comments(recipe).join("\n")}\n${stringify(recipe.config)}`;
    case "args": {
      const parts: string[] = [];
      for (const [k, v] of Object.entries(recipe.config)) {
        if (v === null) continue;
        // A value starting with "-" would read as another option: argparse takes it joined with "=".
        const text = String(v);
        if (text.startsWith("-")) parts.push(shellWord(`--${k}=${text}`));
        else parts.push(`--${k}`, shellWord(text));
      }
      return `${comments(recipe).join("\n")}\n${parts.join(" ")}\n`;
    }
    case "hydra": {
      const parts = Object.entries(recipe.config).map(([k, v]) => overrideWord(`${k}=${hydraValue(v)}`));
      return `${comments(recipe).join("\n")}\n${parts.join(" ")}\n`;
    }
  }
}

/** Finds a run by its id (ignoring surrounding spaces); undefined when no run has it. */
export function findRun(runs: readonly Run[], id: string): Run | undefined {
  const wanted = id.trim();
  return runs.find((r) => r.id === wanted) ?? runs.find((r) => normalizeName(r.id) === normalizeName(wanted));
}
