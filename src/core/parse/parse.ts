/** Synchronous and chunked entry points of the parser. */
import { stripBom } from "./delimited";
import { chooseReading, emptyResult, finishResult, noteAlternatives, parseRaw } from "./pipeline";
import { accumulate, beginTyping, convert, decide, finishTyping } from "./table";
import { parseJsonLinesDirect } from "./jsonl-direct";
import type { FormatName, ParseOptions, ParseResult } from "./types";

/**
 * Parses pasted text into runs. The format is detected unless `options.format` is given.
 * Never throws: every problem is an issue pointing at its 1-based line (and column).
 */
export function parseText(text: string, options?: ParseOptions): ParseResult {
  const clean = stripBom(text);
  const { format, close } = chooseReading(clean, options);
  if (clean.trim() === "") return emptyResult(format);
  if (format === "jsonl") {
    // Plain records (most JSON Lines files) are typed in one pass; anything else takes the pipeline.
    const direct = parseJsonLinesDirect(clean);
    if (direct) return noteAlternatives(direct, close);
  }
  const raw = parseRaw(clean, format);
  const state = beginTyping(raw);
  accumulate(state, 0, raw.rows.length);
  decide(state);
  convert(state, 0, raw.rows.length);
  const typed = finishTyping(state);
  return noteAlternatives(finishResult(raw, typed.rows, typed.issues), close);
}

export interface ChunkOptions {
  format?: FormatName;
  /** Rows per slice between yields (default 2,000). */
  chunkRows?: number;
  /** Called after each slice; `done` and `total` count row-steps (two passes over the rows). */
  onProgress?: (done: number, total: number) => void;
  /** Checked between slices; when `aborted` turns true the promise resolves to null. */
  signal?: { aborted: boolean };
}

type TimerHost = { setTimeout?: (cb: () => void, ms: number) => unknown };

/** Yields to the event loop (a macrotask), so a worker can receive its cancel message. */
function yieldToEventLoop(): Promise<void> {
  const host = globalThis as TimerHost;
  const st = host.setTimeout;
  return new Promise((resolve) => {
    if (st) st(resolve, 0);
    else void Promise.resolve().then(resolve);
  });
}

/**
 * Parses like `parseText` but types rows in slices, yielding to the event loop between them and
 * reporting progress. Resolves to null when cancelled through `signal`.
 */
export async function parseInChunks(text: string, options: ChunkOptions = {}): Promise<ParseResult | null> {
  const clean = stripBom(text);
  const { format, close } = chooseReading(clean, options.format ? { format: options.format } : undefined);
  if (clean.trim() === "") return emptyResult(format);
  const chunk = Math.max(1, options.chunkRows ?? 2000);
  const raw = parseRaw(clean, format);
  const n = raw.rows.length;
  const total = 2 * n;
  options.onProgress?.(0, total);
  await yieldToEventLoop();
  if (options.signal?.aborted) return null;
  const state = beginTyping(raw);
  const passes = [(a: number, b: number) => accumulate(state, a, b), (a: number, b: number) => convert(state, a, b)];
  for (let p = 0; p < passes.length; p++) {
    const run = passes[p];
    if (!run) continue;
    if (p === 1) decide(state);
    for (let from = 0; from < n; from += chunk) {
      const to = Math.min(n, from + chunk);
      run(from, to);
      options.onProgress?.(p * n + to, total);
      await yieldToEventLoop();
      if (options.signal?.aborted) return null;
    }
  }
  const typed = finishTyping(state);
  return noteAlternatives(finishResult(raw, typed.rows, typed.issues), close);
}
