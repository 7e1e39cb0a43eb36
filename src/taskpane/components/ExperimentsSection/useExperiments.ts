import { useCallback } from "react";
import type { Goal } from "../../../core/index";
import { baselineFix, updateExperiments, type ExperimentsOutcome } from "../../../excel/index";
import { focusResult, useAnnounce, usePaneState } from "../../PaneState";
import { useWorkbook } from "../../WorkbookContext";
import { useEdgeErrors } from "../ErrorBar/useEdgeErrors";
import { unrestoredSentence } from "../../logic/unrestored-edits";

/** Element id the section moves focus to after an update or a baseline pick. */
export const EXPERIMENTS_RESULT_ID = "experiments-result";

/** The value of the baseline picker that leaves the baseline to the previous experiment. */
export const DEFAULT_BASELINE = "";

/** What the Best tab's view supplies: the metric and goal for rows naming none, and its constraints. */
export interface ExperimentsQuery {
  metric: string;
  goal?: Goal;
  where: string;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * State and actions of the Experiments section: "Update Experiments sheet" (append new ids,
 * rewrite the verdict column) and picking an experiment's baseline, which is written into the
 * sheet's baseline cell only if it still holds what the pane read.
 */
export function useExperiments(query: ExperimentsQuery) {
  const { gateway, notifyChanged } = useWorkbook();
  const announce = useAnnounce();
  const { error, busy, guard, dismiss, setError } = useEdgeErrors();
  const [outcome, setOutcome] = usePaneState<ExperimentsOutcome | null>("experiments.outcome", null);
  const [notice, setNotice] = usePaneState<string | null>("experiments.notice", null);
  const { metric, goal, where } = query;

  const run = useCallback(async (): Promise<ExperimentsOutcome | undefined> => {
    const done = await guard(() =>
      updateExperiments(gateway, { metric, ...(goal ? { goal } : {}), ...(where.trim() ? { where } : {}) }),
    );
    if (done) {
      setOutcome(done);
      notifyChanged();
    }
    return done;
  }, [gateway, guard, metric, goal, where, setOutcome, notifyChanged]);

  const say = useCallback(
    (sentence: string) => {
      setNotice(sentence);
      announce(sentence);
      focusResult(EXPERIMENTS_RESULT_ID);
    },
    [setNotice, announce],
  );

  const update = useCallback(async () => {
    const done = await run();
    if (!done) return;
    const what = done.created ? "Created" : "Updated";
    const added = done.added.length > 0 ? `, added ${done.added.join(", ")}` : "";
    say(
      `${what} the ${done.sheet} sheet: ${plural(done.verdicts.length, "experiment")}${added}; ${plural(done.verdictsChanged, "verdict")} changed.`,
    );
  }, [run, say]);

  /** Sets `id`'s baseline in the sheet (DEFAULT_BASELINE clears it), then updates the verdicts. */
  const setBaseline = useCallback(
    async (id: string, baseline: string) => {
      const table = outcome?.table;
      const fix = table ? baselineFix(table, id, baseline) : null;
      if (!fix) {
        setError(`The Experiments table has no row ${id} with a baseline column: update the sheet first.`);
        return;
      }
      const written = await guard(() => gateway.applyFixes([fix]));
      if (!written) return;
      if (written.unrestored.length > 0) {
        setError(unrestoredSentence(written.unrestored));
        return;
      }
      if (written.applied === 0 && written.alreadyFixed === 0) {
        setError(
          `The baseline of ${id} was changed in the sheet since the pane read it; nothing was written. Update the sheet to see it as it is.`,
        );
        return;
      }
      const done = await run();
      if (!done) return;
      const verdict = done.verdicts.find((v) => v.id === id);
      say(
        `${id} is now compared with ${baseline === DEFAULT_BASELINE ? `the previous experiment${verdict?.baseline ? ` (${verdict.baseline})` : ""}` : baseline}. ${verdict?.text ?? ""}`.trim(),
      );
    },
    [outcome, gateway, guard, run, say, setError],
  );

  return {
    verdicts: outcome?.verdicts ?? [],
    /** The baseline typed or picked in the sheet per experiment ("" when none is set). */
    baselineOf: (id: string) => outcome?.rows.find((r) => r.id === id)?.baseline ?? "",
    ids: outcome?.verdicts.map((v) => v.id) ?? [],
    update,
    setBaseline,
    notice,
    busy,
    error,
    dismiss,
  };
}
