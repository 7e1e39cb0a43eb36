import { useCallback, useEffect, useMemo, useState } from "react";
import { diffEnvironments, type EnvDiff } from "../../../core/env/index";
import { compare, type CompareResult } from "../../../core/index";
import {
  checkRuns,
  compareTable,
  type CheckOutcome,
  type CompareTableRow,
  type StoredEnvironments,
} from "../../../excel/index";
import { focusResult, useAnnounce, usePaneState } from "../../PaneState";
import { usePaneSettings } from "../../usePaneSettings";
import { useWorkbook } from "../../WorkbookContext";
import { useEdgeErrors } from "../ErrorBar/useEdgeErrors";

/** Runs listed at once in the picker; the search narrows the rest. */
export const PICKER_LIMIT = 50;
export const COMPARE_NOTICE_ID = "compare-notice";

/** State and actions of the Compare tab: which runs, which baseline, diff-only, and the Compare sheet. */
export function useCompareTab() {
  const { gateway, revision, notifyChanged } = useWorkbook();
  const announce = useAnnounce();
  const { error, busy, guard, dismiss } = useEdgeErrors();
  const { settings, update } = usePaneSettings();
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const [environments, setEnvironments] = useState<StoredEnvironments>(new Map());
  const [search, setSearch] = usePaneState("compare.search", "");
  const [notice, setNotice] = usePaneState<string | null>("compare.notice", null);

  useEffect(() => {
    void (async () => {
      const next = await guard(async () => ({
        runs: await checkRuns(gateway),
        envs: await gateway.readEnvironments(),
      }));
      if (!next) return;
      setOutcome(next.runs);
      setEnvironments(next.envs);
    })();
  }, [gateway, guard, revision]);

  const selected = useMemo(() => settings?.compareRuns ?? [], [settings]);
  const diffOnly = settings?.diffOnly ?? true;
  const baseline =
    settings?.compareBaseline && selected.includes(settings.compareBaseline) ? settings.compareBaseline : selected[0];

  const candidates = useMemo(() => {
    const runs = outcome?.runs ?? [];
    const q = search.trim().toLowerCase();
    const match =
      q === ""
        ? runs
        : runs.filter((r) => [r.id, ...Object.values(r.values).map(String)].some((t) => t.toLowerCase().includes(q)));
    return { shown: match.slice(0, PICKER_LIMIT), more: Math.max(0, match.length - PICKER_LIMIT) };
  }, [outcome, search]);

  const toggle = useCallback(
    (id: string, on: boolean) => {
      const next = on ? [...selected.filter((x) => x !== id), id] : selected.filter((x) => x !== id);
      update({ compareRuns: next });
      setNotice(null);
    },
    [selected, update, setNotice],
  );
  const setBaseline = useCallback((id: string) => update({ compareBaseline: id }), [update]);

  /** Adds the runs of the rows selected in the Runs table (their ids read with the selection). */
  const pickSelected = useCallback(async () => {
    const idColumn = outcome?.schema.columns.find((c) => c.role === "id")?.name;
    if (!idColumn) {
      setNotice("The runs have no id column, so selected rows cannot be named: pick runs from the list.");
      return;
    }
    const picked = await guard(() => gateway.selectedRunIds(idColumn));
    if (!picked) return;
    const known = new Set((outcome?.runs ?? []).map((r) => r.id));
    const ids = picked.ids.filter((id) => known.has(id));
    const sentence = !picked.inTable
      ? "The selection is not on the Runs table's rows: select the rows of the runs to compare."
      : ids.length === 0
        ? "The selected rows hold no run ids."
        : `Added ${ids.length === 1 ? "1 run" : `${ids.length} runs`} selected in the sheet: ${ids.join(", ")}.`;
    if (ids.length > 0) update({ compareRuns: [...selected.filter((x) => !ids.includes(x)), ...ids] });
    setNotice(sentence);
    announce(sentence);
    focusResult(COMPARE_NOTICE_ID);
  }, [outcome, gateway, guard, selected, update, setNotice, announce]);
  const setDiffOnly = useCallback((on: boolean) => update({ diffOnly: on }), [update]);

  const compared = useMemo((): { result: CompareResult; table: CompareTableRow[] } | { problem: string } | null => {
    if (!outcome || selected.length === 0) return null;
    const r = compare({ runs: outcome.runs, schema: outcome.schema }, selected, {
      ...(baseline ? { baseline } : {}),
      allColumns: !diffOnly,
    });
    if (!r.ok) return { problem: r.issues.map((i) => i.message).join(" ") };
    return { result: r.value, table: compareTable(r.value, outcome.schema) };
  }, [outcome, selected, baseline, diffOnly]);

  // Each compared run's environment against the baseline's, when both are on the Environments sheet.
  const envDiffs = useMemo((): { caption: string; diff: EnvDiff }[] => {
    if (!outcome || !compared || "problem" in compared) return [];
    const envColumn = outcome.schema.columns.find((c) => c.name.toLowerCase() === "environment")?.name;
    if (!envColumn) return [];
    const envOf = (id: string): string => {
      const run = outcome.runs.find((r) => r.id === id);
      const v = run?.values[envColumn];
      return v === null || v === undefined ? "" : String(v).trim();
    };
    const base = compared.result.baseline.id;
    const baseEnv = envOf(base);
    const baseStored = environments.get(baseEnv);
    if (!baseStored) return [];
    return compared.result.runs
      .filter((r) => r.id !== base)
      .flatMap((r) => {
        const env = envOf(r.id);
        const stored = environments.get(env);
        if (!stored || env === baseEnv) return [];
        return [{ caption: `${base} (${baseEnv}) -> ${r.id} (${env})`, diff: diffEnvironments(baseStored, stored) }];
      });
  }, [outcome, compared, environments]);

  const write = useCallback(async () => {
    if (!compared || "problem" in compared) return;
    const done = await guard(() => gateway.writeCompare(compared.result, compared.table));
    if (!done) return;
    const sentence = `${done.replaced ? "Regenerated" : "Wrote"} the ${done.sheet} sheet: ${compared.result.runs.length} runs against ${compared.result.baseline.id}, ${done.rows} rows.`;
    setNotice(sentence);
    announce(sentence);
    focusResult(COMPARE_NOTICE_ID);
    notifyChanged();
  }, [compared, gateway, guard, setNotice, announce, notifyChanged]);

  return {
    ready: outcome !== null,
    search,
    setSearch,
    candidates,
    selected,
    toggle,
    pickSelected,
    baseline,
    setBaseline,
    diffOnly,
    setDiffOnly,
    compared,
    envDiffs,
    write,
    notice,
    busy,
    error,
    dismiss,
  };
}
