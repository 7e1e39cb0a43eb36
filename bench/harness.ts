/**
 * Benchmark harness: each case runs our implementation and a peer library on the same input
 * in the same process, alternating, and reports the median time per run. Ratio = ours / peer
 * (below 1 means we are faster). Timed assertions never go in tests; they live here.
 */
export interface BenchCase {
  name: string;
  /** What `ours` and `peer` measure, e.g. "ms per 50k rows". */
  unit: string;
  /** Short name of the peer library, shown in the README table. */
  peerName: string;
  ours: () => unknown;
  peer: () => unknown;
  /** Repetitions per side (default 7). */
  repeat?: number;
}

export interface BenchResult {
  name: string;
  ours: number;
  peer: number;
  unit: string;
  ratio: number;
  peerName: string;
}

let sink: unknown;

function timeOnce(fn: () => unknown): number {
  const start = performance.now();
  sink = fn();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs one case: a warm-up for each side, then alternating timed runs. */
export function runCase(c: BenchCase): BenchResult {
  const repeat = c.repeat ?? 7;
  timeOnce(c.ours);
  timeOnce(c.peer);
  const ours: number[] = [];
  const peer: number[] = [];
  for (let i = 0; i < repeat; i++) {
    ours.push(timeOnce(c.ours));
    peer.push(timeOnce(c.peer));
  }
  const o = median(ours);
  const p = median(peer);
  if (sink === Symbol.for("never")) console.log(sink);
  return { name: c.name, ours: round(o), peer: round(p), unit: c.unit, ratio: round(o / p), peerName: c.peerName };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
