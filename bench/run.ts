/**
 * `npm run bench`: discovers bench/*.bench.ts (each default-exports BenchCase[]), runs them,
 * prints a table and writes bench/results.json as [{name, ours, peer, unit, ratio}].
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runCase, type BenchCase, type BenchResult } from "./harness";

const here = __dirname;
const filter = process.argv[2];

async function main(): Promise<void> {
  const results: BenchResult[] = [];
  for (const file of readdirSync(here)
    .filter((f) => f.endsWith(".bench.ts"))
    .sort()) {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: BenchCase[] };
    for (const c of mod.default) {
      if (filter && !c.name.includes(filter)) continue;
      const r = runCase(c);
      results.push(r);
      console.log(
        `${r.name.padEnd(48)} ours ${String(r.ours).padStart(10)}  ${r.peerName} ${String(r.peer).padStart(10)}  ${r.unit}  ratio ${r.ratio}`,
      );
    }
  }
  writeFileSync(
    join(here, "results.json"),
    JSON.stringify(
      results.map(({ name, ours, peer, unit, ratio, peerName }) => ({
        name,
        ours,
        peer,
        unit,
        ratio,
        peer_library: peerName,
      })),
      null,
      2,
    ) + "\n",
  );
  console.log(`wrote bench/results.json (${results.length} cases)`);
}

void main();
