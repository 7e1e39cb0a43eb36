/**
 * The Report sheet as data: per experiment, the hypothesis, the best configuration, mean ± CI
 * over seeds and a verdict sentence against the baseline experiment, plus chart specs and the
 * generation date. The same tie rule as best() decides between "beats" and "cannot tell".
 * Charts: best per experiment and per configuration (columns with 95% CI error bars), the metric
 * against the most varied numeric param (scatter), and the Pareto front when asked.
 */
import { best, resolveMetric, type RunsWithSchema } from "./best";
import type { BestOptions, BestResult, ConfigStats } from "./best-types";
import type { ChartSpec } from "./chart-types";
import { ciColumnChart, configChart, metricVsParamChart, paretoChart } from "./charts";
import { isNumericType } from "./coerce";
import { formatP, meanPlusMinus, sig } from "./format";
import { isExperimentName, normalizeName } from "./names";
import type { ExperimentInfo, ReportSection, ReportSpec } from "./report-types";
import { ok, type Problem, type Result } from "./result";
import type { Run } from "./runs";
import type { ColumnSpec, Goal } from "./schema-types";
import { isTie, welchTTest } from "./stats";

/** Options for buildReport: the metric options of best(), plus the Experiments table and a clock. */
export interface ReportOptions extends Omit<BestOptions, "groupBy"> {
  /**
   * Numeric param for the "metric vs param" scatter; default: the numeric param with the most
   * distinct values (none when no param varies). `false` leaves the chart out.
   */
  vsParam?: string | false;
  /** Rows of the Experiments table (order, hypothesis, baseline); optional. */
  experiments?: ExperimentInfo[];
  /** Generation time (default: now); injected so tests and regenerations are reproducible. */
  now?: Date;
  title?: string;
}

/** An experiment's best configuration with the metric values of its replicate runs. */
export interface Winner {
  stats: ConfigStats;
  values: number[];
}

/** True when differences of this metric read best as percentage points (accuracy 0.91 -> 91%). */
function inPoints(spec: ColumnSpec): boolean {
  if (spec.type === "percent") return true;
  return spec.min === 0 && spec.max === 1;
}

function differenceText(diff: number, spec: ColumnSpec): string {
  const d = Math.abs(diff);
  if (inPoints(spec)) return `${sig(d * 100, 2)} points of ${spec.name}`;
  return `${sig(d, 2)}${spec.unit ? ` ${spec.unit}` : ""} of ${spec.name}`;
}

function seedsText(a: number, b: number): string {
  return a === b ? `${a} seeds each` : `${a} and ${b} seeds`;
}

/**
 * The verdict sentence comparing an experiment's best configuration with its baseline's:
 * "exp2 beats exp1 by 3.1 points of accuracy (p = 0.004)" or "cannot tell exp2 from exp1
 * (p = 0.41, 3 seeds each)". Tied when p >= 0.05 or the 95% CIs overlap (as in best()).
 */
export function verdictSentence(
  name: string,
  win: Winner,
  baseName: string,
  base: Winner,
  spec: ColumnSpec,
  goal: Goal,
): { text: string; p: number | null } {
  const test = welchTTest(win.values, base.values);
  const nA = win.stats.n;
  const nB = base.stats.n;
  if (!test) {
    const who =
      nA < 2 && nB < 2 ? "a single run each" : nA < 2 ? `${name} has a single run` : `${baseName} has a single run`;
    return { text: `cannot tell ${name} from ${baseName} (${who}; run more seeds)`, p: null };
  }
  if (isTie(test.p, win.stats.ci95, base.stats.ci95)) {
    return { text: `cannot tell ${name} from ${baseName} (p ${formatP(test.p)}, ${seedsText(nA, nB)})`, p: test.p };
  }
  const diff = win.stats.mean - base.stats.mean;
  const better = goal === "max" ? diff > 0 : diff < 0;
  const verb = better ? "beats" : "is worse than";
  return { text: `${name} ${verb} ${baseName} by ${differenceText(diff, spec)} (p ${formatP(test.p)})`, p: test.p };
}

/** The numeric param with the most distinct values (at least 2), for the scatter chart. */
function mostVariedParam(data: RunsWithSchema): string | undefined {
  let bestName: string | undefined;
  let bestCount = 1;
  for (const c of data.schema.columns) {
    if (c.role !== "param" || !isNumericType(c.type)) continue;
    const seen = new Set<number>();
    for (const r of data.runs) {
      const v = r.values[c.name];
      if (typeof v === "number") seen.add(v);
    }
    if (seen.size > bestCount) {
      bestCount = seen.size;
      bestName = c.name;
    }
  }
  return bestName;
}

function experimentOrder(runs: readonly Run[], column: string | undefined, infos: readonly ExperimentInfo[]): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  for (const info of infos) {
    if (!seen.has(info.id)) {
      seen.add(info.id);
      order.push(info.id);
    }
  }
  if (!column) return order.length ? order : ["all runs"];
  const sorted = [...runs].sort((a, b) => a.excelRow - b.excelRow);
  for (const run of sorted) {
    const v = run.values[column];
    const name = v === null || v === undefined ? "" : String(v).trim();
    if (name !== "" && !seen.has(name)) {
      seen.add(name);
      order.push(name);
    }
  }
  return order;
}

