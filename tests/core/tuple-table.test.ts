import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { putValue, SeedIndex, TupleTable, VALUE_WIDTH, ValueIds } from "../../src/core/tuple-table";

describe("TupleTable", () => {
  it("gives equal tuples one index and different tuples different indexes, in first-seen order (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 3, maxLength: 3 })), (tuples) => {
        const table = new TupleTable(3);
        const seen = new Map<string, number>();
        for (const t of tuples) {
          const index = table.intern(Int32Array.from(t));
          const key = t.join(",");
          const expected = seen.get(key) ?? seen.size;
          if (!seen.has(key)) seen.set(key, expected);
          expect(index).toBe(expected);
        }
        expect(table.size).toBe(seen.size);
      }),
    );
  });
  it("stays exact past many rehashes (100,000 tuples)", () => {
    const table = new TupleTable(2);
    const t = new Int32Array(2);
    for (let i = 0; i < 100_000; i++) {
      t[0] = i % 317;
      t[1] = Math.floor(i / 317);
      expect(table.intern(t)).toBe(i);
    }
    t[0] = 5;
    t[1] = 3;
    expect(table.intern(t)).toBe(3 * 317 + 5);
  });
});

describe("putValue", () => {
  const key = (v: string | number | boolean | null, ids: ValueIds): string => {
    const t = new Int32Array(VALUE_WIDTH);
    putValue(t, 0, v, ids);
    return Array.from(t).join(",");
  };
  it("is equal exactly when the JSON text of the values is (property)", () => {
    const value = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.constantFrom("1", "true", "", "a", "null"),
      fc.boolean(),
      fc.constant(null),
      fc.constant(-0),
    );
    fc.assert(
      fc.property(value, value, (a, b) => {
        const ids = new ValueIds();
        expect(key(a, ids) === key(b, ids)).toBe(JSON.stringify(a) === JSON.stringify(b));
      }),
    );
  });
});

describe("SeedIndex", () => {
  it("finds the first row of each (configuration, seed), also past the short list", () => {
    const index = new SeedIndex(1);
    const seed = new Int32Array(1);
    for (let s = 0; s < 50; s++) {
      seed[0] = s;
      expect(index.firstRow(0, seed, 100 + s)).toBe(-1);
      expect(index.firstRow(1, seed, 200 + s)).toBe(-1);
    }
    for (let s = 0; s < 50; s++) {
      seed[0] = s;
      expect(index.firstRow(0, seed, 999)).toBe(100 + s);
      expect(index.firstRow(1, seed, 999)).toBe(200 + s);
    }
  });
});
