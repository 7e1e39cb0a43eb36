import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  anchorFixes,
  checkRuns,
  fixesOf,
  type CheckOutcome,
  type LocatedIssue,
  type RowsOutside,
  type Subscription,
} from "../../../excel/index";
import { createDebouncer } from "../../logic/debounce";
import { plural } from "../../logic/display-format";
import { groupBySeverity } from "./issue-groups";
import { focusResult, useAnnounce } from "../../PaneState";
import { useWorkbook } from "../../WorkbookContext";
import { useEdgeErrors } from "../ErrorBar/useEdgeErrors";
import { unrestoredSentence } from "../../logic/unrestored-edits";

/** Quiet period after the last edit before revalidating, so a burst of typing costs one read, not one per keystroke. */
export const REVALIDATE_DELAY_MS = 400;

/** Where focus goes after Validate: the summary line; after a fix: the sentence that says what was fixed. */
export const CHECK_SUMMARY_ID = "check-summary";
export const CHECK_FIX_NOTICE_ID = "check-fix-notice";

/** What a check found, in one sentence for the live region. */
export function checkSentence(outcome: CheckOutcome): string {
  if (!outcome.grid) return "No runs found: create the tracker or adopt a sheet on the Runs tab.";
  const { error, warning } = outcome.counts;
  return error + warning === 0
    ? `No problems in ${plural(outcome.runs.length, "run")}.`
    : `${plural(error, "error")}, ${plural(warning, "warning")} in ${plural(outcome.runs.length, "run")}.`;
}

/** State and actions of the Check tab: validate, marks, select, safe fixes, live revalidation. */
export function useCheckTab() {
  const { gateway, revision, notifyChanged } = useWorkbook();
  const announce = useAnnounce();
  const { error, busy, guard, dismiss } = useEdgeErrors();
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  // Rows just below the Runs table that validation cannot see, offered with "Include them".
  const [outside, setOutside] = useState<RowsOutside | null>(null);
  const [live, setLive] = useState(true);
  const [liveSupported, setLiveSupported] = useState(true);
  const [fixNotice, setFixNotice] = useState<string | null>(null);
  const subscription = useRef<Subscription | null>(null);
  const subscribedSheet = useRef<string | null>(null);
  const validateRef = useRef<(automatic?: boolean) => Promise<void>>(() => Promise.resolve());
  const debouncer = useMemo(() => createDebouncer(() => void validateRef.current(true), REVALIDATE_DELAY_MS), []);

  // Revalidation after an edit waits while the user is typing in a cell instead of failing.
  const validate = useCallback(
    async (automatic = false) => {
      debouncer.mute();
      try {
        const next = await guard(async () => {
          const target = automatic ? gateway.afterCellEdit() : gateway;
          const checked = await checkRuns(target, { mark: true });
          return { checked, outside: checked.grid?.source === "table" ? await target.rowsOutsideRuns() : null };
        });
        if (next) {
          setOutcome(next.checked);
          setOutside(next.outside && next.outside.count > 0 ? next.outside : null);
          // A check the user asked for is announced and focused; a revalidation while typing is not.
          if (!automatic) {
            announce(checkSentence(next.checked));
            if (next.checked.grid) focusResult(CHECK_SUMMARY_ID);
          }
        }
      } finally {
        debouncer.unmute();
      }
    },
    [gateway, guard, debouncer, announce],
  );
  validateRef.current = validate;

  // Live revalidation: follow the runs sheet while "Live" is on.
  const sheet = outcome?.grid?.sheet ?? null;
  useEffect(() => {
    let cancelled = false;
    const stop = async () => {
      const current = subscription.current;
      subscription.current = null;
      subscribedSheet.current = null;
      if (current) await current.remove().catch(() => undefined);
    };
    if (!live || !sheet) {
      void stop();
      return;
    }
    if (subscribedSheet.current === sheet) return;
    void (async () => {
      await stop();
      // A handler whose removal failed must not revalidate for a sheet we no longer follow.
      const sub = await guard(() =>
        gateway.subscribe(sheet, () => {
          if (subscribedSheet.current === sheet) debouncer.trigger();
        }),
      );
      if (!sub) return;
      if (cancelled) {
        await sub.remove().catch(() => undefined);
        return;
      }
      subscription.current = sub;
      subscribedSheet.current = sheet;
      setLiveSupported(sub.supported);
    })();
    return () => {
      cancelled = true;
    };
  }, [live, sheet, gateway, guard, debouncer]);

  useEffect(
    () => () => {
      debouncer.cancel();
      const current = subscription.current;
      subscription.current = null;
      subscribedSheet.current = null;
      if (current) void current.remove().catch(() => undefined);
    },
    [debouncer],
  );

  // Opening the tab checks right away (and starts following edits); later, a change made
  // through another tab (import, new tracker) bumps the revision and checks again.
  useEffect(() => {
    void validateRef.current();
  }, [revision]);

  const select = useCallback(
    async (issue: LocatedIssue) => {
      const cell = issue.cell;
      if (cell) await guard(() => gateway.select(cell));
    },
    [gateway, guard],
  );

  const applyFixList = useCallback(
    async (issues: readonly LocatedIssue[]) => {
      // Each fix carries its row's run id, so a row a co-author moved is never written.
      const fixes = outcome ? anchorFixes(fixesOf(issues), outcome) : fixesOf(issues);
      if (fixes.length === 0) return;
      let fixed: string | null = null;
      debouncer.mute();
      try {
        const result = await guard(() => gateway.applyFixes(fixes));
        if (result) {
          const lost = unrestoredSentence(result.unrestored);
          const sentence = [
            result.stale.length > 0
              ? `Fixed ${result.applied}; ${result.stale.length} cell(s) had changed or moved since the check and were left alone.`
              : `Fixed ${result.applied} cell${result.applied === 1 ? "" : "s"}.`,
            lost,
          ]
            .filter(Boolean)
            .join(" ");
          setFixNotice(sentence);
          notifyChanged();
          fixed = sentence;
        }
      } finally {
        debouncer.unmute();
      }
      await validate(true);
      // Said after the re-check, so the fix sentence is what the live region ends on.
      if (fixed) {
        announce(fixed);
        focusResult(CHECK_FIX_NOTICE_ID);
      }
    },
    [gateway, guard, debouncer, validate, notifyChanged, outcome, announce],
  );

  const includeOutside = useCallback(async () => {
    const included = await guard(() => gateway.includeRowsOutsideRuns());
    if (included) notifyChanged();
    await validate();
    if (included) announce(`Included ${plural(included, "row")} in the Runs table.`);
  }, [gateway, guard, validate, notifyChanged, announce]);

  const clearMarks = useCallback(async () => {
    await guard(() => gateway.clearMarks());
  }, [gateway, guard]);

  const groups = useMemo(() => (outcome ? groupBySeverity(outcome.issues) : []), [outcome]);
  const safeFixCount = useMemo(() => (outcome ? fixesOf(outcome.issues).length : 0), [outcome]);

  return {
    outcome,
    outside,
    includeOutside,
    groups,
    safeFixCount,
    busy,
    error,
    dismiss,
    fixNotice,
    live,
    setLive,
    liveSupported,
    validate,
    select,
    fix: (issue: LocatedIssue) => applyFixList([issue]),
    fixAll: () => applyFixList(outcome?.issues ?? []),
    clearMarks,
  };
}
