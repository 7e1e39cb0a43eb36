import { useCallback, useDeferredValue, useEffect, useMemo, useState } from "react";
import { checkRuns, type CheckOutcome } from "../../../excel/index";
import {
  afterLogDraft,
  checkDraft,
  decimalSeparator,
  formFields,
  idField,
  nextSeedDraft,
  planRow,
  recipeFromLastRun,
  seedField,
  type Draft,
  type ExistingRuns,
} from "./log-run-form";
import { useAnnounce, usePaneState } from "../../PaneState";
import { useWorkbook } from "../../WorkbookContext";
import { useEdgeErrors } from "../ErrorBar/useEdgeErrors";
import { ownerDraft } from "../EnvironmentsTab/owner-name";

/** Where the last logged run's settings are remembered between sessions (this browser only). */
const LAST_VALUES_KEY = "RunSheet.logRun.last";

function loadLastValues(): Draft {
  try {
    const text = globalThis.localStorage?.getItem(LAST_VALUES_KEY);
    const parsed: unknown = text ? JSON.parse(text) : null;
    if (!parsed || typeof parsed !== "object") return {};
    const draft: Draft = {};
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>))
      if (typeof v === "string" || typeof v === "boolean") draft[k] = v;
    return draft;
  } catch {
    return {};
  }
}

function saveLastValues(draft: Draft): void {
  try {
    globalThis.localStorage?.setItem(LAST_VALUES_KEY, JSON.stringify(draft));
  } catch {
    // Storage may be disabled (private mode, policy): remembering is a convenience only.
  }
}

