/**
 * The parser's fast paths give exactly what the careful paths give: flat JSON records added
 * straight from JSON.parse's value (RecordsBuilder.addPlain) against flattenRecord + add, and
 * CSV without quotes split in one PapaParse call against the per-record splitter.
 */
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { delimitedRecords } from "../../../src/core/parse/delimited";
import { hasKeyTokens, keyTokenCount, type Literal } from "../../../src/core/parse/literal";
import { LineTracker } from "../../../src/core/parse/raw";
import { flattenRecord, RecordsBuilder } from "../../../src/core/parse/records";
import type { ParseIssue } from "../../../src/core/parse/types";

type Obj = { [key: string]: Literal };

const key = fc.oneof(
  fc.constantFrom("a", "b", "a.b", "", "__proto__", "nonFinite", "x y"),
  fc.string({ maxLength: 3 }),
);
const leaf = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(2 ** 60, 1e300, Infinity, -Infinity, 2 ** 53 + 2),
  fc.string({ maxLength: 4 }),
  fc.boolean(),
  fc.constant(null),
);
const { record } = fc.letrec<{ value: Literal; record: Obj }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    leaf,
    tie("record"),
    fc.array(leaf, { maxLength: 2 }),
  ) as fc.Arbitrary<Literal>,
  record: fc.dictionary(key, tie("value"), { maxKeys: 4 }) as fc.Arbitrary<Obj>,
}));

describe("RecordsBuilder.addPlain", () => {
  it("property: adds what flattenRecord + add adds, or nothing at all", () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 4 }), (records) => {
        const fast = new RecordsBuilder();
        const careful = new RecordsBuilder();
        const fastIssues: ParseIssue[] = [];
        const carefulIssues: ParseIssue[] = [];
        records.forEach((r, i) => {
          const width = fast.columns.length;
          if (fast.addPlain(r, i + 1, () => true, fastIssues))
            careful.add(flattenRecord(r, i + 1, carefulIssues), i + 1);
          else {
            // Left to the careful path: nothing added, no column, no issue.
            expect(fast.rows).toHaveLength(careful.rows.length);
            expect(fast.columns).toHaveLength(width);
            careful.add(flattenRecord(r, i + 1, carefulIssues), i + 1);
            fast.add(flattenRecord(r, i + 1, fastIssues), i + 1);
          }
        });
        expect(fast.build("jsonl", fastIssues, false)).toEqual(careful.build("jsonl", carefulIssues, false));
      }),
    );
  });
  it("leaves arrays, unsafe integers and deep nesting to the careful path", () => {
    const b = new RecordsBuilder();
    const issues: ParseIssue[] = [];
    expect(b.addPlain({ a: 1, s: [1, 2] }, 1, () => true, issues)).toBe(false);
    expect(b.addPlain({ a: 2 ** 53 + 2 }, 1, () => true, issues)).toBe(false);
    let deep: Obj = { v: 1 };
    for (let i = 0; i < 120; i++) deep = { d: deep };
    expect(b.addPlain(deep, 1, () => true, issues)).toBe(false);
    expect(b.addPlain({ a: Infinity }, 1, () => false, issues)).toBe(false);
    expect(issues).toEqual([]);
    expect(b.columns).toEqual([]);
    expect(b.addPlain({ a: { b: 1 }, c: {} }, 1, (n) => n === 3, issues)).toBe(true);
    expect(b.columns).toEqual(["a.b", "c"]);
  });
});

describe("hasKeyTokens", () => {
  it("property: agrees with counting every key token, for counts a parsed value can have", () => {
    fc.assert(
      fc.property(record, fc.nat({ max: 12 }), (r, cut) => {
        const text = JSON.stringify(r);
        const tokens = keyTokenCount(text);
        // A value has at most as many keys as its text has key tokens (repeats merge into one).
        const n = Math.max(0, tokens - cut);
        expect(hasKeyTokens(text, n)).toBe(tokens === n);
      }),
    );
  });
  it("counts keys, not colons inside strings", () => {
    expect(hasKeyTokens('{"t": "10:07:37", "u": "a\\":b"}', 2)).toBe(true);
    expect(hasKeyTokens('{"a": 1, "a": 2}', 1)).toBe(false);
  });
});

/** The per-record splitter, as delimitedRecords runs it on text with quotes. */
function steppedRecords(text: string, delimiter: string) {
  const tracker = new LineTracker(text);
  const records: string[][] = [];
  const lines: number[] = [];
  const starts: number[] = [];
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (res) => {
      lines.push(tracker.lineAt(start));
      starts.push(start);
      start = res.meta.cursor;
      records.push(res.data);
    },
  });
  return { records, lines, starts, issues: [] };
}

describe("delimitedRecords without quotes", () => {
  it("property: the same records, lines and starts as the per-record splitter", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ab1.,;\t\n ]*$/), fc.constantFrom(",", ";", "\t"), (text, d) => {
        expect(delimitedRecords(text, d)).toEqual(steppedRecords(text, d));
      }),
      { numRuns: 500 },
    );
  });
});

describe("LineTracker", () => {
  it("property: the line of every offset, LF-only text and text with CR alike", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a\r\n]*$/), (text) => {
        const t = new LineTracker(text);
        for (let i = 0; i <= text.length; i++) {
          const before = text.slice(0, i);
          const expected =
            1 + (before.match(/\r\n|\r(?!\n)|\n/g) ?? []).length - (before.endsWith("\r") && text[i] === "\n" ? 1 : 0);
          expect(t.lineAt(i)).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
