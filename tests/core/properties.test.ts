import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  best,
  buildReport,
  COLUMN_ROLES,
  COLUMN_TYPES,
  compare,
  validate,
  type CellValue,
  type ColumnSpec,
  type RunSchema,
} from "../../src/core/index";

const NAMES = ["run_id", "model", "lr", "seed", "status", "accuracy", "val_loss", "experiment", "notes"];

const columnSpec: fc.Arbitrary<ColumnSpec> = fc
  .record(
    {
      name: fc.constantFrom(...NAMES),
      type: fc.constantFrom(...COLUMN_TYPES),
      role: fc.constantFrom(...COLUMN_ROLES),
      required: fc.boolean(),
      min: fc.double({ noNaN: true, min: -10, max: 10 }),
      max: fc.double({ noNaN: true, min: -10, max: 10 }),
      choices: fc.array(fc.constantFrom("a", "B", "finished", "mlp", " x"), { maxLength: 4 }),
      pattern: fc.constantFrom("r\\d+", "(", "[a-z]*", ".*"),
      goal: fc.constantFrom("max" as const, "min" as const),
    },
    { requiredKeys: ["name", "type", "role"] },
  )
  .map((c) => c as ColumnSpec);

const schemaArb: fc.Arbitrary<RunSchema> = fc
  .uniqueArray(columnSpec, { selector: (c) => c.name, maxLength: 7 })
  .map((columns) => ({ columns }));

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.double(),
  fc.integer({ min: -5, max: 5 }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    "#N/A",
    "0,5",
    "12%",
    "",
    " a ",
    "nan",
    "2024-02-29",
    "finished",
    "Finished",
    "r1",
    "r1",
    "mlp",
    "1h 5m",
  ),
);

describe("core never throws, whatever the schema and the grid (properties)", () => {
  it("validate, best, compare and buildReport return values or problems", () => {
    fc.assert(
      fc.property(
        schemaArb,
        fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 20 }),
        fc.constantFrom("excel" as const, "text" as const),
        (schema, body, source) => {
          const grid = [NAMES as CellValue[], ...body];
          const v = validate(grid, schema, { source });
          expect(v.counts.error + v.counts.warning + v.counts.info).toBe(v.issues.length);
          for (const run of v.runs) expect(run.excelRow).toBeGreaterThanOrEqual(2);
          for (const metric of ["accuracy", "val_loss", "nope"]) {
            const b = best(v, { metric, where: "lr>=0", pareto: { metric: "val_loss" } });
            if (b.ok) {
              const counted = b.value.ranking.reduce((n, c) => n + c.n, 0) + b.value.excluded.length;
              expect(counted).toBe(v.runs.length);
              for (const c of b.value.ranking) if (c.ci95) expect(c.ci95[0]).toBeLessThanOrEqual(c.ci95[1]);
            } else expect(b.issues.length).toBeGreaterThan(0);
            const r = buildReport(v, { metric, now: new Date(0) });
            if (r.ok) for (const s of r.value.sections) expect(s.verdict.length).toBeGreaterThan(0);
          }
          const c = compare(
            v,
            v.runs.slice(0, 3).map((x) => x.id),
          );
          if (v.runs.length) expect(c.ok).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
