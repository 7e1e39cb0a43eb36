import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ajvPeer, groupingPeer } from "../../bench/cases";
import { bestGrid, SCHEMA_20, SCHEMA_BEST, validateGrid } from "../../bench/data";
import { compare, fitExponent, spreadOf } from "../../bench/harness";
import { best, validate } from "../../src/core/index";

const NAMES = [
  "validate-100k",
  "best-1m",
  "parse-csv-50k",
  "parse-jsonl-50k",
  "excel-read-50k",
  "excel-write-50k",
  "scale",
  "ui-longest-task",
  "bundle",
];

describe("bench harness", () => {
  it("median, min and max", () => {
    expect(spreadOf([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5 });
    expect(spreadOf([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4 });
  });
  it("fits the scaling exponent: 1 for linear, 2 for quadratic", () => {
    expect(fitExponent([1e4, 1e5, 1e6], [10, 100, 1000])).toBeCloseTo(1, 12);
    expect(fitExponent([1e4, 1e5, 1e6], [1, 100, 10000])).toBeCloseTo(2, 12);
  });
  it("alternates the two sides, at least 7 timed rounds each after warm-up", () => {
    const calls: string[] = [];
    const r = compare(
      () => calls.push("o"),
      () => calls.push("p"),
      { repeat: 3, warmup: 1 },
    );
    expect(r.runs).toBe(7);
    expect(calls.slice(0, 2)).toEqual(["o", "p"]);
    // Round 1 ours first, round 2 peer first, and so on.
    expect(calls.slice(2, 6)).toEqual(["o", "p", "p", "o"]);
    expect(calls.filter((c) => c === "o")).toHaveLength(8);
  });
});

describe("bench peers do the same job as ours", () => {
  it.each(["numbered", "random"] as const)("Ajv finds an error on every row validate() finds one (%s ids)", (ids) => {
    const grid = validateGrid(5000, 42, ids);
    // The duplicate ids are there in both shapes.
    expect(validate(grid, SCHEMA_20).issues.filter((i) => i.code === "duplicate_id").length).toBeGreaterThan(0);
    const ours = validate(grid, SCHEMA_20);
    const rowsOurs = new Set(ours.issues.filter((i) => i.severity === "error").map((i) => i.row));
    expect(rowsOurs.size).toBeGreaterThan(10);
    // The peer counts errors; on a grid with only the erroneous rows it must find at least one per row.
    const only = [grid[0] ?? [], ...[...rowsOurs].map((row) => grid[row - 1] ?? [])];
    expect(ajvPeer()(only)).toBeGreaterThanOrEqual(rowsOurs.size);
    // Rows ours passes without any note pass Ajv too (ours warns where Ajv fails: "0.01" as text, "MLP ").
    const noted = new Set(ours.issues.map((i) => i.row));
    const clean = [grid[0] ?? [], ...grid.slice(1).filter((_, i) => !noted.has(i + 2))];
    expect(ajvPeer()(clean)).toBe(0);
  });
  it("the grouping peer finds as many configurations as best() ranks", () => {
    const v = validate(bestGrid(2000), SCHEMA_BEST);
    const b = best(v, { metric: "accuracy" });
    expect(b.ok && b.value.ranking.length).toBe(groupingPeer(v.runs));
  });
});

describe("bench/results.json", () => {
  it("has exactly the agreed case names, each with ours, peer, unit and ratio", () => {
    const results = JSON.parse(readFileSync(new URL("../../bench/results.json", import.meta.url), "utf8")) as {
      name: string;
      ours: number;
      peer: number;
      unit: string;
      ratio: number;
    }[];
    expect(results.map((r) => r.name).sort()).toEqual([...NAMES].sort());
    for (const r of results) {
      expect(typeof r.ours).toBe("number");
      expect(r.peer).toBeGreaterThan(0);
      expect(r.unit.length).toBeGreaterThan(3);
      expect(Math.abs(r.ratio - r.ours / r.peer)).toBeLessThan(0.01 * Math.max(1, r.ratio));
    }
  });
});
