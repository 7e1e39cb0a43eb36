/**
 * The Summary table: one row per configuration in best()'s ranking order, with the params that
 * vary, n, and per metric the mean, std and 95% CI over the configuration's runs, plus its best
 * run: the "mean ± std" table people paste into papers and slides. Also written as CSV,
 * Markdown and LaTeX, so the pane, the CLI and the sheet agree.
 */
import Papa from "papaparse";
import { best, resolveMetric, type RunsWithSchema } from "./best";
import type { BestOptions } from "./best-types";
import { isNumericType } from "./coerce";
import { sig } from "./sentence-numbers";
import { configLabel, varyingKeys } from "./labels";
import { ok, type Problem, type Result } from "./result";
import type { Run, RunValue } from "./runs";
import type { Goal } from "./schema-types";
import { summarize } from "./stats";

/** A metric's statistics over one configuration's runs (those with a value). */
export interface MetricSummary {
  n: number;
  mean: number | null;
  std: number | null;
  ci95: [number, number] | null;
}

export interface SummaryRow {
  /** 1 = best by the primary metric. */
  rank: number;
  /** Values of the varying params (SummaryTable.params). */
  config: Record<string, RunValue>;
  label: string;
  /** Runs of the configuration that qualified for the primary metric. */
  n: number;
  /** Per metric (SummaryTable.metrics). */
  metrics: Record<string, MetricSummary>;
  /** The configuration's best run by the primary metric. */
  bestRun: string;
}

export interface SummaryTable {
  metric: string;
  goal: Goal;
  /** Params that vary between configurations (the columns that tell rows apart). */
  params: string[];
  /** The primary metric first, then the schema's other numeric metrics. */
  metrics: string[];
  rows: SummaryRow[];
}

/**
 * Builds the Summary table from best()'s ranking over the primary metric (same filters and
 * grouping). Fails only on bad options, like best().
 */
export function buildSummary(data: RunsWithSchema, options: BestOptions): Result<SummaryTable, Problem> {
  const resolved = resolveMetric(data.schema, options.metric, options.goal);
  if (!resolved.ok) return resolved;
  const bestOptions: BestOptions = { ...options };
  delete bestOptions.pareto;
  const result = best(data, bestOptions);
  if (!result.ok) return result;
  const { spec, goal } = resolved.value;
  const metrics = [
    spec.name,
    ...data.schema.columns
      .filter((c) => c.role === "metric" && c.name !== spec.name && isNumericType(c.type))
      .map((c) => c.name),
  ];
  const byRow = new Map<number, Run>();
  for (const r of data.runs) byRow.set(r.excelRow, r);
  const ranking = result.value.ranking;
  const params = varyingKeys(ranking.map((c) => c.config));
  const sign = goal === "max" ? 1 : -1;
  const rows = ranking.map((c, i): SummaryRow => {
    const runs = c.rows.map((row) => byRow.get(row)).filter((r): r is Run => r !== undefined);
    const perMetric: Record<string, MetricSummary> = {};
    for (const m of metrics) {
      const values = runs
        .map((r) => r.values[m])
        .filter((v): v is number => typeof v === "number" && Number.isFinite(v));
      const s = values.length ? summarize(values) : null;
      perMetric[m] = s
        ? { n: s.n, mean: s.mean, std: s.std, ci95: s.ci95 }
        : { n: 0, mean: null, std: null, ci95: null };
    }
    let bestRun = runs[0];
    for (const r of runs) {
      const v = r.values[spec.name];
      const b = bestRun?.values[spec.name];
      if (typeof v === "number" && typeof b === "number" && (v - b) * sign > 0) bestRun = r;
    }
    const config: Record<string, RunValue> = {};
    for (const p of params) config[p] = c.config[p] ?? null;
    return {
      rank: i + 1,
      config,
      label: configLabel(c.config, params),
      n: c.n,
      metrics: perMetric,
      bestRun: bestRun?.id ?? "",
    };
  });
  return ok({ metric: spec.name, goal, params, metrics, rows });
}

