/**
 * Growing the typed arrays core's tables keep (tuples, ids, rows): JavaScript gives them a fixed
 * length, so a table that fills up moves to a copy twice as long.
 */

/**
 * `a` when it already holds `need` entries, otherwise a copy with room for them: its length
 * doubled until it does, the new entries set to `fill`.
 */
export function grownInt32(a: Int32Array, need: number, fill = 0): Int32Array {
  if (need <= a.length) return a;
  let size = Math.max(1, a.length * 2);
  while (size < need) size *= 2;
  const b = new Int32Array(size);
  if (fill !== 0) b.fill(fill);
  b.set(a);
  return b;
}
