/**
 * Deterministic bench inputs: the same data on every run and for both sides of each case.
 */
import type { CellValue, Grid, RunSchema } from "../src/core/index";
import { seededRandom } from "../src/playground/seed-workbook";

/** Pseudo-random numbers in [0, 1), so every run measures the same data: the playground's generator. */
export const rng = seededRandom;

const MODELS = ["mlp", "cnn", "vit", "resnet"];
const DATASETS = ["cats-dogs-v1", "cats-dogs-v2", "cifar10", "imagenet-mini"];
const OPTIMIZERS = ["adam", "sgd", "adamw"];
const STATUS = ["finished", "failed", "running"];
const EXPERIMENTS = ["exp1", "exp2", "exp3", "exp4", "exp5"];

/** 20 columns with every rule the validate case checks: required, types, choices, min/max, pattern, ids. */
export const SCHEMA_20: RunSchema = {
  columns: [
    // Numbered ids (r17) and random ones (W&B's k3x9a2b) both match.
    { name: "run_id", type: "text", role: "id", required: true, pattern: "[0-9a-z]+" },
    { name: "experiment", type: "choice", role: "meta", required: true, choices: EXPERIMENTS },
    { name: "model", type: "choice", role: "param", required: true, choices: MODELS },
    { name: "dataset", type: "choice", role: "data", choices: DATASETS },
    { name: "n_images", type: "integer", role: "data", min: 1 },
    { name: "layers", type: "integer", role: "param", min: 1, max: 12 },
    { name: "learning_rate", type: "number", role: "param", min: 0, max: 1 },
    { name: "batch_size", type: "integer", role: "param", min: 1, max: 4096 },
    { name: "optimizer", type: "choice", role: "param", choices: OPTIMIZERS },
    { name: "dropout", type: "number", role: "param", min: 0, max: 1 },
    { name: "weight_decay", type: "number", role: "param", min: 0 },
    { name: "seed", type: "integer", role: "param" },
    { name: "status", type: "choice", role: "meta", required: true, choices: STATUS },
    { name: "accuracy", type: "number", role: "metric", goal: "max", min: 0, max: 1 },
    { name: "val_loss", type: "number", role: "metric", goal: "min", min: 0 },
    { name: "latency_ms", type: "number", role: "metric", goal: "min", min: 0 },
    { name: "epochs", type: "integer", role: "meta", min: 1 },
    { name: "code_version", type: "text", role: "meta", pattern: "[0-9a-f]{7}" },
    { name: "owner", type: "text", role: "meta" },
    { name: "notes", type: "text", role: "meta" },
  ],
};
export const HEADER_20 = SCHEMA_20.columns.map((c) => c.name);

/**
 * The same rules as SCHEMA_20 as a JSON Schema (draft 2020-12 subset Ajv compiles): what a team
 * using Ajv would write. Empty cells are `null`, allowed where the column is optional.
 */
export function jsonSchema20(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const c of SCHEMA_20.columns) {
    const p: Record<string, unknown> = {};
    if (c.type === "integer") p.type = "integer";
    else if (c.type === "number") p.type = "number";
    else p.type = "string";
    if (c.choices) p.enum = c.choices;
    if (c.min !== undefined) p.minimum = c.min;
    if (c.max !== undefined) p.maximum = c.max;
    if (c.pattern) p.pattern = `^(?:${c.pattern})$`;
    if (c.type === "text" && c.required) p.minLength = 1;
    properties[c.name] = c.required ? p : { anyOf: [p, { type: "null" }] };
  }
  return {
    type: "object",
    properties,
    required: SCHEMA_20.columns.filter((c) => c.required).map((c) => c.name),
  };
}

/** How the runs are named: numbered as most trackers do (`r17`), or random as W&B and MLflow do. */
export type IdShape = "numbered" | "random";

/** The id of run `i`: `r17`, or 7 base-36 characters from a bijective hash of `i` (so never repeated). */
function runIdOf(i: number, shape: IdShape): string {
  if (shape === "numbered") return `r${i}`;
  return (Math.imul(i + 1, 2654435761) >>> 0).toString(36).padStart(7, "0");
}

/**
 * `rows` runs of SCHEMA_20 as Excel's Range.values gives them ("" for empty cells), with about
 * 1% realistic mistakes: an id used twice, an out-of-range accuracy, a typo in a choice, a
 * number typed as text, an empty required cell.
 */
export function validateGrid(rows: number, seed = 42, ids: IdShape = "numbered"): Grid {
  const r = rng(seed);
  const grid: Grid = [HEADER_20];
  for (let i = 0; i < rows; i++) {
    const row: CellValue[] = [
      runIdOf(i, ids),
      EXPERIMENTS[i % 5] ?? "exp1",
      MODELS[Math.floor(r() * 4)] ?? "mlp",
      DATASETS[Math.floor(r() * 4)] ?? "cifar10",
      1000 * (1 + Math.floor(r() * 50)),
      1 + Math.floor(r() * 12),
      [0.1, 0.01, 0.001, 0.0003][Math.floor(r() * 4)] ?? 0.01,
      2 ** (4 + Math.floor(r() * 5)),
      OPTIMIZERS[Math.floor(r() * 3)] ?? "adam",
      Math.floor(r() * 6) / 10,
      r() < 0.5 ? 0 : 1e-4,
      i,
      r() < 0.9 ? "finished" : (STATUS[1 + Math.floor(r() * 2)] ?? "failed"),
      0.5 + r() * 0.5,
      r(),
      5 + r() * 100,
      10 + Math.floor(r() * 90),
      (0x1000000 + Math.floor(r() * 0xeffffff)).toString(16).slice(0, 7),
      i % 3 === 0 ? "ana" : "ben",
      i % 10 === 0 ? "rerun after fixing the loader" : "",
    ];
    const k = Math.floor(r() * 500);
    if (k === 0) row[0] = runIdOf(Math.max(0, i - 7), ids);
    else if (k === 1) row[13] = 1.5;
    else if (k === 2) row[2] = "MLP ";
    else if (k === 3) row[6] = "0.01";
    else if (k === 4) row[12] = "";
    grid.push(row);
  }
  return grid;
}

