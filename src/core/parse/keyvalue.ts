/**
 * `key=value` / `key: value` lines. Two layouts: several pairs on one line (one run per line,
 * e.g. `lr=0.001 acc=0.91` or Keras' `loss: 0.69 - accuracy: 0.50`), or one pair per line with
 * runs separated by blank lines (or by a key that repeats, as in Trainer's metric blocks).
 */
import { skippedLines } from "./pydict";
import { RecordsBuilder } from "./records";
import type { RawTable, RawValue } from "./raw";
import type { ParseIssue } from "./types";

// The lookbehind makes a match start only at a word start, keeping long lines linear.
const PAIR = /(?<![\w.\-/[\]])([A-Za-z_][\w.\-/[\]]*)\s*(?:=|:(?=\s))\s*("[^"]*"|'[^']*'|[^\s,;|]+)/g;
const SINGLE = /^\s*([^=:\s][^=:]*?)\s*(?:=|:(?=\s|$))\s*(.*?)\s*$/;

function unquote(v: string): string {
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))))
    return v.slice(1, -1);
  return v;
}

/** All `key=value` pairs of a line, when at least two cover it. */
function multiPairs(line: string): [string, string][] {
  const out: [string, string][] = [];
  for (const m of line.matchAll(PAIR)) out.push([m[1] ?? "", unquote(m[2] ?? "")]);
  return out;
}

/** True when the line looks like key/value data (used by detection too). */
export function isKeyValueLine(line: string): boolean {
  return multiPairs(line).length > 0 || SINGLE.test(line);
}

/** Parses key/value text into runs. */
export function parseKeyValue(text: string): RawTable {
  const issues: ParseIssue[] = [];
  const b = new RecordsBuilder();
  const lines = text.split(/\r\n|\r|\n/);
  const pairCounts = lines.map((l) => multiPairs(l).length);
  const perLine = pairCounts.filter((n) => n >= 2).length >= Math.max(1, pairCounts.filter((n) => n === 1).length);
  let skipped = 0;
  let firstSkipped = 0;
  const skip = (line: number): void => {
    if (skipped === 0) firstSkipped = line;
    skipped++;
  };
  let current = new Map<string, RawValue>();
  let currentLine = 0;
  const flush = (): void => {
    if (current.size > 0) b.add(current, currentLine);
    current = new Map();
  };
  for (let i = 0; i < lines.length; i++) {
    const src = lines[i] ?? "";
    const line = i + 1;
    if (src.trim() === "") {
      if (!perLine) flush();
      continue;
    }
    if (perLine) {
      const pairs = multiPairs(src);
      if (pairs.length === 0) {
        skip(line);
        continue;
      }
      b.add(new Map(pairs), line);
      continue;
    }
    const m = SINGLE.exec(src);
    const key = m?.[1]?.trim();
    if (!m || !key || /^[*=#\-\s]+$/.test(key)) {
      skip(line);
      continue;
    }
    if (current.has(key)) flush();
    if (current.size === 0) currentLine = line;
    current.set(key, unquote(m[2] ?? ""));
  }
  flush();
  if (skipped > 0) issues.push(skippedLines(skipped, firstSkipped, "key=value data"));
  return b.build("keyvalue", issues, true);
}
