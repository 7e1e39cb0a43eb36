import { describe, expect, it } from "vitest";
import { parseInChunks, parseText } from "../../../src/core/parse";

function bigCsv(rows: number, cols: number): string {
  const header = Array.from({ length: cols }, (_, c) => (c === 0 ? "run_id" : `m${c}`)).join(",");
  const lines = [header];
  for (let r = 0; r < rows; r++)
    lines.push(
      Array.from({ length: cols }, (_, c) => (c === 0 ? `run${r}` : String(((r * 31 + c) % 997) / 10))).join(","),
    );
  return lines.join("\n") + "\n";
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