/** The DOM id of a field's input, so a failed check can move focus to it. */
export function fieldInputId(name: string): string {
  return `logrun-${name.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

function focusById(id: string): void {
  // After React has rendered the message the focus should land on.
  setTimeout(() => globalThis.document?.getElementById(id)?.focus(), 0);
}

export type LogMode = "log" | "next";

/** State and actions of the Log run tab: the form from the RunSchema, its live check, and the write. */
export function useLogRunTab() {
  const { gateway, revision, notifyChanged } = useWorkbook();
  const announce = useAnnounce();
  const { error, busy, guard, dismiss, setError } = useEdgeErrors();
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const [draft, setDraft] = usePaneState<Draft | null>("logRun.draft", null);
  const [attempted, setAttempted] = usePaneState("logRun.attempted", false);
  const [notice, setNotice] = usePaneState<string | null>("logRun.notice", null);
  const [pending, setPending] = useState<LogMode | null>(null);
  const separator = useMemo(() => decimalSeparator(globalThis.navigator?.language), []);

  useEffect(() => {
    void (async () => {
      const next = await guard(() => checkRuns(gateway));
      if (next) setOutcome(next);
    })();
  }, [gateway, guard, revision]);

  const fields = useMemo(() => (outcome ? formFields(outcome.schema) : []), [outcome]);
  const existing: ExistingRuns | null = useMemo(
    () =>
      outcome?.grid && outcome.grid.source === "table"
        ? { grid: outcome.grid.grid, rowOffset: outcome.grid.rowOffset, headerRow: outcome.headerRow }
        : null,
    [outcome],
  );

  // First visit: the last logged settings, with the recipe of the sheet's last run on top.
  useEffect(() => {
    if (draft !== null || !existing || fields.length === 0) return;
    // The owner is who logs the run (the name set in the Recipes tab), not the last run's owner.
    setDraft({ ...loadLastValues(), ...recipeFromLastRun(fields, existing), ...ownerDraft(fields.map((f) => f.name)) });
  }, [draft, existing, fields, setDraft]);

  const values = useMemo(() => draft ?? {}, [draft]);
  const deferred = useDeferredValue(values);
  const planned = useMemo(
    () =>
      existing
        ? planRow(fields, deferred, existing.grid[existing.headerRow - existing.rowOffset] ?? [], separator)
        : null,
    [existing, fields, deferred, separator],
  );
  const check = useMemo(
    () => (outcome && existing && planned ? checkDraft(outcome.schema, existing, planned) : null),
    [outcome, existing, planned],
  );

  const setField = useCallback(
    (name: string, value: string | boolean) => {
      setPending(null);
      setDraft((d) => ({ ...(d ?? {}), [name]: value }));
    },
    [setDraft],
  );

  /** Errors to show: a field's own once it holds something, every one after a Log attempt. */
  const shownErrors = useMemo(() => {
    const out: Record<string, string> = {};
    if (!check) return out;
    for (const [name, message] of Object.entries(check.errors)) {
      const typed = values[name];
      if (attempted || (typed !== undefined && typed !== "")) out[name] = message;
    }
    const id = idField(fields);
    if (id && check.duplicateId) out[id.name] = check.duplicateId;
    return out;
  }, [check, values, attempted, fields]);

  const submit = useCallback(
    async (mode: LogMode, force = false) => {
      setNotice(null);
      if (!existing || !outcome) {
        setError("There is no Runs table yet: use Create tracker on the Runs tab first.");
        return;
      }
      // Check the draft as it is now, not the deferred one the inputs show.
      const plan = planRow(fields, values, existing.grid[existing.headerRow - existing.rowOffset] ?? [], separator);
      const now = checkDraft(outcome.schema, existing, plan);
      const problems = Object.keys(now.errors);
      const id = idField(fields);
      if (now.duplicateId && id && !problems.includes(id.name)) problems.unshift(id.name);
      if (problems.length > 0) {
        setAttempted(true);
        const first = fields.find((f) => problems.includes(f.name));
        announce(`${problems.length} field${problems.length === 1 ? "" : "s"} to fix before logging.`);
        if (first) focusById(fieldInputId(first.name));
        return;
      }
      if (now.duplicateConfig && !force) {
        setPending(mode);
        announce(now.duplicateConfig);
        focusById("logrun-confirm");
        return;
      }
      setPending(null);
      const done = await guard(() => gateway.appendRuns(plan.header, [plan.row], plan.textCells));
      if (!done) return;
      if (done.appended === 0) {
        setError(`Nothing was written: the run_id ${done.skipped.join(", ")} is already in the table.`);
        return;
      }
      const runId = id ? String(values[id.name] ?? "").trim() : "";
      const next = mode === "next" ? nextSeedDraft(fields, values) : afterLogDraft(fields, values);
      const sentence =
        `Logged ${runId ? `run ${runId}` : "the run"} on row ${done.firstRow} of ${done.sheet}.` +
        (mode === "next" && seedField(fields)
          ? ` The form is ready for seed ${String(next[seedField(fields)?.name ?? ""] ?? "")}.`
          : "");
      saveLastValues(afterLogDraft(fields, values));
      setDraft(next);
      setAttempted(false);
      setNotice(sentence);
      announce(sentence);
      focusById("logrun-notice");
      notifyChanged();
    },
    [
      existing,
      outcome,
      fields,
      values,
      separator,
      guard,
      gateway,
      announce,
      notifyChanged,
      setDraft,
      setAttempted,
      setNotice,
      setError,
    ],
  );

  const clear = useCallback(() => {
    setDraft(existing ? recipeFromLastRun(fields, existing) : {});
    setAttempted(false);
    setPending(null);
    setNotice(null);
  }, [existing, fields, setDraft, setAttempted, setNotice]);

  return {
    ready: outcome !== null,
    hasTable: existing !== null,
    fields,
    values,
    setField,
    errors: shownErrors,
    warnings: check?.warnings ?? {},
    duplicateConfig: pending ? (check?.duplicateConfig ?? null) : null,
    pending,
    row: check?.row ?? null,
    separator,
    canNextSeed: seedField(fields) !== undefined,
    submit,
    clear,
    notice,
    busy,
    error,
    dismiss,
  };
}
