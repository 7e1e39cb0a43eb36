import {
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Spinner,
  Switch,
  Text,
} from "@fluentui/react-components";
import type { FormField } from "./log-run-form";
import { RECIPE_COLUMNS } from "./log-run-form";
import { ErrorBar } from "../ErrorBar/ErrorBar";
import { useLogRunTabStyles } from "./LogRunTab.styles";
import { fieldInputId, useLogRunTab } from "./useLogRunTab";

type Tab = ReturnType<typeof useLogRunTab>;

const GROUPS: { title: string; has: (f: FormField) => boolean }[] = [
  { title: "Run", has: (f) => f.role === "id" || f.role === "tag" },
  { title: "Configuration", has: (f) => f.role === "param" || f.role === "data" },
  { title: "Results", has: (f) => f.role === "metric" },
  { title: "Details", has: (f) => f.role === "meta" && !RECIPE_COLUMNS.has(f.name.toLowerCase()) },
];

function FieldInput({ field, s, className }: { field: FormField; s: Tab; className: string }) {
  const id = fieldInputId(field.name);
  const raw = s.values[field.name];
  const text = typeof raw === "string" ? raw : "";
  const testId = `logrun-field-${field.name}`;
  switch (field.kind) {
    case "boolean":
      return (
        <Switch
          id={id}
          checked={raw === true}
          onChange={(_, data) => s.setField(field.name, data.checked)}
          data-testid={testId}
        />
      );
    case "choice":
      return (
        <Dropdown
          id={id}
          className={className}
          value={text}
          selectedOptions={text ? [text] : []}
          placeholder={`Choose ${field.name}`}
          onOptionSelect={(_, data) => s.setField(field.name, data.optionValue ?? "")}
          data-testid={testId}
        >
          {!field.required && <Option value="">(empty)</Option>}
          {field.choices.map((c) => (
            <Option key={c} value={c}>
              {c}
            </Option>
          ))}
        </Dropdown>
      );
    default: {
      const type = field.kind === "date" ? "date" : field.kind === "datetime" ? "datetime-local" : "text";
      return (
        <Input
          id={id}
          className={className}
          type={type}
          value={text}
          inputMode={field.kind === "number" ? "decimal" : undefined}
          placeholder={field.kind === "number" ? (s.separator === "," ? "e.g. 0,91" : "e.g. 0.91") : undefined}
          contentAfter={field.unit ? <Text size={200}>{field.unit}</Text> : null}
          onChange={(_, data) => s.setField(field.name, data.value)}
          data-testid={testId}
        />
      );
    }
  }
}

function FormFieldRow({ field, s, className }: { field: FormField; s: Tab; className: string }) {
  const error = s.errors[field.name];
  const warning = s.warnings[field.name];
  return (
    <Field
      label={field.name}
      required={field.required}
      hint={field.description ?? null}
      validationState={error ? "error" : warning ? "warning" : "none"}
      validationMessage={error ?? warning ?? null}
    >
      <FieldInput field={field} s={s} className={className} />
    </Field>
  );
}

/** The Log run tab: one run typed into a form generated from the RunSchema, checked as validation would. */
export function LogRunTab() {
  const styles = useLogRunTabStyles();
  const s = useLogRunTab();
  const recipe = s.fields.filter((f) => f.role === "meta" && RECIPE_COLUMNS.has(f.name.toLowerCase()));
  return (
    <section className={styles.root} aria-label="Log run" data-testid="logrun-tab">
      <ErrorBar message={s.error} onDismiss={s.dismiss} />
      {s.notice && (
        <div id="logrun-notice" tabIndex={-1}>
          <MessageBar intent="success" data-testid="logrun-notice">
            <MessageBarBody>{s.notice}</MessageBarBody>
          </MessageBar>
        </div>
      )}
      {!s.ready && <Spinner size="small" label="Reading the schema…" />}
      {s.ready && !s.hasTable && (
        <Text data-testid="logrun-no-table">
          There is no Runs table to log into yet: use Create tracker on the Runs tab first.
        </Text>
      )}
      {s.hasTable && (
        <form
          className={styles.form}
          aria-label="New run"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void s.submit("log");
          }}
        >
          {GROUPS.map((g) => {
            const fields = s.fields.filter(g.has);
            if (fields.length === 0) return null;
            return (
              <fieldset key={g.title} className={styles.group}>
                <legend className={styles.legend}>{g.title}</legend>
                {fields.map((f) => (
                  <FormFieldRow key={f.name} field={f} s={s} className={styles.input} />
                ))}
              </fieldset>
            );
          })}
          {recipe.length > 0 && (
            <details>
              <summary className={styles.summary}>Recipe (from the previous run)</summary>
              <fieldset className={styles.group}>
                <legend className={styles.hint}>How to re-run it</legend>
                {recipe.map((f) => (
                  <FormFieldRow key={f.name} field={f} s={s} className={styles.input} />
                ))}
              </fieldset>
            </details>
          )}
          {s.duplicateConfig && s.pending && (
            <div id="logrun-confirm" tabIndex={-1}>
              <MessageBar intent="warning" data-testid="logrun-confirm">
                <MessageBarBody>
                  <MessageBarTitle>This configuration is already in the table</MessageBarTitle>
                  {s.duplicateConfig}
                </MessageBarBody>
                <MessageBarActions>
                  <Button onClick={() => void s.submit(s.pending ?? "log", true)} data-testid="logrun-anyway">
                    Log anyway
                  </Button>
                </MessageBarActions>
              </MessageBar>
            </div>
          )}
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={s.busy} data-testid="logrun-submit">
              Log run{s.row !== null ? ` (row ${s.row})` : ""}
            </Button>
            {s.canNextSeed && (
              <Button onClick={() => void s.submit("next")} disabled={s.busy} data-testid="logrun-next-seed">
                Log and next seed
              </Button>
            )}
            <Button appearance="subtle" onClick={s.clear} disabled={s.busy} data-testid="logrun-clear">
              Clear
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
