/**
 * The timed bench cases, each a function returning its results.json entry. bench/run.mjs bundles
 * this file with esbuild (the code that ships, not tsx) and runs every case in its own
 * `node --expose-gc` process, so one case's heap never slows the next and peak memory is per case.
 */
import Ajv from "ajv";
import Papa from "papaparse";
import { mean as ssMean, sampleStandardDeviation } from "simple-statistics";
import { best, validate, type Grid, type Run } from "../src/core/index";
import { parseText } from "../src/core/parse/index";
import { appendRuns, createTracker, readWorkbook } from "../src/excel/index";
import { createExcelSimulator } from "../src/sim/index";
import {
  bestGrid,
  HEADER_20,
  jsonSchema20,
  mixedCsv,
  runsJsonl,
  SCHEMA_20,
  SCHEMA_BEST,
  validateGrid,
  type IdShape,
} from "./data";
import {
  collectGarbage,
  compare,
  fitExponent,
  round,
  spreadOf,
  timedEntry,
  timeOnce,
  type BenchEntry,
} from "./harness";

/** Excel's last row minus the header: the largest Runs table a sheet holds. */
export const MAX_RUNS = 1_048_575;
/** Excel on the web's request and response payload limit. */
const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/**
 * The Ajv peer: rows turned into objects (empty cells as null), checked against the same rules
 * compiled as JSON Schema with allErrors, plus a Map for duplicate ids. Returns the error count.
 */
export function ajvPeer(): (grid: Grid) => number {
  const ajv = new Ajv({ allErrors: true });
  const check = ajv.compile(jsonSchema20());
  const names = HEADER_20;
  return (grid) => {
    let errors = 0;
    const ids = new Map<unknown, number>();
    for (let r = 1; r < grid.length; r++) {
      const row = grid[r] ?? [];
      const obj: Record<string, unknown> = {};
      for (let c = 0; c < names.length; c++) {
        const v = row[c];
        obj[names[c] ?? ""] = v === "" || v === undefined ? null : v;
      }
      if (!check(obj)) errors += check.errors?.length ?? 0;
      const id = obj.run_id;
      if (ids.has(id)) errors++;
      else ids.set(id, r);
    }
    return errors;
  };
}

/**
 * The simple-statistics peer of best(): group the same runs with a Map keyed by the config
 * columns joined as text, keep finished runs with a numeric metric, mean and sample sd per
 * group, sort by mean. What a careful script does without RunSheet.
 */
export function groupingPeer(runs: readonly Run[]): number {
  const groups = new Map<string, number[]>();
  for (const run of runs) {
    const v = run.values;
    if (v.status !== "finished") continue;
    const acc = v.accuracy;
    if (typeof acc !== "number") continue;
    const key = `${String(v.model)}|${String(v.layers)}|${String(v.learning_rate)}|${String(v.batch_size)}|${String(v.dataset)}`;
    const list = groups.get(key);
    if (list) list.push(acc);
    else groups.set(key, [acc]);
  }
  const ranked = [...groups.values()]
    .map((xs) => ({ m: ssMean(xs), s: xs.length > 1 ? sampleStandardDeviation(xs) : null, n: xs.length }))
    .sort((a, b) => b.m - a.m);
  return ranked.length;
}

function validateCase(): BenchEntry {
  const peer = ajvPeer();
  const timed = (ids: IdShape) => {
    const grid = validateGrid(100_000, 42, ids);
    return compare(
      () => validate(grid, SCHEMA_20).counts.error,
      () => peer(grid),
    );
  };
  const r = timed("numbered");
  // Numbered ids take a faster duplicate check than a Map; random ids (W&B, MLflow) show the other path.
  const random = timed("random");
  return timedEntry(
    "validate-100k",
    "ms per 100,000 runs x 20 columns (numbered run ids)",
    "Ajv 8 (allErrors) + Map for duplicate ids",
    r,
    {
      random_ids: {
        ours: round(random.ours.median),
        peer: round(random.peer.median),
        ratio: round(random.ours.median / random.peer.median),
      },
    },
  );
}

function bestCase(): BenchEntry {
  const validated = validate(bestGrid(MAX_RUNS), SCHEMA_BEST, { maxIssues: 0 });
  const r = compare(
    () => {
      const b = best(validated, { metric: "accuracy" });
      return b.ok ? b.value.ranking.length : 0;
    },
    () => groupingPeer(validated.runs),
  );
  return timedEntry(
    "best-1m",
    "ms per 1,048,575 runs (about 5 replicates per configuration)",
    "simple-statistics grouping (Map + mean + sample sd + sort)",
    r,
    { configurations: Math.ceil(MAX_RUNS / 5) },
  );
}

function csvCase(): BenchEntry {
  const csv = mixedCsv(50_000);
  const r = compare(
    () => parseText(csv).rows.length,
    () => Papa.parse(csv, { header: true, dynamicTyping: true, skipEmptyLines: true }).data.length,
  );
  return timedEntry(
    "parse-csv-50k",
    "ms per 50,000 rows x 20 mixed columns, format auto-detected",
    "PapaParse 5 (header, dynamicTyping)",
    r,
  );
}

function jsonlCase(): BenchEntry {
  const text = runsJsonl(50_000);
  const r = compare(
    () => parseText(text).rows.length,
    () => {
      const out: unknown[] = [];
      for (const line of text.split("\n")) if (line !== "") out.push(JSON.parse(line));
      return out.length;
    },
  );
  return timedEntry(
    "parse-jsonl-50k",
    "ms per 50,000 lines, format auto-detected, nested keys flattened",
    "JSON.parse per line",
    r,
  );
}

