/**
 * The Best tab's pure logic: the Registry entry for the winner, labels, Pareto and verdict
 * sentences, and choice-typo fixes. Which metrics to offer and the ranking itself are core's
 * (`best-query.ts`), shared with the ribbon's "Mark best run".
 */
import {
  compareWithBaseline,
  isExperimentName,
  type VerdictSide,
  type BestResult,
  type ConfigStats,
  type RunSchema,
  type RunValue,
  type ValidationIssue,
} from "../../../core/index";
import { rowRecord, type CheckOutcome, type RegistryEntry } from "../../../excel/index";
import { formatMean, formatPValue, formatValue } from "../../logic/display-format";

/**
 * The Registry entry for the winner: its best individual run, that run's value, and a reason
 * that keeps the statistics (mean ± CI over replicates, p-value vs the runner-up, constraints).
 */
export function registryEntryFor(
  result: BestResult,
  outcome: Pick<CheckOutcome, "runs" | "grid" | "headerRow">,
  where: string,
): RegistryEntry | null {
  const winner = result.ranking[0];
  if (!result.best || !winner) return null;
  const { row, id } = result.best;
  const run = outcome.runs.find((r) => r.excelRow === row);
  const own = run?.values[result.metric];
  const value = typeof own === "number" ? own : result.best.value;
  const parts = [
    `best ${result.metric} (${result.goal}) by mean over ${winner.n} run${winner.n === 1 ? "" : "s"}: ${formatMean(winner)}`,
    result.ranking.length > 1
      ? `vs runner-up ${formatPValue(result)}${result.tiedWithRunnerUp ? ", tied" : ""}`
      : "only configuration",
  ];
  if (where.trim() !== "") parts.push(`where ${where.trim()}`);
  return {
    runId: id,
    metric: result.metric,
    value,
    reason: parts.join("; "),
    row: outcome.grid ? rowRecord(outcome.grid, outcome.headerRow, row) : {},
  };
}

function valueText(value: RunValue | undefined): string {
  return value === null || value === undefined || value === "" ? "(empty)" : String(value);
}

/**
 * Short labels for ranked configurations: only the params whose values differ between them
 * (`layers=2`), since params all configurations share tell them apart no better than nothing.
 * Falls back to the run ids when every param is the same.
 */
export function distinctConfigLabels(ranking: readonly ConfigStats[]): string[] {
  const keys = [...new Set(ranking.flatMap((c) => Object.keys(c.config)))];
  const varying = keys.filter((k) => new Set(ranking.map((c) => valueText(c.config[k]))).size > 1);
  return ranking.map((c) => {
    const parts = varying.map((k) => `${k}=${valueText(c.config[k])}`);
    return parts.length > 0 ? parts.join(", ") : c.ids.join(", ");
  });
}

/** The Pareto front as sentences: `run e2-s2 (row 6)`, in sheet order. */
export function paretoRuns(result: BestResult, runs: readonly { excelRow: number; id: string }[]): string[] {
  const ids = new Map(runs.map((r) => [r.excelRow, r.id]));
  return (result.pareto ?? []).map((row) => `${ids.get(row) ?? "run"} (row ${row})`);
}

/** Edit distance counting a swap of neighbours as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    const row = d[i] as number[];
    const prev = d[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, ((d[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = best;
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/**
 * The choice a typo most likely meant (`finsihed` -> `finished`, `finshed` -> `finished`): the
 * only choice within two edits, and fewer edits than a third of its length. Null when none or
 * when two choices are equally close (a guess would then be a coin toss).
 */
export function nearMissChoice(value: string, choices: readonly string[]): string | null {
  const v = value.trim().toLowerCase();
  if (v === "") return null;
  let best: string | null = null;
  let bestDistance = Infinity;
  let tie = false;
  for (const choice of choices) {
    const dist = editDistance(v, choice.toLowerCase());
    if (dist < bestDistance) {
      best = choice;
      bestDistance = dist;
      tie = false;
    } else if (dist === bestDistance) tie = true;
  }
  if (best === null || tie || bestDistance === 0 || bestDistance > 2 || bestDistance * 3 > best.length) return null;
  return best;
}

/** A one-click fix for a choice typo: the cell, what it holds, and the choice meant. */
export interface ChoiceFix {
  row: number;
  column: string;
  value: string;
  choice: string;
}

