/**
 * Parser benchmarks: our full pipeline (split + detect-free typing + issues) against raw
 * splitters that only return strings. The ratio is the price of typing and checking every cell.
 */
import { parse as csvParseSync } from "csv-parse/sync";
import { csvParseRows } from "d3-dsv";
import { parseText } from "../src/core/parse";
import type { BenchCase } from "./harness";

function bigCsv(rows: number, cols: number): string {
  const header = Array.from({ length: cols }, (_, c) => (c === 0 ? "run_id" : `metric_${c}`)).join(",");
  const lines = [header];
  for (let r = 0; r < rows; r++) {
    lines.push(
      Array.from({ length: cols }, (_, c) => (c === 0 ? `run${r}` : String(((r * 31 + c * 7) % 9973) / 100))).join(","),
    );
  }
  return lines.join("\n") + "\n";
}

function bigJsonl(rows: number): string {
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    out.push(
      JSON.stringify({
        run_id: `run${r}`,
        params: { lr: 0.001 * (r % 7), layers: r % 4 },
        metrics: { accuracy: (r % 100) / 100, val_loss: 1 / (r + 1) },
      }),
    );
  }
  return out.join("\n") + "\n";
}

const csv = bigCsv(50_000, 20);
const jsonl = bigJsonl(50_000);

const cases: BenchCase[] = [
  {
    name: "parse: CSV 50k x 20, typed (vs d3-dsv raw)",
    unit: "ms per 50k rows",
    peerName: "d3-dsv csvParseRows",
    ours: () => parseText(csv, { format: "csv" }),
    peer: () => csvParseRows(csv),
    repeat: 5,
  },
  {
    name: "parse: CSV 50k x 20, typed (vs csv-parse raw)",
    unit: "ms per 50k rows",
    peerName: "csv-parse/sync",
    ours: () => parseText(csv, { format: "csv" }),
    peer: () => csvParseSync(csv) as unknown,
    repeat: 5,
  },
  {
    name: "parse: CSV 50k x 20, auto-detected",
    unit: "ms per 50k rows",
    peerName: "d3-dsv csvParseRows",
    ours: () => parseText(csv),
    peer: () => csvParseRows(csv),
    repeat: 5,
  },
  {
    name: "parse: JSONL 50k, flattened (vs JSON.parse per line)",
    unit: "ms per 50k lines",
    peerName: "JSON.parse per line",
    ours: () => parseText(jsonl, { format: "jsonl" }),
    peer: () =>
      jsonl
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l) as unknown),
    repeat: 5,
  },
];

export default cases;
