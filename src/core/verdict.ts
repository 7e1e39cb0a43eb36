/**
 * Verdicts: an experiment's best configuration against its baseline's, with the difference of
 * means and its 95% CI (Welch), the p-value and n per side, and the two things no tracker says:
 * when the experiment changed more than one factor at once (confounded), and how many seeds per
 * side would tell a tie apart (seeds needed). The sentences are written here only, so the pane,
 * the CLI and the Report say the same thing in the same words and units.
 *
 * States: won, lost, tied, cannot tell (no test possible), confounded (won or lost while
 * changing more than one param or data column), seeds needed (tied or cannot tell, with an
 * estimate of the seeds that would decide it).
 */
import type { BestResult, ConfigStats } from "./best-types";
import { formatP, meanPlusMinus, sig } from "./sentence-numbers";
import { pooledStd, seedsBeyond, seedsNeeded, MAX_SEEDS, PLANNING, type SeedsEstimate } from "./power";
import type { RunValue } from "./runs";
import type { ColumnSpec, Goal } from "./schema-types";
import { isTie, overlapOnlyTie, tInv, welchTTest } from "./stats";

export type VerdictState = "won" | "lost" | "tied" | "cannot tell" | "confounded" | "seeds needed";
export type VerdictOutcome = "won" | "lost" | "tied" | "cannot tell";

/** A param or data column whose value differs between an experiment and its baseline. */
export interface FactorChange {
  column: string;
  from: RunValue;
  to: RunValue;
}

/** One side of a comparison: an experiment's best configuration and its runs' metric values. */
export interface VerdictSide {
  name: string;
  stats: Pick<ConfigStats, "config" | "n" | "mean" | "std" | "ci95">;
  values: readonly number[];
}

export interface Verdict {
  state: VerdictState;
  /** The statistical outcome alone (confounding and seed estimates aside). */
  outcome: VerdictOutcome;
  experiment: string;
  baseline: string;
  /** True when no baseline was set and the previous experiment was taken. */
  baselineDefaulted: boolean;
  /** Experiment mean minus baseline mean. */
  difference: number;
  /** The difference in RunSheet's unit style ("+3.2 points"). */
  differenceText: string;
  /** Welch 95% CI of the difference; null when a side has a single run. */
  differenceCi: [number, number] | null;
  pValue: number | null;
  /** Why pValue is null. */
  pValueReason?: string;
  /** Runs per side: [experiment, baseline]. */
  n: [number, number];
  /** Config columns that differ from the baseline's best configuration. */
  changes: FactorChange[];
  /** For ties and cannot-tell: seeds per side that would detect the observed difference. */
  seeds: SeedsEstimate | null;
  /** The sentence the pane and the CLI show: the headline, with the caveats after it. */
  sentence: string;
  /** The outcome and its numbers alone: "exp2 beats exp1: accuracy +3.1 points, 95% CI ..., p = 0.001, n = 3 vs 5." */
  headline: string;
  /** What qualifies it: a defaulted baseline, a confound, the seeds that would decide a tie. */
  caveats: string[];
}

/** True when differences of this metric read as percentage points (accuracy 0.91 shown as 91%). */
export function isFractionMetric(spec: Pick<ColumnSpec, "type" | "min" | "max">): boolean {
  return spec.type === "percent" || (spec.min === 0 && spec.max === 1);
}

function decimalsFor(halfWidth: number | null, value: number): number {
  // Rounded to 12 digits first, so 0.9 - 0.8 (0.0999...98) reads as 0.1, not as 0.10.
  const ref = Number((halfWidth !== null && halfWidth > 0 ? halfWidth : Math.abs(value)).toPrecision(12));
  if (!(ref > 0) || !Number.isFinite(ref)) return 0;
  return Math.min(12, Math.max(0, 1 - Math.floor(Math.log10(ref))));
}

function signed(x: number, decimals: number): string {
  const text = Math.abs(x).toFixed(decimals);
  if (Number(text) === 0) return text;
  return `${x < 0 ? "-" : "+"}${text}`;
}

