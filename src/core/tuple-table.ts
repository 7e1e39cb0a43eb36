import { grownInt32 } from "./typed-arrays";

/**
 * Interning of small integer tuples: each distinct tuple gets the next index (0, 1, 2, ...) in
 * order of first appearance. An open-addressing hash table on typed arrays with a full
 * comparison on every hash match, so collisions never merge two tuples. Used for configuration
 * keys (one interned id per column value), where a Map of JSON strings spent most of validation's
 * time building and hashing fresh strings.
 */
export class TupleTable {
  private slots: Int32Array;
  private tuples: Int32Array;
  private hashes: Int32Array;
  private count = 0;

  /** @param width Length of every tuple. */
  constructor(readonly width: number) {
    this.slots = new Int32Array(1024).fill(-1);
    this.tuples = new Int32Array(256 * Math.max(1, width));
    this.hashes = new Int32Array(256);
  }

  /** Number of distinct tuples so far. */
  get size(): number {
    return this.count;
  }

  /**
   * Index of `tuple` (its first `width` entries), adding it when new (then `size` grows by one).
   * `tuple` is copied, so the caller may reuse its buffer.
   */
  intern(tuple: Int32Array): number {
    const w = this.width;
    let h = 0x811c9dc5;
    for (let i = 0; i < w; i++) h = Math.imul(h ^ (tuple[i] ?? 0), 0x01000193);
    h ^= h >>> 15;
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const at = this.slots[s] ?? -1;
      if (at < 0) return this.add(tuple, h, s);
      if (this.hashes[at] === h && this.equals(at, tuple)) return at;
    }
  }

  private equals(at: number, tuple: Int32Array): boolean {
    const w = this.width;
    const base = at * w;
    for (let i = 0; i < w; i++) if (this.tuples[base + i] !== tuple[i]) return false;
    return true;
  }

  private add(tuple: Int32Array, h: number, slot: number): number {
    const index = this.count++;
    const w = this.width;
    this.tuples = grownInt32(this.tuples, (index + 1) * w);
    this.hashes = grownInt32(this.hashes, index + 1);
    const at = index * w;
    for (let i = 0; i < w; i++) this.tuples[at + i] = tuple[i] ?? 0;
    this.hashes[index] = h;
    this.slots[slot] = index;
    // Keep the table at most half full, so probes stay short.
    if (this.count * 2 > this.slots.length) this.rehash();
    return index;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let i = 0; i < this.count; i++) {
      let s = (this.hashes[i] ?? 0) & mask;
      while ((slots[s] ?? -1) >= 0) s = (s + 1) & mask;
      slots[s] = i;
    }
    this.slots = slots;
  }
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
/** High words no finite double has (NaN space), used as tags for null and for text/boolean ids. */
const NULL_TAG = 0x7ff80000 | 0;
const TEXT_TAG = 0x7ff80001 | 0;
/** Which of the two 32-bit words of a double is the high one on this machine. */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * Writes a cell value into `tuple` at `at` as two integers that are equal exactly when the
 * values are equal as configuration keys have always compared them (JSON text of the value):
 * a finite number as the two words of its bits (0 and -0 alike), text or a boolean as a tag and
 * its id, and null, NaN and infinities as the null tag (JSON writes them all as null).
 */
export function putValue(tuple: Int32Array, at: number, value: string | number | boolean | null, text: ValueIds): void {
  if (typeof value === "number" && value - value === 0) {
    f64[0] = value === 0 ? 0 : value;
    tuple[at] = u32[HIGH] ?? 0;
    tuple[at + 1] = u32[1 - HIGH] ?? 0;
  } else if (value === null || typeof value === "number") {
    tuple[at] = NULL_TAG;
    tuple[at + 1] = 0;
  } else {
    tuple[at] = TEXT_TAG;
    tuple[at + 1] = text.idOf(value);
  }
}

/** Integers per value in a tuple written by putValue. */
export const VALUE_WIDTH = 2;

/**
 * Gives each distinct text (or boolean) of one column a small integer id; a Map keeps true and
 * "true" apart, as the JSON keys did.
 */
export class ValueIds {
  private readonly ids = new Map<string | boolean, number>();
  /** Id of `value`, assigning the next one when it is new. */
  idOf(value: string | boolean): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(value, id);
    }
    return id;
  }
}

/** Seeds listed per configuration before it moves to a hash table (keeps every row O(1)). */
const SHORT_LIST = 8;

/**
 * The first row of each (configuration, seed) pair, to find duplicate runs. A configuration's
 * seeds sit in a short list (most have a handful of replicates, so no hash table is touched);
 * past SHORT_LIST seeds the configuration moves to a TupleTable, so a sheet where every run
 * shares one configuration stays linear.
 */
export class SeedIndex {
  private head: Int32Array = new Int32Array(1024).fill(-1);
  private length: Int32Array = new Int32Array(1024);
  private words: Int32Array;
  private next: Int32Array = new Int32Array(1024);
  private rows: Int32Array = new Int32Array(1024);
  private entries = 0;
  private readonly big: TupleTable;
  private readonly bigRows: number[] = [];
  private readonly key: Int32Array;

  /** @param width Integers per seed (see putValue). */
  constructor(readonly width: number) {
    this.words = new Int32Array(1024 * Math.max(1, width));
    this.big = new TupleTable(width + 1);
    this.key = new Int32Array(width + 1);
  }

  /** The first row seen with this configuration and seed; -1 when new (then `row` is recorded as its first). */
  firstRow(group: number, seed: Int32Array, row: number): number {
    if (group >= this.head.length) {
      this.head = grownInt32(this.head, group + 1, -1);
      this.length = grownInt32(this.length, group + 1);
    }
    if ((this.length[group] ?? 0) > SHORT_LIST) return this.inBig(group, seed, row);
    const w = this.width;
    for (let e = this.head[group] ?? -1; e >= 0; e = this.next[e] ?? -1) {
      let same = true;
      for (let i = 0; i < w && same; i++) same = this.words[e * w + i] === seed[i];
      if (same) return this.rows[e] ?? 0;
    }
    if ((this.length[group] ?? 0) === SHORT_LIST) {
      // Move this configuration's seeds to the hash table, then look up there from now on.
      for (let e = this.head[group] ?? -1; e >= 0; e = this.next[e] ?? -1)
        this.inBig(group, this.words.subarray(e * w, e * w + w), this.rows[e] ?? 0);
      this.length[group] = SHORT_LIST + 1;
      return this.inBig(group, seed, row);
    }
    const e = this.entries++;
    this.words = grownInt32(this.words, (e + 1) * w);
    this.next = grownInt32(this.next, e + 1);
    this.rows = grownInt32(this.rows, e + 1);
    for (let i = 0; i < w; i++) this.words[e * w + i] = seed[i] ?? 0;
    this.rows[e] = row;
    this.next[e] = this.head[group] ?? -1;
    this.head[group] = e;
    this.length[group] = (this.length[group] ?? 0) + 1;
    return -1;
  }

  private inBig(group: number, seed: Int32Array, row: number): number {
    this.key[0] = group;
    for (let i = 0; i < this.width; i++) this.key[i + 1] = seed[i] ?? 0;
    const before = this.big.size;
    const at = this.big.intern(this.key);
    if (this.big.size > before) {
      this.bigRows.push(row);
      return -1;
    }
    return this.bigRows[at] ?? 0;
  }
}
