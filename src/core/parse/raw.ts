/**
 * The intermediate table every format parser produces before typing: positional cells aligned
 * to `columns`, and the line each row starts on. Keeping cells positional (not objects) keeps a
 * 50,000-row paste to one compact copy.
 */
import type { CommaStyle } from "./column-typing";
import type { StepLayout } from "./steplog";
import type { FormatName, ParseIssue, StepCurve } from "./types";

export type RawValue = string | number | boolean | null;

export interface RawTable {
  format: FormatName;
  columns: string[];
  rows: RawValue[][];
  rowLines: number[];
  issues: ParseIssue[];
  /** True when string cells are text from the paste and still need typing (CSV, Markdown, key=value). */
  textual: boolean;
  /** How to read `1,000` when a column gives no other clue. */
  commaHint: CommaStyle;
  /** Step-wise log (one run over epochs/steps): reduce to final and best values. */
  stepLog: boolean;
  /** Where a step-wise table keeps its x axis and run ids (set with `stepLog`). */
  layout?: StepLayout | null;
  /** Curves a reader already took out of the records (JSON steps/values arrays), by row. */
  curves?: StepCurve[];
}

/** Counts the lines of a text the way issues number them (CRLF, CR and LF each end a line). */
export function lineCount(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) n++;
    else if (ch === 13) {
      n++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

/** Splits text into lines (CRLF, CR or LF), keeping empty lines so indexes match line numbers - 1. */
export function splitLines(text: string): string[] {
  // Most texts end lines with LF alone: a plain split is several times faster than the pattern.
  return text.includes("\r") ? text.split(/\r\n|\r|\n/) : text.split("\n");
}

/**
 * Makes header names unique and non-empty, reporting each rename, so no column silently
 * overwrites another when rows become objects.
 */
export function uniqueColumns(names: string[], line: number, issues: ParseIssue[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw, i) => {
    let name = raw.trim();
    if (name === "") {
      // An unnamed first column is pandas' index; it is dropped later without a warning here.
      if (i > 0) {
        issues.push({
          line,
          code: "empty_column_name",
          severity: "warning",
          message: `Column ${i + 1} has no name; it is called "column_${i + 1}".`,
          fix: "Give the column a header.",
        });
      }
      name = i === 0 ? "" : `column_${i + 1}`;
    }
    const count = seen.get(name) ?? 0;
    seen.set(name, count + 1);
    if (count === 0) return name;
    let renamed = `${name}_${count + 1}`;
    while (seen.has(renamed)) renamed = `${renamed}_`;
    seen.set(renamed, 1);
    issues.push({
      line,
      column: name,
      code: "duplicate_column",
      severity: "warning",
      message: `Column "${name}" appears more than once; the repeat is called "${renamed}".`,
      fix: "Rename one of the columns so each header is unique.",
    });
    return renamed;
  });
}

/** Line number (1-based) of character offsets, computed incrementally as offsets grow (linear overall). */
export class LineTracker {
  private pos = 0;
  private line = 1;
  /** Without CR, lines end only at LF: jump from one LF to the next natively (the next LF at or after `pos`). */
  private nextLf: number;
  private readonly lfOnly: boolean;
  constructor(private readonly text: string) {
    this.lfOnly = !text.includes("\r");
    this.nextLf = this.lfOnly ? text.indexOf("\n") : -1;
  }
  /** Line of `offset`; offsets must not decrease between calls. */
  lineAt(offset: number): number {
    const t = this.text;
    if (this.lfOnly) {
      while (this.nextLf >= 0 && this.nextLf < offset) {
        this.line++;
        this.nextLf = t.indexOf("\n", this.nextLf + 1);
      }
      return this.line;
    }
    for (; this.pos < offset && this.pos < t.length; this.pos++) {
      const ch = t.charCodeAt(this.pos);
      if (ch === 10) this.line++;
      else if (ch === 13 && t.charCodeAt(this.pos + 1) !== 10) this.line++;
    }
    return this.line;
  }
}

/** Sets a key on a plain object; `__proto__` becomes an own property instead of changing the prototype. */
export function setKey<T>(obj: Record<string, T>, key: string, value: T): void {
  if (key === "__proto__")
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}
