/**
 * JSON object, JSON array of objects and JSON Lines. Python's `json.dumps` writes bare `NaN`
 * and `Infinity`, which `JSON.parse` refuses; those documents fall back to our literal reader.
 */
import {
  hasDuplicateKeys,
  hasUnsafeInteger,
  hasKeyTokens,
  nestsDeeperThan,
  readLiteral,
  type DuplicateKey,
  type Literal,
} from "./literal";
import { flattenRecord, isRecord, RecordsBuilder } from "./records";
import { expandSeries } from "./json-series";
import { LineTracker, splitLines, type RawTable } from "./raw";
import type { FormatName, ParseIssue, StepCurve } from "./types";

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

/** Keys under which tools wrap their list of runs. */
const WRAPPER_KEYS = ["runs", "data", "results", "trials", "experiments", "records", "items", "rows"];
/** Keys that hold one run's sections, never run ids. */
const SECTION_KEYS = new Set([
  "metrics",
  "params",
  "parameters",
  "tags",
  "config",
  "summary",
  "hparams",
  "args",
  "attributes",
  "info",
  "meta",
  "system",
  "data",
]);

/** Evaluation sets of one model (XGBoost's `validation_0`, LightGBM's `valid_1`, `train`): sections, not runs. */
const EVAL_SET = /^(train|training|valid|validation|val|eval|test)(_\d+)?$/i;

type Obj = { [key: string]: Literal };

/** Collects records, taking their step series out as curves of the run they belong to. */
class SeriesRecords {
  readonly b = new RecordsBuilder();
  readonly curves: StepCurve[] = [];
  /** The text of the record `addParsed` is adding, for `allKeys` (one function for every line, no closure per line). */
  private src = "";
  private readonly allKeys = (keys: number): boolean => hasKeyTokens(this.src, keys);
  constructor(private readonly issues: ParseIssue[]) {}
  add(record: Obj, line: number, extra?: [string, Literal]): void {
    const { record: flat, curves } = expandSeries(record, line);
    const row = this.b.rows.length;
    for (const c of curves) this.curves.push({ ...c, row });
    const withExtra: Obj = extra ? { [extra[0]]: extra[1], ...flat } : flat;
    this.b.add(flattenRecord(withExtra, line, this.issues), line);
  }
  /** Adds a record JSON.parse read from `src` without copying it, when it is plain (see `addPlain`). */
  addParsed(record: Obj, line: number, src: string): boolean {
    this.src = src;
    return this.b.addPlain(record, line, this.allKeys, this.issues);
  }
  build(format: FormatName): RawTable {
    const raw = this.b.build(format, this.issues, false);
    if (this.curves.length > 0) raw.curves = this.curves;
    return raw;
  }
}

/**
 * True when an object holds one run per key (`{"run-1": {...}, "run-2": {...}}`): at least two
 * keys, none a section name (`metrics`, `params`...), every value an object, and the values
 * sharing most of their keys.
 */
export function isKeyedByRun(v: Literal): boolean {
  if (!isRecord(v)) return false;
  const entries = Object.entries(v);
  if (entries.length < 2) return false;
  if (entries.some(([k, x]) => SECTION_KEYS.has(k.toLowerCase()) || EVAL_SET.test(k) || !isRecord(x))) return false;
  const keySets = entries.map(([, x]) => new Set(Object.keys(x as Obj)));
  const first = keySets[0] ?? new Set<string>();
  if (first.size === 0) return false;
  return keySets.every((ks) => {
    let common = 0;
    for (const k of ks) if (first.has(k)) common++;
    return common * 2 >= Math.max(ks.size, first.size);
  });
}

/** The key of a wrapper's run list (`{"runs": [...]}`), or null. */
export function wrapperKey(v: Literal): string | null {
  if (!isRecord(v)) return null;
  const lists = Object.entries(v).filter(([, x]) => Array.isArray(x) && x.length > 0 && x.every((e) => isRecord(e)));
  if (lists.length === 0) return null;
  const named = lists.find(([k]) => WRAPPER_KEYS.includes(k.toLowerCase()));
  if (named) return named[0];
  const others = Object.values(v).filter((x) => Array.isArray(x) || isRecord(x));
  return lists.length === 1 && others.length === 1 ? (lists[0]?.[0] ?? null) : null;
}

