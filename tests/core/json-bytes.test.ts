import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonBytes } from "../../src/core/index";

describe("jsonBytes", () => {
  it("counts the UTF-8 bytes of the JSON text", () => {
    expect(jsonBytes(["a", 1])).toBe('["a",1]'.length);
    expect(jsonBytes("é")).toBe(2 + 2); // two quotes + a 2-byte character
    expect(jsonBytes("€")).toBe(2 + 3);
    expect(jsonBytes(undefined)).toBe(0);
  });

  it("equals TextEncoder's length for text without surrogate pairs", () => {
    const bmp = fc.string({ unit: fc.integer({ min: 0, max: 0xd7ff }).map((c) => String.fromCharCode(c)) });
    fc.assert(
      fc.property(fc.array(bmp), (values) => {
        expect(jsonBytes(values)).toBe(new TextEncoder().encode(JSON.stringify(values)).length);
      }),
    );
  });
});
