import { Button, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { Suspense, lazy } from "react";
import { ErrorBar } from "../ErrorBar/ErrorBar";
import { useRunsTabStyles } from "./RunsTab.styles";
import { RUNS_NOTICE_ID, useRunsTab } from "./useRunsTab";

// Shown once the workbook has answered; their form controls load then, not with the pane.
const AdoptedSheetView = lazy(() => import("./RunsTabDetails").then((m) => ({ default: m.AdoptedSheetView })));
const SeedColumnField = lazy(() => import("./RunsTabDetails").then((m) => ({ default: m.SeedColumnField })));

/** The main button keeps the test id of the action it does. */
const MAIN_TEST_ID = { create: "create-tracker", adopt: "adopt-sheet", check: "check-runs" } as const;

/** Tab 1: is there a tracker in this workbook, how many runs, and what the next step is. */
export function RunsTab() {
  const styles = useRunsTabStyles();
  const s = useRunsTab();
  const { status, adopted, busy, main } = s;
  return (
    <section className={styles.root} aria-label="Runs" data-testid="runs-tab">
      <ErrorBar message={s.error} onDismiss={s.dismiss} />
      {s.notice && (
        <MessageBar intent="info" data-testid="runs-notice" id={RUNS_NOTICE_ID} tabIndex={-1}>
          <MessageBarBody>{s.notice}</MessageBarBody>
        </MessageBar>
      )}
      {!status && busy && <Spinner size="small" label="Reading the workbook…" />}
      {status && (
        <dl className={styles.facts} data-testid="tracker-status">
          <dt className={styles.term}>Tracker</dt>
          <dd className={styles.value} data-testid="tracker-present">
            {status.hasTracker
              ? "Present (Runs table)"
              : status.adoptedSheet
                ? `Adopted sheet "${status.adoptedSheet}"`
                : "Not set up"}
          </dd>
          <dt className={styles.term}>Runs</dt>
          <dd className={styles.value} data-testid="run-count">
            {status.hasTracker ? status.runCount : adopted ? adopted.runCount : "–"}
          </dd>
          <dt className={styles.term}>Schema</dt>
          <dd className={styles.value}>
            {status.hasSchemaTable ? "Schema sheet (RunSchema table)" : "Inferred from the sheet"}
          </dd>
          <dt className={styles.term}>Active sheet</dt>
          <dd className={styles.value} data-testid="active-sheet">
            {status.activeSheet}
          </dd>
        </dl>
      )}
      {status && !status.hasTracker && !status.adoptedSheet && (
        <Text>
          Create the Runs, Schema, Experiments and Registry sheets, or keep your own sheet and let RunSheet read it as
          it is.
        </Text>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          onClick={() => void s.runMain()}
          disabled={busy || !main}
          data-testid={MAIN_TEST_ID[main?.kind ?? "create"]}
          data-kind={main?.kind}
        >
          {main?.label ?? "Create tracker"}
        </Button>
        {main && main.kind !== "create" && (
          <Button onClick={() => void s.create()} disabled={busy} data-testid="create-tracker">
            {!status?.hasTracker
              ? "Create tracker"
              : status.hasSchemaTable
                ? "Repair tracker sheets"
                : "Save schema and add missing sheets"}
          </Button>
        )}
        {main && main.kind !== "adopt" && !status?.hasTracker && (
          <Button onClick={() => void s.adopt()} disabled={busy} data-testid="adopt-sheet">
            Adopt this sheet
          </Button>
        )}
        <Button appearance="subtle" onClick={() => void s.refresh()} disabled={busy} data-testid="refresh-status">
          Refresh
        </Button>
      </div>
      <Suspense fallback={null}>
        {adopted && <AdoptedSheetView adopted={adopted} busy={busy} onHeaderRow={(row) => void s.setHeaderRow(row)} />}
        {status && (status.hasTracker || status.adoptedSheet) && s.seedOptions.length > 0 && (
          <SeedColumnField value={s.seedColumn} options={s.seedOptions} onChange={s.setSeedColumn} />
        )}
      </Suspense>
    </section>
  );
}