/** Writes 50,000 runs x 20 into a fresh tracker's Runs table through the Excel layer, counting syncs. */
async function excelWorkbook(): Promise<{
  sim: ReturnType<typeof createExcelSimulator>;
  write: { syncs: number; bytes: number };
}> {
  const sim = createExcelSimulator({ host: "web" });
  await sim.Excel.run((ctx) => createTracker(ctx, SCHEMA_20));
  const grid = validateGrid(50_000);
  const header = (grid[0] ?? []).map(String);
  const cells = grid.slice(1);
  const before = sim.stats.syncCount;
  const firstRequest = sim.stats.requests.length;
  await sim.Excel.run((ctx) => appendRuns(ctx, header, cells));
  const requests = sim.stats.requests.slice(firstRequest);
  return {
    sim,
    write: { syncs: sim.stats.syncCount - before, bytes: requests.reduce((s, q) => s + q.bytes, 0) },
  };
}

function syncEntry(name: string, syncs: number, bytes: number, what: string): BenchEntry {
  const bound = Math.ceil(bytes / PAYLOAD_LIMIT) + 2;
  return {
    name,
    ours: syncs,
    peer: bound,
    unit: `syncs (${what} ${round(bytes / 1e6)} MB)`,
    ratio: round(syncs / bound),
    peer_is: "the bound ceil(bytes / 5 MB) + 2",
    detail: { bytes },
  };
}

async function excelWriteCase(): Promise<BenchEntry> {
  const { write } = await excelWorkbook();
  return syncEntry("excel-write-50k", write.syncs, write.bytes, "request");
}

async function excelReadCase(): Promise<BenchEntry> {
  const { sim } = await excelWorkbook();
  const before = sim.stats.syncCount;
  const firstRequest = sim.stats.requests.length;
  const snapshot = await sim.Excel.run((ctx) => readWorkbook(ctx));
  const requests = sim.stats.requests.slice(firstRequest);
  const bytes = requests.reduce((s, q) => s + q.responseBytes, 0);
  if ((snapshot.runs?.grid.length ?? 0) !== 50_001)
    throw new Error("excel-read-50k: the table did not read back whole");
  return syncEntry("excel-read-50k", sim.stats.syncCount - before, bytes, "response");
}

/** Peak resident memory of this process so far, in MB. */
function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function scaleCase(): BenchEntry {
  const sizes = [10_000, 100_000, MAX_RUNS];
  const validateMs: number[] = [];
  const bestMs: number[] = [];
  let retainedMb = 0;
  for (const n of sizes) {
    const vg = validateGrid(n);
    // Warm-up, then the median of 7 (fewer rounds would let one GC pause decide the exponent).
    timeOnce(() => validate(vg, SCHEMA_20).counts.error);
    const v: number[] = [];
    for (let i = 0; i < 7; i++) v.push(timeOnce(() => validate(vg, SCHEMA_20).counts.error));
    validateMs.push(spreadOf(v).median);
    if (n === MAX_RUNS) {
      collectGarbage();
      const base = process.memoryUsage().heapUsed;
      const kept = validate(vg, SCHEMA_20);
      // Runs are built when first read: reading them here counts what a caller that uses them keeps.
      const count = kept.runs.length;
      collectGarbage();
      retainedMb = Math.round((process.memoryUsage().heapUsed - base) / 1e6);
      if (count !== n || kept.runs.length !== count) throw new Error("scale: runs missing");
    }
    const validated = validate(bestGrid(n), SCHEMA_BEST, { maxIssues: 0 });
    timeOnce(() => best(validated, { metric: "accuracy" }));
    const b: number[] = [];
    for (let i = 0; i < 7; i++) b.push(timeOnce(() => best(validated, { metric: "accuracy" })));
    bestMs.push(spreadOf(b).median);
  }
  const ev = fitExponent(sizes, validateMs);
  const eb = fitExponent(sizes, bestMs);
  const worst = Math.max(ev, eb);
  return {
    name: "scale",
    ours: round(worst),
    peer: 1.1,
    unit: "fitted exponent of time over 10k, 100k, 1,048,575 runs (worse of validate and best; 1 = linear)",
    ratio: round(worst / 1.1),
    peer_is: "the goal: exponent 1.1",
    detail: {
      sizes,
      validate_ms: validateMs.map(round),
      best_ms: bestMs.map(round),
      validate_exponent: round(ev),
      best_exponent: round(eb),
      validate_1m_runs_retained_mb: retainedMb,
      peak_rss_mb: peakRssMb(),
    },
  };
}

/** Case name -> function; bench/run.mjs runs them in this order. */
export const CASES: Record<string, () => BenchEntry | Promise<BenchEntry>> = {
  "validate-100k": validateCase,
  "best-1m": bestCase,
  "parse-csv-50k": csvCase,
  "parse-jsonl-50k": jsonlCase,
  "excel-read-50k": excelReadCase,
  "excel-write-50k": excelWriteCase,
  scale: scaleCase,
};

/** Runs one case by name and prints its entry as one JSON line (the protocol with bench/run.mjs). */
export async function runCaseByName(name: string): Promise<void> {
  const fn = CASES[name];
  if (!fn) throw new Error(`unknown bench case ${name}`);
  if (!(globalThis as { gc?: unknown }).gc) throw new Error("run the bench with node --expose-gc");
  const entry = await fn();
  entry.detail = { ...entry.detail, peak_rss_mb: entry.detail?.peak_rss_mb ?? peakRssMb() };
  process.stdout.write(`BENCH ${JSON.stringify(entry)}\n`);
}
