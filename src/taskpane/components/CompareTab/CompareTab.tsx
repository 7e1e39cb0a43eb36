import {
  Button,
  Checkbox,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  Switch,
  Text,
  mergeClasses,
} from "@fluentui/react-components";
import type { RunValue } from "../../../core/index";
import { formatValue } from "../../logic/display-format";
import { ErrorBar } from "../ErrorBar/ErrorBar";
import { EnvDiffView } from "../EnvironmentsTab/EnvDiffView";
import { useCompareTabStyles } from "./CompareTab.styles";
import { COMPARE_NOTICE_ID, useCompareTab } from "./useCompareTab";

function shown(v: RunValue): string {
  if (v === null || v === "") return "–";
  return typeof v === "number" ? formatValue(v) : String(v);
}

/** Delta text with a sign and an arrow, so better and worse read without colour (forced colours too). */
function deltaText(v: RunValue, direction: -1 | 0 | 1 | null | undefined): string {
  if (typeof v !== "number") return "–";
  const sign = v > 0 ? "+" : "";
  const mark = direction === 1 ? " ▲ better" : direction === -1 ? " ▼ worse" : "";
  return `${sign}${formatValue(v)}${mark}`;
}

/** The Compare tab: selected runs side by side, deltas against a baseline run, written to the Compare sheet. */
export function CompareTab() {
  const styles = useCompareTabStyles();
  const s = useCompareTab();
  const c = s.compared && "result" in s.compared ? s.compared : null;
  return (
    <section className={styles.root} aria-label="Compare" data-testid="compare-tab">
      <ErrorBar message={s.error} onDismiss={s.dismiss} />
      {s.notice && (
        <div id={COMPARE_NOTICE_ID} tabIndex={-1}>
          <MessageBar intent="success" data-testid="compare-notice">
            <MessageBarBody>{s.notice}</MessageBarBody>
          </MessageBar>
        </div>
      )}
      {!s.ready && <Spinner size="small" label="Reading the runs…" />}
      <Button onClick={() => void s.pickSelected()} disabled={s.busy || !s.ready} data-testid="compare-use-selection">
        Add the rows selected in the sheet
      </Button>
      <Field label="Find runs" hint="Type a run id, an experiment or a value.">
        <Input type="search" value={s.search} onChange={(_, d) => s.setSearch(d.value)} data-testid="compare-search" />
      </Field>
      <div className={styles.picker} role="group" aria-label="Runs to compare" data-testid="compare-picker">
        {s.candidates.shown.map((r) => (
          <Checkbox
            key={`${r.excelRow}`}
            label={`${r.id} (row ${r.excelRow})`}
            checked={s.selected.includes(r.id)}
            onChange={(_, d) => s.toggle(r.id, d.checked === true)}
            data-testid={`compare-pick-${r.id}`}
          />
        ))}
        {s.candidates.more > 0 && <Text className={styles.hint}>and {s.candidates.more} more: search to narrow.</Text>}
      </div>
      <div className={styles.row}>
        <Field label="Baseline run">
          <Dropdown
            value={s.baseline ?? ""}
            selectedOptions={s.baseline ? [s.baseline] : []}
            placeholder="Pick runs first"
            onOptionSelect={(_, d) => d.optionValue && s.setBaseline(d.optionValue)}
            data-testid="compare-baseline"
          >
            {s.selected.map((id) => (
              <Option key={id} value={id}>
                {id}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Switch
          label="Only columns that differ"
          checked={s.diffOnly}
          onChange={(_, d) => s.setDiffOnly(d.checked)}
          data-testid="compare-diff-only"
        />
      </div>
      {s.compared && "problem" in s.compared && <Text>{s.compared.problem}</Text>}
      {c && (
        <>
          <div className={styles.tableWrap}>
            <table className={styles.table} data-testid="compare-table" aria-label="Runs compared with the baseline">
              <thead>
                <tr>
                  <th className={styles.cell} scope="col">
                    column
                  </th>
                  {c.result.runs.map((r) => (
                    <th key={r.id} className={mergeClasses(styles.cell, styles.num)} scope="col">
                      {r.id}
                      {r.id === c.result.baseline.id ? " (baseline)" : ""}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {c.table.map((row) => (
                  <tr key={row.label} data-kind={row.kind}>
                    <th className={styles.cell} scope="row">
                      {row.label}
                    </th>
                    {row.cells.map((v, i) => {
                      const dir = row.direction?.[i];
                      return (
                        <td
                          key={i}
                          className={mergeClasses(
                            styles.cell,
                            styles.num,
                            dir === 1 && styles.better,
                            dir === -1 && styles.worse,
                          )}
                          data-direction={dir ?? undefined}
                        >
                          {row.kind === "delta" ? deltaText(v, dir) : shown(v)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {c.table.length === 0 && <Text>These runs are the same in every column.</Text>}
          {s.envDiffs.map((d) => (
            <EnvDiffView key={d.caption} diff={d.diff} caption={`Environment: ${d.caption}`} />
          ))}
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void s.write()} disabled={s.busy} data-testid="compare-write">
              Write to the Compare sheet
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
