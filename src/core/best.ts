/**
 * The best model, honestly: filter runs (status, valid metric, constraints) with a reason for
 * each one left out, group replicates (same params, different seed) into configurations, rank
 * them by mean with std, n and a Student-t 95% CI, and say whether the winner is really better
 * than the runner-up (Welch's t-test).
 *
 * The tie rule: `tiedWithRunnerUp` is true when Welch's p >= 0.05 OR the two 95% confidence
 * intervals overlap. This is the conservative reading of the product brief: the pane must never
 * announce a winner the data cannot back, and overlapping intervals are the picture users see
 * on the chart (error bars), so a "winner" whose bar overlaps the runner-up's would contradict
 * the chart. With fewer than 2 runs on either side there is no variance estimate, pValue is null
 * with the reason ("cannot tell: a single run each"), and tiedWithRunnerUp is true: the means
 * of single runs are not distinguishable from seed noise. With a single configuration there is
 * no runner-up: pValue null, tiedWithRunnerUp false.
 */
import type { BestOptions, BestResult, ConfigStats, TieBreaker } from "./best-types";
import { isNumericType } from "./coerce";
import { findColumn, goalFromName, isStatusName } from "./names";
import { paretoFront } from "./pareto";
import { normalizeStatus } from "./status";
import { fail, ok, type Problem, type Result } from "./result";
import { configColumns, configKeyOf, type Run, type RunValue } from "./runs";
import type { ColumnSpec, Goal, RunSchema } from "./schema-types";
import { isTie, summarize, welchTTest } from "./stats";
import { constraintFails, parseWhere } from "./where";
import type { Constraint } from "./where-types";

/** What best() needs: the runs and the schema they were validated with (a ValidateResult fits). */
export interface RunsWithSchema {
  runs: readonly Run[];
  schema: RunSchema;
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

interface Group {
  key: string;
  runs: Run[];
  values: number[];
}

function metricReason(run: Run, name: string): string {
  const why = run.invalid[name];
  return why ? `${name} ${why}` : `${name} is empty`;
}

/** Why a run's configuration is unknown, or null when every config column holds a usable value. */
function unknownConfigReason(run: Run, columns: readonly ColumnSpec[]): string | null {
  for (const c of columns) {
    const why = run.invalid[c.name];
    // An optional param written as a missing word (`None`, `NA`) is simply not set: MLflow
    // autolog logs `None` for every default it did not change.
    const unset = !c.required && why?.startsWith("is missing");
    if (why && !unset) return `${c.name} ${why}, so its configuration is unknown`;
    const v = run.values[c.name];
    if (c.required && (v === null || v === undefined || v === ""))
      return `${c.name} is empty (required), so its configuration is unknown`;
  }
  return null;
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

  const excluded: { row: number; reason: string }[] = [];
  const groups = new Map<string, Group>();
  const kept: Run[] = [];
  // Sheet order, whatever order the caller passes: results must not depend on it.
  const runs = [...data.runs].sort((a, b) => a.excelRow - b.excelRow);
  for (const run of runs) {
    if (statusSpec && keep) {
      const status = run.values[statusSpec.name];
      const text = status === null || status === undefined ? "" : normalizeStatus(String(status));
      if (!keep.has(text)) {
        excluded.push({
          row: run.excelRow,
          reason:
            text === ""
              ? `${statusSpec.name} is empty, not ${keepText}`
              : `${statusSpec.name} is ${String(status)}, not ${keepText}`,
        });
        continue;
      }
    }
    const v = run.values[spec.name];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      excluded.push({ row: run.excelRow, reason: metricReason(run, spec.name) });
      continue;
    }
    // A run whose configuration is unknown (a required param left empty, or a param that is not
    // a valid value) cannot be a replicate of anything: ranking it alone would invent a config.
    let failed: string | null = unknownConfigReason(run, groupSpecs);
    for (const c of constraints) {
      if (failed) break;
      failed = constraintFails(run.values[c.column], c);
      if (failed) break;
    }
    if (failed) {
      excluded.push({ row: run.excelRow, reason: failed });
      continue;
    }
    kept.push(run);
    const key = groupColumns ? configKeyOf(run.values, groupColumns) : run.configKey;
    let g = groups.get(key);
    if (!g) {
      g = { key, runs: [], values: [] };
      groups.set(key, g);
    }
    g.runs.push(run);
    g.values.push(v);
  }

  const s = sign(goal);
  const ranked = [...groups.values()].map((g) => {
    const sum = summarize(g.values);
    const breakers = tieBreakers.map((tb) => {
      const vals = g.runs
        .map((r) => r.values[tb.spec.name])
        .filter((x): x is number => typeof x === "number" && Number.isFinite(x));
      return vals.length ? summarize(vals).mean * sign(tb.goal) : -Infinity;
    });
    return { g, sum, breakers };
  });
  ranked.sort((a, b) => {
    const d = (b.sum.mean - a.sum.mean) * s;
    if (d !== 0) return d;
    for (let i = 0; i < a.breakers.length; i++) {
      const x = (b.breakers[i] ?? -Infinity) - (a.breakers[i] ?? -Infinity);
      if (x !== 0 && !Number.isNaN(x)) return x;
    }
    // More replicates is more evidence; then sheet order, so the result is deterministic.
    return b.sum.n - a.sum.n || (a.g.runs[0]?.excelRow ?? 0) - (b.g.runs[0]?.excelRow ?? 0);
  });

  const ranking: ConfigStats[] = ranked.map(({ g, sum }) => {
    const config: Record<string, RunValue> = {};
    const first = g.runs[0];
    for (const name of groupNames) config[name] = first?.values[name] ?? null;
    return {
      rows: g.runs.map((r) => r.excelRow),
      ids: g.runs.map((r) => r.id),
      config,
      n: sum.n,
      mean: sum.mean,
      std: sum.std,
      ci95: sum.ci95,
    };
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
  const top = ranked[0];
  if (!top) {
    result.pValueReason = "no run qualifies";
  } else {
    let bestRun = top.g.runs[0];
    let bestValue = top.g.values[0] ?? NaN;
    top.g.runs.forEach((r, i) => {
      const v = top.g.values[i] ?? NaN;
      if ((v - bestValue) * s > 0) {
        bestRun = r;
        bestValue = v;
      }
    });
    if (bestRun) result.best = { row: bestRun.excelRow, id: bestRun.id, value: top.sum.mean };
    const second = ranked[1];
    if (!second) {
      result.pValueReason = "only one configuration qualifies, so there is no runner-up";
    } else {
      const test = welchTTest(top.g.values, second.g.values);
      if (test) {
        result.pValue = test.p;
        result.tiedWithRunnerUp = isTie(test.p, top.sum.ci95, second.sum.ci95);
      } else {
        result.pValueReason =
          top.sum.n < 2 && second.sum.n < 2
            ? "cannot tell: a single run each"
            : top.sum.n < 2
              ? "cannot tell: the winner has a single run"
              : "cannot tell: the runner-up has a single run";
        result.tiedWithRunnerUp = true;
      }
    }
  }

  if (pareto) {
    const p = pareto;
    const points = kept
      .map((r) => ({ key: r.excelRow, x: r.values[spec.name], y: r.values[p.spec.name] }))
      .filter(
        (pt): pt is { key: number; x: number; y: number } =>
          typeof pt.x === "number" && typeof pt.y === "number" && Number.isFinite(pt.y),
      );
    result.pareto = paretoFront(points, goal, p.goal);
    result.paretoMetric = { metric: p.spec.name, goal: p.goal };
  }
  return ok(result);
}
