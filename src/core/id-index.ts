/**
 * The first row of each run id, to find duplicate ids. Most trackers number their runs
 * (`r17`, `run-0042`, `1234`): such an id is a prefix and a number, and its first row sits in a
 * typed array indexed by the number, so a sheet of 100,000 numbered runs touches no hash table
 * (a Map of 100,000 fresh strings spent most of its time growing and missing the cache). Any
 * other id goes to a Map. Which of the two holds an id depends only on its text and on what the
 * index decided earlier for its prefix, never on the order rows come in, so equal texts always
 * meet in the same place. Ids that are not numbered (MLflow's hex run ids, W&B's random ones)
 * show it by their many prefixes: past MAX_PREFIXES the tables move into the Map once, and every
 * later id goes straight to it, with no digit scan and no prefix lookup.
 */
import { grownInt32 } from "./typed-arrays";

/** Digits at the end of an id read as its number: at most 9 (earlier digits stay in the prefix), so it stays a small integer. */
const MAX_DIGITS = 9;
/** Prefixes kept with their own tables; one more and the ids are taken as not numbered (all go to the Map). */
const MAX_PREFIXES = 64;

/** Numbered ids of one prefix and one digit count (`r7` and `r07` differ, so they never share a slot). */
class NumberedRows {
  /** First row per number, stored as row - lowest row + 1; 0 = not seen. */
  rows: Int32Array = new Int32Array(256);
  /** Set once the table may not grow: numbers at or past its length then go to the Map. */
  frozen = false;
}

/** Tables of one prefix, by digit count (index 1 to MAX_DIGITS). */
class PrefixTables {
  readonly byDigits: (NumberedRows | undefined)[] = [];
  constructor(readonly prefix: string) {}
}

/** First rows of run ids: numbered ids in typed arrays, any other id in a Map. */
export class IdIndex {
  private readonly others = new Map<string, number>();
  private readonly prefixes = new Map<string, PrefixTables>();
  private last: PrefixTables | null = null;
  /** Set when the ids turned out not to be numbered: everything is in the Map from then on. */
  private mapOnly = false;
  /** Table entries still allowed in all (keeps memory linear in the rows, whatever the numbers). */
  private budget: number;

  /**
   * @param rows How many rows will be looked up at most (sizes the typed arrays' budget).
   * @param lowest The lowest row number that will be passed to firstRow.
   */
  constructor(
    rows: number,
    private readonly lowest: number,
  ) {
    this.budget = 4 * Math.max(0, rows) + 65_536;
  }

  /**
   * The row where `id` was first seen, or undefined when it is new (then `row`, at least the
   * lowest row given to the constructor, is recorded as its first).
   */
  firstRow(id: string, row: number): number | undefined {
    if (this.mapOnly) return this.inMap(id, row);
    const end = id.length;
    let start = end;
    let n = 0;
    let scale = 1;
    while (start > 0 && end - start < MAX_DIGITS) {
      const c = id.charCodeAt(start - 1) - 48;
      if (c < 0 || c > 9) break;
      n += c * scale;
      scale *= 10;
      start--;
    }
    // The id is its prefix and its last digits (at most MAX_DIGITS): text, digit count and
    // number give each other back, so two ids share a slot exactly when their texts are equal.
    const digits = end - start;
    if (digits === 0) return this.inMap(id, row);
    const table = this.tableOf(id, start, digits);
    if (table === undefined) {
      this.moveTablesToMap();
      return this.inMap(id, row);
    }
    let rows = table.rows;
    if (n >= rows.length) {
      if (table.frozen) return this.inMap(id, row);
      let size = rows.length * 2;
      while (size <= n) size *= 2;
      if (size - rows.length > this.budget) {
        table.frozen = true;
        return this.inMap(id, row);
      }
      this.budget -= size - rows.length;
      table.rows = rows = grownInt32(rows, size);
    }
    const first = rows[n] ?? 0;
    if (first !== 0) return first + this.lowest - 1;
    rows[n] = row - this.lowest + 1;
    return undefined;
  }

  /** The table for ids of this prefix (`id` up to `start`) and digit count; undefined when prefixes ran out. */
  private tableOf(id: string, start: number, digits: number): NumberedRows | undefined {
    let tables = this.last;
    if (tables === null || tables.prefix.length !== start || !id.startsWith(tables.prefix)) {
      const prefix = id.slice(0, start);
      let known = this.prefixes.get(prefix);
      if (known === undefined) {
        if (this.prefixes.size >= MAX_PREFIXES) return undefined;
        known = new PrefixTables(prefix);
        this.prefixes.set(prefix, known);
      }
      this.last = tables = known;
    }
    let table = tables.byDigits[digits];
    if (table === undefined) {
      table = new NumberedRows();
      tables.byDigits[digits] = table;
    }
    return table;
  }

  /**
   * Puts every id the tables hold into the Map, by its text (prefix, then its number padded to
   * its digit count: the text it was read from), and sends every later id to the Map.
   */
  private moveTablesToMap(): void {
    for (const tables of this.prefixes.values()) {
      tables.byDigits.forEach((table, digits) => {
        if (table === undefined) return;
        const rows = table.rows;
        for (let n = 0; n < rows.length; n++) {
          const stored = rows[n] ?? 0;
          if (stored !== 0) this.others.set(tables.prefix + String(n).padStart(digits, "0"), stored + this.lowest - 1);
        }
      });
    }
    this.prefixes.clear();
    this.last = null;
    this.mapOnly = true;
  }

  private inMap(id: string, row: number): number | undefined {
    const first = this.others.get(id);
    if (first !== undefined) return first;
    this.others.set(id, row);
    return undefined;
  }
}