/** How a metric's differences are written: scale (points multiply fractions by 100) and unit word. */
export function differenceUnit(spec: Pick<ColumnSpec, "type" | "min" | "max" | "unit">): {
  scale: number;
  unit: string;
} {
  if (isFractionMetric(spec)) return { scale: 100, unit: "points" };
  if (spec.unit && /^%$|^percent$/i.test(spec.unit.trim())) return { scale: 1, unit: "points" };
  return { scale: 1, unit: spec.unit ?? "" };
}

/**
 * A difference in the one unit style of RunSheet: "+3.2 points" for fraction metrics shown as
 * percent, otherwise the metric's own unit ("-12 ms", or "+0.034" without a unit). Digits follow
 * the CI's half-width when given, so no digit is shown that the noise makes meaningless.
 */
export function formatDifference(
  diff: number,
  spec: Pick<ColumnSpec, "type" | "min" | "max" | "unit">,
  ci: [number, number] | null = null,
): string {
  const { scale, unit } = differenceUnit(spec);
  const half = ci ? ((ci[1] - ci[0]) / 2) * scale : null;
  // At least two significant digits of the difference itself, so a small one never reads as 0.
  const decimals = Math.max(decimalsFor(half, diff * scale), decimalsFor(null, diff * scale));
  return `${signed(diff * scale, decimals)}${unit ? ` ${unit}` : ""}`;
}

/** A CI of a difference in the same style: "+6.1 to +12.5 points". */
export function formatDifferenceCi(
  ci: [number, number],
  spec: Pick<ColumnSpec, "type" | "min" | "max" | "unit">,
): string {
  const { scale, unit } = differenceUnit(spec);
  const decimals = decimalsFor(((ci[1] - ci[0]) / 2) * scale, ci[1] * scale);
  return `${signed(ci[0] * scale, decimals)} to ${signed(ci[1] * scale, decimals)}${unit ? ` ${unit}` : ""}`;
}

/** A factor's value as people read it: integers with thousands separators (1,000), text as is. */
export function factorValue(v: RunValue | undefined): string {
  if (v === null || v === undefined || v === "") return "(empty)";
  if (typeof v === "number" && Number.isInteger(v) && Math.abs(v) >= 1000) return v.toLocaleString("en-US");
  return typeof v === "number" ? sig(v, 6) : String(v);
}

/** The config columns whose values differ between two configurations, in the first one's order. */
export function factorChanges(from: Record<string, RunValue>, to: Record<string, RunValue>): FactorChange[] {
  const keys = [...Object.keys(from), ...Object.keys(to).filter((k) => !(k in from))];
  return keys
    .filter((k) => (from[k] ?? null) !== (to[k] ?? null))
    .map((k) => ({ column: k, from: from[k] ?? null, to: to[k] ?? null }));
}

