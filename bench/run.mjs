#!/usr/bin/env node
// `npm run bench [-- case ...] [-- --no-build]`: measures RunSheet against its peers and writes
// bench/results.json ([{name, ours, peer, unit, ratio, ours_min, ours_max, peer_min, peer_max,
// peer_is, ...}]).
// - The timed core cases are bundled with esbuild (minified, as shipped) and each runs in its
//   own `node --expose-gc` process (see bench/cases.ts and bench/harness.ts).
// - bundle and ui-longest-task use the production build in dist/ (`webpack --mode production`
//   first, unless --no-build) in Debian's Chromium.
// Cases not selected keep their previous entry in results.json.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const resultsFile = join(root, "bench", "results.json");
const bundle = join(root, "build", "bench", "cases.cjs");
const NODE_CASES = [
  "validate-100k",
  "best-1m",
  "parse-csv-50k",
  "parse-jsonl-50k",
  "excel-read-50k",
  "excel-write-50k",
  "scale",
];
const BROWSER_CASES = ["ui-longest-task", "bundle"];
const ORDER = [...NODE_CASES, ...BROWSER_CASES];

const args = process.argv.slice(2);
const noBuild = args.includes("--no-build");
const picked = args.filter((a) => !a.startsWith("--"));
const wanted = picked.length ? ORDER.filter((c) => picked.includes(c)) : ORDER;

function nodeCase(name) {
  const r = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=8192", bundle, name], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = (r.stdout ?? "").split("\n").find((l) => l.startsWith("BENCH "));
  if (r.status !== 0 || !line) throw new Error(`bench case ${name} failed: ${r.stderr || r.stdout}`);
  return JSON.parse(line.slice(6));
}

function show(e) {
  const spread = e.ours_min !== undefined ? ` [${e.ours_min}..${e.ours_max}] vs [${e.peer_min}..${e.peer_max}]` : "";
  console.log(
    `${e.name.padEnd(18)} ours ${String(e.ours).padStart(10)}  peer ${String(e.peer).padStart(10)}  ratio ${e.ratio}${spread}  (${e.unit})`,
  );
}

async function browserCases(names) {
  if (!names.length) return [];
  if (!noBuild) {
    const b = spawnSync("npx", ["webpack", "--mode", "production", "--env", "officeJs=local"], {
      cwd: root,
      stdio: "inherit",
    });
    if (b.status !== 0) throw new Error("webpack build failed");
  }
  const dist = join(root, "dist");
  if (!existsSync(join(dist, "playground.html"))) throw new Error("dist/ has no build: run without --no-build");
  const port = Number(process.env.E2E_PORT ?? 3190);
  const { spawn } = await import("node:child_process");
  const server = spawn(process.execPath, [join(root, "scripts", "serve-dist.mjs"), dist], {
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise((resolve) => server.stdout.once("data", resolve));
  const baseURL = `http://127.0.0.1:${port}`;
  const { measureBundle, measureLongestTask } = await import("./browser.mjs");
  const out = [];
  try {
    if (names.includes("ui-longest-task")) {
      const ui = await measureLongestTask(baseURL);
      out.push({
        name: "ui-longest-task",
        ours: ui.longest,
        peer: 200,
        unit: "ms, longest main-thread task (load 5,000 runs, check, rank, paste and import 50,000 rows)",
        ratio: Math.round((ui.longest / 200) * 1000) / 1000,
        peer_is: "the goal: no task over 200 ms",
        detail: { steps: ui.steps },
      });
    }
    if (names.includes("bundle")) {
      const b = await measureBundle(baseURL, dist);
      out.push({
        name: "bundle",
        ours: b.bytes,
        peer: 120 * 1024,
        unit: "bytes of initial task pane JavaScript, gzip -9",
        ratio: Math.round((b.bytes / (120 * 1024)) * 1000) / 1000,
        peer_is: "the goal: 120 KB",
        detail: { files: b.files },
      });
    }
  } finally {
    server.kill();
  }
  return out;
}

async function main() {
  const nodeNames = wanted.filter((n) => NODE_CASES.includes(n));
  if (nodeNames.length) {
    await build({
      entryPoints: [join(root, "bench", "entry.ts")],
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      minify: true,
      outfile: bundle,
      logLevel: "warning",
    });
  }
  const fresh = [];
  for (const name of nodeNames) {
    const e = nodeCase(name);
    show(e);
    fresh.push(e);
  }
  for (const e of await browserCases(wanted.filter((n) => BROWSER_CASES.includes(n)))) {
    show(e);
    fresh.push(e);
  }
  const previous = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, "utf8")) : [];
  const byName = new Map(previous.filter((e) => ORDER.includes(e.name)).map((e) => [e.name, e]));
  for (const e of fresh) byName.set(e.name, e);
  const results = ORDER.filter((n) => byName.has(n)).map((n) => byName.get(n));
  writeFileSync(resultsFile, JSON.stringify(results, null, 2) + "\n");
  console.log(
    `wrote bench/results.json (${results.length} cases; machine: ${process.arch}, ${(await import("node:os")).cpus().length} cores, node ${process.version})`,
  );
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
