import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { columnReader, coerceCell } from "../../src/core/coerce";
import { isOutOfRange, MISSING_WORDS, readNumberText } from "../../src/core/number-text";
import { parseText } from "../../src/core/parse";
import { isMissingText, parseNumberText } from "../../src/core/cell-value";

/** What the paste parser reads for one cell under a header `v` (TSV, so commas need no quotes). */
function pasted(cell: string): unknown {
  return parseText(`v\tw\n${cell}\tx\n`, { format: "tsv" }).rows[0]?.v;
}

/** What validation reads for the same text in a number column. */
function typed(cell: string): unknown {
  return coerceCell(cell, columnReader({ name: "v", type: "number", role: "metric" }), "text").value;
}

describe("one number reader", () => {
  it('reads "0.7%" as 0.007 everywhere (dividing by 100 gives 0.006999999999999999)', () => {
    expect(0.7 / 100).not.toBe(0.007);
    expect(readNumberText("0.7%")?.value).toBe(0.007);
    expect(parseNumberText("0.7%")?.value).toBe(0.007);
    expect(pasted("0.7%")).toBe(0.007);
    expect(typed("0.7%")).toBe(0.007);
    expect(pasted("91,5 %")).toBe(0.915);
  });

  it("reads grouped, decimal-comma and no-break-space numbers", () => {
    expect(parseNumberText("1,234.5")).toEqual({ value: 1234.5, style: "thousands" });
    expect(parseNumberText("1.234,5")).toEqual({ value: 1234.5, style: "decimal_comma" });
    expect(parseNumberText("0,91")).toEqual({ value: 0.91, style: "decimal_comma" });
    expect(parseNumberText("1\u00a0234")).toEqual({ value: 1234, style: "plain" });
    expect(parseNumberText("007")).toEqual({ value: 7, style: "plain" });
    expect(parseNumberText("abc")).toBeNull();
  });

  it("a number beyond the double range is out of range, not a value", () => {
    expect(readNumberText("1e309")).toBeNull();
    expect(isOutOfRange("1e309")).toBe(true);
    expect(isOutOfRange("-2e308%")).toBe(true);
    expect(isOutOfRange("1e308")).toBe(false);
    expect(isOutOfRange("abc")).toBe(false);
  });

  it("typed and pasted cells read the same number (property)", () => {
    const written = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).map((n) => String(n)),
      fc.integer({ min: -999_999, max: 999_999 }).map((n) => n.toLocaleString("en-US")),
      fc
        .tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 999 }))
        .map(([a, b]) => `${a},${String(b).padStart(3, "0").replace(/0+$/, "") || "1"}`),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((n) => `${n}%`),
      fc.constantFrom("0.7%", "1.000", "1,5", "1.234,5", " 12 ", "+3", "-.5", "5e-3"),
    );
    fc.assert(
      fc.property(written, (cell) => {
        const p = pasted(cell);
        const t = typed(cell);
        expect(p).toBe(t);
        expect(p).toBe(parseNumberText(cell)?.value ?? null);
      }),
      { numRuns: 400 },
    );
  });

  it("never throws and returns a finite number or null (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const r = readNumberText(s);
        if (r !== null) expect(Number.isFinite(r.value)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("one list of missing-value words", () => {
  const words = ["nan", "NaN", "None", "null", "NA", "N/A", "#N/A", "-", "No log", ""];
  it("holds every word tools write for a missing value", () => {
    for (const w of words) expect(MISSING_WORDS).toContain(w.toLowerCase());
  });
  it("parsing, validation and inference all read them as missing (never 0)", () => {
    for (const w of words.filter((x) => x !== "")) {
      const tsv = `run\tloss\na\t0.5\nb\t${w}\nc\t0.25\nd\t0.125\n`;
      const r = parseText(tsv, { format: "tsv" });
      expect(r.rows[1]?.loss, w).toBeNull();
      expect(typed(w), w).toBeNull();
      if (w.toLowerCase() !== "nan") expect(isMissingText(w), w).toBe(true);
    }
  });
  it("in a text column the words stay text", () => {
    const r = parseText("run\tnote\na\tgood\nb\t-\nc\tNo log\n", { format: "tsv" });
    expect(r.rows.map((x) => x.note)).toEqual(["good", "-", "No log"]);
  });
});
