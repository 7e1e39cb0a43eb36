import {
  Button,
  Checkbox,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Input,
  Text,
  Textarea,
} from "@fluentui/react-components";
import { useId } from "react";
import { FORMAT_OPTIONS, formatLabel, type FormatName } from "../../../core/parse/index";
import { ErrorBar } from "../ErrorBar/ErrorBar";
import { useImportTabStyles } from "./ImportTab.styles";
import { IMPORT_NOTICE_ID, useImportTab, type FormatChoice } from "./useImportTab";
import { pickOf, type MappingChoice, type TargetPick } from "./import-plan";
import { issueLead, type LocatedIssue } from "../../logic/issue-lead";

const PREVIEW_ROWS = 5;
const PREVIEW_COLUMNS = 8;
const LISTED_ISSUES = 50;

/** "Line 3, accuracy: " before an issue's message, or nothing when the message says where. */
function leadOf(issue: LocatedIssue): string {
  const lead = issueLead(issue);
  return lead ? `${lead}: ` : "";
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return String(value);
}

/** A target as the value of a <select> option. */
function pickValue(pick: TargetPick): string {
  return pick.kind === "schema" ? `schema:${pick.name}` : pick.kind;
}

function pickFromValue(value: string): TargetPick {
  if (value.startsWith("schema:")) return { kind: "schema", name: value.slice("schema:".length) };
  return value === "new" ? { kind: "new" } : { kind: "skip" };
}

function newColumnLabel(c: MappingChoice): string {
  const spec = c.suggested;
  return `New column "${spec?.name ?? c.source}" (${spec?.type ?? "text"}, ${spec?.role ?? "meta"})`;
}

const MATCH_HINTS: Partial<Record<MappingChoice["match"], string>> = {
  normalized: "same name",
  prefix: "prefix",
  synonym: "synonym",
};

