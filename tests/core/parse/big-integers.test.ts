/**
 * Integers a double cannot hold exactly (an MLflow experiment id of 19 digits) stay their digits
 * as text in every reader, never a number that silently lost its last digits.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inferSchema, type Grid } from "../../../src/core/index";
import { losesDigits, readNumberText } from "../../../src/core/number-text";
import { parseText, type FormatName } from "../../../src/core/parse";
import { parseNumberText } from "../../../src/core/cell-value";

const ID = "1234567890123456789";
/** Integers beyond 2^53, where doubles have gaps, and some below it. */
const wideInteger = fc.oneof(
  fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }),
  fc.bigInt({ min: 2n ** 53n - 50n, max: 2n ** 53n + 50n }),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n }),
);
const exact = (b: bigint): boolean => BigInt(Number(b)) === b;

describe("the number reader", () => {
  it("keeps an integer a double cannot hold as text", () => {
    expect(Number(ID)).toBe(1234567890123456800);
    expect(readNumberText(ID)).toBeNull();
    expect(readNumberText(`-${ID}`)).toBeNull();
    expect(readNumberText("9007199254740993")).toBeNull();
    expect(readNumberText("1,234,567,890,123,456,789")).toBeNull();
    expect(readNumberText(` ${ID}%`)).toBeNull();
    expect(parseNumberText(ID)).toBeNull();
  });
  it("reads integers a double holds exactly, and decimals and exponents, as numbers", () => {
    expect(readNumberText("9007199254740992")?.value).toBe(2 ** 53);
    expect(readNumberText("1152921504606846976")?.value).toBe(2 ** 60);
    expect(readNumberText("123456789012345")?.value).toBe(123456789012345);
    expect(readNumberText("1e20")?.value).toBe(1e20);
    expect(readNumberText("12345678901234567890.5")?.value).toBe(Number("12345678901234567890.5"));
    expect(losesDigits("0000000000000001", "leadingZero")).toBe(false);
  });
  it("property: text for exactly the integers a double rounds, the exact value otherwise", () => {
    fc.assert(
      fc.property(wideInteger, (b) => {
        const r = readNumberText(String(b));
        if (exact(b)) expect(r?.value).toBe(Number(b));
        else expect(r).toBeNull();
      }),
    );
  });
});

describe("every reader keeps the digits", () => {
  const runs = (text: string, format?: FormatName) => parseText(text, format ? { format } : undefined).rows;
  it("CSV, JSON, JSON Lines, Python dicts, key=value and Markdown", () => {
    const lines = `{"experiment_id": ${ID}, "accuracy": 0.9}\n{"experiment_id": ${ID}, "accuracy": 0.8}\n`;
    const cases: [string, FormatName | undefined][] = [
      [`experiment_id,accuracy\n${ID},0.9\n${ID},0.8\n`, undefined],
      [`[{"experiment_id": ${ID}, "accuracy": 0.9}]`, undefined],
      [lines, undefined],
      [`{'experiment_id': ${ID}, 'accuracy': 0.9}\n{'experiment_id': ${ID}, 'accuracy': 0.8}\n`, "pydict"],
      [`experiment_id=${ID} accuracy=0.9\nexperiment_id=${ID} accuracy=0.8\n`, "keyvalue"],
      [`| experiment_id | accuracy |\n|---|---|\n| ${ID} | 0.9 |\n| ${ID} | 0.8 |\n`, undefined],
    ];
    for (const [text, format] of cases) {
      const rows = runs(text, format);
      expect(
        rows.map((r) => r.experiment_id),
        text,
      ).toEqual([ID, ID].slice(0, rows.length));
      expect(rows[0]?.accuracy, text).toBe(0.9);
    }
  });
  it("keeps a 2^60 written in full a number (a double holds it exactly)", () => {
    expect(runs(`{"n": 1152921504606846976, "a": 1}\n{"n": 1, "a": 2}\n`)[0]?.n).toBe(2 ** 60);
  });
  it("property: JSON Lines and CSV give the digits as text when a double would round them, else the number", () => {
    fc.assert(
      fc.property(fc.array(wideInteger, { minLength: 3, maxLength: 8 }), (ids) => {
        const expected = ids.map((b) => (exact(b) ? Number(b) : String(b)));
        const jsonl = ids.map((b, i) => `{"id": ${b}, "k": ${i}}`).join("\n");
        expect(runs(jsonl, "jsonl").map((r) => r.id)).toEqual(expected);
        const doc = `[${ids.map((b) => `{"id": ${b}}`).join(",")}]`;
        expect(runs(doc, "json").map((r) => r.id)).toEqual(expected);
        // A CSV column is read as one: all numbers, or text when any id would be rounded.
        const csv = runs(`id,k\n${ids.map((b, i) => `${b},${i}`).join("\n")}\n`, "csv").map((r) => r.id);
        if (ids.every(exact)) expect(csv).toEqual(ids.map(Number));
        else
          for (const [i, v] of csv.entries())
            expect(v).toEqual(typeof v === "number" ? Number(ids[i]) : String(ids[i]));
      }),
    );
  });
});

describe("schema inference", () => {
  it("calls a column of such ids text, not integer", () => {
    const grid: Grid = [
      ["experiment_id", "accuracy"],
      [ID, 0.9],
      ["1234567890123456790", 0.8],
      [ID, 0.7],
    ];
    expect(inferSchema(grid).schema.columns[0]).toMatchObject({ name: "experiment_id", type: "text" });
  });
});
