import { parseArgs } from "node:util";
import fc from "fast-check";
import { parse as shellParse } from "shell-quote";
import { describe, expect, it } from "vitest";
import { parse as yamlParse } from "yaml";
import {
  RECIPE_FORMATS,
  findRun,
  formatRecipe,
  recipeOf,
  validate,
  type RecipeFormat,
  type RunSchema,
  type RunValue,
} from "../../src/core";

const SCHEMA: RunSchema = {
  columns: [
    { name: "run_id", type: "text", role: "id" },
    { name: "model", type: "text", role: "param" },
    { name: "dataset", type: "text", role: "data" },
    { name: "n_images", type: "integer", role: "data" },
    { name: "layers", type: "integer", role: "param" },
    { name: "learning_rate", type: "number", role: "param" },
    { name: "augment", type: "boolean", role: "param" },
    { name: "seed", type: "integer", role: "meta" },
    { name: "accuracy", type: "number", role: "metric", goal: "max" },
    { name: "code_version", type: "text", role: "meta" },
    { name: "environment", type: "text", role: "meta" },
    { name: "command", type: "text", role: "meta" },
  ],
};

/** Shell words of a line, as a POSIX shell splits them (shell-quote, not our own reader). */
function words(line: string): string[] {
  return shellParse(line).map((t) => (typeof t === "string" ? t : JSON.stringify(t)));
}

/** Reads a recipe back into typed params the way each tool would. */
function readBack(text: string, format: RecipeFormat, keys: string[]): Record<string, unknown> {
  const body = text
    .split("\n")
    .filter((l) => !l.startsWith("#"))
    .join("\n");
  switch (format) {
    case "json":
      return (JSON.parse(text) as { config: Record<string, unknown> }).config;
    case "yaml":
      return yamlParse(text) as Record<string, unknown>;
    case "args": {
      const options = Object.fromEntries(keys.map((k) => [k, { type: "string" as const }]));
      return parseArgs({ args: words(body), options, strict: true }).values;
    }
    case "hydra": {
      const out: Record<string, unknown> = {};
      for (const w of words(body)) {
        const eq = w.indexOf("=");
        // Hydra's override values are YAML-like scalars: 2 is an int, 'x' a quoted string, null is None.
        out[w.slice(0, eq)] = hydraScalar(w.slice(eq + 1));
      }
      return out;
    }
  }
}

/** Hydra's quoted-string rule: `\\'` is a quote, and backslashes are halved only before a quote or at the end. */
function hydraScalar(text: string): unknown {
  const m = /^'(.*)'$/s.exec(text);
  if (!m) return yamlParse(text);
  return (m[1] ?? "").replace(
    /(\\+)('|$)/g,
    (_all, bs: string, q: string) => "\\".repeat(Math.floor(bs.length / 2)) + q,
  );
}

/** Brings a read-back value to the schema's type, as a training script's argparse `type=` would. */
function typed(value: unknown, type: string): RunValue {
  if (value === undefined || value === null) return null;
  if (type === "integer" || type === "number") return Number(value);
  if (type === "boolean") return value === true || value === "true";
  return String(value);
}

function runs(rows: RunValue[][]) {
  return validate([SCHEMA.columns.map((c) => c.name), ...rows], SCHEMA).runs;
}

const ROW: RunValue[] = [
  "r4",
  "mlp",
  "dogs v2 (puppies & kittens)",
  2000,
  2,
  0.01,
  true,
  7,
  0.74,
  "3f2a9c1",
  "env-0123456789ab",
  "python train.py",
];

describe("recipe", () => {
  it("holds params, data and the seed, never a metric, and the recipe columns as fields", () => {
    const [run] = runs([ROW]);
    if (!run) throw new Error("no run");
    const r = recipeOf(run, SCHEMA);
    expect(Object.keys(r.config)).toEqual([
      "model",
      "dataset",
      "n_images",
      "layers",
      "learning_rate",
      "augment",
      "seed",
    ]);
    expect(r.config).not.toHaveProperty("accuracy");
    expect(r.fields).toEqual({ code_version: "3f2a9c1", environment: "env-0123456789ab", command: "python train.py" });
  });

  it("writes each format as people paste it", () => {
    const [run] = runs([ROW]);
    if (!run) throw new Error("no run");
    const r = recipeOf(run, SCHEMA);
    expect(formatRecipe(r, "args")).toBe(
      "# run r4\n# code_version: 3f2a9c1\n# environment: env-0123456789ab\n# command: python train.py\n" +
        "--model mlp --dataset 'dogs v2 (puppies & kittens)' --n_images 2000 --layers 2 --learning_rate 0.01 --augment true --seed 7\n",
    );
    expect(formatRecipe(r, "hydra").split("\n").at(-2)).toBe(
      "model=mlp \"dataset='dogs v2 (puppies & kittens)'\" n_images=2000 layers=2 learning_rate=0.01 augment=true seed=7",
    );
    expect(JSON.parse(formatRecipe(r, "json"))).toMatchObject({ run_id: "r4", command: "python train.py" });
  });

  const text = fc.string({ maxLength: 12 });
  const row = fc.tuple(
    text,
    text,
    fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: null }),
    fc.integer({ min: 1, max: 50 }),
    fc.double({ min: 1e-6, max: 1, noNaN: true }),
    fc.boolean(),
    fc.integer({ min: 0, max: 2 ** 31 }),
  );

  it.each(RECIPE_FORMATS)("round trip through %s: recipe -> parse back -> same params", (format) => {
    fc.assert(
      fc.property(row, ([model, dataset, n, layers, lr, augment, seed]) => {
        const [run] = runs([["r1", model, dataset, n, layers, lr, augment, seed, 0.5, "", "", ""]]);
        if (!run) return;
        const r = recipeOf(run, SCHEMA);
        const keys = Object.keys(r.config);
        const back = readBack(formatRecipe(r, format), format, keys);
        for (const k of keys) {
          const spec = SCHEMA.columns.find((c) => c.name === k);
          const expected = r.config[k] ?? null;
          // Empty text cells are null in a run; args leave them out, the others write null.
          expect(typed(back[k], spec?.type ?? "text")).toEqual(expected);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("finds a run by id and says undefined for an unknown one", () => {
    const all = runs([ROW]);
    expect(findRun(all, " r4 ")?.excelRow).toBe(2);
    expect(findRun(all, "r9")).toBeUndefined();
  });
});
