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
import { goalFromName } from "./steplog";
import type { ParseIssue, StepCurve } from "./types";

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

/** True when a parsed JSON value has the shape of `dvc exp show --json` (list, DVC >= 2.5x) or `--show-json` (dict, older 2.x). */
export function looksLikeDvcJson(v: Literal): boolean {
  if (Array.isArray(v)) {
    const first = obj(v[0]);
    return first !== null && typeof first.rev === "string" && obj(first.data) !== null;
  }
  const o = obj(v);
  if (!o) return false;
  const revs = Object.values(o);
  return revs.length > 0 && revs.every((r) => obj(obj(obj(r)?.baseline)?.data) !== null);
}

/** One experiment: its revisions, newest (the checkpoint tip) first. */
interface DvcExperiment {
  name: string | null;
  state: string | null;
  executor: string | null;
  revs: Obj[];
}

interface DvcCommit {
  entry: Obj;
  experiments: DvcExperiment[];
}

function executorOf(v: Literal | undefined): { state: string | null; name: string | null } {
  const e = obj(v);
  if (e) return { state: str(e.state), name: str(e.name) };
  return { state: null, name: str(v ?? null) };
}

/** The list layout (`[{rev, data, experiments: [{name, revs, executor}]}]`). */
function fromList(items: Literal[]): DvcCommit[] {
  return items.flatMap((item) => {
    const entry = obj(item);
    if (!entry) return [];
    const exps = Array.isArray(entry.experiments) ? entry.experiments : [];
    const experiments = exps.flatMap((group): DvcExperiment[] => {
      const g = obj(group);
      const revs = (g && Array.isArray(g.revs) ? g.revs : []).map(obj).filter((x): x is Obj => x !== null);
      if (!g || revs.length === 0) return [];
      const ex = executorOf(g.executor);
      const failed = revs.some((r) => obj(r.error) !== null);
      return [
        {
          name: str(g.name) ?? str(revs[0]?.name),
          state: ex.state ?? (failed ? "failed" : null),
          executor: ex.name,
          revs,
        },
      ];
    });
    return [{ entry, experiments }];
  });
}

/** The dict layout of DVC 2.x's `--show-json`: `{baseline: {"baseline": {data}, rev: {data}}}`, checkpoints chained by parent. */
function fromDict(doc: Obj): DvcCommit[] {
  return Object.entries(doc).map(([baseline, revsValue]) => {
    const revs = obj(revsValue) ?? {};
    const base = obj(revs.baseline) ?? {};
    const entry: Obj = { rev: baseline, name: str(obj(base.data)?.name), data: obj(base.data) ?? {} };
    const byRev = new Map<string, Obj>();
    for (const [rev, v] of Object.entries(revs)) {
      const data = obj(obj(v)?.data);
      if (rev !== "baseline" && data) byRev.set(rev, data);
    }
    const used = new Set<string>();
    const experiments: DvcExperiment[] = [];
    for (const [rev, data] of byRev) {
      if (used.has(rev)) continue;
      const tip = str(data.checkpoint_tip);
      if (tip !== null && tip !== rev) continue;
      const chain: Obj[] = [];
      let at: string | null = rev;
      while (at !== null && byRev.has(at) && !used.has(at)) {
        used.add(at);
        const d: Obj = byRev.get(at) ?? {};
        chain.push({ rev: at, name: str(d.name), data: d, error: d.error ?? null });
        const parent = tip === null ? null : str(d.checkpoint_parent);
        // A checkpoint resumed from another experiment's tip stops this chain there.
        at = parent !== null && str(byRev.get(parent)?.checkpoint_tip ?? null) === tip ? parent : null;
      }
      const status = str(data.status);
      experiments.push({
        name: str(data.name),
        state: status,
        executor: str(data.executor),
        revs: chain,
      });
    }
    // Checkpoints whose tip is not listed still count, each as its own run.
    for (const [rev, data] of byRev)
      if (!used.has(rev))
        experiments.push({
          name: str(data.name),
          state: str(data.status),
          executor: str(data.executor),
          revs: [{ rev, data }],
        });
    return { entry, experiments };
  });
}

