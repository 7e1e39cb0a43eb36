import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { constraintFails, paretoFront, parseWhere, type Goal, type RunSchema } from "../../src/core/index";

function bruteForce(points: { key: number; x: number; y: number }[], gx: Goal, gy: Goal): number[] {
  const better = (a: number, b: number, g: Goal) => (g === "max" ? a > b : a < b);
  const atLeast = (a: number, b: number, g: Goal) => (g === "max" ? a >= b : a <= b);
  return points
    .filter(
      (p) =>
        !points.some(
          (q) =>
            q !== p && atLeast(q.x, p.x, gx) && atLeast(q.y, p.y, gy) && (better(q.x, p.x, gx) || better(q.y, p.y, gy)),
        ),
    )
    .map((p) => p.key);
}

describe("paretoFront", () => {
  it("keeps the non-dominated points", () => {
    const pts = [
      { key: 1, x: 0.9, y: 50 },
      { key: 2, x: 0.8, y: 10 },
      { key: 3, x: 0.85, y: 60 },
      { key: 4, x: 0.9, y: 50 },
    ];
    expect(paretoFront(pts, "max", "min")).toEqual([1, 2, 4]);
  });
  it("matches the O(n²) definition on random points and goals (property)", () => {
    const pt = fc.record({ x: fc.integer({ min: 0, max: 8 }), y: fc.integer({ min: 0, max: 8 }) });
    fc.assert(
      fc.property(
        fc.array(pt, { maxLength: 40 }),
        fc.constantFrom<Goal>("max", "min"),
        fc.constantFrom<Goal>("max", "min"),
        (raw, gx, gy) => {
          const pts = raw.map((p, key) => ({ key, ...p }));
          expect(paretoFront(pts, gx, gy)).toEqual(bruteForce(pts, gx, gy));
        },
      ),
    );
  });
});

describe("parseWhere and constraintFails", () => {
  const schema: RunSchema = {
    columns: [
      { name: "latency_ms", type: "number", role: "metric" },
      { name: "dataset", type: "text", role: "data" },
    ],
  };
  it("parses clauses separated by commas or and, matching column names loosely", () => {
    const r = parseWhere("Latency_MS <= 50 and dataset = 'cifar10'", schema);
    expect(r).toEqual({
      ok: true,
      value: [
        { column: "latency_ms", op: "<=", value: 50 },
        { column: "dataset", op: "=", value: "cifar10" },
      ],
    });
  });
  it("reports unknown columns and clauses without an operator", () => {
    const r = parseWhere("speed<3, latency_ms", schema);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code)).toEqual(["unknown_column", "bad_constraint"]);
  });
  it("checks values; empty never satisfies", () => {
    const c = { column: "latency_ms", op: "<=", value: 50 } as const;
    expect(constraintFails(40, c)).toBeNull();
    expect(constraintFails(60, c)).toBe("latency_ms is 60, which fails latency_ms <= 50");
    expect(constraintFails(null, c)).toMatch(/empty/);
    expect(constraintFails("CIFAR10", { column: "dataset", op: "=", value: "cifar10" })).toBeNull();
    expect(constraintFails("mnist", { column: "dataset", op: "!=", value: "cifar10" })).toBeNull();
  });
});
