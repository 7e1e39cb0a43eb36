/**
 * Core benchmarks: validation, the t distribution, Welch's test and best() against peer
 * libraries doing the same work (zod per-row validation, jStat, simple-statistics grouping).
 */
import jStat from "jstat";
import { mean as ssMean, sampleStandardDeviation } from "simple-statistics";
import { z } from "zod";
import { best, tInv, validate, welchTTest, type CellValue, type Grid, type RunSchema } from "../src/core/index";
import type { BenchCase } from "./harness";

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCHEMA: RunSchema = {
  columns: [
    { name: "run_id", type: "text", role: "id", required: true },
    { name: "model", type: "choice", role: "param", choices: ["mlp", "cnn", "vit"] },
    { name: "layers", type: "integer", role: "param", min: 1, max: 12 },
    { name: "learning_rate", type: "number", role: "param", min: 0 },
    { name: "seed", type: "integer", role: "meta" },
    { name: "status", type: "choice", role: "meta", choices: ["finished", "failed", "running"] },
    { name: "accuracy", type: "number", role: "metric", goal: "max", min: 0, max: 1 },
    { name: "val_loss", type: "number", role: "metric", goal: "min", min: 0 },
    { name: "latency_ms", type: "number", role: "metric", goal: "min", min: 0 },
    { name: "notes", type: "text", role: "meta" },
  ],
};
const HEADER = SCHEMA.columns.map((c) => c.name);
const MODELS = ["mlp", "cnn", "vit"];

/** Runs with random params and a unique seed each (replicates differ by seed, as in real logs). */
function makeGrid(rows: number): Grid {
  const r = rng(42);
  const grid: Grid = [HEADER];
  for (let i = 0; i < rows; i++) {
    const layers = 1 + Math.floor(r() * 6);
    const lr = [0.1, 0.01, 0.001][Math.floor(r() * 3)] ?? 0.01;
    const row: CellValue[] = [
      `r${i}`,
      MODELS[Math.floor(r() * 3)] ?? "mlp",
      layers,
      lr,
      i,
      r() < 0.9 ? "finished" : "failed",
      0.5 + r() * 0.5,
      r(),
      5 + r() * 100,
      i % 10 === 0 ? "rerun" : "",
    ];
    grid.push(row);
  }
  return grid;
}

// The same rules as SCHEMA, as zod checks one row object at a time: the straightforward way to
// validate rows with a schema library.
const zodRow = z.object({
  run_id: z.string().min(1),
  model: z.enum(["mlp", "cnn", "vit"]),
  layers: z.number().int().min(1).max(12),
  learning_rate: z.number().min(0),
  seed: z.number().int(),
  status: z.enum(["finished", "failed", "running"]),
  accuracy: z.number().min(0).max(1),
  val_loss: z.number().min(0),
  latency_ms: z.number().min(0),
  notes: z.string(),
});

/**
 * The same job with zod: check each row object, keep the parsed rows (the typed runs), and
 * detect duplicate ids and duplicate configurations with Maps, as validate() does.
 */
function zodValidate(grid: Grid): number {
  let issues = 0;
  const ids = new Set<string>();
  const configs = new Set<string>();
  const rows: unknown[] = [];
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const obj: Record<string, CellValue> = {};
    HEADER.forEach((h, i) => (obj[h] = row[i] ?? null));
    const res = zodRow.safeParse(obj);
    if (!res.success) issues += res.error.issues.length;
    else rows.push(res.data);
    const id = String(row[0]);
    if (ids.has(id)) issues++;
    ids.add(id);
    const key = JSON.stringify([obj.model, obj.layers, obj.learning_rate, obj.seed]);
    if (configs.has(key)) issues++;
    configs.add(key);
  }
  return issues + rows.length;
}

const GRID_100K = makeGrid(100_000);
const validated50k = validate(makeGrid(50_000), SCHEMA);

function simpleStatsBest(): number {
  const groups = new Map<string, number[]>();
  for (const run of validated50k.runs) {
    if (run.values.status !== "finished") continue;
    const acc = run.values.accuracy;
    if (typeof acc !== "number") continue;
    const key = JSON.stringify([run.values.model, run.values.layers, run.values.learning_rate]);
    const list = groups.get(key) ?? [];
    list.push(acc);
    groups.set(key, list);
  }
  const ranked = [...groups.values()]
    .map((xs) => ({ m: ssMean(xs), s: xs.length > 1 ? sampleStandardDeviation(xs) : 0, n: xs.length }))
    .sort((a, b) => b.m - a.m);
  return ranked.length;
}

const r = rng(7);
const T_ARGS = Array.from({ length: 10_000 }, () => ({ p: 0.5 + r() * 0.499, df: 1 + r() * 60 }));
const SAMPLES = Array.from(
  { length: 10_000 },
  () => [Array.from({ length: 5 }, () => r()), Array.from({ length: 4 }, () => r())] as const,
);

function jstatWelch(a: readonly number[], b: readonly number[]): number {
  const va = jStat.variance(a, true) / a.length;
  const vb = jStat.variance(b, true) / b.length;
  const t = (jStat.mean(a) - jStat.mean(b)) / Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  return 2 * jStat.studentt.cdf(-Math.abs(t), df);
}

const cases: BenchCase[] = [
  {
    name: "core: validate 100k rows x 10 cols",
    unit: "ms per 100k rows",
    peerName: "zod (per-row safeParse + Map duplicates)",
    ours: () => validate(GRID_100K, SCHEMA).counts.error,
    peer: () => zodValidate(GRID_100K),
    repeat: 5,
  },
  {
    name: "core: t quantile x10k",
    unit: "ms per 10k quantiles",
    peerName: "jstat",
    ours: () => T_ARGS.reduce((s, a) => s + tInv(a.p, a.df), 0),
    peer: () => T_ARGS.reduce((s, a) => s + jStat.studentt.inv(a.p, a.df), 0),
  },
  {
    name: "core: Welch t-test x10k",
    unit: "ms per 10k tests",
    peerName: "jstat",
    ours: () => SAMPLES.reduce((s, [a, b]) => s + (welchTTest(a, b)?.p ?? 0), 0),
    peer: () => SAMPLES.reduce((s, [a, b]) => s + jstatWelch(a, b), 0),
  },
  {
    name: "core: best() on 50k runs",
    unit: "ms per 50k runs",
    peerName: "simple-statistics (group, mean, sd)",
    ours: () => {
      const b = best(validated50k, { metric: "accuracy" });
      return b.ok ? b.value.ranking.length : 0;
    },
    peer: simpleStatsBest,
  },
];

export default cases;
