import {
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Switch,
  Text,
  Textarea,
} from "@fluentui/react-components";
import { ENV_FORMATS } from "../../../core/env/index";
import { RECIPE_FORMATS, type RecipeFormat } from "../../../core/index";
import { ErrorBar } from "../ErrorBar/ErrorBar";
import { EnvDiffView } from "./EnvDiffView";
import { useEnvironmentsTabStyles } from "./EnvironmentsTab.styles";
import { useEnvironmentsTab, type FormatChoice } from "./useEnvironmentsTab";

const FORMAT_LABEL: Record<FormatChoice, string> = {
  auto: "Detect automatically",
  requirements: "pip / uv freeze, requirements.txt, poetry export",
  "conda-yaml": "conda env export (YAML)",
  "conda-list": "conda list --export",
  "r-session-info": "R sessionInfo()",
  "renv-lock": "renv.lock",
};

const RECIPE_LABEL: Record<RecipeFormat, string> = {
  json: "JSON",
  yaml: "YAML",
  args: "--key value arguments",
  hydra: "Hydra overrides",
};

/** Tab: the recipe of each run: environments (paste, store, compare), completeness, Copy recipe, my runs. */
export function EnvironmentsTab() {
  const styles = useEnvironmentsTabStyles();
  const s = useEnvironmentsTab();
  const runLabel = (id: string) => {
    const c = s.choices.find((x) => x.id === id);
    return c ? `${c.id}${c.environment ? ` · ${c.environment}` : ""}` : id;
  };
  return (
    <section className={styles.root} aria-label="Environments" data-testid="environments-tab">
      <ErrorBar message={s.error} onDismiss={s.dismiss} />

      <div className={styles.section}>
        <Field
          label="Paste an environment"
          hint="The output of pip freeze, uv pip freeze, poetry export, conda env export, conda list --export, R sessionInfo() or an renv.lock file."
        >
          <Textarea
            className={styles.paste}
            value={s.text}
            onChange={(_, data) => s.setText(data.value)}
            resize="vertical"
            data-testid="env-text"
          />
        </Field>
        <div className={styles.row}>
          <Field label="Format" className={styles.grow}>
            <Dropdown
              value={FORMAT_LABEL[s.format]}
              selectedOptions={[s.format]}
              onOptionSelect={(_, data) => s.setFormat((data.optionValue ?? "auto") as FormatChoice)}
              data-testid="env-format"
            >
              {(["auto", ...ENV_FORMATS] as FormatChoice[]).map((f) => (
                <Option key={f} value={f}>
                  {FORMAT_LABEL[f]}
                </Option>
              ))}
            </Dropdown>
          </Field>
        </div>
        <div className={styles.row}>
          <Button
            appearance="primary"
            onClick={() => void s.store()}
            disabled={s.busy || s.text.trim() === ""}
            data-testid="env-store"
          >
            Store environment
          </Button>
          <Text className={styles.hint} data-testid="env-count">
            {s.stored.size} environment{s.stored.size === 1 ? "" : "s"} stored
          </Text>
        </div>
        {s.notice && (
          <MessageBar intent="success" data-testid="env-notice">
            <MessageBarBody>{s.notice}</MessageBarBody>
          </MessageBar>
        )}
        {s.issues.length > 0 && (
          <ul className={styles.list} aria-label="Problems in the pasted environment" data-testid="env-issues">
            {s.issues.slice(0, 8).map((i) => (
              <li key={`${i.line}:${i.column}:${i.code}`}>
                <Text>
                  Line {i.line}, column {i.column}: {i.message}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </div>

      {s.figures.length > 0 && (
        <div className={styles.section} data-testid="recipe-completeness">
          <Text weight="semibold">Recipes (finished runs with code, data, environment and command pinned)</Text>
          <ul className={styles.list}>
            {s.figures.map((f) => (
              <li key={f.experiment}>
                <Text>
                  {f.experiment}: {f.text}
                </Text>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className={styles.section}>
        <Text weight="semibold">Whose runs</Text>
        <div className={styles.row}>
          <Field
            label="Your name (owner)"
            hint="Excel does not tell add-ins who is signed in; this name is kept in this browser."
            className={styles.grow}
          >
            <Input value={s.me} onChange={(_, data) => s.setMe(data.value)} data-testid="owner-name" />
          </Field>
        </div>
        <Switch
          checked={s.myOnly}
          onChange={(_, data) => s.setMyOnly(data.checked)}
          label={s.hasOwnerColumn ? "My runs only" : "My runs only (the Runs table has no owner column)"}
          disabled={!s.hasOwnerColumn}
          data-testid="my-runs"
        />
      </div>

      <div className={styles.section} data-testid="env-compare">
        <Text weight="semibold">Compare the environments of two runs</Text>
        <div className={styles.row}>
          {(["A", "B"] as const).map((side) => {
            const value = side === "A" ? s.runA : s.runB;
            return (
              <Field key={side} label={`Run ${side}`} className={styles.grow}>
                <Dropdown
                  value={value ? runLabel(value) : ""}
                  selectedOptions={value ? [value] : []}
                  placeholder="Choose a run"
                  onOptionSelect={(_, data) => {
                    const id = data.optionValue ?? "";
                    s.setPair(side === "A" ? [id, s.runB] : [s.runA, id]);
                  }}
                  data-testid={`env-run-${side.toLowerCase()}`}
                >
                  {s.shown.map((c) => (
                    <Option key={c.id} value={c.id} text={runLabel(c.id)}>
                      {runLabel(c.id)}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            );
          })}
        </div>
        {s.diff ? (
          <EnvDiffView diff={s.diff.diff} caption={s.diff.caption} />
        ) : (
          <Text className={styles.hint}>Pick two runs whose environment column names a stored environment.</Text>
        )}
      </div>

      <div className={styles.section} data-testid="copy-recipe">
        <Text weight="semibold">Copy recipe</Text>
        <div className={styles.row}>
          <Field label="Run" className={styles.grow}>
            <Dropdown
              value={s.recipeRun ? runLabel(s.recipeRun) : ""}
              selectedOptions={s.recipeRun ? [s.recipeRun] : []}
              placeholder="Choose a run"
              onOptionSelect={(_, data) => s.setRecipeRun(data.optionValue ?? "")}
              data-testid="recipe-run"
            >
              {s.shown.map((c) => (
                <Option key={c.id} value={c.id} text={runLabel(c.id)}>
                  {`${runLabel(c.id)} (${c.recipe})`}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label="As" className={styles.grow}>
            <Dropdown
              value={RECIPE_LABEL[s.recipeFormat]}
              selectedOptions={[s.recipeFormat]}
              onOptionSelect={(_, data) => s.setRecipeFormat((data.optionValue ?? "args") as RecipeFormat)}
              data-testid="recipe-format"
            >
              {RECIPE_FORMATS.map((f) => (
                <Option key={f} value={f}>
                  {RECIPE_LABEL[f]}
                </Option>
              ))}
            </Dropdown>
          </Field>
        </div>
        <Field label="Recipe">
          <Textarea
            className={styles.recipe}
            value={s.recipeText}
            readOnly
            resize="vertical"
            data-testid="recipe-text"
          />
        </Field>
        <div className={styles.row}>
          <Button onClick={() => void s.copyRecipe()} disabled={s.recipeText === ""} data-testid="copy-recipe-button">
            Copy recipe
          </Button>
          {s.copied && (
            <Text role="status" data-testid="recipe-copied">
              {s.copied}
            </Text>
          )}
        </div>
      </div>
    </section>
  );
}
