/**
 * Step-wise logs (Keras/Lightning CSVLogger, Trainer logs, metric histories, per-iteration
 * tables of tuning libraries) reduced to one run per trial: the final value of every column
 * (the last finite one; missing when there is none), `<metric>_best` for metrics whose goal the
 * name reveals, and the curves for the History sheet.
 */
import type { Goal } from "../schema-types";
import { setKey, type RawTable } from "./raw";
import type { ParseIssue, ParsedValue, StepCurve } from "./types";

/** Names of an x axis column, normalised (lower case, spaces and slashes as `_`), most specific first. */
const STEP_NAMES = [
  "step",
  "global_step",
  "trainer_global_step",
  "_step",
  "training_iteration",
  "iteration",
  "iter",
  "epoch",
  "checkpoint",
];
/** Names of a column that tells runs (trials) apart, normalised. */
const RUN_NAMES = ["run_id", "runid", "run", "trial_id", "trial", "trial_number", "run_name", "experiment_id"];

const MIN_NAMES =
  /(loss|error|(^|[_.\-/])err($|[_.\-/])|mse|mae|rmse|perplexity|(^|[_.\-/])ppl($|[_.\-/])|(^|[_.\-/])(wer|cer)($|[_.\-/])|(^|[_.\-/])rank($|[_.\-/]))/i;
const MAX_NAMES =
  /(acc|f1|auc|precision|recall|(^|[_.\-/])map($|[_.\-/@])|iou|dice|bleu|rouge|(^|[_.\-/])score|(^|[_.\-/])r2($|[_.\-/])|(^|[_.\-/])top-?\d+($|[_.\-/]))/i;
const NOT_METRICS =
  /(runtime|per_second|learning_rate|(^|[_.\-/])lr($|[_.\-/])|grad_norm|(^|_)flos$|epoch|step|(^|[_.\-/])std($|[_.\-/])|_time$|timestamp)/i;

/** Goal a metric's name implies (`val_loss` -> min, `val_accuracy` -> max), or undefined when unclear. */
export function goalFromName(name: string): Goal | undefined {
  if (NOT_METRICS.test(name)) return undefined;
  if (MIN_NAMES.test(name)) return "min";
  if (MAX_NAMES.test(name)) return "max";
  return undefined;
}

/**
 * Hyperparameters a scheduler or a callback changes during training (Trainer's `learning_rate`,
 * Lightning's `lr-Adam`, momentum, weight decay, dropout): when one changes between the steps of
 * a run, its last value is not the run's setting.
 */
const SCHEDULABLE =
  /(^|[_.\-/])(learning_rate|lr|momentum|weight_decay|wd|beta[12]?|temperature|dropout|warmup\w*|teacher_forcing\w*)($|[_.\-/])/i;

/** A column whose value changed step by step inside at least one run. */
interface Schedule {
  column: string;
  from: { value: number; line: number };
  to: { value: number; line: number };
}

/** The warning for a scheduled hyperparameter: kept as a curve, left out of the run. */
function scheduleIssue(s: Schedule, curve: boolean): ParseIssue {
  return {
    line: s.from.line,
    column: s.column,
    code: "scheduled_value",
    severity: "warning",
    message:
      `${s.column} changes from step to step (${s.from.value} on line ${s.from.line} to ${s.to.value} on line ${s.to.line}): ` +
      `it follows a schedule, so its last value is not the run's setting. It is left out of the run` +
      `${curve ? " and kept as a curve for the History table" : ""}.`,
    fix: `Type the configured ${s.column} into the run yourself if you want it in Runs.`,
  };
}

/** Clock columns: kept on the run, never drawn as a curve. */
const CLOCK = /(^|[_.\s])(timestamp|wall[_\s]?time|time|datetime)$/i;

/** Where a table keeps its x axis and its run ids, when it is step-wise. */
export interface StepLayout {
  /** Index of the x axis column (step, epoch, iteration...). */
  x: number;
  /** Index of the column that tells runs apart, or -1 when the whole table is one run (or one run per fit). */
  run: number;
}

/** `Run ID` -> `run_id`, `trainer/global_step` -> `trainer_global_step`. */
function normalizeName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s\-/]+/g, "_");
}

function findColumn(columns: readonly string[], names: readonly string[]): number {
  const normal = columns.map(normalizeName);
  for (const n of names) {
    const i = normal.indexOf(n);
    if (i >= 0) return i;
  }
  return -1;
}

function asNumber(v: ParsedValue | string | undefined): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string" || v.trim() === "") return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/**
 * Judges from its structure whether a table is a step-wise log: an x column (step, epoch,
 * iteration, training_iteration) with at least two distinct values and, when a run id column
 * exists, some run id on more than one row (a table with one row per run is a runs table, even
 * with an `epoch` column). Returns null for a runs table.
 */
