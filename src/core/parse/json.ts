/**
 * JSON object, JSON array of objects and JSON Lines. Python's `json.dumps` writes bare `NaN`
 * and `Infinity`, which `JSON.parse` refuses; those documents fall back to our literal reader.
 */
import { hasDuplicateKeys, nestsDeeperThan, readLiteral, type DuplicateKey, type Literal } from "./literal";
import { flattenRecord, isRecord, RecordsBuilder } from "./records";
import { LineTracker, type RawTable } from "./raw";
import type { ParseIssue } from "./types";

/** 1-based line of a character offset. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) line++;
    else if (ch === 13 && text.charCodeAt(i + 1) !== 10) line++;
  }
  return line;
}

function syntaxIssue(line: number, message: string, what: string): ParseIssue {
  return {
    line,
    code: "syntax",
    severity: "error",
    message: `${what} on line ${line} is not valid: ${message}`,
    fix: "Check quotes, commas and braces on that line; text must be in double quotes in JSON.",
  };
}

/** Parses a JSON document: one object (one run) or an array of objects (one run each). */
export function parseJsonDocument(text: string): RawTable {
  const issues: ParseIssue[] = [];
  const b = new RecordsBuilder();
  const lines = new LineTracker(text);
  let pos = skipWs(text, 0);
  if (text[pos] === "[") {
    pos++;
    for (;;) {
      pos = skipWs(text, pos);
      if (text[pos] === "]") break;
      const line = lines.lineAt(pos);
      const r = readLiteral(text, pos, "json");
      if (!r.ok) {
        issues.push(syntaxIssue(lines.lineAt(r.pos), r.message, "The JSON"));
        break;
      }
      duplicateKeyIssues(text, r.duplicates, issues);
      if (isRecord(r.value)) b.add(flattenRecord(r.value, line, issues), line);
      else issues.push(notAnObject(line, r.value));
      pos = skipWs(text, r.end);
      if (text[pos] === ",") pos++;
      else if (text[pos] !== "]") {
        issues.push(syntaxIssue(lines.lineAt(pos), 'a comma (",") or "]" was expected.', "The JSON"));
        break;
      }
    }
  } else {
    const r = readLiteral(text, pos, "json");
    const end = r.ok ? skipWs(text, r.end) : 0;
    if (r.ok && end < text.length)
      issues.push(syntaxIssue(lineOfOffset(text, end), "there is more text after the object.", "The JSON"));
    else if (!r.ok) issues.push(syntaxIssue(lineOfOffset(text, r.pos), r.message, "The JSON"));
    else {
      duplicateKeyIssues(text, r.duplicates, issues);
      if (isRecord(r.value)) b.add(flattenRecord(r.value, lineOfOffset(text, pos), issues), lineOfOffset(text, pos));
      else issues.push(notAnObject(lineOfOffset(text, pos), r.value));
    }
  }
  return b.build("json", issues, false);
}

/** Warnings for keys repeated inside one object; the last value is kept, as JSON.parse does. */
function duplicateKeyIssues(text: string, duplicates: DuplicateKey[], issues: ParseIssue[], lineBase = 0): void {
  for (const d of duplicates) {
    const line = lineBase + lineOfOffset(text, d.pos);
    issues.push({
      line,
      column: d.key,
      code: "duplicate_key",
      severity: "warning",
      message: `The key "${d.key}" appears twice in the same object on line ${line}; the last value is kept.`,
      fix: "Remove or rename one of the two keys.",
    });
  }
}

function notAnObject(line: number, v: Literal): ParseIssue {
  return {
    line,
    code: "syntax",
    severity: "error",
    message: `Line ${line} holds ${Array.isArray(v) ? "a list" : JSON.stringify(v)}, not an object with named values.`,
    fix: 'Each run must be an object such as {"run_id": "a", "accuracy": 0.9}.',
  };
}

function skipWs(text: string, pos: number): number {
  while (pos < text.length && /\s/.test(text[pos] ?? "")) pos++;
  return pos;
}

/** Parses JSON Lines: one object per line; a bad line is an error for that line only. */
export function parseJsonLines(text: string): RawTable {
  const issues: ParseIssue[] = [];
  const b = new RecordsBuilder();
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const src = lines[i] ?? "";
    if (src.trim() === "") continue;
    const line = i + 1;
    let value: Literal | undefined;
    try {
      value = JSON.parse(src) as Literal;
      // JSON.parse accepts any depth and merges repeated keys: re-read such lines to report them.
      if (nestsDeeperThan(value) || hasDuplicateKeys(src, value)) throw new Error("re-read");
    } catch {
      const r = readLiteral(src, 0, "json");
      if (r.ok && r.end === src.length) {
        value = r.value;
        duplicateKeyIssues(src, r.duplicates, issues, i);
      } else {
        issues.push(syntaxIssue(line, r.ok ? "there is more text after the object." : r.message, "The JSON line"));
        continue;
      }
    }
    if (isRecord(value)) b.add(flattenRecord(value, line, issues), line);
    else issues.push(notAnObject(line, value));
  }
  return b.build("jsonl", issues, false);
}
