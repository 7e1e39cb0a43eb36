/**
 * The Experiments sheet as data: one row per experiment id found in the runs, the user's own
 * columns (hypothesis, null hypothesis, primary metric and goal, baseline, owner, status,
 * conclusion) and the one column RunSheet computes, `verdict`. Planning only: which ids are
 * new and what each row's verdict says. The Excel layer appends the new ids below the table
 * and rewrites the verdict column; it never writes any other column of a row it did not add.
 *
 * Each experiment is compared with its baseline: the sheet's `baseline` when the user set one
 * (typed, or picked in the pane), else the experiment before it in the sheet, and the verdict
 * then says it was defaulted. The metric is the row's `primary_metric` and `goal` when filled,
 * else the pane's.
 */
import { best, resolveMetric, type RunsWithSchema } from "./best";
import type { BestOptions, BestResult } from "./best-types";
import { chooseBaseline, replicateSummary, replicateValues } from "./experiment-sides";
import type { Grid } from "./grid";
import { isExperimentName, normalizeName } from "./names";
import type { Run } from "./runs";
import type { Goal } from "./schema-types";
import {
  cannotCompareSentence,
  compareWithBaseline,
  firstExperimentSentence,
  noRunsSentence,
  type Verdict,
} from "./verdict";

// The header lives in a module of its own, so code that only names the columns does not load
// the statistics behind the verdicts.
export { EXPERIMENTS_TABLE_HEADER, VERDICT_COLUMN } from "./experiments-header";

/** One row of the Experiments table, as the user filled it (blank cells are ""). */
export interface ExperimentRow {
  id: string;
  hypothesis: string;
  nullHypothesis: string;
  primaryMetric: string;
  goal: string;
  baseline: string;
  owner: string;
  status: string;
  conclusion: string;
}

function cellText(v: unknown): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

/**
 * The rows of an Experiments table (header first) that have an id, read by header name so the
 * user may reorder or add columns. Pure.
 */
export function experimentRows(table: Grid): ExperimentRow[] {
  const [header = [], ...rows] = table;
  const at = (name: string): number => header.findIndex((h) => normalizeName(cellText(h)) === name);
  const cols = {
    id: at("id"),
    hypothesis: at("hypothesis"),
    nullHypothesis: at("null_hypothesis"),
    primaryMetric: at("primary_metric"),
    goal: at("goal"),
    baseline: at("baseline"),
    owner: at("owner"),
    status: at("status"),
    conclusion: at("conclusion"),
  };
  const get = (row: readonly unknown[], i: number): string => (i < 0 ? "" : cellText(row[i]));
  return rows
    .map((row) => ({
      id: get(row, cols.id),
      hypothesis: get(row, cols.hypothesis),
      nullHypothesis: get(row, cols.nullHypothesis),
      primaryMetric: get(row, cols.primaryMetric),
      goal: get(row, cols.goal),
      baseline: get(row, cols.baseline),
      owner: get(row, cols.owner),
      status: get(row, cols.status),
      conclusion: get(row, cols.conclusion),
    }))
    .filter((r) => r.id !== "");
}

/** The experiment column of the runs (`experiment`, `experiment_id`, `exp`), if the schema has one. */
export function experimentColumn(data: Pick<RunsWithSchema, "schema">): string | null {
  return data.schema.columns.find((c) => isExperimentName(c.name))?.name ?? null;
}

/** Every experiment id in the runs, trimmed, once each, in sheet order. Pure. */
export function experimentIdsInRuns(data: Pick<RunsWithSchema, "runs" | "schema">): string[] {
  const column = experimentColumn(data);
  if (!column) return [];
  const seen = new Set<string>();
  const sorted = [...data.runs].sort((a, b) => a.excelRow - b.excelRow);
  for (const run of sorted) {
    const id = cellText(run.values[column]);
    if (id !== "") seen.add(id);
  }
  return [...seen];
}

/** The run ids that the sheet does not list yet, in the runs' order: the rows to append. Pure. */
export function idsToAppend(sheetIds: readonly string[], runIds: readonly string[]): string[] {
  const listed = new Set(sheetIds.map(cellText));
  const out: string[] = [];
  for (const id of runIds) {
    const t = cellText(id);
    if (t !== "" && !listed.has(t)) {
      listed.add(t);
      out.push(t);
    }
  }
  return out;
}

/** What the pane supplies: its metric and goal (used where a row names none) and constraints. */
export interface ExperimentVerdictOptions {
  /** The pane's metric; "" when none is picked. */
  metric: string;
  goal?: Goal;
  where?: string;
  statusFilter?: BestOptions["statusFilter"];
}

/** One experiment's verdict as the sheet's `verdict` cell and the pane show it. */
export interface ExperimentVerdict {
  id: string;
  /** The metric compared (the row's primary metric, else the pane's), or null when none applies. */
  metric: string | null;
  goal: Goal | null;
  /** True when the row names its own primary metric. */
  metricFromSheet: boolean;
  /** The experiment compared against, or null (the first experiment, or no comparison). */
  baseline: string | null;
  /** True when the row names no baseline and the previous experiment was taken. */
  baselineDefaulted: boolean;
  /** The comparison, when both sides have qualifying runs. */
  verdict: Verdict | null;
  /** The sentence for the `verdict` cell. */
  text: string;
}

