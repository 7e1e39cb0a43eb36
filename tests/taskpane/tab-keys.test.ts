import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tabIndexAfterKey } from "../../src/taskpane/logic/tab-keys";

describe("tabIndexAfterKey", () => {
  it("moves right and left with wrap-around, Home and End to the ends", () => {
    expect(tabIndexAfterKey("ArrowRight", 0, 7)).toBe(1);
    expect(tabIndexAfterKey("ArrowRight", 6, 7)).toBe(0);
    expect(tabIndexAfterKey("ArrowLeft", 0, 7)).toBe(6);
    expect(tabIndexAfterKey("ArrowLeft", 3, 7)).toBe(2);
    expect(tabIndexAfterKey("Home", 4, 7)).toBe(0);
    expect(tabIndexAfterKey("End", 1, 7)).toBe(6);
  });

  it("ignores other keys and empty lists", () => {
    expect(tabIndexAfterKey("Enter", 2, 7)).toBeNull();
    expect(tabIndexAfterKey("ArrowDown", 2, 7)).toBeNull();
    expect(tabIndexAfterKey("ArrowRight", 0, 0)).toBeNull();
  });

  it("always lands on a tab, and right then left comes back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.nat(), (count, at) => {
        const index = at % count;
        for (const key of ["ArrowRight", "ArrowLeft", "Home", "End"]) {
          const to = tabIndexAfterKey(key, index, count);
          expect(to).not.toBeNull();
          expect(to).toBeGreaterThanOrEqual(0);
          expect(to).toBeLessThan(count);
        }
        const right = tabIndexAfterKey("ArrowRight", index, count) ?? -1;
        expect(tabIndexAfterKey("ArrowLeft", right, count)).toBe(index);
      }),
    );
  });
});