function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1] ?? ""}`;
}

/** "exp2 changes layers 1 -> 2 and n_images 1,000 -> 2,000 at once: the gain cannot be attributed to either; ..." */
export function confoundSentence(
  experiment: string,
  changes: readonly FactorChange[],
  outcome: "won" | "lost",
): string {
  const what = joinAnd(changes.map((c) => `${c.column} ${factorValue(c.from)} -> ${factorValue(c.to)}`));
  const effect = outcome === "won" ? "gain" : "loss";
  const which = changes.length === 2 ? "either" : "any one of them";
  return `${experiment} changes ${what} at once: the ${effect} cannot be attributed to ${which}; run one that changes a single factor.`;
}

/** The seeds-needed sentence for a tie, or null when nothing useful can be said. */
export function seedsSentence(estimate: SeedsEstimate): string {
  if (estimate.ok && estimate.raisedFrom !== undefined) {
    const present = (estimate.perSide - 1).toLocaleString("en-US");
    return `More than ${present} seeds per side are needed to tell them apart: ${present} per side did not.`;
  }
  if (estimate.ok)
    return `About ${estimate.perSide.toLocaleString("en-US")} seeds per side would detect a difference of this size (95% confidence, 80% power).`;
  if (estimate.reason === "too_many")
    return `More than ${MAX_SEEDS.toLocaleString("en-US")} seeds per side would be needed to detect a difference this small: treat them as equal.`;
  if (estimate.reason === "no_difference") return "The means are equal: more seeds would not show a difference.";
  return "Run at least 2 seeds of each to estimate the spread.";
}

/** Welch's 95% CI of a difference of means, computed on scaled terms so huge or tiny spreads stay finite. */
function welchDifferenceCi(a: VerdictSide, b: VerdictSide, df: number, diff: number): [number, number] | null {
  const sa = a.stats.std;
  const sb = b.stats.std;
  if (sa === null || sb === null) return null;
  const se = Math.hypot(sa / Math.sqrt(a.stats.n), sb / Math.sqrt(b.stats.n));
  if (!Number.isFinite(se)) return null;
  if (se === 0) return [diff, diff];
  const half = tInv(0.975, df) * se;
  return [diff - half, diff + half];
}

/** The spread to plan seeds from: pooled over both sides, or the one side that has one. */
function planningStd(a: VerdictSide, b: VerdictSide): number | null {
  const sa = a.stats.std;
  const sb = b.stats.std;
  if (sa !== null && sb !== null) return pooledStd(sa, a.stats.n, sb, b.stats.n);
  return sa ?? sb;
}

/**
 * Compares an experiment with its baseline (see the module comment for the states). The tie rule
 * is best()'s (stats.ts isTie): tied when Welch's p >= 0.05 or the two 95% CIs overlap; when only
 * the overlap makes it a tie, a caveat says so. With a single run on a side there is no test
 * ("cannot tell"). Seeds needed are always more than the smaller side already has.
 */
export function compareWithBaseline(
  exp: VerdictSide,
  base: VerdictSide,
  spec: Pick<ColumnSpec, "name" | "type" | "min" | "max" | "unit">,
  goal: Goal,
  options: { baselineDefaulted?: boolean } = {},
): Verdict {
  const diff = exp.stats.mean - base.stats.mean;
  const n: [number, number] = [exp.stats.n, base.stats.n];
  const changes = factorChanges(base.stats.config, exp.stats.config);
  const test = welchTTest(exp.values, base.values);
  let outcome: VerdictOutcome;
  let ci: [number, number] | null = null;
  let pValueReason: string | undefined;
  if (!test) {
    outcome = "cannot tell";
    pValueReason =
      n[0] < 2 && n[1] < 2
        ? "a single run each"
        : n[0] < 2
          ? `${exp.name} has a single run`
          : `${base.name} has a single run`;
  } else {
    ci = welchDifferenceCi(exp, base, test.df, diff);
    if (isTie(test.p, exp.stats.ci95, base.stats.ci95)) outcome = "tied";
    else outcome = (goal === "max" ? diff > 0 : diff < 0) ? "won" : "lost";
  }

  let seeds: SeedsEstimate | null = null;
  if (outcome === "tied" || outcome === "cannot tell") {
    const std = planningStd(exp, base);
    const estimate: SeedsEstimate =
      std === null ? { ok: false, reason: "no_spread", effect: null } : seedsNeeded(diff, std, PLANNING);
    seeds = seedsBeyond(estimate, Math.min(n[0], n[1]));
  }
  let state: VerdictState = outcome;
  if ((outcome === "won" || outcome === "lost") && changes.length > 1) state = "confounded";
  else if (seeds?.ok) state = "seeds needed";

  const defaulted = options.baselineDefaulted === true;
  const verb =
    outcome === "won"
      ? (against: string) => `${exp.name} beats ${against}`
      : outcome === "lost"
        ? (against: string) => `${exp.name} is worse than ${against}`
        : (against: string) => `cannot tell ${exp.name} from ${against}`;
  const numbers = [
    `${spec.name} ${formatDifference(diff, spec, ci)}`,
    ...(ci ? [`95% CI ${formatDifferenceCi(ci, spec)}`] : []),
    test ? `p ${formatP(test.p)}` : `no test: ${pValueReason ?? "too few runs"}`,
    `n = ${n[0]} vs ${n[1]}`,
  ].join(", ");
  const caveats: string[] = [];
  if (state === "confounded" && (outcome === "won" || outcome === "lost"))
    caveats.push(confoundSentence(exp.name, changes, outcome));
  if (test && outcome === "tied" && overlapOnlyTie(test.p, exp.stats.ci95, base.stats.ci95))
    caveats.push(overlapSentence(exp.name, base.name));
  if (seeds) caveats.push(seedsSentence(seeds));
  const headline = `${verb(base.name)}: ${numbers}.`;
  const against = defaulted ? `${base.name} (the previous experiment; no baseline set)` : base.name;
  const sentence = [`${verb(against)}: ${numbers}.`, ...caveats].join(" ");
  if (defaulted)
    caveats.unshift(`Compared with ${base.name}, the previous experiment: no baseline is set in Experiments.`);

  const verdict: Verdict = {
    state,
    outcome,
    experiment: exp.name,
    baseline: base.name,
    baselineDefaulted: defaulted,
    difference: diff,
    differenceText: formatDifference(diff, spec, ci),
    differenceCi: ci,
    pValue: test ? test.p : null,
    n,
    changes,
    seeds,
    sentence,
    headline,
    caveats,
  };
  if (pValueReason !== undefined) verdict.pValueReason = pValueReason;
  return verdict;
}

export type BestVerdictKind = "none" | "single" | "clear" | "tied" | "cannot-tell";

/** The headline of a best() result: what it says, and how it should be shown. */
export interface BestVerdict {
  kind: BestVerdictKind;
  /** One sentence. */
  text: string;
  /** success: a clear winner; warning: a tie, cannot tell or nothing qualifies; info: a single configuration. */
  intent: "success" | "warning" | "info";
}

/**
 * The honest headline of a best() result: a clear winner, a tie with the runner-up, or
 * "cannot tell" when there are not enough replicates for a test.
 */
export function bestVerdict(result: BestResult): BestVerdict {
  const [winner, runnerUp] = result.ranking;
  if (!winner || !result.best)
    return {
      kind: "none",
      text: `No run qualifies for ${result.metric}: see the excluded runs below.`,
      intent: "warning",
    };
  const what = `${result.goal === "max" ? "highest" : "lowest"} mean ${result.metric}`;
  if (!runnerUp)
    return {
      kind: "single",
      text: `Only one configuration qualifies; it has the ${what} (${meanPlusMinus(winner.mean, winner.ci95)}).`,
      intent: "info",
    };
  if (result.pValue === null)
    return {
      kind: "cannot-tell",
      text: `Cannot tell the best from the runner-up: ${(result.pValueReason ?? "not enough runs for a test").replace(/^cannot tell:\s*/i, "")}. Run more seeds of both to decide.`,
      intent: "warning",
    };
  if (result.tiedWithRunnerUp)
    return {
      kind: "tied",
      text:
        result.pValue < 0.05
          ? `Tied with the runner-up: p ${formatP(result.pValue)}, but their 95% intervals overlap, and RunSheet names a winner only when both agree. Run more seeds or pick by another criterion.`
          : `Tied with the runner-up (p ${formatP(result.pValue)}): the difference in ${result.metric} could be noise. Run more seeds or pick by another criterion.`,
      intent: "warning",
    };
  return {
    kind: "clear",
    text: `The best configuration has the ${what}, clearly ahead of the runner-up (p ${formatP(result.pValue)}).`,
    intent: "success",
  };
}

/**
 * Why a result with p < 0.05 is still called a tie: the two configurations' 95% intervals overlap,
 * and RunSheet names a winner only when the test and the chart's error bars agree.
 */
export function overlapSentence(a: string, b: string): string {
  return `Welch's test alone favours one side (p < 0.05), but the 95% intervals of ${a} and ${b} overlap, and RunSheet names a winner only when both agree.`;
}

/** The verdict of an experiment with no baseline before it: its own result. */
export function firstExperimentSentence(name: string, metric: string, summary: string): string {
  return `${name} is the first experiment: ${metric} ${summary}`;
}

/** The verdict of an experiment without qualifying runs. */
export function noRunsSentence(name: string, metric: string): string {
  return `${name} has no finished run with ${metric} yet`;
}

/** Why an experiment could not be compared with its baseline: no such experiment, or no runs there. */
export function cannotCompareSentence(name: string, baseline: string, metric: string, known: boolean): string {
  return known
    ? `cannot compare ${name} with ${baseline}: ${baseline} has no finished run with ${metric}`
    : `cannot compare ${name} with ${baseline}: there is no experiment ${baseline}`;
}
