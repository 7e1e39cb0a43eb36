import { useCallback, useEffect, useMemo, useState } from "react";
import {
  buildSummary,
  metricOptions,
  runBest,
  summaryLatex,
  summaryMarkdown,
  type BestResult,
  type Goal,
} from "../../../core/index";
import { checkRuns, generateReport, type CheckOutcome } from "../../../excel/index";
import { choiceFixes, constraintHint, paretoRuns, registryEntryFor, winnerVerdict, type ChoiceFix } from "./best-plan";
import { verdictOf } from "../../logic/display-format";
import { focusResult, useAnnounce, usePaneState } from "../../PaneState";
import { usePaneSettings } from "../../usePaneSettings";
import { useWorkbook } from "../../WorkbookContext";
import { useEdgeErrors } from "../ErrorBar/useEdgeErrors";
import { unrestoredSentence } from "../../logic/unrestored-edits";

export type GoalChoice = Goal | "auto";

/** Element ids the tab moves focus to after an action. */
export const BEST_RESULT_ID = "best-result";
export const BEST_NOTICE_ID = "best-notice";

/** State and actions of the Best tab: metric, goal, constraints, ranking, Register best, Mark best. */
export function useBestTab() {
  const { gateway, revision, notifyChanged } = useWorkbook();
  const announce = useAnnounce();
  const { error, busy, guard, dismiss, setError } = useEdgeErrors();
  const { settings, update } = usePaneSettings();
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const [result, setResult] = usePaneState<BestResult | null>("best.result", null);
  const [registered, setRegistered] = usePaneState<string | null>("best.notice", null);

  const metric = settings?.metric ?? "";
  const goal: GoalChoice = settings?.goal ?? "auto";
  const where = settings?.where ?? "";
  const pareto = settings?.pareto ?? "";
  const setMetric = useCallback((m: string) => update({ metric: m }), [update]);
  const setGoal = useCallback((g: GoalChoice) => update({ goal: g }), [update]);
  const setWhere = useCallback((w: string) => update({ where: w }), [update]);
  const setPareto = useCallback((p: string) => update({ pareto: p }), [update]);

  const load = useCallback(async () => {
    const next = await guard(() => checkRuns(gateway));
    if (next) setOutcome(next);
  }, [gateway, guard]);

  useEffect(() => {
    void load();
  }, [load, revision]);

  const metrics = useMemo(() => (outcome ? metricOptions(outcome.schema) : []), [outcome]);
  useEffect(() => {
    const first = metrics[0];
    if (settings !== null && first && !metrics.some((m) => m.name === metric)) setMetric(first.name);
  }, [metrics, metric, settings, setMetric]);

  const find = useCallback(async () => {
    setRegistered(null);
    // Re-read so the ranking reflects the sheet as it is now.
    const fresh = await guard(() => checkRuns(gateway));
    if (!fresh) return;
    setOutcome(fresh);
    if (!metric) {
      setError("Pick a metric first (the schema has no metric column yet).");
      return;
    }
    const seedColumn = settings?.seedColumn;
    const r = runBest(fresh, {
      metric,
      ...(goal !== "auto" ? { goal } : {}),
      where,
      pareto,
      ...(seedColumn ? { seedColumn } : {}),
    });
    if (r.ok) {
      setResult(r.value);
      const v = verdictOf(r.value);
      announce(`${r.value.best ? `Best run: ${r.value.best.id}. ` : ""}${v.text}`);
      focusResult(BEST_RESULT_ID);
    } else {
      setResult(null);
      setError(r.issues.map((i) => i.message).join(" "));
    }
  }, [gateway, guard, metric, goal, where, pareto, settings, setError, setResult, setRegistered, announce]);

  const say = useCallback(
    (sentence: string) => {
      setRegistered(sentence);
      announce(sentence);
      focusResult(BEST_NOTICE_ID);
    },
    [setRegistered, announce],
  );

  const register = useCallback(async () => {
    if (!result || !outcome) return;
    const entry = registryEntryFor(result, outcome, where);
    if (!entry) return;
    const done = await guard(() => gateway.registerBest(entry));
    if (!done) return;
    say(
      done.status === "registered"
        ? `Registered run ${entry.runId} for ${entry.metric} in the Registry (row ${done.row}).`
        : `Run ${entry.runId} is already registered for ${entry.metric} (Registry row ${done.row}); nothing was added.`,
    );
    notifyChanged();
  }, [result, outcome, where, gateway, guard, notifyChanged, say]);

  const markBest = useCallback(async () => {
    const best = result?.best;
    if (!best || !outcome?.grid) return;
    const grid = outcome.grid;
    const done = await guard(async () => {
      await gateway.select({ sheet: grid.sheet, row: best.row, column: grid.columnOffset });
      return true;
    });
    if (done) say(`Selected run ${best.id} on row ${best.row} of ${grid.sheet}.`);
  }, [result, outcome, gateway, guard, say]);

  const writeReport = useCallback(async () => {
    setRegistered(null);
    if (!metric) return;
    const done = await guard(() =>
      generateReport(gateway, { metric, ...(goal !== "auto" ? { goal } : {}), where, pareto }),
    );
    if (!done) return;
    say(
      `${done.replaced ? "Regenerated" : "Wrote"} the ${done.sheet} sheet: ${done.sections} experiment section${done.sections === 1 ? "" : "s"}, ${done.charts} chart${done.charts === 1 ? "" : "s"}.`,
    );
    notifyChanged();
  }, [gateway, guard, metric, goal, where, pareto, setRegistered, say, notifyChanged]);

  const fixes = useMemo(
    () => (outcome ? choiceFixes(outcome.issues, outcome.schema) : new Map<number, ChoiceFix>()),
    [outcome],
  );

  /** Writes the choice a typo meant into its cell (only if the cell still holds the typo), then ranks again. */
  const applyChoiceFix = useCallback(
    async (fix: ChoiceFix) => {
      const issue = outcome?.issues.find((i) => i.row === fix.row && i.column === fix.column && i.cell);
      if (!issue?.cell) return;
      const cell = issue.cell;
      const done = await guard(() => gateway.applyFixes([{ ...cell, expected: fix.value, value: fix.choice }]));
      if (!done) return;
      notifyChanged();
      if (done.unrestored.length > 0) {
        setError(unrestoredSentence(done.unrestored));
        return;
      }
      if (done.applied === 0) {
        setError(
          `Row ${fix.row} changed since it was checked; nothing was written. Find best again to see it as it is.`,
        );
        return;
      }
      await find();
      announce(`Row ${fix.row}: ${fix.column} is now "${fix.choice}".`);
    },
    [outcome, gateway, guard, notifyChanged, setError, find, announce],
  );

  /** Copies the Summary table (one row per configuration, mean ± std, 95% CI) as Markdown or LaTeX. */
  const copySummary = useCallback(
    async (as: "md" | "latex") => {
      setRegistered(null);
      if (!outcome || !metric) return;
      const table = buildSummary(
        { runs: outcome.runs, schema: outcome.schema, leaveOutErrorsOf: outcome.issues },
        { metric, ...(goal !== "auto" ? { goal } : {}), ...(where.trim() ? { where } : {}) },
      );
      if (!table.ok) {
        setError(table.issues.map((i) => i.message).join(" "));
        return;
      }
      const text = as === "md" ? summaryMarkdown(table.value) : summaryLatex(table.value);
      const done = await guard(() => navigator.clipboard.writeText(text).then(() => true));
      if (done)
        setRegistered(
          `Copied the summary of ${table.value.rows.length} configuration${table.value.rows.length === 1 ? "" : "s"} as ${as === "md" ? "Markdown" : "LaTeX"}.`,
        );
    },
    [outcome, metric, goal, where, guard, setError, setRegistered],
  );

  const verdict = useMemo(() => (result ? verdictOf(result) : null), [result]);
  const comparison = useMemo(
    () => (result && outcome ? winnerVerdict(result, outcome.runs, outcome.schema) : null),
    [result, outcome],
  );
  const front = useMemo(() => (result && outcome ? paretoRuns(result, outcome.runs) : []), [result, outcome]);
  const hint = useMemo(
    () => (outcome ? constraintHint(outcome.schema, outcome.runs, metric) : "For example: latency_ms <= 50"),
    [outcome, metric],
  );

  return {
    metrics,
    metric,
    setMetric,
    goal,
    setGoal,
    where,
    setWhere,
    pareto,
    setPareto,
    hint,
    front,
    result,
    verdict,
    comparison,
    find,
    register,
    markBest,
    writeReport,
    fixes,
    applyChoiceFix,
    openErrors: outcome?.counts.error ?? 0,
    copySummary,
    registered,
    busy,
    error,
    dismiss,
    hasRuns: (outcome?.runs.length ?? 0) > 0,
  };
}
