/**
 * JSON Lines of plain records typed in one pass: each line's JSON.parse value is flattened
 * straight into its output row object, with no positional row beside it and no second pass.
 * It covers the common file (flat or nested objects of numbers, text, booleans and nulls, no
 * step column) and gives up, returning null, on anything else: a line JSON.parse refuses or
 * that is not an object, arrays, nesting past MAX_NESTING, integers beyond 2^53, a repeated
 * key, text too long for a cell, two keys flattening to the same name, a step or epoch column.
 * The caller then runs the general pipeline, whose result this one equals whenever it answers.
 */
import { nonFiniteIssue, outOfRangeIssue, EXCEL_CELL_CHAR_LIMIT } from "./column-typing";
import { childNode, keyNode, type KeyNode } from "./key-tree";
import { hasKeyTokens, isNonFinite, MAX_NESTING, type Literal } from "./literal";
import { finishResult } from "./pipeline";
import { setKey, splitLines, type RawTable } from "./raw";
import { isRecord } from "./records";
import { hasStepColumn } from "./steplog";
import { missingIssue, rowTemplate } from "./table";
import { grownInt32 } from "../typed-arrays";
import type { ParseIssue, ParseResult, ParsedValue } from "./types";

type Obj = { [key: string]: Literal };

/** Returned by the walk when the line needs the general pipeline. */
const GIVE_UP = -1;

/** Builds the typed rows; one instance per text. */
class DirectRows {
  readonly columns: string[] = [];
  private readonly index = new Map<string, number>();
  readonly rows: Record<string, ParsedValue>[] = [];
  readonly rowLines: number[] = [];
  /** Issues of the values (non-finite numbers), in the order the general path reports them. */
  readonly issues: ParseIssue[] = [];
  private readonly root = keyNode("");
  private template: Record<string, ParsedValue> = {};
  private templateWidth = 0;
  /** Per column: the last row that wrote it (a second write in one row gives up), missing cells, whether a number was seen. */
  private written: Int32Array = new Int32Array(16).fill(-1);
  private missing: Int32Array = new Int32Array(16);
  private firstMissing: Int32Array = new Int32Array(16);
  private hasNumber: Int32Array = new Int32Array(16);
  /** Width of the table after each row that added columns: [row, width, row, width, ...]. */
  private readonly growth: number[] = [];
  private row: Record<string, ParsedValue> = {};
  private rowIndex = 0;
  private line = 0;
  private cells = 0;

  /** Adds the record of one line; false when the line needs the general pipeline. */
  add(record: Obj, line: number, src: string): boolean {
    const width = this.columns.length;
    if (this.templateWidth !== width) {
      this.template = rowTemplate(this.columns);
      this.templateWidth = width;
    }
    this.row = { ...this.template };
    this.rowIndex = this.rows.length;
    this.line = line;
    this.cells = 0;
    const keys = this.walk(record, this.root, 0);
    if (keys === GIVE_UP || !hasKeyTokens(src, keys)) return false;
    const r = this.rowIndex;
    // Columns this row left out are missing (a row of the general path holds null there).
    if (this.cells < this.columns.length) {
      for (let c = 0; c < this.columns.length; c++) if (this.written[c] !== r) this.countMissing(c, line);
    }
    if (this.columns.length !== width) this.growth.push(r, this.columns.length);
    this.rows.push(this.row);
    this.rowLines.push(line);
    return true;
  }

  /** Flattens `obj` under `node` into the row; its key count (as RecordsBuilder counts), or GIVE_UP. */
  private walk(obj: Obj, node: KeyNode, depth: number): number {
    if (depth >= MAX_NESTING) return GIVE_UP;
    let keys = 0;
    let i = 0;
    // for-in: parsed objects have no enumerable inherited keys, and it allocates no key list.
    for (const k in obj) {
      keys++;
      const v = obj[k] as Literal;
      const child = childNode(node, k, i++);
      if (typeof v === "number") {
        if (!Number.isFinite(v)) {
          this.issues.push(outOfRangeIssue(String(v), this.line, child.name));
          if (!this.put(child, null, false)) return GIVE_UP;
        } else if (Number.isInteger(v) && !Number.isSafeInteger(v)) return GIVE_UP;
        else if (!this.put(child, v, true)) return GIVE_UP;
      } else if (typeof v === "string") {
        if (v.length > EXCEL_CELL_CHAR_LIMIT || !this.put(child, v, true)) return GIVE_UP;
      } else if (v === null || typeof v !== "object") {
        if (!this.put(child, v, true)) return GIVE_UP;
      } else if (Array.isArray(v)) return GIVE_UP;
      else if (isNonFinite(v)) {
        keys++;
        this.issues.push(
          /\d/.test(v.nonFinite)
            ? outOfRangeIssue(v.nonFinite, this.line, child.name)
            : nonFiniteIssue(v.nonFinite, this.line, child.name),
        );
        if (!this.put(child, null, false)) return GIVE_UP;
      } else {
        const inner = this.walk(v, child, depth + 1);
        if (inner === GIVE_UP) return GIVE_UP;
        if (inner === 0 && child.name !== "" && !this.put(child, null, true)) return GIVE_UP;
        keys += inner;
      }
    }
    return keys;
  }

