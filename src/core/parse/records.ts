/**
 * Building a positional raw table from keyed records (JSON objects, dict lines, key=value
 * runs), with nested objects flattened by dots (`metrics.accuracy`).
 */
import { isNonFinite, type Literal } from "./literal";
import type { RawTable, RawValue } from "./raw";
import type { FormatName, ParseIssue } from "./types";
import { nonFiniteIssue, outOfRangeIssue } from "./values";

/** Collects records in arrival order; columns appear in first-seen order. */
export class RecordsBuilder {
  readonly columns: string[] = [];
  private readonly index = new Map<string, number>();
  readonly rows: RawValue[][] = [];
  readonly rowLines: number[] = [];

  /** Adds one record (key -> value) starting on `line`. */
  add(record: Map<string, RawValue>, line: number): void {
    const row: RawValue[] = new Array<RawValue>(this.columns.length).fill(null);
    for (const [key, value] of record) {
      let i = this.index.get(key);
      if (i === undefined) {
        i = this.columns.length;
        this.columns.push(key);
        this.index.set(key, i);
      }
      row[i] = value;
    }
    this.rows.push(row);
    this.rowLines.push(line);
  }

  /** The finished table; earlier rows are padded to the final width. */
  build(format: FormatName, issues: ParseIssue[], textual: boolean, stepLog = false): RawTable {
    const width = this.columns.length;
    for (const row of this.rows) while (row.length < width) row.push(null);
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
