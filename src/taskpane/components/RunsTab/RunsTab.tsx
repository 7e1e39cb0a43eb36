import { Button, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { ErrorBar } from "../ErrorBar/ErrorBar";
import { useRunsTabStyles } from "./RunsTab.styles";
import { useRunsTab } from "./useRunsTab";

/** Tab 1: is there a tracker in this workbook, and how many runs. */
export function RunsTab() {
  const styles = useRunsTabStyles();
  const { status, busy, error, dismiss, notice, create, adopt, refresh } = useRunsTab();
  return (
    <section className={styles.root} aria-label="Runs" data-testid="runs-tab">
      <ErrorBar message={error} onDismiss={dismiss} />
      {notice && (
        <MessageBar intent="info" data-testid="runs-notice">
          <MessageBarBody>{notice}</MessageBarBody>
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
            {status.hasTracker ? status.runCount : "–"}
          </dd>
          <dt className={styles.term}>Schema</dt>
          <dd className={styles.value}>
            {status.hasSchemaTable ? "Schema sheet (RunSchema table)" : "Inferred from the sheet"}
          </dd>
          <dt className={styles.term}>Active sheet</dt>
          <dd className={styles.value}>{status.activeSheet}</dd>
        </dl>
      )}
      {status && !status.hasTracker && (
        <Text>
          Create the Runs, Schema, Experiments and Registry sheets, or keep your own sheet and let RunSheet read it as
          it is.
        </Text>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void create()} disabled={busy} data-testid="create-tracker">
          {!status?.hasTracker
            ? "Create tracker"
            : status.hasSchemaTable
              ? "Repair tracker sheets"
              : "Save schema and add missing sheets"}
        </Button>
        <Button onClick={() => void adopt()} disabled={busy} data-testid="adopt-sheet">
          Adopt this sheet
        </Button>
        <Button appearance="subtle" onClick={() => void refresh()} disabled={busy} data-testid="refresh-status">
          Refresh
        </Button>
      </div>
    </section>
  );
}
