import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { checkRuns, setUpTracker, SHEETS, type Subscription, type TrackerStatus } from "../../../excel/index";
import { createDebouncer } from "../../logic/debounce";
import { adoptedView, mainAction, seedCandidates, type AdoptedView } from "./runs-plan";
import { focusResult, useAnnounce, useNavigate, usePaneState } from "../../PaneState";
import { usePaneSettings } from "../../usePaneSettings";
import { useWorkbook } from "../../WorkbookContext";
import { useEdgeErrors } from "../ErrorBar/useEdgeErrors";

/** Where focus goes after an action: the sentence that says what happened. */
export const RUNS_NOTICE_ID = "runs-notice";
/** Quiet period after the last edit or selection change before the counts are read again. */
export const RUNS_REFRESH_DELAY_MS = 300;

const OWN_SHEETS: readonly string[] = Object.values(SHEETS);

/**
 * State and actions of the Runs tab: tracker status kept true while the user edits and moves
 * around the workbook (change and selection events, debounced), Create tracker, Adopt this sheet
 * with the header row and the types it inferred, the header row the user points at, and the seed
 * column saved with the workbook.
 */
export function useRunsTab() {
  const { gateway, revision, notifyChanged } = useWorkbook();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const { error, busy, guard, dismiss } = useEdgeErrors();
  const { settings, update } = usePaneSettings();
  const [status, setStatus] = useState<TrackerStatus | null>(null);
  const [adopted, setAdopted] = useState<AdoptedView | null>(null);
  const [seedOptions, setSeedOptions] = useState<string[]>([]);
  const [notice, setNotice] = usePaneState<string | null>("runs.notice", null);
  const live = useRef(true);

  /** Reads the status, and the adopted sheet's header and types when runs come from one. */
  const read = useCallback(
    async (automatic: boolean) => {
      // Automatic refreshes wait while the user is typing in a cell instead of failing.
      const target = automatic ? gateway.afterCellEdit() : gateway;
      const next = await guard(async () => {
        const s = await target.status();
        const checked = s.hasTracker || s.adoptedSheet ? await checkRuns(target) : null;
        return { s, checked };
      });
      if (!next || !live.current) return;
      setStatus(next.s);
      setAdopted(next.checked && !next.s.hasTracker ? adoptedView(next.checked) : null);
      setSeedOptions(next.checked ? seedCandidates(next.checked) : []);
    },
    [gateway, guard],
  );
  const readRef = useRef(read);
  readRef.current = read;
  const debouncer = useMemo(() => createDebouncer(() => void readRef.current(true), RUNS_REFRESH_DELAY_MS), []);

  useEffect(() => {
    live.current = true;
    void read(false);
  }, [read, revision]);

  // Follow the user: another sheet activated, the selection moved (the active sheet line), and
  // edits on the runs sheet (the counts).
  const runsSheet = status?.hasTracker ? SHEETS.runs : (status?.adoptedSheet ?? null);
  useEffect(() => {
    let cancelled = false;
    const subs: Subscription[] = [];
    void (async () => {
      const watchers = [gateway.watchActivity(() => debouncer.trigger())];
      if (runsSheet) watchers.push(gateway.subscribe(runsSheet, () => debouncer.trigger()));
      for (const w of await Promise.allSettled(watchers)) if (w.status === "fulfilled") subs.push(w.value);
      if (cancelled) for (const s of subs) void s.remove().catch(() => undefined);
    })();
    return () => {
      cancelled = true;
      debouncer.cancel();
      for (const s of subs) void s.remove().catch(() => undefined);
    };
  }, [gateway, runsSheet, debouncer]);

  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );

  const say = useCallback(
    (sentence: string) => {
      setNotice(sentence);
      announce(sentence);
      focusResult(RUNS_NOTICE_ID);
    },
    [setNotice, announce],
  );

  const create = useCallback(async () => {
    debouncer.mute();
    try {
      const result = await guard(() => setUpTracker(gateway));
      if (!result) return;
      const parts: string[] = [];
      if (result.created.length > 0) parts.push(`Created ${result.created.join(", ")}.`);
      if (result.created.includes("Schema") && result.schemaFrom === "runs")
        parts.push("The Schema sheet describes your existing runs' columns; edit it to tighten the rules.");
      if (result.existing.length > 0) parts.push(`Already there: ${result.existing.join(", ")}.`);
      for (const c of result.conflicts) parts.push(c.message);
      say(parts.join(" "));
      notifyChanged();
    } finally {
      debouncer.unmute();
    }
  }, [gateway, guard, notifyChanged, say, debouncer]);

  const adopt = useCallback(async () => {
    const done = await guard(async () => {
      const name = await gateway.adoptActiveSheet();
      const outcome = await checkRuns(gateway);
      return { name, view: adoptedView(outcome) };
    });
    if (!done) return;
    const view = done.view;
    say(
      view
        ? `RunSheet now reads runs from the sheet "${done.name}": header on row ${view.headerRow}, ${view.columns.length} columns, ${view.runCount} runs. Its data stays where it is.`
        : `RunSheet now reads runs from the sheet "${done.name}". Its data stays where it is.`,
    );
    notifyChanged();
  }, [gateway, guard, notifyChanged, say]);

  /** Uses another row of the adopted sheet as its header: a row number, or the selected cell's row. */
  const setHeaderRow = useCallback(
    async (row: number | "selection") => {
      const done = await guard(() => gateway.setAdoptedHeaderRow(row));
      if (!done) return;
      say(`Header row is now row ${done.row}: ${done.cells.filter((c) => c !== "").join(", ")}.`);
      notifyChanged();
    },
    [gateway, guard, notifyChanged, say],
  );

  const seedColumn = settings?.seedColumn ?? "";
  const setSeedColumn = useCallback((name: string) => update({ seedColumn: name === "" ? undefined : name }), [update]);

  const main = status ? mainAction(status, adopted?.runCount ?? null, OWN_SHEETS) : null;
  const runMain = useCallback(async () => {
    if (!main) return;
    if (main.kind === "create") await create();
    else if (main.kind === "adopt") await adopt();
    else navigate("check");
  }, [main, create, adopt, navigate]);

  return {
    status,
    adopted,
    busy,
    error,
    dismiss,
    notice,
    main,
    runMain,
    create,
    adopt,
    setHeaderRow,
    seedColumn,
    seedOptions,
    setSeedColumn,
    refresh: () => read(false),
  };
}