function metricValues(data: Obj | null, line: number, issues: ParseIssue[]): Map<string, RawValue> {
  return fileValues(obj(data?.metrics), line, issues);
}

/** Parses `dvc exp show --json` / `--show-json`: one run per commit and per experiment (a checkpoint experiment is one run: its tip, with the best value over its checkpoints). */
export function parseDvcJson(text: string): RawTable {
  const issues: ParseIssue[] = [];
  const b = new RecordsBuilder();
  const curves: StepCurve[] = [];
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
  if (!looksLikeDvcJson(r.value)) {
    issues.push({
      line: 1,
      code: "syntax",
      severity: "error",
      message: "This JSON is not the output of `dvc exp show --json`.",
      fix: "Choose the JSON format instead.",
    });
    return b.build("dvc-json", issues, false);
  }
  const commits = Array.isArray(r.value) ? fromList(r.value) : fromDict(obj(r.value) ?? {});
  let searchFrom = 0;
  const lineOfRev = (rev: string): number => {
    const at = text.indexOf(`"${rev}"`, searchFrom);
    if (at < 0) return lineOfOffset(text, searchFrom);
    searchFrom = at;
    return lineOfOffset(text, at);
  };
  const addEntry = (entry: Obj, typ: string, parent: string | null, exp: DvcExperiment | null): void => {
    const data = obj(entry.data);
    const rev = str(entry.rev) ?? str(data?.rev) ?? "";
    const line = lineOfRev(rev);
    const row = new Map<string, RawValue>();
    row.set("Experiment", str(entry.name) ?? exp?.name ?? (rev === "workspace" ? "workspace" : null));
    row.set("rev", rev === "workspace" ? "workspace" : rev.slice(0, 7));
    row.set("typ", typ);
    const ts = data?.timestamp;
    row.set("Created", typeof ts === "string" ? ts : null);
    row.set("parent", parent);
    // DVC shows a state only for experiments it queued; a commit or experiment that has results
    // and no state ran to its end.
    const state = exp?.state ?? (obj(entry.error) ? "failed" : (str(data?.status ?? null) ?? "success"));
    row.set("State", state);
    row.set("Executor", exp?.executor ?? null);
    const metrics = metricValues(data, line, issues);
    for (const [k, v] of metrics) row.set(k, v);
    const checkpoints = exp && exp.revs.length > 1 ? [...exp.revs].reverse() : null;
    if (checkpoints) {
      const perCheckpoint = checkpoints.map((c) => metricValues(obj(c.data), line, issues));
      for (const k of metrics.keys()) {
        const goal = goalFromName(k);
        const points = perCheckpoint.flatMap((m, i) => {
          const v = m.get(k);
          return typeof v === "number" && Number.isFinite(v) ? [{ x: i, y: v, line }] : [];
        });
        if (points.length === 0) continue;
        if (goal) {
          const ys = points.map((p) => p.y);
          row.set(`${k}_best`, goal === "min" ? Math.min(...ys) : Math.max(...ys));
        }
        const curve: StepCurve = { metric: k, x: "checkpoint", points, row: b.rows.length };
        if (goal) curve.goal = goal;
        curves.push(curve);
      }
      row.set("checkpoints", checkpoints.length);
    }
    for (const [k, v] of fileValues(obj(data?.params), line, issues)) row.set(k, v);
    b.add(row, line);
  };
  for (const commit of commits) {
    const rev = str(commit.entry.rev) ?? "";
    addEntry(commit.entry, rev === "workspace" ? "baseline" : "branch_base", null, null);
    for (const exp of commit.experiments) {
      const tip = exp.revs[0];
      if (tip) addEntry(tip, exp.revs.length > 1 ? "checkpoint_tip" : "branch_commit", rev.slice(0, 7), exp);
    }
  }
  const raw = b.build("dvc-json", issues, false);
  if (curves.length > 0) raw.curves = curves;
  return raw;
}