/**
 * Builds the report spec: one section per experiment (grouped by the `experiment` column, in
 * the Experiments table's order, then sheet order), each compared with its baseline (the
 * table's `baseline`, else the previous experiment). Fails only on bad metric options.
 */
export function buildReport(data: RunsWithSchema, options: ReportOptions): Result<ReportSpec, Problem> {
  const metric = resolveMetric(data.schema, options.metric, options.goal);
  if (!metric.ok) return metric;
  const { spec, goal } = metric.value;
  const expSpec = data.schema.columns.find((c) => isExperimentName(c.name));
  const hypSpec = data.schema.columns.find((c) => normalizeName(c.name) === "hypothesis");
  const infos = options.experiments ?? [];
  const names = experimentOrder(data.runs, expSpec?.name, infos);
  const byRow = new Map<number, Run>();
  for (const r of data.runs) byRow.set(r.excelRow, r);

  const bestOptions: BestOptions = { metric: spec.name, goal };
  if (options.where !== undefined) bestOptions.where = options.where;
  if (options.tieBreakers !== undefined) bestOptions.tieBreakers = options.tieBreakers;
  if (options.statusFilter !== undefined) bestOptions.statusFilter = options.statusFilter;

  // Every experiment's winner first: a baseline from the Experiments table may come later in the order.
  const perName = new Map<string, { runs: readonly Run[]; result: BestResult; winner: Winner | null }>();
  for (const name of names) {
    const runs = expSpec ? data.runs.filter((r) => String(r.values[expSpec.name] ?? "").trim() === name) : data.runs;
    const result = best({ runs, schema: data.schema }, bestOptions);
    if (!result.ok) return result;
    const top = result.value.ranking[0];
    const winner = top
      ? {
          stats: top,
          values: top.rows
            .map((row) => byRow.get(row)?.values[spec.name])
            .filter((v): v is number => typeof v === "number"),
        }
      : null;
    perName.set(name, { runs, result: result.value, winner });
  }

  const sections: ReportSection[] = [];
  const perExperiment: { name: string; stats: ConfigStats }[] = [];
  names.forEach((name, i) => {
    const entry = perName.get(name);
    if (!entry) return;
    const { runs, result, winner } = entry;
    const info = infos.find((e) => e.id === name);
    let hypothesis: string | null = info?.hypothesis ?? null;
    if (hypothesis === null && hypSpec) {
      const h = runs
        .map((r) => r.values[hypSpec.name])
        .find((v) => v !== null && v !== undefined && String(v).trim() !== "");
      hypothesis = h === undefined || h === null ? null : String(h);
    }
    const baseline = info?.baseline ?? (i > 0 ? (names[i - 1] ?? null) : null);
    const section: ReportSection = {
      experiment: name,
      hypothesis,
      best: null,
      summary: "",
      baseline,
      pValue: null,
      verdict: "",
      runs: runs.length,
      excluded: result.excluded.length,
    };
    if (!winner) {
      section.summary = `no finished run with ${spec.name}`;
      section.verdict = `${name} has no finished run with ${spec.name} yet`;
    } else {
      const top = winner.stats;
      section.best = {
        id: result.best?.id ?? "",
        row: result.best?.row ?? 0,
        config: top.config,
        n: top.n,
        mean: top.mean,
        std: top.std,
        ci95: top.ci95,
      };
      section.summary =
        top.n > 1
          ? `${meanPlusMinus(top.mean, top.ci95)} (95% CI, n = ${top.n})`
          : `${meanPlusMinus(top.mean, null)} (single run)`;
      const base = baseline === null ? undefined : perName.get(baseline);
      if (baseline === null) {
        section.verdict = `${name} is the first experiment: ${spec.name} ${section.summary}`;
      } else if (!base) {
        section.verdict = `cannot compare ${name} with ${baseline}: there is no experiment ${baseline}`;
      } else if (!base.winner) {
        section.verdict = `cannot compare ${name} with ${baseline}: ${baseline} has no finished run with ${spec.name}`;
      } else {
        const v = verdictSentence(name, winner, baseline, base.winner, spec, goal);
        section.verdict = v.text;
        section.pValue = v.p;
      }
      perExperiment.push({ name, stats: top });
    }
    sections.push(section);
  });

  const charts: ChartSpec[] = [];
  if (perExperiment.length) {
    charts.push(
      ciColumnChart(
        `Best ${spec.name} per experiment (mean, 95% CI)`,
        "experiment",
        spec.name,
        perExperiment.map((e) => e.name),
        perExperiment.map((e) => e.stats),
      ),
    );
  }
  const overall = best(data, options.pareto ? { ...bestOptions, pareto: options.pareto } : bestOptions);
  if (overall.ok && overall.value.ranking.length) {
    charts.push(configChart(overall.value));
    const param = options.vsParam === false ? undefined : (options.vsParam ?? mostVariedParam(data));
    if (param) charts.push(metricVsParamChart(data, spec.name, param));
    const pareto = paretoChart(data, overall.value);
    if (pareto) charts.push(pareto);
  }
  const generated = (options.now ?? new Date()).toISOString();
  return ok({
    title: options.title ?? `RunSheet report: ${spec.name}`,
    metric: spec.name,
    goal,
    generated,
    sections,
    charts,
  });
}
