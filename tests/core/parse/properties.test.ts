import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { FORMAT_NAMES, detectFormat, parseText, type ParseResult } from "../../../src/core/parse";
import { lineCount } from "../../../src/core/parse/raw";

function checkLines(text: string, r: ParseResult): void {
  const n = lineCount(text);
  for (const issue of r.issues) {
    expect(issue.line).toBeGreaterThanOrEqual(1);
    expect(issue.line).toBeLessThanOrEqual(n);
  }
  for (const line of r.rowLines) {
    expect(line).toBeGreaterThanOrEqual(1);
    expect(line).toBeLessThanOrEqual(n);
  }
  expect(r.rowLines).toHaveLength(r.rows.length);
}

/** Text built from the characters that matter to our parsers, so fuzzing reaches their branches. */
const tricky = fc
  .array(
    fc.constantFrom(
      ",",
      ";",
      "\t",
      "\n",
      "\r\n",
      "\r",
      '"',
      "'",
      "{",
      "}",
      "[",
      "]",
      ":",
      "=",
      "|",
      "-",
      "%",
      "1",
      "0.5",
      "1,5",
      "nan",
      "NaN",
      "inf",
      "True",
      "None",
      "a",
      "epoch",
      "step",
      " ",
      "\ufeff",
      "e-3",
      "---",
      "\\",
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(""));

describe("fuzzing: every parser survives random text", () => {
  for (const format of FORMAT_NAMES) {
    it(`${format} never throws and keeps issue lines inside the text`, () => {
      fc.assert(
        fc.property(fc.oneof(fc.string({ maxLength: 200 }), tricky), (text) => {
          const r = parseText(text, { format });
          checkLines(text, r);
        }),
        { numRuns: 150 },
      );
    });
  }
  it("auto-detection never throws", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), tricky), (text) => {
        expect(detectFormat(text).length).toBeGreaterThan(0);
        checkLines(text, parseText(text));
      }),
      { numRuns: 300 },
    );
  });
});

/** Words every text format reads as missing, non-finite or boolean: not plain text by design. */
const SPECIAL = new Set(["na", "n/a", "none", "null", "nat", "nil", "nan", "inf", "infinity", "true", "false"]);
const plainText = (s: string): boolean => !SPECIAL.has(s.trim().toLowerCase());

/** Runs with a text id, integer and float params, and a metric that may be missing. */
const runs = fc.array(
  fc.record({
    run_id: fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/).filter(plainText),
    note: fc
      .string({ maxLength: 12 })
      .filter(
        (s) =>
          plainText(s) &&
          /[a-z]/i.test(s) &&
          !/^\s|\s$/.test(s) &&
          s.toLowerCase() !== "true" &&
          s.toLowerCase() !== "false",
      ),
    layers: fc.integer({ min: 1, max: 64 }),
    learning_rate: fc.double({ min: 1e-6, max: 1, noNaN: true }),
    accuracy: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  }),
  { minLength: 1, maxLength: 20 },
);

describe("round trip: runs -> CSV/TSV -> parse -> same runs", () => {
  for (const delimiter of [",", "\t"]) {
    it(`with delimiter ${JSON.stringify(delimiter)}`, () => {
      fc.assert(
        fc.property(runs, (rs) => {
          // Text columns always need one letter so they never read as numbers.
          const text = Papa.unparse(
            rs.map((r) => ({ ...r, accuracy: r.accuracy === null ? "" : r.accuracy })),
            { delimiter, newline: "\r\n", quotes: true },
          );
          const result = parseText(text, { format: delimiter === "," ? "csv" : "tsv" });
          expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
          expect(result.rows).toEqual(rs.map((r) => ({ ...r, note: r.note.trim() })));
        }),
        { numRuns: 100 },
      );
    });
  }
  it("through JSON Lines", () => {
    fc.assert(
      fc.property(runs, (rs) => {
        const text = rs.map((r) => JSON.stringify(r)).join("\n");
        expect(parseText(text, { format: "jsonl" }).rows).toEqual(rs);
      }),
      { numRuns: 100 },
    );
  });
});
