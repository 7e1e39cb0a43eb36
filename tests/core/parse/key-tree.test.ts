import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { childNode, keyNode } from "../../../src/core/parse/key-tree";

describe("key tree", () => {
  it("names children by their dotted path and gives the same node for the same key", () => {
    const root = keyNode("");
    const metrics = childNode(root, "metrics", 0);
    const accuracy = childNode(metrics, "accuracy", 0);
    expect(metrics.name).toBe("metrics");
    expect(accuracy.name).toBe("metrics.accuracy");
    expect(accuracy.column).toBe(-1);
    expect(childNode(root, "metrics", 0)).toBe(metrics);
    // Another key order finds the same nodes through the map.
    expect(childNode(root, "loss", 0).name).toBe("loss");
    expect(childNode(root, "metrics", 1)).toBe(metrics);
  });

  it("any sequence of keys at any places: one node per key, named by its path (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("a", "b", "c", "d.e", ""), fc.nat(4)), { maxLength: 60 }),
        (steps) => {
          const root = keyNode("p");
          const seen = new Map<string, ReturnType<typeof keyNode>>();
          for (const [k, i] of steps) {
            const child = childNode(root, k, i);
            expect(child.name).toBe(`p.${k}`);
            const before = seen.get(k);
            if (before) expect(child).toBe(before);
            else seen.set(k, child);
          }
          expect(root.children?.size ?? 0).toBe(seen.size);
        },
      ),
    );
  });
});