/** Tab 3: paste or open results, check the preview and mapping, import into Runs. */
export function ImportTab() {
  const styles = useImportTabStyles();
  const s = useImportTab();
  const fileId = useId();
  const mappingId = useId();
  const autoLabel = s.detected ? `Auto (${formatLabel(s.detected)})` : "Auto-detect";
  const selectedLabel = s.formatChoice === "auto" ? autoLabel : formatLabel(s.formatChoice);
  const columns = s.result?.columns.slice(0, PREVIEW_COLUMNS) ?? [];
  return (
    <section className={styles.root} aria-label="Import" data-testid="import-tab">
      <ErrorBar message={s.error} onDismiss={s.dismiss} />
      <Field label="Paste results from a script or a tracker export">
        <Textarea
          className={styles.textarea}
          value={s.text}
          onChange={(_, data) => s.setText(data.value)}
          resize="vertical"
          placeholder="CSV, TSV, JSON, key=value lines, {'eval_loss': 0.42, ...}, Markdown, MLflow, W&B, DVC, Keras/Lightning logs"
          data-testid="import-text"
        />
      </Field>
      <div className={styles.row}>
        <div>
          <label htmlFor={fileId}>
            <Text>Or open a file: </Text>
          </label>
          <input
            id={fileId}
            className={styles.fileInput}
            type="file"
            accept=".csv,.tsv,.txt,.json,.jsonl,.md,.log"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void s.loadFile(file);
            }}
            data-testid="import-file"
          />
        </div>
        <Field label="Format">
          <Dropdown
            value={selectedLabel}
            selectedOptions={[s.formatChoice]}
            onOptionSelect={(_, data) => s.setFormatChoice((data.optionValue ?? "auto") as FormatChoice)}
            data-testid="import-format"
          >
            <Option value="auto">{autoLabel}</Option>
            {FORMAT_OPTIONS.map((f) => (
              <Option key={f.name} value={f.name}>
                {f.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      {s.progress !== null && (
        <div className={styles.row} data-testid="parse-progress">
          <Field
            label="Parsing…"
            validationMessage={`${Math.round(s.progress * 100)}%`}
            validationState="none"
            style={{ flexGrow: 1 }}
          >
            <ProgressBar value={s.progress} max={1} />
          </Field>
          <Button onClick={s.cancelParse} data-testid="cancel-parse">
            Cancel
          </Button>
        </div>
      )}
      {s.result && (
        <>
          <Text role="status" data-testid="import-summary">
            {formatLabel(s.result.format as FormatName)}: {s.result.rows.length} row
            {s.result.rows.length === 1 ? "" : "s"}, {s.result.columns.length} column
            {s.result.columns.length === 1 ? "" : "s"}; {s.plan.errors} error{s.plan.errors === 1 ? "" : "s"},{" "}
            {s.plan.warnings} warning{s.plan.warnings === 1 ? "" : "s"}.
          </Text>
          {s.plan.issues.length > 0 && (
            <ul className={styles.issues} aria-label="Problems in the pasted text" data-testid="import-issues">
              {s.plan.issues.slice(0, LISTED_ISSUES).map((issue, i) => (
                <li
                  key={`${issue.line}:${i}`}
                  className={issue.severity === "error" ? styles.error : styles.warning}
                  data-severity={issue.severity}
                  data-origin={issue.origin}
                >
                  <span className={styles.severity}>{issue.severity === "error" ? "Error" : "Warning"}: </span>
                  {leadOf(issue)}
                  {issue.message}
                </li>
              ))}
              {s.plan.issues.length > LISTED_ISSUES && <li>…and {s.plan.issues.length - LISTED_ISSUES} more.</li>}
            </ul>
          )}
          {columns.length > 0 && (
            <div className={styles.tableWrap}>
              <Table
                size="extra-small"
                className={styles.table}
                aria-label="Preview of the first rows"
                data-testid="import-preview"
              >
                <TableHeader>
                  <TableRow>
                    {columns.map((c) => (
                      <TableHeaderCell key={c} className={styles.cell}>
                        {c}
                      </TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {s.result.rows.slice(0, PREVIEW_ROWS).map((row, r) => (
                    <TableRow key={r}>
                      {columns.map((c) => (
                        <TableCell key={c} className={styles.cell}>
                          {cellText(row[c])}
                        </TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          {s.choices.length > 0 && (
            <div>
              <Subtitle2 as="h3" id={mappingId}>
                Columns
              </Subtitle2>
              <ul className={styles.mapping} data-testid="import-mapping" aria-labelledby={mappingId}>
                {s.choices.map((c) => {
                  const pick = pickOf(c);
                  const hint = c.target !== null ? MATCH_HINTS[c.match] : undefined;
                  return (
                    <li key={c.source} className={styles.mappingRow} data-testid="mapping-row" data-source={c.source}>
                      <Text className={styles.source}>
                        {c.source}
                        {hint ? <span className={styles.hint}> ({hint})</span> : null}
                      </Text>
                      <Select
                        className={styles.target}
                        size="small"
                        value={pickValue(pick)}
                        onChange={(_, data) => s.setTarget(c.source, pickFromValue(data.value))}
                        aria-label={`Import column ${c.source} into`}
                        data-testid="mapping-target"
                      >
                        {s.schemaNames.map((name) => (
                          <option key={name} value={`schema:${name}`}>
                            {name}
                          </option>
                        ))}
                        <option value="new">{newColumnLabel(c)}</option>
                        <option value="skip">Skip this column</option>
                      </Select>
                    </li>
                  );
                })}
              </ul>
            </div>
          )}
        </>
      )}
      {s.needsRunId && (
        <Field
          label="Run id"
          hint={
            s.result && s.result.rows.length > 1
              ? "The pasted runs have no id: they get this id with -1, -2, ..."
              : "The pasted run has no id: give it one."
          }
        >
          <Input value={s.runId} onChange={(_, data) => s.setRunId(data.value)} data-testid="import-run-id" />
        </Field>
      )}
      {s.hasCurves && (
        <Checkbox
          checked={s.keepHistory}
          onChange={(_, data) => s.setKeepHistory(data.checked === true)}
          label="Keep the per-epoch curves in the History table (Curves sheet)"
          data-testid="keep-history"
        />
      )}
      {s.notice && (
        <MessageBar intent="success" data-testid="import-notice" id={IMPORT_NOTICE_ID} tabIndex={-1}>
          <MessageBarBody>{s.notice}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Checkbox
          checked={s.validOnly}
          onChange={(_, data) => s.setValidOnly(data.checked === true)}
          label="Import valid rows only"
          data-testid="valid-only"
        />
        <Button
          appearance="primary"
          disabled={!s.plan.canImport || s.busy || s.progress !== null}
          onClick={() => void s.doImport()}
          data-testid="import-button"
        >
          Import{s.plan.canImport ? ` ${s.plan.rows} row${s.plan.rows === 1 ? "" : "s"}` : ""}
        </Button>
        {s.plan.reason && s.result && <Text className={styles.hint}>{s.plan.reason}</Text>}
      </div>
    </section>
  );
}
