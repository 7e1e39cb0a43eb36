import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  best,
  validate,
  type BestOptions,
  type BestResult,
  type CellValue,
  type Grid,
  type RunSchema,
} from "../../src/core/index";

const SCHEMA: RunSchema = {
  columns: [
    { name: "run_id", type: "text", role: "id" },
    { name: "layers", type: "integer", role: "param" },
    { name: "seed", type: "integer", role: "meta" },
    { name: "status", type: "choice", role: "meta", choices: ["finished", "running", "failed"] },
    { name: "accuracy", type: "number", role: "metric", goal: "max" },
    { name: "latency_ms", type: "number", role: "metric", goal: "min" },
  ],
};
const HEADER = ["run_id", "layers", "seed", "status", "accuracy", "latency_ms"];

function runs(rows: CellValue[][]) {
  return validate([HEADER, ...rows], SCHEMA);
}
function must(r: ReturnType<typeof best>): BestResult {
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("; "));
  return r.value;
}

const ROWS: CellValue[][] = [
  ["a1", 1, 1, "finished", 0.8, 10],
  ["a2", 1, 2, "finished", 0.82, 11],
  ["a3", 1, 3, "finished", 0.81, 12],
  ["b1", 2, 1, "finished", 0.9, 40],
  ["b2", 2, 2, "finished", 0.91, 42],
  ["b3", 2, 3, "finished", 0.89, 41],
  ["c1", 3, 1, "running", 0.99, 80],
  ["c2", 3, 2, "finished", "", 81],
  ["c3", 3, 3, "finished", "#N/A", 82],
];

