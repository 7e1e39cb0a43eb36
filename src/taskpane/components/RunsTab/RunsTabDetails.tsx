/**
 * The Runs tab's parts that need workbook data first: the adopted sheet's header row and inferred
 * types, and the seed-column choice. They load after the tab's first render, with their form
 * controls (SpinButton, Select, Field), which keeps the pane's initial JavaScript small.
 */
import { Button, Field, Select, SpinButton, Subtitle2 } from "@fluentui/react-components";
import { useState } from "react";
import type { AdoptedView } from "./runs-plan";
import { useRunsTabStyles } from "./RunsTab.styles";

export interface AdoptedSheetViewProps {
  adopted: AdoptedView;
  busy: boolean;
  onHeaderRow: (row: number | "selection") => void;
}

/** The adopted sheet: its header row, the columns and types RunSheet inferred, and a header-row picker. */
export function AdoptedSheetView({ adopted, busy, onHeaderRow }: AdoptedSheetViewProps) {
  const styles = useRunsTabStyles();
  const [row, setRow] = useState<number | null>(null);
  const headerRow = row ?? adopted.headerRow;
  return (
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
        <Button onClick={() => onHeaderRow(headerRow)} disabled={busy} data-testid="use-header-row">
          Use row {headerRow}
        </Button>
        <Button onClick={() => onHeaderRow("selection")} disabled={busy} data-testid="use-selected-row">
          Use the selected row
        </Button>
      </div>
    </section>
  );
}

export interface SeedColumnFieldProps {
  value: string;
  options: readonly string[];
  onChange: (column: string) => void;
}

/** Which column marks replicates of one configuration; saved with the workbook. */
export function SeedColumnField({ value, options, onChange }: SeedColumnFieldProps) {
  return (
    <Field
      label="Seed column"
      hint="Runs that differ only in this column are replicates of one configuration. Saved with the workbook."
    >
      <Select value={value} onChange={(_, data) => onChange(data.value)} data-testid="seed-column">
        <option value="">Automatic (a column named seed)</option>
        {options.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
