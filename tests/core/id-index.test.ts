import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdIndex } from "../../src/core/id-index";

/** The simple path: a Map from id text to its first row. */
function referenceFirstRows(ids: readonly string[], lowest: number): (number | undefined)[] {
  const seen = new Map<string, number>();
  return ids.map((id, i) => {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, lowest + i);
    return first;
  });
}

function indexFirstRows(ids: readonly string[], lowest: number, rows = ids.length): (number | undefined)[] {
  const index = new IdIndex(rows, lowest);
  return ids.map((id, i) => index.firstRow(id, lowest + i));
}

/** Ids that look numbered and ids that almost do: zero padding, ten digits, digits inside, no digits. */
const idArb = fc.oneof(
  fc
    .tuple(fc.constantFrom("r", "run-", "", "exp1_", "R", "é"), fc.integer({ min: 0, max: 3000 }))
    .map(([p, n]) => `${p}${n}`),
  fc
    .tuple(fc.constantFrom("r", "run-", ""), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 4 }))
    .map(([p, n, w]) => `${p}${String(n).padStart(w, "0")}`),
  fc.constantFrom("1234567890", "r1234567890", "r999999999", "r0999999999", "0", "00", "r", "7r", "r1a", ""),
  fc.integer({ min: 0, max: 2 ** 31 }).map(String),
  fc.string({ maxLength: 4 }),
);

describe("IdIndex", () => {
  it("gives every id the row a Map of id texts gives it (property)", () => {
    fc.assert(
      fc.property(fc.array(idArb, { maxLength: 200 }), fc.integer({ min: -5, max: 1_000_000 }), (ids, lowest) => {
        expect(indexFirstRows(ids, lowest)).toEqual(referenceFirstRows(ids, lowest));
      }),
    );
  });

  it("stays exact when large numbers exhaust the typed arrays' budget and more than 64 prefixes appear", () => {
    const ids: string[] = [];
    for (let i = 0; i < 3000; i++) {
      ids.push(`r${(i * 7919) % 5000}`);
      ids.push(`big${(i * 104_729) % 900_000_000}`);
      ids.push(`p${i % 90}x${i % 11}`);
    }
    // A budget of a few rows forces tables to freeze part-way.
    expect(indexFirstRows(ids, 2, 1)).toEqual(referenceFirstRows(ids, 2));
    expect(indexFirstRows([...ids].reverse(), 2, 1)).toEqual(referenceFirstRows([...ids].reverse(), 2));
  });

  it("moves numbered ids into the Map when ids turn out not to be numbered, and still finds them", () => {
    const ids: string[] = [];
    for (let i = 0; i < 500; i++) ids.push(`r${i}`, `run-${String(i).padStart(4, "0")}`);
    // Hex run ids as MLflow writes them: a new prefix for almost every id.
    for (let i = 0; i < 300; i++) ids.push(`${(Math.imul(i + 1, 2654435761) >>> 0).toString(16)}${i % 10}`);
    for (let i = 0; i < 500; i += 7) ids.push(`r${i}`, `run-${String(i).padStart(4, "0")}`, `r0${i}`);
    expect(indexFirstRows(ids, 3)).toEqual(referenceFirstRows(ids, 3));
  });

  it("gives every id the row a Map gives it when prefixes overflow (property)", () => {
    const many = fc.oneof(
      fc.tuple(fc.nat(0xffffff), fc.nat(99)).map(([h, n]) => `${h.toString(16)}${n}`),
      fc.nat(300).map((n) => `r${n}`),
    );
    fc.assert(
      fc.property(fc.array(many, { minLength: 50, maxLength: 400 }), (ids) => {
        expect(indexFirstRows(ids, 2)).toEqual(referenceFirstRows(ids, 2));
      }),
    );
  });

  it("finds a duplicate of a numbered id 100,000 rows later", () => {
    const index = new IdIndex(100_001, 2);
    for (let i = 0; i < 100_000; i++) expect(index.firstRow(`r${i}`, i + 2)).toBeUndefined();
    expect(index.firstRow("r99993", 100_002)).toBe(99_995);
    expect(index.firstRow("r099993", 100_003)).toBeUndefined();
  });
});
