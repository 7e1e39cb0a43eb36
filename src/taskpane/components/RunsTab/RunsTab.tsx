import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  SpinButton,
  Spinner,
  Subtitle2,
  Text,
} from "@fluentui/react-components";
import { useState } from "react";
import { ErrorBar } from "../ErrorBar/ErrorBar";
import { useRunsTabStyles } from "./RunsTab.styles";
import { RUNS_NOTICE_ID, useRunsTab } from "./useRunsTab";

/** The main button keeps the test id of the action it does. */
const MAIN_TEST_ID = { create: "create-tracker", adopt: "adopt-sheet", check: "check-runs" } as const;

/** Tab 1: is there a tracker in this workbook, how many runs, and what the next step is. */
export function RunsTab() {
  const styles = useRunsTabStyles();
  const s = useRunsTab();
  const { status, adopted, busy, main } = s;
  const [row, setRow] = useState<number | null>(null);
  const headerRow = row ?? adopted?.headerRow ?? 1;
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
      {adopted && (
        <section className={styles.adopted} aria-label="Adopted sheet" data-testid="adopted-view">
          <Subtitle2 as="h2">
            Header: row {adopted.headerRow} of &quot;{adopted.sheet}&quot;
          </Subtitle2>
          <table className={styles.columns} data-testid="inferred-columns">
            <caption className={styles.caption}>Columns and the types RunSheet inferred</caption>
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Type</th>
                <th scope="col">Role</th>
              </tr>
            </thead>
            <tbody>
              {adopted.columns.map((c) => (
                <tr key={c.name}>
                  <td className={styles.name}>{c.name}</td>
                  <td>{c.type}</td>
                  <td>{c.role}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className={styles.actions}>
            <Field label="Header row" className={styles.rowField}>
              <SpinButton
                min={1}
                value={headerRow}
                onChange={(_, data) => {
                  const v = data.value ?? Number(data.displayValue);
                  if (Number.isInteger(v) && v >= 1) setRow(v);
                }}
                data-testid="header-row-input"
              />
            </Field>
            <Button onClick={() => void s.setHeaderRow(headerRow)} disabled={busy} data-testid="use-header-row">
              Use row {headerRow}
            </Button>
            <Button onClick={() => void s.setHeaderRow("selection")} disabled={busy} data-testid="use-selected-row">
              Use the selected row
            </Button>
          </div>
        </section>
      )}
      {status && (status.hasTracker || status.adoptedSheet) && s.seedOptions.length > 0 && (
        <Field
          label="Seed column"
          hint="Runs that differ only in this column are replicates of one configuration. Saved with the workbook."
        >
          <Select value={s.seedColumn} onChange={(_, data) => s.setSeedColumn(data.value)} data-testid="seed-column">
            <option value="">Automatic (a column named seed)</option>
            {s.seedOptions.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </section>
  );
}
