import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Subtitle2,
  Text,
} from "@fluentui/react-components";
import { ErrorBar } from "../ErrorBar/ErrorBar";
import { useExperimentsSectionStyles } from "./ExperimentsSection.styles";
import { DEFAULT_BASELINE, EXPERIMENTS_RESULT_ID, useExperiments, type ExperimentsQuery } from "./useExperiments";

const DEFAULT_LABEL = "Previous experiment (default)";

/**
 * The Best tab's Experiments section: writes every experiment of the runs and its verdict to the
 * Experiments sheet, and lets the user pick each experiment's baseline (kept in the sheet).
 */
export function ExperimentsSection(props: ExperimentsQuery) {
  const styles = useExperimentsSectionStyles();
  const s = useExperiments(props);
  return (
    <section className={styles.root} aria-labelledby="experiments-heading" data-testid="experiments-section">
      <Subtitle2 as="h2" id="experiments-heading">
        Experiments
      </Subtitle2>
      <Text className={styles.hint} size={200}>
        Lists each experiment of the runs on the Experiments sheet with its verdict against its baseline. Your own
        columns there (hypothesis, conclusion, ...) are never changed.
      </Text>
      <ErrorBar message={s.error} onDismiss={s.dismiss} />
      <div>
        <Button onClick={() => void s.update()} disabled={s.busy} data-testid="experiments-update">
          Update Experiments sheet
        </Button>
      </div>
      {s.notice && (
        <div id={EXPERIMENTS_RESULT_ID} tabIndex={-1}>
          <MessageBar intent="success" data-testid="experiments-notice">
            <MessageBarBody>{s.notice}</MessageBarBody>
          </MessageBar>
        </div>
      )}
      {s.verdicts.length > 0 && (
        <ul className={styles.list} data-testid="experiments-list">
          {s.verdicts.map((v, i) => {
            const chosen = s.baselineOf(v.id);
            const others = s.ids.filter((id) => id !== v.id);
            return (
              <li key={v.id} className={styles.item} data-testid="experiments-item" data-id={v.id}>
                <Text weight="semibold">{v.id}</Text>
                {i > 0 || chosen !== "" ? (
                  <Field label={`Baseline of ${v.id}`}>
                    <Dropdown
                      className={styles.picker}
                      value={chosen === "" ? DEFAULT_LABEL : chosen}
                      selectedOptions={[chosen]}
                      onOptionSelect={(_, data) => void s.setBaseline(v.id, data.optionValue ?? DEFAULT_BASELINE)}
                      disabled={s.busy}
                      data-testid={`experiments-baseline-${v.id}`}
                    >
                      <Option value={DEFAULT_BASELINE}>{DEFAULT_LABEL}</Option>
                      {others.map((id) => (
                        <Option key={id} value={id}>
                          {id}
                        </Option>
                      ))}
                    </Dropdown>
                  </Field>
                ) : null}
                <Text className={styles.verdict} size={200} data-testid="experiments-verdict">
                  {v.text}
                </Text>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