  /**
   * Writes one cell of the current row. A null counts as missing unless it stands for a
   * non-finite number (reported as such instead). False when the row already wrote this column.
   */
  private put(node: KeyNode, value: ParsedValue, nullIsMissing: boolean): boolean {
    let c = node.column;
    if (c < 0) c = node.column = this.index.get(node.name) ?? this.addColumn(node.name);
    const r = this.rowIndex;
    if (this.written[c] === r) return false;
    this.written[c] = r;
    this.cells++;
    setKey(this.row, node.name, value);
    if (value === null) {
      if (nullIsMissing) this.countMissing(c, this.line);
    } else if (typeof value === "number") this.hasNumber[c] = 1;
    return true;
  }

  private countMissing(c: number, line: number): void {
    if (this.missing[c] === 0) this.firstMissing[c] = line;
    this.missing[c] = (this.missing[c] ?? 0) + 1;
  }

  /** A new column; every earlier row is missing it. */
  private addColumn(name: string): number {
    const c = this.columns.length;
    this.columns.push(name);
    this.index.set(name, c);
    this.written = grownInt32(this.written, c + 1, -1);
    this.missing = grownInt32(this.missing, c + 1);
    this.firstMissing = grownInt32(this.firstMissing, c + 1);
    this.hasNumber = grownInt32(this.hasNumber, c + 1);
    const before = this.rowIndex;
    if (before > 0) {
      this.missing[c] = before;
      this.firstMissing[c] = this.rowLines[0] ?? 1;
    }
    return c;
  }

  /** Pads rows made before later columns appeared (in column order, as the general path's rows have them). */
  private pad(): void {
    const width = this.columns.length;
    let from = 0;
    let rowWidth = 0;
    for (let g = 0; g < this.growth.length; g += 2) {
      const until = this.growth[g] ?? 0;
      for (let r = from; r < until; r++) this.padRow(r, rowWidth, width);
      from = until;
      rowWidth = this.growth[g + 1] ?? 0;
    }
  }

  private padRow(r: number, rowWidth: number, width: number): void {
    const row = this.rows[r];
    if (!row) return;
    for (let c = rowWidth; c < width; c++) setKey(row, this.columns[c] ?? "", null);
  }

  /** The parse result, as parseText's pipeline ends it. */
  finish(): ParseResult {
    this.pad();
    const typingIssues: ParseIssue[] = [];
    const n = this.rows.length;
    this.columns.forEach((column, c) => {
      const count = this.missing[c] ?? 0;
      if (count === 0 || column === "") return;
      if (count !== n && this.hasNumber[c] === 0) return;
      typingIssues.push(missingIssue(column, count, this.firstMissing[c] ?? 1));
    });
    const raw: RawTable = {
      format: "jsonl",
      columns: this.columns,
      rows: [],
      rowLines: this.rowLines,
      issues: this.issues,
      textual: false,
      commaHint: "thousands",
      stepLog: false,
      layout: null,
    };
    return finishResult(raw, this.rows, [...this.issues, ...typingIssues]);
  }
}

/**
 * Parses JSON Lines of plain records into typed rows in one pass, or returns null when the
 * text needs the general pipeline (see the module comment). Equal to parseText's result for
 * the same text whenever it answers.
 */
export function parseJsonLinesDirect(text: string): ParseResult | null {
  const out = new DirectRows();
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const src = lines[i] ?? "";
    if (src.trim() === "") continue;
    let value: Literal;
    try {
      value = JSON.parse(src) as Literal;
    } catch {
      return null;
    }
    if (!isRecord(value) || !out.add(value, i + 1, src)) return null;
  }
  if (hasStepColumn(out.columns)) return null;
  return out.finish();
}
