/**
 * JSON Lines typed in one pass (parseJsonLinesDirect) against the general pipeline (raw table,
 * typing passes, finishResult): whenever the direct path answers, rows (with their key order),
 * columns, lines and issues are exactly the pipeline's; it answers for plain records.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseText } from "../../../src/core/parse/index";
import { parseJsonLinesDirect } from "../../../src/core/parse/jsonl-direct";
import { finishResult, parseRaw } from "../../../src/core/parse/pipeline";
import { accumulate, beginTyping, convert, decide, finishTyping } from "../../../src/core/parse/table";
import type { ParseResult } from "../../../src/core/parse/types";

/** The general pipeline, as parseText ran it for every JSON Lines text. */
function pipeline(text: string): ParseResult {
  const raw = parseRaw(text, "jsonl");
  const state = beginTyping(raw);
  accumulate(state, 0, raw.rows.length);
  decide(state);
  convert(state, 0, raw.rows.length);
  const typed = finishTyping(state);
  return finishResult(raw, typed.rows, typed.issues);
}

/** Rows with their keys in order, so a different key order fails too. */
function ordered(result: ParseResult): unknown {
  return { ...result, rows: result.rows.map((r) => Object.entries(r)) };
}

const key = fc.oneof(
  fc.constantFrom("a", "b", "c", "a.b", "", "__proto__", "nonFinite", "x y", "0", "10", "run_id", "epoch"),
  fc.string({ maxLength: 2 }),
);
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const leaf: fc.Arbitrary<Json> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom(2 ** 60, -0, 1e300, 0.5),
  fc.string({ maxLength: 3 }),
  fc.constantFrom("10:07:37", "a\\"),
  fc.boolean(),
  fc.constant(null),
);
const { record } = fc.letrec<{ value: Json; record: { [k: string]: Json } }>((tie) => ({
  value: fc.oneof({ depthSize: "small" }, leaf, leaf, tie("record"), fc.array(leaf, { maxLength: 2 })),
  record: fc.dictionary(key, tie("value"), { maxKeys: 4 }),
}));
/** Lines JSON.stringify writes, and lines it never writes: blanks, repeated keys, overflow, bad JSON. */
const line = fc.oneof(
  { weight: 6, arbitrary: record.map((r) => JSON.stringify(r)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "",
      "  ",
      '{"a": 1, "a": 2}',
      '{"a": 1e999}',
      '{"b": {"nonFinite": "nan"}}',
      '{"nonFinite": "inf"}',
      '{"a": NaN}',
      "[1, 2]",
      "7",
      "{oops",
      '{"a": {}, "b": {"c": 1}}',
      '{"a.b": 1, "a": {"b": 2}}',
      `{"long": "${"x".repeat(32_768)}"}`,
    ),
  },
);

/** Records the direct path always answers for: no arrays, no integers beyond 2^53, no names that can meet when flattened. */
const plainLeaf: fc.Arbitrary<Json> = fc.oneof(
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.integer(),
  fc.constantFrom(-0, 1.5e-300, 2 ** 53 - 1, "10:07:37", "a\\", ""),
  fc.string({ maxLength: 3 }),
  fc.boolean(),
  fc.constant(null),
);
const { plain } = fc.letrec<{ value: Json; plain: { [k: string]: Json } }>((tie) => ({
  value: fc.oneof({ depthSize: "small" }, plainLeaf, plainLeaf, tie("plain")),
  plain: fc.dictionary(fc.constantFrom("a", "b", "c", "__proto__", "x y", "0", "10", "run_id"), tie("value"), {
    maxKeys: 4,
  }),
}));

describe("parseJsonLinesDirect", () => {
  it("property: equals the general pipeline whenever it answers", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.boolean(), (lines, crlf) => {
        const text = lines.join(crlf ? "\r\n" : "\n");
        const direct = parseJsonLinesDirect(text);
        if (direct !== null) expect(ordered(direct)).toEqual(ordered(pipeline(text)));
      }),
      { numRuns: 400 },
    );
  });

  it("property: answers for plain records, with the pipeline's result", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 5, arbitrary: plain.map((r) => JSON.stringify(r)) }, fc.constant("")), {
          minLength: 1,
          maxLength: 8,
        }),
        (lines) => {
          const text = lines.join("\n");
          const direct = parseJsonLinesDirect(text);
          expect(direct).not.toBeNull();
          expect(ordered(direct as ParseResult)).toEqual(ordered(pipeline(text)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("property: parseText gives the pipeline's result for JSON Lines, through either path", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        const text = lines.join("\n");
        if (text.trim() === "") return;
        expect(ordered(parseText(text, { format: "jsonl" }))).toEqual(ordered(pipeline(text)));
      }),
      { numRuns: 300 },
    );
  });

  it("answers for nested records with late and missing columns, and counts what is missing", () => {
    const text = [
      '{"run_id": "a", "params": {"lr": 0.1}, "metrics": {"acc": 0.5}}',
      "",
      '{"run_id": "b", "params": {"lr": 0.2, "layers": 3}, "metrics": {"acc": null}}',
      '{"metrics": {"acc": 0.7}, "run_id": "c", "notes": "x", "params": {"lr": 1e999}}',
    ].join("\n");
    const direct = parseJsonLinesDirect(text);
    expect(direct).not.toBeNull();
    expect(direct?.columns).toEqual(["run_id", "params.lr", "metrics.acc", "params.layers", "notes"]);
    expect(direct?.rows[0]).toEqual({
      run_id: "a",
      "params.lr": 0.1,
      "metrics.acc": 0.5,
      "params.layers": null,
      notes: null,
    });
    expect(direct?.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ["missing", 1, "params.layers"],
      ["missing", 3, "metrics.acc"],
      ["number_out_of_range", 4, "params.lr"],
    ]);
    expect(ordered(direct as ParseResult)).toEqual(ordered(pipeline(text)));
  });

  it("leaves repeated keys, step columns and series to the pipeline", () => {
    expect(parseJsonLinesDirect('{"a": 1, "a": 2}')).toBeNull();
    expect(parseJsonLinesDirect('{"epoch": 1, "loss": 0.5}\n{"epoch": 2, "loss": 0.4}')).toBeNull();
    expect(parseJsonLinesDirect('{"run": "a", "steps": [1, 2], "values": [0.5, 0.4]}')).toBeNull();
    // Two keys flattening to one name: the pipeline keeps the last value and its missing count follows that value.
    expect(parseJsonLinesDirect('{"a.b": null, "a": {"b": 1}}\n{"a.b": 2}')).toBeNull();
    expect(parseJsonLinesDirect('{"a": 1}\n{"a": 2}')).not.toBeNull();
  });
});