describe("best", () => {
  const r = must(best(runs(ROWS), { metric: "accuracy" }));

  it("ranks configurations by mean and reports n, std and a 95% CI", () => {
    expect(r.goal).toBe("max");
    expect(r.ranking.map((c) => c.config)).toEqual([{ layers: 2 }, { layers: 1 }]);
    const top = r.ranking[0];
    expect(top?.rows).toEqual([5, 6, 7]);
    expect(top?.n).toBe(3);
    expect(top?.mean).toBeCloseTo(0.9, 12);
    expect(top?.std).toBeCloseTo(0.01, 12);
    expect(top?.ci95?.[0]).toBeLessThan(0.9);
  });
  it("best.value is the winner's mean and best.row its best run", () => {
    expect(r.best).toEqual({ row: 6, id: "b2", value: r.ranking[0]?.mean });
  });
  it("excludes unfinished runs and missing or invalid metrics with reasons, never as 0", () => {
    expect(r.excluded).toEqual([
      { row: 8, reason: "status is running, not finished" },
      { row: 9, reason: "accuracy is empty" },
      { row: 10, reason: "accuracy is #N/A" },
    ]);
  });
  it("gives Welch's p-value and the tie verdict", () => {
    expect(r.pValue).not.toBeNull();
    expect(r.pValue ?? 1).toBeLessThan(0.05);
    expect(r.tiedWithRunnerUp).toBe(false);
  });
  it("uses the goal: min latency picks the 1-layer configuration", () => {
    const m = must(best(runs(ROWS), { metric: "latency_ms" }));
    expect(m.goal).toBe("min");
    expect(m.ranking[0]?.config).toEqual({ layers: 1 });
    expect(m.best?.row).toBe(2);
  });
  it("applies constraints from text and lists the runs they exclude", () => {
    const c = must(best(runs(ROWS), { metric: "accuracy", where: "latency_ms<=20" }));
    expect(c.ranking.map((x) => x.config)).toEqual([{ layers: 1 }]);
    expect(c.excluded.filter((e) => e.reason.includes("latency_ms <= 20")).map((e) => e.row)).toEqual([5, 6, 7]);
    expect(c.pValueReason).toMatch(/only one configuration/);
    expect(c.tiedWithRunnerUp).toBe(false);
  });
  it("keeps every status when asked, or the listed ones", () => {
    const all = must(best(runs(ROWS), { metric: "accuracy", statusFilter: false }));
    expect(all.ranking[0]?.config).toEqual({ layers: 3 });
    expect(all.ranking[0]?.n).toBe(1);
    const running = must(best(runs(ROWS), { metric: "accuracy", statusFilter: ["Running"] }));
    expect(running.ranking.map((x) => x.rows)).toEqual([[8]]);
  });
  it("cannot tell single runs apart: pValue null with the reason, tied", () => {
    const s = must(best(runs([ROWS[0] ?? [], ROWS[3] ?? []]), { metric: "accuracy" }));
    expect(s.pValue).toBeNull();
    expect(s.pValueReason).toBe("cannot tell: a single run each");
    expect(s.tiedWithRunnerUp).toBe(true);
  });
  it("is tied when the runs overlap (p >= 0.05)", () => {
    const t = must(
      best(
        runs([
          ["x1", 1, 1, "finished", 0.8, 1],
          ["x2", 1, 2, "finished", 0.9, 1],
          ["y1", 2, 1, "finished", 0.82, 1],
          ["y2", 2, 2, "finished", 0.87, 1],
        ]),
        { metric: "accuracy" },
      ),
    );
    expect(t.pValue ?? 0).toBeGreaterThan(0.05);
    expect(t.tiedWithRunnerUp).toBe(true);
  });
  it("breaks equal means with tie-breakers", () => {
    const rows: CellValue[][] = [
      ["x", 1, 1, "finished", 0.9, 50],
      ["y", 2, 1, "finished", 0.9, 20],
    ];
    expect(must(best(runs(rows), { metric: "accuracy" })).best?.id).toBe("x");
    expect(must(best(runs(rows), { metric: "accuracy", tieBreakers: ["latency_ms"] })).best?.id).toBe("y");
  });
  it("groups by chosen columns", () => {
    const g = must(best(runs(ROWS), { metric: "accuracy", groupBy: ["seed"] }));
    expect(g.ranking.map((c) => Object.keys(c.config))).toEqual([["seed"], ["seed"], ["seed"]]);
  });
  it("computes the Pareto front over two metrics with their goals", () => {
    const p = must(best(runs(ROWS), { metric: "accuracy", pareto: { metric: "latency_ms" } }));
    expect(p.paretoMetric).toEqual({ metric: "latency_ms", goal: "min" });
    expect(p.pareto).toEqual([2, 3, 5, 6]);
  });
  it("fails with a sentence on a bad metric, goal or constraint", () => {
    const v = runs(ROWS);
    const bad = [
      best(v, { metric: "f2" }),
      best(v, { metric: "status" }),
      best(v, { metric: "accuracy", where: "speed<3" }),
      best(v, { metric: "accuracy", where: "latency_ms" }),
    ];
    for (const b of bad) {
      expect(b.ok).toBe(false);
      if (!b.ok) expect(b.issues[0]?.message.length).toBeGreaterThan(10);
    }
  });
});

describe("best is invariant to row order (property)", () => {
  const row = fc.tuple(
    fc.integer({ min: 1, max: 4 }),
    fc.integer({ min: 1, max: 5 }),
    fc.constantFrom("finished", "failed"),
    fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    fc.double({ min: 1, max: 100, noNaN: true }),
  );
  it("same ranking, p-value, exclusions and front when runs are shuffled", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), fc.infiniteStream(fc.nat()), (rows, stream) => {
        const grid: Grid = [
          HEADER,
          ...rows.map(([layers, seed, status, acc, lat], i) => [`r${i}`, layers, seed, status, acc, lat]),
        ];
        const v = validate(grid, SCHEMA, { collectRuns: true });
        const shuffled = [...v.runs];
        const it = stream[Symbol.iterator]();
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (it.next().value ?? 0) % (i + 1);
          const a = shuffled[i];
          const b = shuffled[j];
          if (a && b) {
            shuffled[i] = b;
            shuffled[j] = a;
          }
        }
        const opts = { metric: "accuracy", pareto: { metric: "latency_ms" } };
        expect(best({ runs: shuffled, schema: SCHEMA }, opts)).toEqual(best(v, opts));
      }),
    );
  });
});

