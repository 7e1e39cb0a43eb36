/**
 * The parser's fast paths give exactly what the careful paths give: flat JSON records added
 * straight from JSON.parse's value (RecordsBuilder.addPlain) against flattenRecord + add, and
 * CSV without quotes split in one PapaParse call against the per-record splitter, and typing of
 * values a parser already typed (JSON) against the rules every cell follows.
 */
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { delimitedRecords } from "../../../src/core/parse/delimited";
import { hasKeyTokens, keyTokenCount, type Literal } from "../../../src/core/parse/literal";
import { LineTracker, splitLines, type RawTable, type RawValue } from "../../../src/core/parse/raw";
import { flattenRecord, RecordsBuilder } from "../../../src/core/parse/records";
import { accumulate, beginTyping, convert, decide, finishTyping } from "../../../src/core/parse/table";
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

describe("typing values a parser already typed (JSON, Python dicts)", () => {
  const cell: fc.Arbitrary<RawValue> = fc.oneof(
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.string({ maxLength: 3 }),
    fc.constant("x".repeat(32_768)),
  );
  const table = fc
    .uniqueArray(fc.constantFrom("a", "b", "__proto__", "metrics.loss", ""), { minLength: 1, maxLength: 4 })
    .chain((columns) =>
      fc.record({
        columns: fc.constant(columns),
        rows: fc.array(fc.array(cell, { maxLength: columns.length }), { maxLength: 6 }),
        nonFinite: fc.array(fc.tuple(fc.nat(6), fc.constantFrom(...columns)), { maxLength: 2 }),
      }),
    );

  it("property: keeps every cell as it is, in column order, with one issue per too-long text and missing counted", () => {
    fc.assert(
      fc.property(table, ({ columns, rows, nonFinite }) => {
        const rowLines = rows.map((_, r) => r + 2);
        const rawIssues: ParseIssue[] = nonFinite.map(([r, column]) => ({
          line: r + 2,
          column,
          code: "non_finite",
          severity: "warning",
          message: "m",
        }));
        const raw: RawTable = {
          format: "jsonl",
          columns,
          rows,
          rowLines,
          issues: rawIssues,
          textual: false,
          commaHint: "thousands",
          stepLog: false,
        };
        const state = beginTyping(raw);
        accumulate(state, 0, rows.length);
        decide(state);
        convert(state, 0, rows.length);
        const typed = finishTyping(state);

        const reported = new Set(rawIssues.map((i) => `${i.line}/${i.column}`));
        const tooLong: { line: number; column: string }[] = [];
        const missing = columns.map(() => ({ count: 0, first: 0 }));
        rows.forEach((row, r) => {
          const out = typed.rows[r] ?? {};
          expect(Object.keys(out)).toEqual(columns);
          columns.forEach((column, c) => {
            const v = row[c] ?? null;
            expect(Object.getOwnPropertyDescriptor(out, column)?.value).toBe(v);
            if (typeof v === "string" && v.length > 32_767) tooLong.push({ line: r + 2, column });
            const m = missing[c];
            if (v === null && m && !reported.has(`${r + 2}/${column}`)) {
              if (m.count === 0) m.first = r + 2;
              m.count++;
            }
          });
        });
        expect(typed.rows).toHaveLength(rows.length);
        const issues = typed.issues.slice(rawIssues.length);
        expect(
          issues.filter((i) => i.code === "text_too_long").map((i) => ({ line: i.line, column: i.column })),
        ).toEqual(tooLong);
        const warned = issues.filter((i) => i.code === "missing");
        for (const [c, column] of columns.entries()) {
          const m = missing[c];
          const w = warned.filter((i) => i.column === column);
          // A column that holds no number gets no warning unless every row misses it.
          const anyNumber = typed.rows.some((row) => typeof row[column] === "number");
          const expected = m && m.count > 0 && column !== "" && (anyNumber || m.count === rows.length) ? 1 : 0;
          expect(w).toHaveLength(expected);
          if (expected && m) expect(w[0]?.line).toBe(m.first);
        }
      }),
    );
  });
});

describe("splitLines", () => {
  it("splits LF-only text with a plain split as the CRLF/CR/LF pattern does (property)", () => {
    const text = fc
      .array(fc.oneof(fc.constantFrom("\n", "\r\n", "\r", "\n\n", "a", "b c", ""), fc.string({ maxLength: 3 })))
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, (t) => {
        expect(splitLines(t)).toEqual(t.split(/\r\n|\r|\n/));
      }),
    );
    expect(splitLines("a\r\nb\rc\n\nd")).toEqual(["a", "b", "c", "", "d"]);
  });
});
