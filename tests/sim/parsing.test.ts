// Property tests for the simulator's parsers: A1 addresses and typed input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_COLS, MAX_ROWS, formatAddress, parseAddress } from "../../src/sim/address";
import { evaluateFormula } from "../../src/sim/formula";
import { formatText, parseInput } from "../../src/sim/cell-input";

const rectArb = fc
  .record({ r0: fc.nat(MAX_ROWS - 1), c0: fc.nat(MAX_COLS - 1), h: fc.nat(50), w: fc.nat(50) })
  .map(({ r0, c0, h, w }) => ({ r0, c0, r1: Math.min(MAX_ROWS - 1, r0 + h), c1: Math.min(MAX_COLS - 1, c0 + w) }));

describe("addresses", () => {
  it("format then parse returns the same sheet and rectangle", () => {
    fc.assert(
      fc.property(rectArb, fc.constantFrom("Runs", "My runs", "O'Brien", "Sheet1", "A1"), (rect, sheet) => {
        const parsed = parseAddress(formatAddress(sheet, rect));
        expect(parsed).toEqual({ sheet, rect });
      }),
    );
  });

  it("rejects malformed addresses", () => {
    for (const bad of ["", "A0", "1A", "A1:B", "XFE1", "A1048577", "A:1", "!"]) expect(parseAddress(bad)).toBeNull();
  });
});

describe("typed input", () => {
  it("any finite number written as its string comes back as the same number", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(parseInput(String(n), undefined).v).toBe(n === 0 ? 0 : n);
      }),
    );
  });

  it("text without a leading = + - never becomes a formula, and Text-formatted cells keep any string verbatim", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const asText = parseInput(s, "@");
        expect(asText).toEqual({ v: s });
        const typed = parseInput(s, undefined);
        if (!/^[=+-]/.test(s.trim()) && !/^[=+-]/.test(s)) expect(typed.formula).toBeUndefined();
      }),
    );
  });

  it("formatting with 0.00 rounds like toFixed(2)", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (n) => {
        expect(formatText({ v: n, nf: "0.00" })).toBe(n.toFixed(2));
      }),
    );
  });

  // Number format codes: "0" is a digit always shown, "#" a digit shown only when significant.
  // https://support.microsoft.com/en-us/office/number-format-codes-5026bbd6-04bc-48cd-bf33-80f18b4eae68
  it("formatting with 0.0### shows one to four decimals, without trailing zeros", () => {
    expect(formatText({ v: 0.8824, nf: "0.0###" })).toBe("0.8824");
    expect(formatText({ v: 0.9, nf: "0.0###" })).toBe("0.9");
    expect(formatText({ v: 3, nf: "0.0###" })).toBe("3.0");
    expect(formatText({ v: 0.106666, nf: "0.0###" })).toBe("0.1067");
    expect(formatText({ v: 0.1234, nf: "0.##%" })).toBe("12.34%");
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (n) => {
        const shown = formatText({ v: n, nf: "0.0###" });
        expect(shown).toMatch(/^-?\d+\.\d{1,4}$/);
        expect(Number(shown)).toBeCloseTo(Number(n.toFixed(4)), 10);
      }),
    );
  });
});

describe("formulas", () => {
  it("evaluates arithmetic like JavaScript for integer operands", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 1, max: 50 }),
        (a, b, c) => {
          expect(evaluateFormula(`=${a}+${b}*${c}-(${a}-${b})/${c}`, () => ({ v: "" })).v).toBeCloseTo(
            a + b * c - (a - b) / c,
            9,
          );
        },
      ),
    );
  });

  it("supports SUM/AVERAGE/MIN/MAX/COUNT/IF/IFERROR and reports unknown functions as #NAME?", () => {
    const cells: Record<string, number> = { "0,0": 1, "1,0": 2, "2,0": 6 };
    const read = (_s: string | undefined, r: number, c: number) => ({ v: cells[`${r},${c}`] ?? "" });
    const ev = (f: string) => evaluateFormula(f, read);
    expect([
      ev("=SUM(A1:A3)").v,
      ev("=AVERAGE(A1:A3)").v,
      ev("=MIN(A1:A3)").v,
      ev("=MAX(A1:A3)").v,
      ev("=COUNT(A1:A4)").v,
    ]).toEqual([9, 3, 1, 6, 3]);
    expect(ev('=IF(A3>5,"big","small")').v).toBe("big");
    expect(ev("=IFERROR(1/0,-1)").v).toBe(-1);
    expect(ev("=FOO(1)")).toEqual({ v: "#NAME?", err: true });
  });
});
