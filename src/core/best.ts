/**
 * The best model, honestly: filter runs (status, valid metric, constraints) with a reason for
 * each one left out, group replicates (same params, different seed) into configurations, rank
 * them by mean with std, n and a Student-t 95% CI, and say whether the winner is really better
 * than the runner-up (Welch's t-test).
 *
 * The tie rule (stats.ts isTie, the same one every verdict uses): `tiedWithRunnerUp` is true
 * when Welch's p >= 0.05 OR the two 95% confidence intervals overlap. This is the conservative
 * reading, on purpose: the pane must never announce a winner the data cannot back, and
 * overlapping intervals are the picture users see on the chart (error bars), so a "winner" whose
 * bar overlaps the runner-up's would contradict the chart. With fewer than 2 runs on either side
 * there is no variance estimate, pValue is null
 * with the reason ("cannot tell: a single run each"), and tiedWithRunnerUp is true: the means
 * of single runs are not distinguishable from seed noise. With a single configuration there is
 * no runner-up: pValue null, tiedWithRunnerUp false.
 */
import type { BestOptions, BestResult, ConfigStats, TieBreaker } from "./best-types";
import { isNumericType } from "./coerce";
import { runsWithoutErrors } from "./error-rows";
import { findColumn, goalFromName, isStatusName } from "./names";
import { paretoFront } from "./pareto";
import { normalizeStatus } from "./status";
import { fail, ok, type Problem, type Result } from "./result";
import { CompactRun, configColumns, type Run, type RunValue } from "./runs";
import type { ColumnSpec, Goal, RunSchema } from "./schema-types";
import { isTie, summarize, summarizeRange, welchTTest, type Summary } from "./stats";
import { putValue, TupleTable, VALUE_WIDTH, ValueIds } from "./tuple-table";
import { constraintFails, parseWhere } from "./where";
import type { Constraint } from "./where-types";
import type { ValidationIssue } from "./schema-types";

/** What best() needs: the runs and the schema they were validated with (a ValidateResult fits). */
export interface RunsWithSchema {
  runs: readonly Run[];
  schema: RunSchema;
  /**
   * Issues whose error rows are left out of the ranking, each with the error as its reason (the
   * pane, the Report and `runsheet best` pass validation's issues; see error-rows.ts).
   */
  leaveOutErrorsOf?: readonly Pick<ValidationIssue, "row" | "severity" | "message">[];
}

/** Resolves a metric column and its goal: explicit goal, else the schema's, else the name rules. */
export function resolveMetric(
  schema: RunSchema,
  name: string,
  goal?: Goal,
): Result<{ spec: ColumnSpec; goal: Goal }, Problem> {
  const spec = findColumn(schema, name);
  if (!spec) {
    const metrics = schema.columns.filter((c) => c.role === "metric").map((c) => c.name);
    return fail({
      code: "unknown_metric",
      message: `There is no column "${name}"${metrics.length ? `; metrics are: ${metrics.join(", ")}` : ""}.`,
    });
  }
  if (!isNumericType(spec.type)) {
    return fail({
      code: "metric_not_numeric",
      message: `${spec.name} is a ${spec.type} column; the best run needs a numeric metric.`,
    });
  }
  const g = goal ?? spec.goal ?? goalFromName(spec.name);
  if (!g)
    return fail({
      code: "no_goal",
      message: `It is not clear whether a higher or lower ${spec.name} is better: give the goal (max or min).`,
    });
  return ok({ spec, goal: g });
}

/**
 * Reads one column of many runs. Runs straight from validate() share a layout, and their cells
 * are read by position without building a values object per run; other runs are read by name.
 */
type ColumnRead = (run: Run) => RunValue;

function columnReaderFor(runs: readonly Run[], name: string): ColumnRead {
  const first = runs[0];
  if (first instanceof CompactRun) {
    const layout = first.layout;
    const position = layout.position.get(name);
    if (position !== undefined && runs.every((r) => r instanceof CompactRun && r.layout === layout))
      return (run) => (run as CompactRun).cell(position);
  }
  return (run) => run.values[name] ?? null;
}

function metricReason(run: Run, name: string): string {
  const why = run.invalid[name];
  return why ? `${name} ${why}` : `${name} is empty`;
}

