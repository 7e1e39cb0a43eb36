/**
 * Building a positional raw table from keyed records (JSON objects, dict lines, key=value
 * runs), with nested objects flattened by dots (`metrics.accuracy`).
 */
import { isNonFinite, MAX_NESTING, type Literal } from "./literal";
import type { RawTable, RawValue } from "./raw";
import type { FormatName, ParseIssue } from "./types";
import { nonFiniteIssue, outOfRangeIssue } from "./column-typing";
import { childNode, keyNode, type KeyNode } from "./key-tree";

/** What `addPlain` leaves to the careful path (`flattenRecord` and `add`). */
const CAREFUL = -1;

/** Collects records in arrival order; columns appear in first-seen order. */
export class RecordsBuilder {
  readonly columns: string[] = [];
  private readonly index = new Map<string, number>();
  readonly rows: RawValue[][] = [];
  readonly rowLines: number[] = [];
  private readonly root: KeyNode = keyNode("");
  private readonly pendingKeys: KeyNode[] = [];
  private readonly pendingValues: RawValue[] = [];
  /** How many of the pending entries belong to the record being added (the lists are reused, never shrunk). */
  private pending = 0;
  /** Rows added before the last new column (they may be narrower than the table). */
  private narrowRows = 0;
  /** The row addPlain is filling. */
  private row: RawValue[] = [];

  /**
   * Adds a record as `add(flattenRecord(record))` would, straight from the parsed value and
   * without building its flat copy, when the record is plain: no arrays (step series), no
   * nesting past MAX_NESTING, no integer beyond 2^53, and `allKeys(n)` true for its count of
   * keys (false means the text repeated a key that JSON.parse merged). Otherwise adds nothing,
   * pushes no issue and returns false, so the caller takes the careful path.
   */
  addPlain(
    record: { [key: string]: Literal },
    line: number,
    allKeys: (keys: number) => boolean,
    issues: ParseIssue[],
  ): boolean {
    // flattenRecord reads a top-level non-finite marker as one value, not as a record.
    if (isNonFinite(record)) return false;
    const before = issues.length;
    this.pending = 0;
    const row = this.emptyRow();
    this.row = row;
    const keys = this.collect(record, this.root, 0, line, issues);
    if (keys === CAREFUL || !allKeys(keys)) {
      issues.length = before;
      return false;
    }
    // Keys seen for the first time get their columns now, in the order they came.
    const nodes = this.pendingKeys;
    for (let i = 0; i < this.pending; i++) {
      const node = nodes[i] as KeyNode;
      const col = this.index.get(node.name) ?? this.addColumn(node.name);
      node.column = col;
      row[col] = this.pendingValues[i] ?? null;
    }
    this.rows.push(row);
    this.rowLines.push(line);
    return true;
  }

  /** The flat cells of `obj` under `node` into the row (or the pending lists, see `pend`); its key count, or CAREFUL. */
  private collect(
    obj: { [key: string]: Literal },
    node: KeyNode,
    depth: number,
    line: number,
    issues: ParseIssue[],
  ): number {
    if (depth >= MAX_NESTING) return CAREFUL;
    let keys = 0;
    // for-in: parsed objects have no enumerable inherited keys, and it allocates no key list.
    let i = 0;
    for (const k in obj) {
      keys++;
      const v = obj[k] as Literal;
      const child = childNode(node, k, i++);
      if (typeof v === "number") {
        if (!Number.isFinite(v)) {
          issues.push(outOfRangeIssue(String(v), line, child.name));
          this.pend(child, null);
        } else if (Number.isInteger(v) && !Number.isSafeInteger(v)) return CAREFUL;
        else this.pend(child, v);
      } else if (v === null || typeof v !== "object") this.pend(child, v);
      else if (Array.isArray(v)) return CAREFUL;
      else if (isNonFinite(v)) {
        keys++;
        issues.push(
          /\d/.test(v.nonFinite)
            ? outOfRangeIssue(v.nonFinite, line, child.name)
            : nonFiniteIssue(v.nonFinite, line, child.name),
        );
        this.pend(child, null);
      } else {
        const inner = this.collect(v, child, depth + 1, line, issues);
        if (inner === CAREFUL) return CAREFUL;
        if (inner === 0 && child.name !== "") this.pend(child, null);
        keys += inner;
      }
    }
    return keys;
  }

