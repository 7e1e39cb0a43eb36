import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { grownInt32 } from "../../src/core/typed-arrays";

describe("grownInt32", () => {
  it("returns the same array when it has room", () => {
    const a = Int32Array.of(1, 2, 3);
    expect(grownInt32(a, 3)).toBe(a);
    expect(grownInt32(a, 0)).toBe(a);
  });

  it("doubles until the entries fit, keeping the old ones and filling the new", () => {
    const b = grownInt32(Int32Array.of(7, 8), 5, -1);
    expect([...b]).toEqual([7, 8, -1, -1, -1, -1, -1, -1]);
    expect(grownInt32(new Int32Array(0), 3).length).toBe(4);
  });

  it("any array and need: at least need long, a power-of-two multiple, old entries kept (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 40 }), fc.nat(300), fc.integer(), (xs, need, fill) => {
        const a = Int32Array.from(xs);
        const b = grownInt32(a, need, fill);
        expect(b.length).toBeGreaterThanOrEqual(need);
        expect([...b.subarray(0, a.length)]).toEqual([...a]);
        if (need > a.length) {
          expect(b.length / Math.max(1, a.length)).toSatisfy((r: number) => Number.isInteger(Math.log2(r)));
          expect([...b.subarray(a.length)].every((v) => v === (fill | 0))).toBe(true);
        }
      }),
    );
  });
});