/** The Summary as a grid (header row first), numbers as numbers: what the Summary sheet and CSV hold. */
export function summaryGrid(table: SummaryTable): (string | number | boolean | null)[][] {
  const header: string[] = ["rank", ...table.params, "n"];
  for (const m of table.metrics) header.push(`${m} mean`, `${m} std`, `${m} 95% CI low`, `${m} 95% CI high`);
  header.push("best run");
  const rows = table.rows.map((r) => {
    const cells: (string | number | boolean | null)[] = [r.rank, ...table.params.map((p) => r.config[p] ?? null), r.n];
    for (const m of table.metrics) {
      const s = r.metrics[m];
      cells.push(s?.mean ?? null, s?.std ?? null, s?.ci95?.[0] ?? null, s?.ci95?.[1] ?? null);
    }
    cells.push(r.bestRun);
    return cells;
  });
  return [header, ...rows];
}

/** The Summary as CSV (RFC 4180, numbers at full precision, empty for missing). */
export function summaryCsv(table: SummaryTable): string {
  const grid = summaryGrid(table).map((row) => row.map((v) => (v === null ? "" : v)));
  return Papa.unparse(grid, { newline: "\n" }) + "\n";
}

/** A summary cell for text formats: plain text, or a mean and std to join with ± (or LaTeX's \pm). */
type TextCell = string | { mean: string; std: string };

/** `mean ± std` with the std to 2 significant digits and the mean to the same decimals. */
function meanStd(s: MetricSummary | undefined): TextCell {
  if (!s || s.mean === null) return "–";
  if (s.std === null) return sig(s.mean, 4);
  if (!(s.std > 0)) return { mean: sig(s.mean, 4), std: "0" };
  const decimals = Math.min(12, Math.max(0, 1 - Math.floor(Math.log10(s.std))));
  return { mean: s.mean.toFixed(decimals), std: s.std.toFixed(decimals) };
}

function ciText(s: MetricSummary | undefined): string {
  if (!s?.ci95) return "–";
  const half = (s.ci95[1] - s.ci95[0]) / 2;
  const decimals = half > 0 ? Math.min(12, Math.max(0, 1 - Math.floor(Math.log10(half)))) : 4;
  return `[${s.ci95[0].toFixed(decimals)}, ${s.ci95[1].toFixed(decimals)}]`;
}

/** Header and rows of the text formats: params, n, then per metric `mean ± std` and the 95% CI. */
function textCells(table: SummaryTable): { header: TextCell[]; rows: TextCell[][] } {
  const header: TextCell[] = [...table.params, "n"];
  for (const m of table.metrics) header.push({ mean: `${m} (mean`, std: "std)" }, `${m} 95% CI`);
  header.push("best run");
  const rows = table.rows.map((r) => {
    const cells: TextCell[] = [
      ...table.params.map((p) => (r.config[p] === null ? "" : String(r.config[p]))),
      String(r.n),
    ];
    for (const m of table.metrics) cells.push(meanStd(r.metrics[m]), ciText(r.metrics[m]));
    cells.push(r.bestRun);
    return cells;
  });
  return { header, rows };
}

/** The Summary as a GitHub-flavoured Markdown table (`mean ± std` and `[low, high]` per metric). */
export function summaryMarkdown(table: SummaryTable): string {
  const { header, rows } = textCells(table);
  const text = (c: TextCell) => (typeof c === "string" ? c : `${c.mean} ± ${c.std}`).replace(/\|/g, "\\|");
  const line = (cells: TextCell[]) => `| ${cells.map(text).join(" | ")} |`;
  return [line(header), `|${header.map(() => " --- ").join("|")}|`, ...rows.map(line)].join("\n") + "\n";
}

const LATEX_SPECIAL = /[\\&%$#_{}~^]/g;
function latexEscape(s: string): string {
  return s.replace(LATEX_SPECIAL, (c) =>
    c === "\\" ? "\\textbackslash{}" : c === "~" ? "\\textasciitilde{}" : c === "^" ? "\\textasciicircum{}" : `\\${c}`,
  );
}

/** The Summary as a LaTeX tabular (booktabs rules), `mean $\pm$ std` per metric. */
export function summaryLatex(table: SummaryTable): string {
  const { header, rows } = textCells(table);
  const cell = (c: TextCell) =>
    typeof c === "string" ? latexEscape(c === "–" ? "--" : c) : `${latexEscape(c.mean)} $\\pm$ ${latexEscape(c.std)}`;
  const lines = [
    `\\begin{tabular}{${header.map(() => "l").join("")}}`,
    "\\toprule",
    `${header.map(cell).join(" & ")} \\\\`,
    "\\midrule",
    ...rows.map((r) => `${r.map(cell).join(" & ")} \\\\`),
    "\\bottomrule",
    "\\end{tabular}",
  ];
  return lines.join("\n") + "\n";
}