/** Why a run's configuration is unknown, or null when every config column holds a usable value. */
function unknownConfigReason(run: Run, columns: readonly { spec: ColumnSpec; read: ColumnRead }[]): string | null {
  for (const { spec: c, read } of columns) {
    const why = run.invalid[c.name];
    // An optional param written as a missing word (`None`, `NA`) is simply not set: MLflow
    // autolog logs `None` for every default it did not change.
    const unset = !c.required && why?.startsWith("is missing");
    if (why && !unset) return `${c.name} ${why}, so its configuration is unknown`;
    if (c.required) {
      const v = read(run);
      if (v === null || v === "") return `${c.name} is empty (required), so its configuration is unknown`;
    }
  }
  return null;
}

/** True when the runs are already in sheet order (validate() gives them so): no sort needed. */
function inSheetOrder(runs: readonly Run[]): boolean {
  for (let i = 1; i < runs.length; i++) if ((runs[i - 1]?.excelRow ?? 0) > (runs[i]?.excelRow ?? 0)) return false;
  return true;
}

/** Sign that makes "bigger is better" for a goal. */
function sign(goal: Goal): number {
  return goal === "max" ? 1 : -1;
}

/**
 * Picks the best configuration by a metric and goal. Returns the ranking with statistics, the
 * p-value of winner vs runner-up, the tie verdict (see the module comment for the rule), every
 * excluded run with its reason, and the Pareto front when a second metric is given. Fails only
 * on bad options (unknown metric, metric not numeric, no goal, bad constraint).
 */
export function best(data: RunsWithSchema, options: BestOptions): Result<BestResult, Problem> {
  const issues = data.leaveOutErrorsOf;
  if (!issues || issues.length === 0) return rankRuns(data, options);
  const clean = runsWithoutErrors(data.runs, issues);
  const result = rankRuns({ runs: clean.runs, schema: data.schema }, options);
  if (!result.ok || clean.excluded.length === 0) return result;
  const excluded = [...clean.excluded, ...result.value.excluded].sort((a, b) => a.row - b.row);
  return { ok: true, value: { ...result.value, excluded } };
}