/** An experiment's best configuration with its runs' metric values (core's verdict sides). */
interface Winner {
  result: BestResult;
  values: number[];
}

function parseGoal(text: string): Goal | null {
  const t = text.trim().toLowerCase();
  return t === "max" || t === "min" ? t : null;
}

/** The experiments in the sheet's order, then the runs' new ids in their order. Pure. */
export function experimentOrder(rows: readonly ExperimentRow[], runIds: readonly string[]): string[] {
  const sheet = rows.map((r) => r.id);
  return [...new Set(sheet), ...idsToAppend(sheet, runIds)];
}

/**
 * The verdict of every experiment (the sheet's rows, then ids found only in the runs) against
 * its baseline, with core's sentences (verdict.ts). Rows with validation errors are left out as
 * on the Best tab when `data.leaveOutErrorsOf` is given. Pure.
 */
export function experimentVerdicts(
  data: RunsWithSchema,
  rows: readonly ExperimentRow[],
  options: ExperimentVerdictOptions,
): ExperimentVerdict[] {
  const column = experimentColumn(data);
  const order = experimentOrder(rows, experimentIdsInRuns(data));
  const rowOf = new Map(rows.map((r) => [r.id, r]));
  const runsOf = new Map<string, Run[]>();
  if (column)
    for (const run of data.runs) {
      const id = cellText(run.values[column]);
      const list = runsOf.get(id);
      if (list) list.push(run);
      else runsOf.set(id, [run]);
    }
  const byRow = new Map(data.runs.map((r) => [r.excelRow, r]));
  const winners = new Map<string, Winner | null>();
  const winner = (id: string, metric: string, goal: Goal): Winner | null => {
    const key = `${id}\u0000${metric}\u0000${goal}`;
    if (winners.has(key)) return winners.get(key) ?? null;
    const bestOptions: BestOptions = { metric, goal };
    if (options.where !== undefined && options.where.trim() !== "") bestOptions.where = options.where;
    if (options.statusFilter !== undefined) bestOptions.statusFilter = options.statusFilter;
    const r = best({ ...data, runs: runsOf.get(id) ?? [] }, bestOptions);
    const top = r.ok ? r.value.ranking[0] : undefined;
    const w =
      r.ok && top
        ? {
            result: r.value,
            values: replicateValues(top.rows, byRow, metric),
          }
        : null;
    winners.set(key, w);
    return w;
  };

  return order.map((id, i) => {
    const row = rowOf.get(id);
    const own = row?.primaryMetric ?? "";
    const metricName = own !== "" ? own : options.metric;
    const { baseline, defaulted } = chooseBaseline(row && row.baseline !== "" ? row.baseline : null, order, i);
    const out: ExperimentVerdict = {
      id,
      metric: null,
      goal: null,
      metricFromSheet: own !== "",
      baseline,
      baselineDefaulted: defaulted,
      verdict: null,
      text: "",
    };
    if (metricName === "") {
      out.text = "No primary metric: fill in primary_metric here, or pick a metric on the Best tab.";
      return out;
    }
    const goalText = parseGoal(row?.goal ?? "");
    const goal = goalText ?? (own === "" ? options.goal : undefined);
    const metric = resolveMetric(data.schema, metricName, goal);
    if (!metric.ok) {
      out.text = metric.issues.map((p) => p.message).join(" ");
      return out;
    }
    const { spec, goal: g } = metric.value;
    out.metric = spec.name;
    out.goal = g;
    const mine = winner(id, spec.name, g);
    if (!mine) {
      out.text = `${noRunsSentence(id, spec.name)}.`;
      return out;
    }
    const top = mine.result.ranking[0];
    if (baseline === null) {
      const summary = top ? replicateSummary(top) : "";
      out.text = `${firstExperimentSentence(id, spec.name, summary)}.`;
      return out;
    }
    if (baseline === id) {
      out.text = `${id} names itself as its baseline: pick another experiment to compare with.`;
      return out;
    }
    if (!order.includes(baseline)) {
      out.text = `${cannotCompareSentence(id, baseline, spec.name, false)}.`;
      return out;
    }
    const theirs = winner(baseline, spec.name, g);
    const theirTop = theirs?.result.ranking[0];
    if (!theirs || !theirTop || !top) {
      out.text = `${cannotCompareSentence(id, baseline, spec.name, true)}.`;
      return out;
    }
    const v = compareWithBaseline(
      { name: id, stats: top, values: mine.values },
      { name: baseline, stats: theirTop, values: theirs.values },
      spec,
      g,
      { baselineDefaulted: out.baselineDefaulted },
    );
    out.verdict = v;
    out.text = v.sentence;
    return out;
  });
}