export function stepLayout(columns: readonly string[], rows: readonly (readonly unknown[])[]): StepLayout | null {
  const x = findColumn(columns, STEP_NAMES);
  if (x < 0 || rows.length < 2) return null;
  const run = findColumn(columns, RUN_NAMES);
  if (run >= 0) {
    const seen = new Set<string>();
    let repeated = false;
    for (const r of rows) {
      const id = String(r[run] ?? "");
      if (seen.has(id)) repeated = true;
      seen.add(id);
    }
    return repeated ? { x, run } : null;
  }
  const xs = rows.map((r) => asNumber(r[x] as string | number | null)).filter((v): v is number => v !== null);
  if (new Set(xs).size < 2) return null;
  // Without run ids, a text column that changes from row to row (a model name) makes it a runs table.
  if (columns.some((_, c) => c !== x && variesAsText(rows, c))) return null;
  // Mostly increasing: each reset (a new fit appended to the file) starts a new run.
  let up = 0;
  let down = 0;
  for (let i = 1; i < xs.length; i++) {
    const a = xs[i - 1] ?? 0;
    const b = xs[i] ?? 0;
    if (b > a) up++;
    else if (b < a) down++;
  }
  return up > down ? { x, run: -1 } : null;
}

/** Words a log writes for "no value" (Keras' NA, NaN, DVC's -): not text that names a run. */
const NO_VALUE = /^(na|n\/a|nan|none|null|[+-]?inf(inity)?|-|no log)$/i;

/** True when column `c` holds two or more different text values (not numbers, not missing words). */
function variesAsText(rows: readonly (readonly unknown[])[], c: number): boolean {
  let first: string | null = null;
  for (const r of rows) {
    const v = r[c];
    if (typeof v !== "string") continue;
    const t = v.trim();
    if (t === "" || NO_VALUE.test(t) || asNumber(t) !== null) continue;
    if (first === null) first = t;
    else if (t !== first) return true;
  }
  return false;
}

/** True when one of the columns is an x axis (step, epoch...): only then can a table be a step-wise log. */
export function hasStepColumn(columns: readonly string[]): boolean {
  return findColumn(columns, STEP_NAMES) >= 0;
}

/** The step layout of a raw table, or null when it is a runs table. */
export function rawStepLayout(raw: RawTable): StepLayout | null {
  return stepLayout(raw.columns, raw.rows);
}

export interface ReducedLog {
  columns: string[];
  rows: Record<string, ParsedValue>[];
  rowLines: number[];
  curves: StepCurve[];
  issues: ParseIssue[];
}

/** Splits row indexes into runs: by run id (first-seen order), else at each reset of the x axis. */
function groupRows(
  rows: readonly Record<string, ParsedValue>[],
  xName: string | undefined,
  runName: string | undefined,
): number[][] {
  if (runName !== undefined) {
    const groups = new Map<string, number[]>();
    rows.forEach((r, i) => {
      const id = String(r[runName] ?? "");
      const g = groups.get(id);
      if (g) g.push(i);
      else groups.set(id, [i]);
    });
    return [...groups.values()];
  }
  const out: number[][] = [];
  let current: number[] = [];
  let prev = -Infinity;
  rows.forEach((r, i) => {
    const x = xName === undefined ? null : asNumber(r[xName]);
    if (x !== null && x < prev && current.length > 0) {
      out.push(current);
      current = [];
    }
    if (x !== null) prev = x;
    current.push(i);
  });
  if (current.length > 0) out.push(current);
  return out;
}

/** The x and run column names of a step log. */
export interface StepColumns {
  x: string | undefined;
  run: string | undefined;
}

/** Names of a layout's columns. */
export function layoutColumns(columns: readonly string[], layout: StepLayout | null): StepColumns {
  if (!layout) return { x: undefined, run: undefined };
  return { x: columns[layout.x], run: layout.run >= 0 ? columns[layout.run] : undefined };
}

/**
 * Reduces a step-wise log to one run per trial, given its x and run columns; without a run
 * column, an x axis that goes back starts a new run (a second `fit` appended to the same
 * CSVLogger file).
 */