/** Reads the array starting at `pos` (a "["), one record per element. */
function readRecordArray(text: string, start: number, out: SeriesRecords, issues: ParseIssue[]): void {
  const lines = new LineTracker(text);
  let pos = start + 1;
  for (;;) {
    pos = skipWs(text, pos);
    if (text[pos] === "]" || pos >= text.length) break;
    const line = lines.lineAt(pos);
    const r = readLiteral(text, pos, "json");
    if (!r.ok) {
      issues.push(syntaxIssue(lines.lineAt(r.pos), r.message, "The JSON"));
      break;
    }
    duplicateKeyIssues(text, r.duplicates, issues);
    if (isRecord(r.value)) out.add(r.value, line);
    else issues.push(notAnObject(line, r.value));
    pos = skipWs(text, r.end);
    if (text[pos] === ",") pos++;
    else if (text[pos] !== "]") {
      issues.push(syntaxIssue(lines.lineAt(pos), 'a comma (",") or "]" was expected.', "The JSON"));
      break;
    }
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Parses a JSON document: an array of objects (one run each), a wrapper such as
 * `{"runs": [...]}`, or one object (one run); with `json-by-key`, an object holding one run
 * per key (detection picks that reading when `isKeyedByRun`). Step series become curves.
 */
export function parseJsonDocument(text: string, format: "json" | "json-by-key" = "json"): RawTable {
  const issues: ParseIssue[] = [];
  const out = new SeriesRecords(issues);
  const pos = skipWs(text, 0);
  if (text[pos] === "[") {
    readRecordArray(text, pos, out, issues);
    return out.build(format);
  }
  const r = readLiteral(text, pos, "json");
  const end = r.ok ? skipWs(text, r.end) : 0;
  if (r.ok && end < text.length) {
    issues.push(syntaxIssue(lineOfOffset(text, end), "there is more text after the object.", "The JSON"));
    return out.build(format);
  }
  if (!r.ok) {
    issues.push(syntaxIssue(lineOfOffset(text, r.pos), r.message, "The JSON"));
    return out.build(format);
  }
  duplicateKeyIssues(text, r.duplicates, issues);
  if (!isRecord(r.value)) {
    issues.push(notAnObject(lineOfOffset(text, pos), r.value));
    return out.build(format);
  }
  const doc = r.value;
  const wrapper = format === "json" ? wrapperKey(doc) : null;
  if (wrapper !== null) {
    const at = new RegExp(`"${escapeRegExp(wrapper)}"\\s*:\\s*\\[`).exec(text);
    if (at) {
      // The records are read again one by one, which reports their repeated keys.
      readRecordArray(text, at.index + at[0].length - 1, out, issues);
      return out.build(format);
    }
  }
  // Not a wrapper: the repeated keys of the document itself (a wrapper's runs reported theirs above).
  duplicateKeyIssues(text, r.duplicates, issues);
  if (format === "json-by-key") {
    const lines = new LineTracker(text);
    let from = pos + 1;
    const idName = Object.values(doc).some((x) => isRecord(x) && "run_id" in x) ? "key" : "run_id";
    for (const [key, value] of Object.entries(doc)) {
      const at = text.indexOf(JSON.stringify(key), from);
      if (at >= 0) from = at;
      const line = lines.lineAt(from);
      if (isRecord(value)) out.add(value, line, [idName, key]);
      else issues.push(notAnObject(line, value));
    }
    return out.build(format);
  }
  out.add(doc, lineOfOffset(text, pos));
  return out.build(format);
}

/** Warnings for keys repeated inside one object; the last value is kept, as JSON.parse does. */
function duplicateKeyIssues(text: string, duplicates: DuplicateKey[], issues: ParseIssue[], lineBase = 0): void {
  for (const d of duplicates) {
    const line = lineBase + lineOfOffset(text, d.pos);
    if (issues.some((i) => i.code === "duplicate_key" && i.line === line && i.column === d.key)) continue;
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
  const out = new SeriesRecords(issues);
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const src = lines[i] ?? "";
    if (src.trim() === "") continue;
    const line = i + 1;
    let value: Literal | undefined;
    try {
      value = JSON.parse(src) as Literal;
    } catch {
      value = undefined;
    }
    // Most lines are flat records: flattened where they lie, checked on the way.
    if (value !== undefined && isRecord(value) && out.addParsed(value, line, src)) continue;
    // JSON.parse accepts any depth, merges repeated keys and rounds long integers: re-read such lines.
    if (value === undefined || nestsDeeperThan(value) || hasDuplicateKeys(src, value) || hasUnsafeInteger(value)) {
      const r = readLiteral(src, 0, "json");
      if (r.ok && r.end === src.length) {
        value = r.value;
        duplicateKeyIssues(src, r.duplicates, issues, i);
      } else {
        issues.push(syntaxIssue(line, r.ok ? "there is more text after the object." : r.message, "The JSON line"));
        continue;
      }
    }
    if (isRecord(value)) out.add(value, line);
    else issues.push(notAnObject(line, value));
  }
  return out.build("jsonl");
}
