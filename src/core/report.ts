/**
 * The Report sheet as data: per experiment, the hypothesis, the best configuration, mean ± CI
 * over seeds and the verdict against its baseline experiment (verdict.ts writes the sentence),
 * plus chart specs and the generation time. Charts: best per experiment and per configuration
 * (mean and 95% CI), the metric by the most varied param (by value for integer params, a
 * scatter otherwise), the Pareto front when asked, and learning curves from History points.
 */
import { best, resolveMetric, type RunsWithSchema } from "./best";
import type { BestOptions, BestResult, ConfigStats } from "./best-types";
import type { ChartSpec } from "./chart-types";
import {
  configChart,
  intervalChart,
  learningCurveChart,
  metricByIntegerParamChart,
  metricVsParamChart,
  paretoChart,
  type StepPoint,
} from "./charts";
import { isNumericType } from "./coerce";
import { chooseBaseline, replicateSummary, replicateValues } from "./experiment-sides";
import { configLabel, varyingKeys } from "./labels";
import { isExperimentName, normalizeName } from "./names";
import type { ExperimentInfo, ReportSection, ReportSpec } from "./report-types";
import { ok, type Problem, type Result } from "./result";
import { configColumns, type Run, type RunValue } from "./runs";
import type { ColumnSpec, Goal } from "./schema-types";
import {
  cannotCompareSentence,
  compareWithBaseline,
  firstExperimentSentence,
  noRunsSentence,
  type Verdict,
} from "./verdict";

/** A History point: one step of a run's metric curve. */
export interface HistoryPoint {
  run: string;
  metric: string;
  xName: string;
  x: number;
  value: number;
}

/** An Excel date serial (days since 1899-12-30, UTC) for a date, so the sheet can show it as a date. */
export function excelSerialDate(date: Date): number {
  return date.getTime() / 86_400_000 + 25_569;
}

/** At most this many History metrics get a learning-curve chart (the report's metric first). */
const MAX_CURVE_CHARTS = 2;

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
  /** History points (step curves) for learning-curve charts; optional. */
  history?: readonly HistoryPoint[];
}

/** An experiment's best configuration with the metric values of its replicate runs. */
export interface Winner {
  stats: ConfigStats;
  values: number[];
}

/**
 * The verdict of an experiment's best configuration against its baseline's (see verdict.ts):
 * won, lost, tied, cannot tell, confounded or seeds needed, with the sentence every surface shows.
 */
export function experimentVerdict(
  name: string,
  win: Winner,
  baseName: string,
  base: Winner,
  spec: ColumnSpec,
  goal: Goal,
  baselineDefaulted = false,
): Verdict {
  return compareWithBaseline(
    { name, stats: win.stats, values: win.values },
    { name: baseName, stats: base.stats, values: base.values },
    spec,
    goal,
    { baselineDefaulted },
  );
}

