import { useCallback, useEffect, useState } from "react";
import { setUpTracker, type TrackerStatus } from "../../../excel/index";
import { useWorkbook } from "../../WorkbookContext";
import { useEdgeErrors } from "../ErrorBar/useEdgeErrors";

/** State and actions of the Runs tab: tracker status, Create tracker, Adopt this sheet. */
export function useRunsTab() {
  const { gateway, revision, notifyChanged } = useWorkbook();
  const { error, busy, guard, dismiss } = useEdgeErrors();
  const [status, setStatus] = useState<TrackerStatus | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const next = await guard(() => gateway.status());
    if (next) setStatus(next);
  }, [gateway, guard]);

  useEffect(() => {
    void refresh();
  }, [refresh, revision]);

  const create = useCallback(async () => {
    const result = await guard(() => setUpTracker(gateway));
    if (!result) return;
    const parts: string[] = [];
    if (result.created.length > 0) parts.push(`Created ${result.created.join(", ")}.`);
    if (result.created.includes("Schema") && result.schemaFrom === "runs")
      parts.push("The Schema sheet describes your existing runs' columns; edit it to tighten the rules.");
    if (result.existing.length > 0) parts.push(`Already there: ${result.existing.join(", ")}.`);
    for (const c of result.conflicts) parts.push(c.message);
    setNotice(parts.join(" "));
    notifyChanged();
  }, [gateway, guard, notifyChanged]);

  const adopt = useCallback(async () => {
    const name = await guard(() => gateway.adoptActiveSheet());
    if (!name) return;
    setNotice(
      `RunSheet now reads runs from the sheet "${name}". Its data stays where it is; use the Check tab to validate it.`,
    );
    notifyChanged();
  }, [gateway, guard, notifyChanged]);

  return { status, busy, error, dismiss, notice, create, adopt, refresh };
}
