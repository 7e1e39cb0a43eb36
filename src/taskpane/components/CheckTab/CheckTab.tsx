import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Switch,
  Text,
  Subtitle2,
  mergeClasses,
} from "@fluentui/react-components";
import { useState } from "react";
import { ErrorCircleRegular, InfoRegular, WarningRegular } from "@fluentui/react-icons";
import type { LocatedIssue } from "../../../excel/index";
import { fixLabel, issueKey, issueLocation } from "./issue-groups";
import { plural } from "../../logic/display-format";
import { ErrorBar } from "../ErrorBar/ErrorBar";
import { useCheckTabStyles } from "./CheckTab.styles";
import { CHECK_FIX_NOTICE_ID, CHECK_SUMMARY_ID, useCheckTab } from "./useCheckTab";

const BADGE_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

/**
 * Each issue says its severity with an icon and a word, so errors and warnings are told apart
 * without colour (forced-colours mode, colour blindness). The icons draw in currentColor.
 */
const SEVERITY_MARK = {
  error: { Icon: ErrorCircleRegular, word: "Error" },
  warning: { Icon: WarningRegular, word: "Warning" },
  info: { Icon: InfoRegular, word: "Note" },
} as const;

/** Tab 2: validate the runs, list issues by severity, select cells, apply safe fixes. */
export function CheckTab() {
  const styles = useCheckTabStyles();
  const s = useCheckTab();
  const counts = s.outcome?.counts;
  return (
    <section className={styles.root} aria-label="Check" data-testid="check-tab">
      <ErrorBar message={s.error} onDismiss={s.dismiss} />
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void s.validate()} disabled={s.busy} data-testid="validate">
          Validate
        </Button>
        <Button onClick={() => void s.fixAll()} disabled={s.busy || s.safeFixCount === 0} data-testid="fix-all">
          Fix all safe ({s.safeFixCount})
        </Button>
        <Button appearance="subtle" onClick={() => void s.clearMarks()} disabled={s.busy} data-testid="clear-marks">
          Clear marks
        </Button>
        <Switch
          checked={s.live}
          onChange={(_, data) => s.setLive(data.checked)}
          label={s.liveSupported ? "Live" : "Live (not supported by this Excel)"}
          disabled={!s.liveSupported}
          data-testid="live-switch"
        />
        {s.busy && <Spinner size="tiny" aria-label="Checking" />}
      </div>
      {s.fixNotice && (
        <MessageBar intent="success" id={CHECK_FIX_NOTICE_ID} tabIndex={-1} data-testid="fix-notice">
          <MessageBarBody>{s.fixNotice}</MessageBarBody>
        </MessageBar>
      )}
      {s.outside && (
        <MessageBar intent="warning" data-testid="rows-outside">
          <MessageBarBody>
            {plural(s.outside.count, "row")} below the {s.outside.table} table {s.outside.count === 1 ? "is" : "are"}{" "}
            not in it
            {s.outside.canInclude ? ": " : ", so they are not checked. Resize the table in Excel to include them."}
            {s.outside.canInclude && (
              <Button size="small" onClick={() => void s.includeOutside()} disabled={s.busy} data-testid="include-rows">
                Include them
              </Button>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {s.outcome && !s.outcome.grid && (
        <MessageBar intent="info" data-testid="no-runs">
          <MessageBarBody>No runs found: create the tracker or adopt a sheet on the Runs tab.</MessageBarBody>
        </MessageBar>
      )}
      {s.outcome?.grid && counts && (
        <Text className={styles.summary} data-testid="check-summary" id={CHECK_SUMMARY_ID} tabIndex={-1}>
          {counts.error + counts.warning + counts.info === 0
            ? `No problems in ${plural(s.outcome.runs.length, "run")} on "${s.outcome.grid.sheet}".`
            : `${plural(counts.error, "error")}, ${plural(counts.warning, "warning")} in ${plural(s.outcome.runs.length, "run")} on "${s.outcome.grid.sheet}"${s.outcome.truncated ? " (list truncated)" : ""}.`}
          {s.outcome.schemaOrigin === "inferred" ? " Schema inferred from the sheet." : ""}
          {s.outcome.marks && !s.outcome.marks.supported ? " This Excel cannot mark cells; use the list below." : ""}
          {s.outcome.marks?.sheetProtected
            ? " The sheet is protected, so cells are not marked; use the list below."
            : ""}
          {s.outcome.marks && s.outcome.marks.omitted > 0 && s.outcome.marks.supported
            ? ` ${s.outcome.marks.marked} cells marked in the sheet; the rest are listed here only.`
            : ""}
        </Text>
      )}
      {s.outcome?.schemaProblems.map((p) => (
        <MessageBar intent="warning" key={`${p.row}:${p.column}`}>
          <MessageBarBody>
            Schema sheet row {p.row} ({p.column}): {p.message}
          </MessageBarBody>
        </MessageBar>
      ))}
      {s.groups.map((group) => (
        <div className={styles.group} key={group.severity} data-testid={`issue-group-${group.severity}`}>
          <Subtitle2 as="h3">
            {group.label}{" "}
            <Badge color={BADGE_COLOR[group.severity]} appearance="filled">
              {group.issues.length}
            </Badge>
          </Subtitle2>
          <IssueList label={group.label} issues={group.issues} busy={s.busy} onSelect={s.select} onFix={s.fix} />
        </div>
      ))}
    </section>
  );
}

/** Issues shown at first in each group, and how many more each "Show more" adds. */
const ISSUES_PER_PAGE = 100;

interface IssueListProps extends Omit<IssueItemProps, "issue"> {
  label: string;
  issues: readonly LocatedIssue[];
}

/**
 * A group's issues, the first ISSUES_PER_PAGE at once: thousands of rows of buttons would keep
 * the pane busy for seconds on a large sheet, and nobody reads past the first screens.
 */
function IssueList({ label, issues, busy, onSelect, onFix }: IssueListProps) {
  const styles = useCheckTabStyles();
  const [shown, setShown] = useState(ISSUES_PER_PAGE);
  const hidden = issues.length - shown;
  return (
    <>
      <ul className={styles.list} aria-label={label}>
        {issues.slice(0, shown).map((issue, i) => (
          <IssueItem key={issueKey(issue, i)} issue={issue} busy={busy} onSelect={onSelect} onFix={onFix} />
        ))}
      </ul>
      {hidden > 0 && (
        <Button size="small" onClick={() => setShown((n) => n + ISSUES_PER_PAGE)} data-testid="show-more-issues">
          Show {Math.min(hidden, ISSUES_PER_PAGE)} more of {hidden.toLocaleString("en-US")}
        </Button>
      )}
    </>
  );
}

interface IssueItemProps {
  issue: LocatedIssue;
  busy: boolean;
  onSelect: (issue: LocatedIssue) => Promise<void>;
  onFix: (issue: LocatedIssue) => Promise<void>;
}

function IssueItem({ issue, busy, onSelect, onFix }: IssueItemProps) {
  const styles = useCheckTabStyles();
  const where = issueLocation(issue);
  const mark = SEVERITY_MARK[issue.severity];
  return (
    <li
      className={styles.item}
      data-testid="issue-item"
      data-code={issue.code}
      data-row={issue.row}
      data-severity={issue.severity}
    >
      <span className={mergeClasses(styles.severity, styles[issue.severity])} data-testid="issue-severity">
        <mark.Icon className={styles.severityIcon} aria-hidden="true" />
        {mark.word}
      </span>
      <Button
        appearance="transparent"
        className={styles.issueButton}
        onClick={() => void onSelect(issue)}
        disabled={!issue.cell}
        aria-label={`${mark.word}, select ${where}: ${issue.message}`}
      >
        <span className={styles.issueText}>
          <span className={styles.where}>{where}</span>
          <span className={styles.message}>{issue.message}</span>
        </span>
      </Button>
      {issue.fix !== undefined && issue.cell && (
        <Button
          size="small"
          onClick={() => void onFix(issue)}
          disabled={busy}
          aria-label={`Fix ${where}: use ${fixLabel(issue.fix)}`}
          data-testid="fix-issue"
        >
          Fix
        </Button>
      )}
    </li>
  );
}