/** The 4-column schema of the best() case: params model, layers, learning_rate, dataset; seed; metric. */
export const SCHEMA_BEST: RunSchema = {
  columns: [
    { name: "run_id", type: "text", role: "id", required: true },
    { name: "model", type: "choice", role: "param", choices: MODELS },
    { name: "layers", type: "integer", role: "param", min: 1 },
    { name: "learning_rate", type: "number", role: "param", min: 0 },
    { name: "batch_size", type: "integer", role: "param", min: 1 },
    { name: "dataset", type: "text", role: "data" },
    { name: "seed", type: "integer", role: "param" },
    { name: "status", type: "choice", role: "meta", choices: STATUS },
    { name: "accuracy", type: "number", role: "metric", goal: "max", min: 0, max: 1 },
  ],
};

/**
 * `rows` runs with about 5 replicates (seeds) per configuration, in shuffled sheet order as
 * logs accumulate: configuration c has model, layers, learning rate, batch size and dataset
 * from a mixed radix of c, so there are ceil(rows / 5) distinct configurations.
 */
export function bestGrid(rows: number, seed = 7): Grid {
  const r = rng(seed);
  const configs = Math.ceil(rows / 5);
  const order = Array.from({ length: rows }, (_, i) => i);
  for (let i = rows - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    const t = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = t;
  }
  const grid: Grid = [SCHEMA_BEST.columns.map((c) => c.name)];
  for (let i = 0; i < rows; i++) {
    const run = order[i] ?? 0;
    const c = run % configs;
    const seedNo = Math.floor(run / configs);
    const quality = ((c * 2654435761) >>> 0) / 4294967296;
    grid.push([
      `r${run}`,
      MODELS[c % 4] ?? "mlp",
      1 + (Math.floor(c / 4) % 12),
      (1 + (Math.floor(c / 48) % 100)) * 1e-4,
      2 ** (4 + (Math.floor(c / 4800) % 6)),
      `d${Math.floor(c / 28800)}`,
      seedNo,
      r() < 0.95 ? "finished" : "failed",
      Math.min(1, 0.6 + 0.3 * quality + 0.02 * r()),
    ]);
  }
  return grid;
}

/** CSV of 50,000 x 20 mixed columns as scripts write them: ids, words, integers, decimals, empties, booleans. */
export function mixedCsv(rows: number, seed = 3): string {
  const r = rng(seed);
  const header = [
    "run_id",
    "experiment",
    "model",
    "dataset",
    "n_images",
    "layers",
    "learning_rate",
    "batch_size",
    "optimizer",
    "dropout",
    "seed",
    "status",
    "accuracy",
    "val_loss",
    "latency_ms",
    "epochs",
    "pretrained",
    "code_version",
    "owner",
    "notes",
  ];
  const lines = [header.join(",")];
  for (let i = 0; i < rows; i++) {
    lines.push(
      [
        `r${i}`,
        EXPERIMENTS[i % 5],
        MODELS[Math.floor(r() * 4)],
        DATASETS[Math.floor(r() * 4)],
        1000 * (1 + Math.floor(r() * 50)),
        1 + Math.floor(r() * 12),
        [0.1, 0.01, 0.001, 0.0003][Math.floor(r() * 4)],
        2 ** (4 + Math.floor(r() * 5)),
        OPTIMIZERS[Math.floor(r() * 3)],
        Math.floor(r() * 6) / 10,
        i,
        r() < 0.9 ? "finished" : "failed",
        (0.5 + r() * 0.5).toFixed(4),
        r().toFixed(5),
        (5 + r() * 100).toFixed(2),
        r() < 0.05 ? "" : 10 + Math.floor(r() * 90),
        r() < 0.5 ? "true" : "false",
        Math.floor(r() * 0xfffffff).toString(16),
        i % 3 === 0 ? "ana" : "ben",
        i % 10 === 0 ? "rerun after fixing the loader" : "",
      ].join(","),
    );
  }
  return lines.join("\n") + "\n";
}

/** JSON Lines as trackers export runs: nested params and metrics. */
export function runsJsonl(rows: number): string {
  const out: string[] = [];
  for (let i = 0; i < rows; i++) {
    out.push(
      JSON.stringify({
        run_id: `run${i}`,
        status: i % 10 === 0 ? "failed" : "finished",
        params: { lr: 0.001 * (1 + (i % 7)), layers: 1 + (i % 4), optimizer: i % 2 ? "adam" : "sgd" },
        metrics: { accuracy: (i % 100) / 100, val_loss: 1 / (i + 1), latency_ms: 5 + (i % 50) },
      }),
    );
  }
  return out.join("\n") + "\n";
}