export function reduceStepLog(
  columns: string[],
  rows: Record<string, ParsedValue>[],
  lines: number[],
  names: StepColumns = { x: undefined, run: undefined },
): ReducedLog {
  const xName = names.x ?? columns.find((c) => STEP_NAMES.includes(normalizeName(c)));
  const runName = names.run;
  const groups = groupRows(rows, xName, runName);
  const outColumns: string[] = [];
  const bestNames = new Map<string, string>();
  for (const column of columns) {
    outColumns.push(column);
    const goal = goalFromName(column);
    const name = `${column}_best`;
    if (goal && column !== xName && !columns.includes(name)) {
      outColumns.push(name);
      bestNames.set(column, name);
    }
  }
  const out: ReducedLog = { columns: outColumns, rows: [], rowLines: [], curves: [], issues: [] };
  if (groups.length > 1 && runName === undefined && xName !== undefined) {
    const starts = groups.slice(1).map((g) => lines[g[0] ?? 0] ?? 1);
    out.issues.push({
      line: starts[0] ?? 1,
      code: "new_run",
      severity: "warning",
      message: `${xName} goes back on line ${starts.join(", line ")}: each restart is read as a new run (${groups.length} runs), as when fit() appends to the same log.`,
      fix: "If this is one training continued, give the rows one run id column.",
    });
  }
  const schedules = new Map<string, Schedule>();
  groups.forEach((group, g) => {
    const row: Record<string, ParsedValue> = {};
    for (const column of columns) {
      const goal = goalFromName(column);
      const schedulable = column !== xName && column !== runName && SCHEDULABLE.test(column);
      let first: { value: number; line: number } | null = null;
      let changed: { value: number; line: number } | null = null;
      let last: ParsedValue = null;
      let best: number | null = null;
      const points: StepCurve["points"] = [];
      group.forEach((i, k) => {
        const r = rows[i];
        const v = r?.[column] ?? null;
        if (v === null || (typeof v === "number" && !Number.isFinite(v))) return;
        last = v;
        if (typeof v !== "number") return;
        if (schedulable) {
          if (first === null) first = { value: v, line: lines[i] ?? 1 };
          else if (v !== first.value) changed = { value: v, line: lines[i] ?? 1 };
        }
        if (goal && (best === null || (goal === "min" ? v < best : v > best))) best = v;
        const xv = xName === undefined ? k : r?.[xName];
        if (column !== xName && column !== runName && typeof xv === "number")
          points.push({ x: xv, y: v, line: lines[i] ?? 1 });
      });
      if (first !== null && changed !== null) {
        if (!schedules.has(column)) schedules.set(column, { column, from: first, to: changed });
        last = null;
      }
      setKey(row, column, last);
      const bestName = bestNames.get(column);
      if (bestName) setKey(row, bestName, best);
      if (xName !== undefined && column !== xName && column !== runName && points.length > 0 && !CLOCK.test(column)) {
        const curve: StepCurve = { metric: column, x: xName, points, row: g };
        if (goal) curve.goal = goal;
        out.curves.push(curve);
      }
    }
    out.rows.push(row);
    out.rowLines.push(lines[group[0] ?? 0] ?? 1);
  });
  return withoutSchedules(out, schedules);
}

/**
 * Reports each scheduled column once, and drops it from the runs when no run kept a value for
 * it (a constant learning rate in another trial is still that trial's setting).
 */
function withoutSchedules(out: ReducedLog, schedules: ReadonlyMap<string, Schedule>): ReducedLog {
  if (schedules.size === 0) return out;
  for (const s of schedules.values())
    out.issues.push(
      scheduleIssue(
        s,
        out.curves.some((c) => c.metric === s.column),
      ),
    );
  const empty = [...schedules.keys()].filter((column) => out.rows.every((r) => r[column] === null));
  if (empty.length === 0) return out;
  out.columns = out.columns.filter((c) => !empty.includes(c));
  for (const r of out.rows) for (const column of empty) delete r[column];
  return out;
}

/**
 * One warning per column for non-finite values in a step log (a NaN loss at some steps),
 * instead of one per cell: the final value is the last finite one.
 */
export function summariseNonFinite(issues: ParseIssue[]): ParseIssue[] {
  const kept: ParseIssue[] = [];
  const perColumn = new Map<string, { first: ParseIssue; count: number }>();
  for (const issue of issues) {
    if (issue.code !== "non_finite" || issue.column === undefined) {
      kept.push(issue);
      continue;
    }
    const e = perColumn.get(issue.column);
    if (e) e.count++;
    else perColumn.set(issue.column, { first: issue, count: 1 });
  }
  for (const [column, { first, count }] of perColumn) {
    kept.push({
      line: first.line,
      column,
      code: "non_finite",
      severity: "warning",
      message:
        count === 1
          ? `${column} is not a finite number on line ${first.line}; the final value is the last finite one.`
          : `${column} is not a finite number on ${count} steps (first on line ${first.line}); the final value is the last finite one.`,
    });
  }
  return kept;
}