/** Near-miss fixes for the `not_in_choices` errors, by Excel row. */
export function choiceFixes(
  issues: readonly Pick<ValidationIssue, "row" | "column" | "code" | "value">[],
  schema: RunSchema,
): Map<number, ChoiceFix> {
  const fixes = new Map<number, ChoiceFix>();
  for (const issue of issues) {
    if (issue.code !== "not_in_choices" || typeof issue.value !== "string" || fixes.has(issue.row)) continue;
    const choices = schema.columns.find((c) => c.name === issue.column)?.choices ?? [];
    const choice = nearMissChoice(issue.value, choices);
    if (choice) fixes.set(issue.row, { row: issue.row, column: issue.column, value: issue.value, choice });
  }
  return fixes;
}

/**
 * Excel rows as a short phrase: consecutive rows as ranges, at most `limit` rows spelled out,
 * the rest counted (`rows 202-206 and 995 more`), so 1,000 replicates do not make a wall of numbers.
 */
export function rowsText(rows: readonly number[], limit = 5): string {
  if (rows.length === 0) return "no rows";
  const sorted = [...rows].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const r of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else if (!last || r !== last[1]) ranges.push([r, r]);
  }
  const parts: string[] = [];
  let shown = 0;
  for (const [a, b] of ranges) {
    if (shown > 0 && shown + (b - a + 1) > limit) break;
    const take = Math.min(b, a + Math.max(0, limit - shown - 1));
    parts.push(take === a ? String(a) : `${a}-${take}`);
    shown += take - a + 1;
    if (shown >= limit) break;
  }
  const rest = sorted.length - shown;
  const word = sorted.length === 1 ? "row" : "rows";
  return `${word} ${parts.join(", ")}${rest > 0 ? ` and ${rest.toLocaleString("en-US")} more` : ""}`;
}

/**
 * An example constraint in the workbook's own words: a second metric below (or above) its
 * median and a data column equal to one of its values, e.g. `val_loss <= 0.42, dataset = cats-dogs-2k`.
 */
export function constraintHint(
  schema: RunSchema,
  runs: readonly { values: Record<string, RunValue> }[],
  metric: string,
): string {
  const parts: string[] = [];
  const other = schema.columns.find((c) => c.role === "metric" && c.name !== metric);
  if (other) {
    const values = runs.map((r) => r.values[other.name]).filter((v): v is number => typeof v === "number");
    values.sort((a, b) => a - b);
    const median = values[Math.floor(values.length / 2)];
    const op = other.goal === "max" ? ">=" : "<=";
    parts.push(`${other.name} ${op} ${median !== undefined ? formatValue(median) : "…"}`);
  }
  const data = schema.columns.find((c) => c.role === "data" && c.type !== "integer" && c.type !== "number");
  if (data) {
    const value = runs.map((r) => r.values[data.name]).find((v) => v !== null && v !== undefined && v !== "");
    parts.push(`${data.name} = ${value !== undefined ? String(value) : "…"}`);
  }
  return parts.length > 0 ? `For example: ${parts.join(", ")}` : "For example: a metric <= a value";
}

/**
 * The winner against the runner-up in core's verdict words (difference with its CI, p, n per
 * side, a confound when they differ in more than one param or data column, seeds needed for a
 * tie). Sides are named by their experiment when the schema has one. Null with fewer than two
 * configurations.
 */
export function winnerVerdict(
  result: BestResult,
  runs: readonly { excelRow: number; values: Record<string, RunValue> }[],
  schema: RunSchema,
): string | null {
  const [winner, runnerUp] = result.ranking;
  const spec = schema.columns.find((c) => c.name === result.metric);
  if (!winner || !runnerUp || !spec) return null;
  const byRow = new Map(runs.map((r) => [r.excelRow, r]));
  const experiment = schema.columns.find((c) => isExperimentName(c.name));
  const side = (c: ConfigStats, fallback: string): VerdictSide => {
    const own = c.rows.map((row) => byRow.get(row));
    const named = experiment ? own.find((r) => r?.values[experiment.name])?.values[experiment.name] : undefined;
    return {
      name: typeof named === "string" && named !== "" ? named : fallback,
      stats: c,
      values: own.map((r) => r?.values[result.metric]).filter((v): v is number => typeof v === "number"),
    };
  };
  const a = side(winner, "the best configuration");
  const b = side(runnerUp, "the runner-up");
  if (a.name === b.name) return null;
  return compareWithBaseline(a, b, spec, result.goal).sentence;
}
