import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./helpers";

/** Every real-format sample, and the reader quirks; each command must see the same runs in it. */
const DIRS = [join(__dirname, "../fixtures/parse"), join(__dirname, "../fixtures/input")];
const FILES = DIRS.flatMap((d) =>
  readdirSync(d)
    .filter((f) => /\.(csv|tsv|txt|json|jsonl|md)$/.test(f))
    .map((f) => join(d, f)),
);

type Row = Record<string, unknown>;

interface Parsed {
  format: string;
  columns: string[];
  rows: Row[];
}

/** The first column holding numbers in some run: the metric best ranks by. */
function numericColumn(p: Parsed): string | undefined {
  return p.columns.find((c) => p.rows.some((r) => typeof r[c] === "number"));
}

describe("every command on every fixture sees the same runs", () => {
  it("finds the fixtures", () => {
    expect(FILES.length).toBeGreaterThan(30);
  });
  for (const file of FILES) {
    const name = file.split("/").slice(-2).join("/");
    it(name, async () => {
      const p = await run(["parse", file]);
      if (p.code === 2) {
        // Unreadable (invalid UTF-8): every command refuses it the same way.
        for (const cmd of ["validate", "schema"]) expect((await run([cmd, file])).code, cmd).toBe(2);
        return;
      }
      const parsed = p.json<Parsed>();
      const n = parsed.rows.length;
      const v = await run(["validate", file]);
      if (n === 0) {
        expect(v.code).toBe(2);
        return;
      }
      expect(v.json<{ runs: number; format: string }>()).toMatchObject({ runs: n, format: parsed.format });
      const s = await run(["schema", file]);
      expect(s.json<{ columns: unknown[] }>().columns).toHaveLength(parsed.columns.length);
      const metric = numericColumn(parsed);
      if (metric === undefined) return;
      const b = await run(["best", file, "--metric", metric, "--goal", "max", "--all-statuses"]);
      expect(b.code, b.err).not.toBe(2);
      const best = b.json<{
        best: { value: number } | null;
        ranking: { n: number }[];
        excluded: unknown[];
      }>();
      // Every run is either ranked or excluded with a reason, none lost or invented.
      expect(best.ranking.reduce((sum, c) => sum + c.n, 0) + best.excluded.length).toBe(n);
      if (best.best) {
        // The winner's mean is made of values parse read in that column.
        const values = parsed.rows.map((r) => r[metric]).filter((x): x is number => typeof x === "number");
        expect(best.best.value).toBeGreaterThanOrEqual(Math.min(...values));
        expect(best.best.value).toBeLessThanOrEqual(Math.max(...values));
      }
    });
  }
});
