import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseText } from "../../../src/core/parse";
import { MAX_NESTING } from "../../../src/core/parse/literal";

const dir = join(__dirname, "../../fixtures/input");
const read = (name: string): string => readFileSync(join(dir, name), "utf8");
const codes = (text: string) =>
  parseText(text).issues.map((i) => `${i.line}:${i.column ?? ""}:${i.code}:${i.severity}`);

describe("limits with clear errors", () => {
  it("10,000-deep JSON is refused with a sentence, in a document and in JSON Lines", () => {
    const arrays = "[".repeat(10_000) + "]".repeat(10_000);
    const objects = '{"a":'.repeat(10_000) + "1" + "}".repeat(10_000);
    for (const text of [arrays, objects, `${objects}\n${objects}\n`]) {
      const r = parseText(text);
      expect(r.rows).toEqual([]);
      expect(r.issues[0]?.message).toContain(`nested more than ${MAX_NESTING} levels deep`);
    }
  });
  it("nesting up to the limit is read", () => {
    const ok = '{"a":'.repeat(MAX_NESTING - 1) + "1" + "}".repeat(MAX_NESTING - 1);
    expect(parseText(ok).rows).toHaveLength(1);
  });
  it("1e309 becomes a missing value with a warning, in JSON, JSON Lines, dicts and CSV", () => {
    expect(codes(read("json-1e309.json"))).toContain("2:val_loss:number_out_of_range:warning");
    expect(parseText(read("json-1e309.json")).rows.map((r) => r.val_loss)).toEqual([null, 0.3]);
    expect(codes('{"a": 1, "v": 1e309}\n{"a": 2, "v": 2}\n')).toContain("1:v:number_out_of_range:warning");
    expect(codes("{'a': 1, 'v': 1e309}\n{'a': 2, 'v': 2}\n")).toContain("1:v:number_out_of_range:warning");
    const csv = parseText("run,v\na,1e309\nb,0.5\nc,-1e400\n");
    expect(csv.rows.map((r) => r.v)).toEqual([null, 0.5, null]);
    expect(csv.issues.map((i) => `${i.line}:${i.code}`)).toEqual(["2:number_out_of_range", "4:number_out_of_range"]);
  });
  it("duplicate JSON keys are a warning naming the key and the line", () => {
    const r = parseText(read("json-duplicate-keys.json"));
    expect(r.issues).toEqual([
      expect.objectContaining({ line: 3, column: "accuracy", code: "duplicate_key", severity: "warning" }),
    ]);
    expect(r.issues[0]?.message).toContain('"accuracy" appears twice');
    expect(r.rows[0]?.accuracy).toBe(0.7);
    const dup = (t: string) => codes(t).filter((c) => c.includes("duplicate_key"));
    expect(dup('{"a": 1}\n{"b": 1, "c": {"x": 1, "x": 2}}\n')).toEqual(["2:x:duplicate_key:warning"]);
    // A colon inside a string is not a key.
    expect(dup('{"a": "x\\": y", "b": 2}\n{"a": "z", "b": 3}\n')).toEqual([]);
  });
  it("NUL characters in a CSV are removed with a positioned warning", () => {
    const r = parseText(read("csv-nul.csv"));
    expect(r.rows.map((x) => x.accuracy)).toEqual([0.9, 0.8]);
    expect(r.issues.map((i) => `${i.line}:${i.code}`)).toEqual(["2:nul_character"]);
  });
  it("never throws on nested brackets of any depth (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.constantFrom("[", '{"k":', "{'k': "), (n, open) => {
        const close = open === "[" ? "]" : "}";
        const text = open.repeat(n) + "1" + close.repeat(n);
        const r = parseText(text);
        for (const i of r.issues) expect(i.line).toBe(1);
      }),
      { numRuns: 60 },
    );
  });
});
