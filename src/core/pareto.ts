/**
 * Pareto front over two metrics with their goals (e.g. accuracy up, latency down): the points
 * no other point beats on both. O(n log n) by a sort and a sweep.
 */
import type { Goal } from "./schema-types";

/** A point with an identity (e.g. an Excel row) and two metric values. */
export interface ParetoPoint<K> {
  key: K;
  x: number;
  y: number;
}

/**
 * Returns the keys of the non-dominated points. A point is dominated when another is at least as
 * good on both metrics and strictly better on one; equal points are all kept. Output follows the
 * input order of the points kept.
 */
export function paretoFront<K>(points: readonly ParetoPoint<K>[], goalX: Goal, goalY: Goal): K[] {
  const sx = goalX === "max" ? 1 : -1;
  const sy = goalY === "max" ? 1 : -1;
  const order = points.map((p, i) => ({ i, x: p.x * sx, y: p.y * sy }));
  order.sort((a, b) => b.x - a.x || b.y - a.y);
  const keep = new Array<boolean>(points.length).fill(false);
  let bestYBefore = -Infinity;
  let g = 0;
  while (g < order.length) {
    const head = order[g];
    if (!head) break;
    let end = g;
    while (end < order.length && order[end]?.x === head.x) end++;
    // Within equal x, only the points with the group's best y survive, and only if they beat
    // every point with a strictly better x.
    if (head.y > bestYBefore) {
      for (let k = g; k < end; k++) {
        const p = order[k];
        if (p && p.y === head.y) keep[p.i] = true;
      }
    }
    bestYBefore = Math.max(bestYBefore, head.y);
    g = end;
  }
  const out: K[] = [];
  points.forEach((p, i) => {
    if (keep[i]) out.push(p.key);
  });
  return out;
}
