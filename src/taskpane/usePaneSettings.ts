import { useCallback, useEffect, useRef } from "react";
import type { PaneSettings, PaneSettingsPatch } from "../excel/index";
import { usePaneState } from "./PaneState";
import { useWorkbook } from "./WorkbookContext";

/** How long typing pauses before a changed view is saved into the workbook. */
const SAVE_DELAY_MS = 400;

/**
 * The pane's view as stored in the workbook (metric, goal, constraints, Compare's runs, ...):
 * read once per pane, changed at once on screen, saved into the workbook shortly after, so a
 * colleague opening the file sees the same view. `settings` is null until it has been read.
 */
export function usePaneSettings(): { settings: PaneSettings | null; update: (patch: PaneSettingsPatch) => void } {
  const { gateway } = useWorkbook();
  const [settings, setSettings] = usePaneState<PaneSettings | null>("settings", null);
  const pending = useRef<PaneSettingsPatch>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (settings !== null) return;
    let live = true;
    gateway.readSettings().then(
      (s) => live && setSettings(s),
      // A host that cannot read settings still gets a working pane, with the defaults.
      () => live && setSettings({}),
    );
    return () => {
      live = false;
    };
  }, [gateway, settings, setSettings]);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const patch = pending.current;
    pending.current = {};
    if (Object.keys(patch).length > 0) gateway.saveSettings(patch).catch(() => undefined);
  }, [gateway]);

  // Leaving the tab saves what is still waiting.
  useEffect(() => flush, [flush]);

  const update = useCallback(
    (patch: PaneSettingsPatch) => {
      // A field set to undefined goes back to its default, on screen as in the workbook.
      setSettings(
        (s) =>
          Object.fromEntries(
            Object.entries({ ...(s ?? {}), ...patch }).filter(([, v]) => v !== undefined),
          ) as PaneSettings,
      );
      pending.current = { ...pending.current, ...patch };
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_DELAY_MS);
    },
    [setSettings, flush],
  );
  return { settings, update };
}
