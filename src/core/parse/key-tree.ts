/**
 * Flattened key paths of keyed records (`metrics` -> `accuracy` is `metrics.accuracy`), kept as a
 * tree so a key repeated on every line is joined into its dotted name once.
 */

/** One key path. `column` is the caller's: where the path's values go (-1 until it knows). */
export interface KeyNode {
  name: string;
  column: number;
  children: Map<string, KeyNode> | null;
  /** The children in the key order of the last object seen here: lines usually repeat it. */
  lastOrder: KeyNode[];
  lastKeys: string[];
}

/** A path with no children yet; `keyNode("")` is a tree's root. */
export function keyNode(name: string): KeyNode {
  return { name, column: -1, children: null, lastOrder: [], lastKeys: [] };
}

/**
 * The child of `node` for key `k`, the `i`-th key of the object being read, made when new.
 * Parsed keys are interned strings: comparing with the last object's key at this place is
 * cheaper than hashing it into the map.
 */
export function childNode(node: KeyNode, k: string, i: number): KeyNode {
  const last = node.lastKeys[i] === k ? node.lastOrder[i] : undefined;
  if (last) return last;
  let child = node.children?.get(k);
  if (!child) {
    child = keyNode(node.name === "" ? k : `${node.name}.${k}`);
    (node.children ??= new Map()).set(k, child);
  }
  node.lastKeys[i] = k;
  node.lastOrder[i] = child;
  return child;
}