/** The numeric param with the most distinct values (at least 2), for the "metric by param" chart. */
function mostVariedParam(data: RunsWithSchema): ColumnSpec | undefined {
  let bestSpec: ColumnSpec | undefined;
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
      bestSpec = c;
    }
  }
  return bestSpec;
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
    const result = best({ ...data, runs }, bestOptions);
    if (!result.ok) return result;
    const top = result.value.ranking[0];
    const winner = top
      ? {
          stats: top,
          values: replicateValues(top.rows, byRow, spec.name),
        }
      : null;
    perName.set(name, { runs, result: result.value, winner });
  }

  // Winners' configurations labelled by what varies between experiments, not every column.
  const winners = names.map((n) => perName.get(n)?.winner).filter((w): w is Winner => w !== null && w !== undefined);
  const labelKeys = varyingKeys(winners.map((w) => w.stats.config));

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
    const { baseline, defaulted } = chooseBaseline(info?.baseline ?? null, names, i);
    const section: ReportSection = {
      experiment: name,
      hypothesis,
      best: null,
      summary: "",
      baseline,
      baselineDefaulted: defaulted,
      pValue: null,
      verdict: "",
      comparison: null,
      runs: runs.length,
      excluded: result.excluded.length,
    };
    if (!winner) {
      section.summary = `no finished run with ${spec.name}`;
      section.verdict = noRunsSentence(name, spec.name);
    } else {
      const top = winner.stats;
      section.best = {
        id: result.best?.id ?? "",
        row: result.best?.row ?? 0,
        config: top.config,
        label: configLabel(top.config, labelKeys),
        n: top.n,
        mean: top.mean,
        std: top.std,
        ci95: top.ci95,
      };
      section.summary = replicateSummary(top);
      const base = baseline === null ? undefined : perName.get(baseline);
      if (baseline === null) {
        section.verdict = firstExperimentSentence(name, spec.name, section.summary);
      } else if (!base) {
        section.verdict = cannotCompareSentence(name, baseline, spec.name, false);
      } else if (!base.winner) {
        section.verdict = cannotCompareSentence(name, baseline, spec.name, true);
      } else {
        const v = experimentVerdict(name, winner, baseline, base.winner, spec, goal, section.baselineDefaulted);
        section.comparison = v;
        section.verdict = v.sentence;
        section.pValue = v.pValue;
      }
      perExperiment.push({ name, stats: top });
    }
    sections.push(section);
  });

  const charts: ChartSpec[] = [];
  if (perExperiment.length) {
    charts.push(
      intervalChart(
        "per-experiment",
        `Best ${spec.name} per experiment: mean and 95% CI`,
        "experiment",
        spec.name,
        perExperiment.map((e) => e.name),
        perExperiment.map((e) => e.stats),
      ),
    );
  }
  const overall = best(data, options.pareto ? { ...bestOptions, pareto: options.pareto } : bestOptions);
  if (overall.ok && overall.value.ranking.length) {
    const result = overall.value;
    if (result.ranking.length > 1) charts.push(configChart(result));
    const param =
      options.vsParam === false
        ? undefined
        : options.vsParam !== undefined
          ? data.schema.columns.find((c) => c.name === options.vsParam)
          : mostVariedParam(data);
    if (param) charts.push(paramChart(data, result, param));
    const pareto = paretoChart(data, result);
    if (pareto) charts.push(pareto);
    charts.push(...curveCharts(data, result, spec.name, options.history ?? []));
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

/** By value for integer params (categories, integer labels); a scatter for other numeric params. */
function paramChart(data: RunsWithSchema, result: BestResult, param: ColumnSpec): ChartSpec {
  return param.type === "integer"
    ? metricByIntegerParamChart(data, result, param.name)
    : metricVsParamChart(data, result, param.name);
}

/**
 * Learning curves for the History metrics (the report's metric first), over the runs best()
 * kept, grouped by their configuration.
 */
function curveCharts(
  data: RunsWithSchema,
  result: BestResult,
  metric: string,
  history: readonly HistoryPoint[],
): ChartSpec[] {
  if (history.length === 0) return [];
  const excluded = new Set(result.excluded.map((e) => e.row));
  const columns = configColumns(data.schema).map((c) => c.name);
  const byId = new Map<string, { key: string; config: Record<string, RunValue> }>();
  for (const run of data.runs as Run[]) {
    if (excluded.has(run.excelRow) || byId.has(run.id)) continue;
    const config: Record<string, RunValue> = {};
    for (const c of columns) config[c] = run.values[c] ?? null;
    byId.set(run.id, { key: run.configKey, config });
  }
  const metrics = [...new Set(history.map((h) => h.metric))].sort(
    (a, b) => Number(normalizeName(b) === normalizeName(metric)) - Number(normalizeName(a) === normalizeName(metric)),
  );
  return metrics.slice(0, MAX_CURVE_CHARTS).flatMap((m) => {
    const points: StepPoint[] = history
      .filter((h) => h.metric === m)
      .map((h) => ({ run: h.run, step: h.x, value: h.value }));
    const xName = history.find((h) => h.metric === m)?.xName || "step";
    const chart = learningCurveChart(points, (id) => byId.get(id), m, xName);
    return chart.series.length ? [chart] : [];
  });
}