/** best() over runs already cleared of error rows. */
function rankRuns(data: RunsWithSchema, options: BestOptions): Result<BestResult, Problem> {
  const { schema } = data;
  const metric = resolveMetric(schema, options.metric, options.goal);
  if (!metric.ok) return metric;
  const { spec, goal } = metric.value;

  let constraints: Constraint[] = [];
  if (typeof options.where === "string") {
    const parsed = parseWhere(options.where, schema);
    if (!parsed.ok) return parsed;
    constraints = parsed.value;
  } else if (options.where) {
    constraints = options.where;
  }

  const tieBreakers: { spec: ColumnSpec; goal: Goal }[] = [];
  for (const tb of options.tieBreakers ?? []) {
    const t: TieBreaker = typeof tb === "string" ? { metric: tb } : tb;
    const r = resolveMetric(schema, t.metric, t.goal);
    if (!r.ok) return r;
    tieBreakers.push(r.value);
  }

  let pareto: { spec: ColumnSpec; goal: Goal } | undefined;
  if (options.pareto) {
    const r = resolveMetric(schema, options.pareto.metric, options.pareto.goal);
    if (!r.ok) return r;
    pareto = r.value;
  }

  let groupColumns: string[] | undefined;
  if (options.groupBy) {
    groupColumns = [];
    for (const name of options.groupBy) {
      const c = findColumn(schema, name);
      if (!c) return fail({ code: "unknown_column", message: `Cannot group by "${name}": there is no such column.` });
      groupColumns.push(c.name);
    }
  }
  const groupNames = groupColumns ?? configColumns(schema).map((c) => c.name);
  const groupSpecs = groupNames.map((n) => findColumn(schema, n)).filter((c): c is ColumnSpec => c !== undefined);

  const statusSpec = schema.columns.find((c) => isStatusName(c.name));
  const keep =
    options.statusFilter === false ? null : new Set((options.statusFilter ?? ["finished"]).map(normalizeStatus));
  const keepText = keep ? [...keep].join(" or ") : "";
  // Why a status value leaves a run out (null: kept), worked out once per distinct value.
  const statusReasons = new Map<RunValue, string | null>();
  const statusReason = (status: RunValue): string | null => {
    let reason = statusReasons.get(status);
    if (reason === undefined) {
      const text = status === null ? "" : normalizeStatus(String(status));
      reason =
        keep === null || keep.has(text)
          ? null
          : text === ""
            ? `${statusSpec?.name ?? "status"} is empty, not ${keepText}`
            : `${statusSpec?.name ?? "status"} is ${String(status)}, not ${keepText}`;
      statusReasons.set(status, reason);
    }
    return reason;
  };

  // Sheet order, whatever order the caller passes: results must not depend on it.
  const runs = inSheetOrder(data.runs) ? data.runs : [...data.runs].sort((a, b) => a.excelRow - b.excelRow);
  const readStatus = statusSpec && keep ? columnReaderFor(runs, statusSpec.name) : null;
  const readMetric = columnReaderFor(runs, spec.name);
  const configChecks = groupSpecs.map((c) => ({ spec: c, read: columnReaderFor(runs, c.name) }));
  const constraintChecks = constraints.map((c) => ({ c, read: columnReaderFor(runs, c.column) }));
  // Replicate groups: validate()'s own group numbers when grouping by its configuration, else
  // the groupBy columns' values interned as tuples (no key text per run).
  const byReplicateGroup = !groupColumns && runs.every((r) => r instanceof CompactRun);
  const groupReads = (groupColumns ?? []).map((n) => columnReaderFor(runs, n));
  const tuples = new TupleTable(VALUE_WIDTH * groupReads.length);
  const tuple = new Int32Array(Math.max(1, VALUE_WIDTH * groupReads.length));
  const textIds = groupReads.map(() => new ValueIds());
  const byKey = new Map<string, number>();
  const localOf: number[] = [];

  const excluded: { row: number; reason: string }[] = [];
  const kept: Run[] = [];
  const keptValues: number[] = [];
  const keptGroup: number[] = [];
  let groupCount = 0;
  for (const run of runs) {
    if (readStatus) {
      const reason = statusReason(readStatus(run));
      if (reason !== null) {
        excluded.push({ row: run.excelRow, reason });
        continue;
      }
    }
    const v = readMetric(run);
    if (typeof v !== "number" || !Number.isFinite(v)) {
      excluded.push({ row: run.excelRow, reason: metricReason(run, spec.name) });
      continue;
    }
    // A run whose configuration is unknown (a required param left empty, or a param that is not
    // a valid value) cannot be a replicate of anything: ranking it alone would invent a config.
    let failed: string | null = unknownConfigReason(run, configChecks);
    for (const { c, read } of constraintChecks) {
      if (failed) break;
      failed = constraintFails(read(run), c);
    }
    if (failed) {
      excluded.push({ row: run.excelRow, reason: failed });
      continue;
    }
    let id: number;
    if (byReplicateGroup) id = run.replicateGroup;
    else if (groupColumns) {
      for (let k = 0; k < groupReads.length; k++)
        putValue(tuple, VALUE_WIDTH * k, (groupReads[k] as ColumnRead)(run), textIds[k] as ValueIds);
      id = tuples.intern(tuple);
    } else {
      const key = run.configKey;
      id = byKey.get(key) ?? byKey.size;
      if (id === byKey.size) byKey.set(key, id);
    }
    let local = localOf[id];
    if (local === undefined) {
      local = groupCount++;
      localOf[id] = local;
    }
    kept.push(run);
    keptValues.push(v);
    keptGroup.push(local);
  }

  // Each group's runs side by side in one array (counting sort by group, sheet order kept).
  const start = new Int32Array(groupCount + 1);
  for (const g of keptGroup) start[g + 1] = (start[g + 1] ?? 0) + 1;
  for (let g = 0; g < groupCount; g++) start[g + 1] = (start[g + 1] ?? 0) + (start[g] ?? 0);
  const fill = start.slice(0, groupCount);
  const order = new Int32Array(kept.length);
  const values = new Float64Array(kept.length);
  for (let i = 0; i < kept.length; i++) {
    const g = keptGroup[i] ?? 0;
    const at = fill[g] ?? 0;
    fill[g] = at + 1;
    order[at] = i;
    values[at] = keptValues[i] ?? NaN;
  }
  const runOf = (at: number): Run => kept[order[at] ?? 0] as Run;

  const s = sign(goal);
  const sums: Summary[] = [];
  for (let g = 0; g < groupCount; g++) sums.push(summarizeRange(values, start[g] ?? 0, start[g + 1] ?? 0));
  const breakers = tieBreakers.map((tb) => {
    const read = columnReaderFor(kept, tb.spec.name);
    const out = new Float64Array(groupCount);
    for (let g = 0; g < groupCount; g++) {
      const vals: number[] = [];
      for (let at = start[g] ?? 0; at < (start[g + 1] ?? 0); at++) {
        const x = read(runOf(at));
        if (typeof x === "number" && Number.isFinite(x)) vals.push(x);
      }
      out[g] = vals.length ? summarize(vals).mean * sign(tb.goal) : -Infinity;
    }
    return out;
  });
  const firstRow = (g: number): number => runOf(start[g] ?? 0).excelRow;
  const rank = Array.from({ length: groupCount }, (_, g) => g);
  rank.sort((a, b) => {
    const d = ((sums[b] as Summary).mean - (sums[a] as Summary).mean) * s;
    if (d !== 0) return d;
    for (const br of breakers) {
      const x = (br[b] ?? -Infinity) - (br[a] ?? -Infinity);
      if (x !== 0 && !Number.isNaN(x)) return x;
    }
    // More replicates is more evidence; then sheet order, so the result is deterministic.
    return (sums[b] as Summary).n - (sums[a] as Summary).n || firstRow(a) - firstRow(b);
  });

  const groupRead = groupNames.map((name) => ({ name, read: columnReaderFor(kept, name) }));
  const ranking: ConfigStats[] = rank.map((g) => {
    const sum = sums[g] as Summary;
    const from = start[g] ?? 0;
    const to = start[g + 1] ?? 0;
    const rows: number[] = [];
    const ids: string[] = [];
    for (let at = from; at < to; at++) {
      const r = runOf(at);
      rows.push(r.excelRow);
      ids.push(r.id);
    }
    const config: Record<string, RunValue> = {};
    const first = runOf(from);
    for (const { name, read } of groupRead) config[name] = read(first);
    return { rows, ids, config, n: sum.n, mean: sum.mean, std: sum.std, ci95: sum.ci95 };
  });

  const result: BestResult = {
    metric: spec.name,
    goal,
    best: null,
    ranking,
    pValue: null,
    tiedWithRunnerUp: false,
    excluded,
  };
  const top = rank[0];
  const groupValues = (g: number): number[] => Array.from(values.subarray(start[g] ?? 0, start[g + 1] ?? 0));
  if (top === undefined) {
    result.pValueReason = "no run qualifies";
  } else {
    const topSum = sums[top] as Summary;
    let bestAt = start[top] ?? 0;
    for (let at = bestAt + 1; at < (start[top + 1] ?? 0); at++) {
      if (((values[at] ?? NaN) - (values[bestAt] ?? NaN)) * s > 0) bestAt = at;
    }
    const bestRun = runOf(bestAt);
    result.best = { row: bestRun.excelRow, id: bestRun.id, value: topSum.mean };
    const second = rank[1];
    if (second === undefined) {
      result.pValueReason = "only one configuration qualifies, so there is no runner-up";
    } else {
      const secondSum = sums[second] as Summary;
      const test = welchTTest(groupValues(top), groupValues(second));
      if (test) {
        result.pValue = test.p;
        result.tiedWithRunnerUp = isTie(test.p, topSum.ci95, secondSum.ci95);
      } else {
        result.pValueReason =
          topSum.n < 2 && secondSum.n < 2
            ? "cannot tell: a single run each"
            : topSum.n < 2
              ? "cannot tell: the winner has a single run"
              : "cannot tell: the runner-up has a single run";
        result.tiedWithRunnerUp = true;
      }
    }
  }

  if (pareto) {
    const p = pareto;
    const readY = columnReaderFor(kept, p.spec.name);
    const points = kept
      .map((r, i) => ({ key: r.excelRow, x: keptValues[i], y: readY(r) }))
      .filter(
        (pt): pt is { key: number; x: number; y: number } =>
          typeof pt.x === "number" && typeof pt.y === "number" && Number.isFinite(pt.y),
      );
    result.pareto = paretoFront(points, goal, p.goal);
    result.paretoMetric = { metric: p.spec.name, goal: p.goal };
  }
  return ok(result);
}
