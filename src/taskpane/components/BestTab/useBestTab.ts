import { useCallback, useEffect, useMemo, useState } from "react";
import { buildSummary, summaryLatex, summaryMarkdown, type BestResult, type Goal } from "../../../core/index";
import { checkRuns, generateReport, type CheckOutcome } from "../../../excel/index";
import { metricOptions, paretoRuns, registryEntryFor, runBest } from "../../logic/bestPlan";
import { verdictOf } from "../../logic/format";
import { useWorkbook } from "../../WorkbookContext";
import { useEdgeErrors } from "../ErrorBar/useEdgeErrors";

export type GoalChoice = Goal | "auto";

/** State and actions of the Best tab: metric, goal, constraints, ranking, Register best. */
export function useBestTab() {
  const { gateway, revision, notifyChanged } = useWorkbook();
  const { error, busy, guard, dismiss, setError } = useEdgeErrors();
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const [metric, setMetric] = useState<string>("");
  const [goal, setGoal] = useState<GoalChoice>("auto");
  const [where, setWhere] = useState("");
  const [pareto, setPareto] = useState("");
  const [result, setResult] = useState<BestResult | null>(null);
  const [registered, setRegistered] = useState<string | null>(null);

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
    if (first && !metrics.some((m) => m.name === metric)) setMetric(first.name);
  }, [metrics, metric]);

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
    const r = runBest(fresh, { metric, ...(goal !== "auto" ? { goal } : {}), where, pareto });
    if (r.ok) setResult(r.value);
    else {
      setResult(null);
      setError(r.issues.map((i) => i.message).join(" "));
    }
  }, [gateway, guard, metric, goal, where, pareto, setError]);

  const register = useCallback(async () => {
    if (!result || !outcome) return;
    const entry = registryEntryFor(result, outcome, where);
    if (!entry) return;
    const done = await guard(() => gateway.registerBest(entry));
    if (!done) return;
    setRegistered(
      done.status === "registered"
        ? `Registered run ${entry.runId} for ${entry.metric} in the Registry (row ${done.row}).`
        : `Run ${entry.runId} is already registered for ${entry.metric} (Registry row ${done.row}); nothing was added.`,
    );
    notifyChanged();
  }, [result, outcome, where, gateway, guard, notifyChanged]);

  const writeReport = useCallback(async () => {
    setRegistered(null);
    if (!metric) return;
    const done = await guard(() =>
      generateReport(gateway, { metric, ...(goal !== "auto" ? { goal } : {}), where, pareto }),
    );
    if (!done) return;
    setRegistered(
      `${done.replaced ? "Regenerated" : "Wrote"} the ${done.sheet} sheet: ${done.sections} experiment section${done.sections === 1 ? "" : "s"}, ${done.charts} chart${done.charts === 1 ? "" : "s"}.`,
    );
  }, [gateway, guard, metric, goal, where, pareto]);

  /** Copies the Summary table (one row per configuration, mean ± std, 95% CI) as Markdown or LaTeX. */
  const copySummary = useCallback(
    async (as: "md" | "latex") => {
      setRegistered(null);
      if (!outcome || !metric) return;
      const table = buildSummary(
        { runs: outcome.runs, schema: outcome.schema },
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
    [outcome, metric, goal, where, guard, setError],
  );

  const verdict = useMemo(() => (result ? verdictOf(result) : null), [result]);
  const front = useMemo(() => (result && outcome ? paretoRuns(result, outcome.runs) : []), [result, outcome]);

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
    front,
    result,
    verdict,
    find,
    register,
    writeReport,
    copySummary,
    registered,
    busy,
    error,
    dismiss,
    hasRuns: (outcome?.runs.length ?? 0) > 0,
  };
}