  /**
   * A cell of the record being added: written into its row when its column exists, else kept
   * for addPlain to create the column (only once the record turns out plain).
   */
  private pend(node: KeyNode, value: RawValue): void {
    let col = node.column;
    if (col < 0) {
      // Another path of the same name (`a.b` written flat and nested) may have made the column.
      col = this.index.get(node.name) ?? -1;
      if (col >= 0) node.column = col;
    }
    if (col >= 0) {
      this.row[col] = value;
      return;
    }
    this.pendingKeys[this.pending] = node;
    this.pendingValues[this.pending] = value;
    this.pending++;
  }

  /** Adds one record (key -> value) starting on `line`. */
  add(record: Map<string, RawValue>, line: number): void {
    const row = this.emptyRow();
    for (const [key, value] of record) row[this.index.get(key) ?? this.addColumn(key)] = value;
    this.rows.push(row);
    this.rowLines.push(line);
  }

  /** A row of nulls as wide as the columns so far (a loop: `fill` costs a runtime call per row). */
  private emptyRow(): RawValue[] {
    const width = this.columns.length;
    const row = new Array<RawValue>(width);
    for (let i = 0; i < width; i++) row[i] = null;
    return row;
  }

  /** Appends a column; rows added before it (not the one being added) are now too short. */
  private addColumn(name: string): number {
    const col = this.columns.length;
    this.columns.push(name);
    this.index.set(name, col);
    this.narrowRows = this.rows.length;
    return col;
  }

  /** The finished table; earlier rows are padded to the final width. */
  build(format: FormatName, issues: ParseIssue[], textual: boolean, stepLog = false): RawTable {
    const width = this.columns.length;
    // Every row from `narrowRows` on was added once all columns existed: only earlier ones can be short.
    for (let r = 0; r < this.narrowRows; r++) {
      const row = this.rows[r] as RawValue[];
      while (row.length < width) row.push(null);
    }
    return {
      format,
      columns: this.columns,
      rows: this.rows,
      rowLines: this.rowLines,
      issues,
      textual,
      commaHint: "thousands",
      stepLog,
    };
  }
}

/**
 * Flattens a literal into dotted keys. Arrays stay one cell (as JSON text) because a run has
 * one value per column; non-finite floats become missing with a warning.
 */
export function flattenRecord(
  value: { [key: string]: Literal },
  line: number,
  issues: ParseIssue[],
): Map<string, RawValue> {
  const out = new Map<string, RawValue>();
  const walk = (v: Literal, key: string): void => {
    if (isNonFinite(v)) {
      // Digits that overflowed (1e309) are out of range; nan and inf are not finite by intent.
      issues.push(
        /\d/.test(v.nonFinite) ? outOfRangeIssue(v.nonFinite, line, key) : nonFiniteIssue(v.nonFinite, line, key),
      );
      out.set(key, null);
    } else if (typeof v === "number" && !Number.isFinite(v)) {
      issues.push(outOfRangeIssue(String(v), line, key));
      out.set(key, null);
    } else if (Array.isArray(v)) {
      out.set(
        key,
        JSON.stringify(v, (_k, x: unknown) => (isNonFinite(x) ? x.nonFinite : x)),
      );
    } else if (v !== null && typeof v === "object") {
      const entries = Object.entries(v);
      if (entries.length === 0 && key !== "") out.set(key, null);
      for (const [k, x] of entries) walk(x, key === "" ? k : `${key}.${k}`);
    } else {
      out.set(key, v);
    }
  };
  walk(value, "");
  return out;
}

/** True for a plain object literal (not an array, not the non-finite marker). */
export function isRecord(v: Literal): v is { [key: string]: Literal } {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !isNonFinite(v);
}
