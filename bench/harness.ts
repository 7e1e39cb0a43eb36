/**
 * Benchmark harness. Each timed case runs ours and the peer alternately on the same input in
 * the same process (the order swaps every round, so neither side always runs on a warmer or a
 * more fragmented heap), collects garbage before each timed call (node --expose-gc), discards
 * warm-up rounds, and reports the median with min and max. Ratio = ours / peer: below 1 means
 * ours is faster. Timed assertions never go in tests; they live here.
 */

/** One line of bench/results.json. */
export interface BenchEntry {
  name: string;
  ours: number;
  peer: number;
  unit: string;
  /** ours / peer. */
  ratio: number;
  ours_min?: number;
  ours_max?: number;
  peer_min?: number;
  peer_max?: number;
  /** What the peer is: a library doing the same job, or the goal when there is none. */
  peer_is: string;
  /** Timed rounds per side after warm-up. */
  runs?: number;
  /** Case-specific details (fitted exponents, peak memory, bytes...). */
  detail?: Record<string, unknown>;
}

/** Median, minimum and maximum of a sample. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** Median (mean of the two middle values for an even count), min and max. */
export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) return { median: NaN, min: NaN, max: NaN };
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
  return { median, min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN };
}

/**
 * Least-squares slope of log(time) against log(size): the scaling exponent (1 = linear).
 * Sizes and times must be positive and of equal length (at least two points).
 */
export function fitExponent(sizes: readonly number[], times: readonly number[]): number {
  const n = Math.min(sizes.length, times.length);
  if (n < 2) return NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += Math.log(sizes[i] ?? NaN);
    my += Math.log(times[i] ?? NaN);
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = Math.log(sizes[i] ?? NaN) - mx;
    sxy += dx * (Math.log(times[i] ?? NaN) - my);
    sxx += dx * dx;
  }
  return sxy / sxx;
}

let sink: unknown;

/** Full collection when node runs with --expose-gc (the bench always does); a no-op otherwise. */
export function collectGarbage(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
}

/** Time of one call in ms, after a full garbage collection. The result is kept so it is not optimised away. */
export function timeOnce(fn: () => unknown): number {
  collectGarbage();
  const start = performance.now();
  sink = fn();
  const ms = performance.now() - start;
  sink = sink === Symbol.for("bench.never") ? ms : null;
  return ms;
}

/** Options of a timed comparison. */
export interface CompareOptions {
  /** Timed rounds per side (at least 7). */
  repeat?: number;
  /** Untimed rounds per side first (JIT warm-up), default 2. */
  warmup?: number;
}

/** Times ours and the peer alternately (order swapped each round); medians, mins and maxes in ms. */
export function compare(
  ours: () => unknown,
  peer: () => unknown,
  options: CompareOptions = {},
): { ours: Spread; peer: Spread; runs: number } {
  const repeat = Math.max(7, options.repeat ?? 7);
  const warmup = options.warmup ?? 2;
  for (let i = 0; i < warmup; i++) {
    timeOnce(ours);
    timeOnce(peer);
  }
  const o: number[] = [];
  const p: number[] = [];
  for (let i = 0; i < repeat; i++) {
    if (i % 2 === 0) {
      o.push(timeOnce(ours));
      p.push(timeOnce(peer));
    } else {
      p.push(timeOnce(peer));
      o.push(timeOnce(ours));
    }
  }
  return { ours: spreadOf(o), peer: spreadOf(p), runs: repeat };
}

/** Rounds to 3 significant decimals for the JSON. */
export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** A results.json entry from a timed comparison. */
export function timedEntry(
  name: string,
  unit: string,
  peerIs: string,
  r: { ours: Spread; peer: Spread; runs: number },
  detail?: Record<string, unknown>,
): BenchEntry {
  return {
    name,
    ours: round(r.ours.median),
    peer: round(r.peer.median),
    unit,
    ratio: round(r.ours.median / r.peer.median),
    ours_min: round(r.ours.min),
    ours_max: round(r.ours.max),
    peer_min: round(r.peer.min),
    peer_max: round(r.peer.max),
    peer_is: peerIs,
    runs: r.runs,
    ...(detail ? { detail } : {}),
  };
}