describe("best with an unknown configuration", () => {
  const required: RunSchema = {
    columns: SCHEMA.columns.map((c) => (c.name === "layers" ? { ...c, required: true } : c)),
  };
  const rows: CellValue[][] = [
    ...ROWS.slice(0, 6),
    ["d1", "", 4, "finished", 0.99, 5],
    ["d2", "two", 5, "finished", 0.98, 5],
  ];

  it("excludes runs whose required param is empty or invalid, with the reason, instead of ranking them alone", () => {
    const r = must(best(validate([HEADER, ...rows], required), { metric: "accuracy" }));
    expect(r.ranking.map((c) => c.n)).toEqual([3, 3]);
    expect(r.excluded).toContainEqual({ row: 8, reason: expect.stringContaining("layers is empty (required)") });
    expect(r.excluded).toContainEqual({ row: 9, reason: expect.stringMatching(/^layers .*configuration is unknown/) });
  });

  it("keeps runs with an empty optional param as their own configuration", () => {
    const r = must(best(validate([HEADER, ...rows.slice(0, 7)], SCHEMA), { metric: "accuracy" }));
    expect(r.ranking).toHaveLength(3);
    expect(r.best?.id).toBe("d1");
  });
});

describe("configurations include data columns", () => {
  const schema: RunSchema = {
    columns: [
      { name: "run_id", type: "text", role: "id" },
      { name: "layers", type: "integer", role: "param" },
      { name: "dataset", type: "text", role: "data" },
      { name: "seed", type: "integer", role: "meta" },
      { name: "accuracy", type: "number", role: "metric", goal: "max" },
    ],
  };
  const grid: Grid = [
    ["run_id", "layers", "dataset", "seed", "accuracy"],
    ["a1", 1, "cats-1k", 1, 0.8],
    ["a2", 1, "cats-1k", 2, 0.81],
    ["b1", 1, "cats-2k", 1, 0.9],
    ["b2", 1, "cats-2k", 2, 0.91],
  ];

  it("does not average runs on different datasets as replicates", () => {
    const r = must(best(validate(grid, schema), { metric: "accuracy" }));
    expect(r.ranking.map((c) => [c.config["dataset"], c.n])).toEqual([
      ["cats-2k", 2],
      ["cats-1k", 2],
    ]);
  });

  it("does not call the same seed on another dataset a duplicate configuration", () => {
    expect(validate(grid, schema).issues.filter((i) => i.code === "duplicate_config")).toEqual([]);
  });
});

describe("best on runs from validate and on plain run objects (property)", () => {
  const row = fc.tuple(
    fc.constantFrom(1, 2, 3, "", "x"),
    fc.integer({ min: 0, max: 3 }),
    fc.constantFrom("finished", "running", "", "Finished"),
    fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom("", "#N/A", 0.5)),
    fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constant("")),
  );
  const options = fc.constantFrom<BestOptions[]>(
    { metric: "accuracy" },
    { metric: "accuracy", groupBy: ["layers"] },
    { metric: "accuracy", where: "latency_ms<=50", tieBreakers: ["latency_ms"] },
    { metric: "accuracy", statusFilter: false, pareto: { metric: "latency_ms" } },
    { metric: "latency_ms", groupBy: ["status", "layers"] },
  );
  it("gives the same result whether runs keep compact cells or hold their values as objects", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), options, (rows, opts) => {
        const v = runs(rows.map((r, i) => [`r${i}`, ...r]));
        const plain = v.runs.map((r) => ({
          excelRow: r.excelRow,
          id: r.id,
          values: { ...r.values },
          invalid: { ...r.invalid },
          configKey: r.configKey,
          replicateGroup: r.replicateGroup,
        }));
        expect(best({ runs: plain, schema: SCHEMA }, opts)).toEqual(best(v, opts));
      }),
    );
  });
});
