/**
 * `dvc exp show --json` (DVC 3): a list of commits `{rev, name, data: {timestamp, params:
 * {file: {data}}, metrics: {file: {data}}}, experiments: [{name, revs: [...]}]}`. Each commit
 * and experiment becomes one run, with the columns `dvc exp show --csv` would print
 * (Experiment, rev, typ, Created, parent, then metrics and params by their dotted key).
 */
import { readLiteral, type Literal } from "./literal";
import { lineOfOffset } from "./json";
import { flattenRecord, isRecord, RecordsBuilder } from "./records";
import type { RawTable, RawValue } from "./raw";
import type { ParseIssue } from "./types";

type Obj = { [key: string]: Literal };

function obj(v: Literal | undefined): Obj | null {
  return v !== undefined && isRecord(v) ? v : null;
}

function str(v: Literal | undefined): string | null {
  return typeof v === "string" ? v : null;
}

/** Flattens `{file: {data: {...}}}` to dotted keys; a key seen in two files keeps its file (`file:key`). */
function fileValues(section: Obj | null, line: number, issues: ParseIssue[]): Map<string, RawValue> {
  const out = new Map<string, RawValue>();
  if (!section) return out;
  const files = Object.entries(section);
  const perFile = files.map(([file, v]) => [file, flattenRecord(obj(obj(v)?.data) ?? {}, line, issues)] as const);
  const seen = new Map<string, number>();
  for (const [, m] of perFile) for (const k of m.keys()) seen.set(k, (seen.get(k) ?? 0) + 1);
  for (const [file, m] of perFile) for (const [k, v] of m) out.set((seen.get(k) ?? 0) > 1 ? `${file}:${k}` : k, v);
  return out;
}

/** True when a parsed JSON value has the shape of `dvc exp show --json`. */
export function looksLikeDvcJson(v: Literal): boolean {
  if (!Array.isArray(v) || v.length === 0) return false;
  const first = obj(v[0]);
  return first !== null && typeof first.rev === "string" && obj(first.data) !== null;
}

/** Parses `dvc exp show --json` output. */
export function parseDvcJson(text: string): RawTable {
  const issues: ParseIssue[] = [];
  const b = new RecordsBuilder();
  const r = readLiteral(text, 0, "json");
  if (!r.ok) {
    issues.push({
      line: lineOfOffset(text, r.pos),
      code: "syntax",
      severity: "error",
      message: `The DVC JSON is not valid on line ${lineOfOffset(text, r.pos)}: ${r.message}`,
      fix: "Paste the complete output of `dvc exp show --json`.",
    });
    return b.build("dvc-json", issues, false);
  }
  if (!looksLikeDvcJson(r.value) || !Array.isArray(r.value)) {
    issues.push({
      line: 1,
      code: "syntax",
      severity: "error",
      message: "This JSON is not the output of `dvc exp show --json`.",
      fix: "Choose the JSON format instead.",
    });
    return b.build("dvc-json", issues, false);
  }
  let searchFrom = 0;
  const lineOfRev = (rev: string): number => {
    const at = text.indexOf(`"${rev}"`, searchFrom);
    if (at < 0) return lineOfOffset(text, searchFrom);
    searchFrom = at;
    return lineOfOffset(text, at);
  };
  const addEntry = (entry: Obj, typ: string, parent: string | null): void => {
    const data = obj(entry.data);
    const rev = str(entry.rev) ?? str(data?.rev) ?? "";
    const line = lineOfRev(rev);
    const row = new Map<string, RawValue>();
    row.set("Experiment", str(entry.name) ?? (rev === "workspace" ? "workspace" : null));
    row.set("rev", rev === "workspace" ? "workspace" : rev.slice(0, 7));
    row.set("typ", typ);
    const ts = data?.timestamp;
    row.set("Created", typeof ts === "string" ? ts : null);
    row.set("parent", parent);
    const err = obj(entry.error);
    if (err) row.set("State", "Failed");
    for (const [k, v] of fileValues(obj(data?.metrics), line, issues)) row.set(k, v);
    for (const [k, v] of fileValues(obj(data?.params), line, issues)) row.set(k, v);
    b.add(row, line);
  };
  for (const item of r.value) {
    const entry = obj(item);
    if (!entry) continue;
    const rev = str(entry.rev) ?? "";
    addEntry(entry, rev === "workspace" ? "baseline" : "branch_base", null);
    const exps = Array.isArray(entry.experiments) ? entry.experiments : [];
    for (const group of exps) {
      const g = obj(group);
      const revs = g && Array.isArray(g.revs) ? g.revs : [];
      for (const e of revs) {
        const x = obj(e);
        if (x) addEntry(x, "branch_commit", rev.slice(0, 7));
      }
    }
  }
  return b.build("dvc-json", issues, false);
}
