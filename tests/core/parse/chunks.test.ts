import { describe, expect, it } from "vitest";
import {
  createParseClient,
  createParseWorkerHandler,
  parseInChunks,
  parseText,
  type FromWorker,
  type ToWorker,
  type WorkerLike,
} from "../../../src/core/parse";

function bigCsv(rows: number, cols: number): string {
  const header = Array.from({ length: cols }, (_, c) => (c === 0 ? "run_id" : `m${c}`)).join(",");
  const lines = [header];
  for (let r = 0; r < rows; r++)
    lines.push(
      Array.from({ length: cols }, (_, c) => (c === 0 ? `run${r}` : String(((r * 31 + c) % 997) / 10))).join(","),
    );
  return lines.join("\n") + "\n";
}

/** An in-process "worker": messages cross through the real handler, asynchronously. */
function fakeWorker(): WorkerLike {
  const w: WorkerLike = {
    onmessage: null,
    postMessage: (m: ToWorker) => {
      void handler(m);
    },
  };
  const handler = createParseWorkerHandler({
    postMessage: (m: FromWorker) => setTimeout(() => w.onmessage?.({ data: m }), 0),
  });
  return w;
}

describe("parseInChunks", () => {
  it("gives the same result as parseText and reports monotone progress", async () => {
    const text = bigCsv(5000, 8);
    const progress: [number, number][] = [];
    const r = await parseInChunks(text, { chunkRows: 700, onProgress: (d, t) => progress.push([d, t]) });
    expect(r).toEqual(parseText(text));
    expect(progress.length).toBeGreaterThan(10);
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]?.[0]).toBeGreaterThanOrEqual(progress[i - 1]?.[0] ?? 0);
    expect(progress.at(-1)).toEqual([10000, 10000]);
  });
  it("stops and resolves to null when cancelled", async () => {
    const signal = { aborted: false };
    const r = await parseInChunks(bigCsv(3000, 4), {
      chunkRows: 100,
      signal,
      onProgress: (done) => {
        if (done >= 1000) signal.aborted = true;
      },
    });
    expect(r).toBeNull();
  });
  it("parses 50,000 rows x 20 columns", async () => {
    const r = await parseInChunks(bigCsv(50_000, 20));
    expect(r?.rows).toHaveLength(50_000);
    expect(r?.columns).toHaveLength(20);
    expect(r?.rows[49_999]?.run_id).toBe("run49999");
    expect(r?.issues).toEqual([]);
  });
});

describe("worker protocol", () => {
  it("round-trips a parse with progress", async () => {
    const client = createParseClient(fakeWorker());
    const seen: number[] = [];
    const job = client.parse(bigCsv(2000, 5), { chunkRows: 200, onProgress: (d) => seen.push(d) });
    const r = await job.done;
    expect(r?.rows).toHaveLength(2000);
    expect(seen.length).toBeGreaterThan(2);
  });
  it("cancels a running job, leaving other jobs alone", async () => {
    const client = createParseClient(fakeWorker());
    const a = client.parse(bigCsv(20_000, 5), { chunkRows: 100 });
    const b = client.parse("x,y\n1,2\n");
    a.cancel();
    expect(await a.done).toBeNull();
    expect((await b.done)?.rows).toEqual([{ x: 1, y: 2 }]);
  });
});
