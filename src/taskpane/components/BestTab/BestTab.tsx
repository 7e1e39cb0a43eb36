import {
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  mergeClasses,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import { distinctConfigLabels, rowsText } from "./best-plan";
import { useNavigate } from "../../PaneState";
import { formatInterval, formatMean, formatPValue, formatSpread } from "../../logic/display-format";
import { ErrorBar } from "../ErrorBar/ErrorBar";
import { ExperimentsSection } from "../ExperimentsSection/ExperimentsSection";
import { useBestTabStyles } from "./BestTab.styles";
import { BEST_NOTICE_ID, BEST_RESULT_ID, useBestTab, type GoalChoice } from "./useBestTab";

const RANKING_ROWS = 10;
const GOAL_LABEL: Record<GoalChoice, string> = {
  auto: "From schema",
  max: "Higher is better (max)",
  min: "Lower is better (min)",
};

/** Tab 4: the best configuration by a metric, honestly (replicates, CI, p-value), and Register best. */
export function BestTab() {
  const styles = useBestTabStyles();
  const s = useBestTab();
  const navigate = useNavigate();
  const r = s.result;
  const labels = r ? distinctConfigLabels(r.ranking) : [];
  return (
    <section className={styles.root} aria-label="Best" data-testid="best-tab">
      <ErrorBar message={s.error} onDismiss={s.dismiss} />
      <div className={styles.row}>
        <Field label="Metric">
          <Dropdown
            value={s.metric}
            selectedOptions={s.metric ? [s.metric] : []}
            onOptionSelect={(_, data) => s.setMetric(data.optionValue ?? "")}
            placeholder={s.metrics.length === 0 ? "No metric columns" : "Choose a metric"}
            data-testid="best-metric"
          >
            {s.metrics.map((m) => (
              <Option key={m.name} value={m.name}>
                {m.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Goal">
          <Dropdown
            value={GOAL_LABEL[s.goal]}
            selectedOptions={[s.goal]}
            onOptionSelect={(_, data) => s.setGoal((data.optionValue ?? "auto") as GoalChoice)}
            data-testid="best-goal"
          >
            {(Object.keys(GOAL_LABEL) as GoalChoice[]).map((g) => (
              <Option key={g} value={g}>
                {GOAL_LABEL[g]}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <Field
        label="Pareto front with (optional)"
        hint="A second metric, e.g. latency: runs no other run beats on both."
      >
        <Dropdown
          value={s.pareto || "None"}
          selectedOptions={[s.pareto]}
          onOptionSelect={(_, data) => s.setPareto(data.optionValue ?? "")}
          data-testid="best-pareto"
        >
          <Option value="">None</Option>
          {s.metrics
            .filter((m) => m.name !== s.metric)
            .map((m) => (
              <Option key={m.name} value={m.name}>
                {m.name}
              </Option>
            ))}
        </Dropdown>
      </Field>
      <Field label="Constraints (optional)" hint={s.hint}>
        <Input value={s.where} onChange={(_, data) => s.setWhere(data.value)} data-testid="best-where" />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void s.find()} disabled={s.busy} data-testid="find-best">
          Find best
        </Button>
        <Button onClick={() => void s.register()} disabled={s.busy || !r?.best} data-testid="register-best">
          Register best
        </Button>
        <Button onClick={() => void s.markBest()} disabled={s.busy || !r?.best} data-testid="mark-best">
          Mark best
        </Button>
        <Button
          appearance="subtle"
          onClick={() => void s.writeReport()}
          disabled={s.busy || !s.metric}
          data-testid="write-report"
        >
          Write report
        </Button>
      </div>
      {r && (
        <div className={styles.row}>
          <Button
            appearance="subtle"
            onClick={() => void s.copySummary("md")}
            disabled={s.busy}
            data-testid="copy-summary-md"
          >
            Copy summary as Markdown
          </Button>
          <Button
            appearance="subtle"
            onClick={() => void s.copySummary("latex")}
            disabled={s.busy}
            data-testid="copy-summary-latex"
          >
            Copy as LaTeX
          </Button>
        </div>
      )}
      {r && s.openErrors > 0 && (
        <MessageBar intent="warning" data-testid="best-open-errors">
          <MessageBarBody>
            {s.openErrors} open error{s.openErrors === 1 ? "" : "s"}: see Check. Rows with errors are left out of the
            ranking.
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => navigate("check")} data-testid="best-see-check">
              Open Check
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {s.verdict && (
        <div id={BEST_RESULT_ID} tabIndex={-1}>
          <MessageBar intent={s.verdict.intent} data-testid="best-verdict" data-kind={s.verdict.kind}>
            <MessageBarBody>
              {r?.best && <MessageBarTitle>Best run: {r.best.id}</MessageBarTitle>}
              {s.verdict.text}
            </MessageBarBody>
          </MessageBar>
          {s.comparison && <Text data-testid="best-comparison">{s.comparison}</Text>}
        </div>
      )}
      {s.registered && (
        <div id={BEST_NOTICE_ID} tabIndex={-1}>
          <MessageBar intent="success" data-testid="register-notice">
            <MessageBarBody>{s.registered}</MessageBarBody>
          </MessageBar>
        </div>
      )}
      {r && r.ranking.length > 0 && (
        <>
          <Text data-testid="best-pvalue">
            Winner vs runner-up: {formatPValue(r)}
            {r.tiedWithRunnerUp ? " (tied)" : ""}
          </Text>
          <div className={styles.tableWrap}>
            <Table
              size="extra-small"
              className={styles.table}
              aria-label={`Configurations ranked by mean ${r.metric}`}
              data-testid="best-ranking"
            >
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={styles.cell}>#</TableHeaderCell>
                  <TableHeaderCell className={styles.cell}>Configuration</TableHeaderCell>
                  <TableHeaderCell className={mergeClasses(styles.cell, styles.num, styles.numHeader)}>
                    n
                  </TableHeaderCell>
                  <TableHeaderCell className={mergeClasses(styles.cell, styles.num, styles.numHeader)}>
                    mean ± 95% CI
                  </TableHeaderCell>
                  <TableHeaderCell className={mergeClasses(styles.cell, styles.num, styles.numHeader)}>
                    std
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {r.ranking.slice(0, RANKING_ROWS).map((c, i) => (
                  <TableRow key={c.rows.join(",")} className={i === 0 ? styles.winner : undefined}>
                    <TableCell className={styles.cell}>{i + 1}</TableCell>
                    <TableCell className={mergeClasses(styles.cell, styles.config)}>
                      {labels[i]}
                      <br />
                      <Text className={styles.hint} size={200}>
                        {rowsText(c.rows)}
                      </Text>
                    </TableCell>
                    <TableCell className={mergeClasses(styles.cell, styles.num)}>{c.n}</TableCell>
                    <TableCell className={mergeClasses(styles.cell, styles.num)}>
                      <span className={styles.mean}>{formatMean(c)}</span>
                      {/* The interval itself under the mean: the pane is 320 px wide, a sixth column would not fit. */}
                      <Text className={styles.interval} size={200}>
                        {formatInterval(c.ci95)}
                      </Text>
                    </TableCell>
                    <TableCell className={mergeClasses(styles.cell, styles.num)}>{formatSpread(c.std)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
      {r?.paretoMetric && (
        <Text data-testid="best-pareto-front">
          Pareto front ({r.metric} {r.goal}, {r.paretoMetric.metric} {r.paretoMetric.goal}):{" "}
          {s.front.length > 0 ? s.front.join(", ") : "no run has both values"}
        </Text>
      )}
      {r && r.excluded.length > 0 && (
        <details data-testid="best-excluded">
          <summary>
            {r.excluded.length} run{r.excluded.length === 1 ? "" : "s"} left out
          </summary>
          <ul className={styles.excluded}>
            {r.excluded.slice(0, 100).map((e) => {
              const fix = s.fixes.get(e.row);
              return (
                <li key={e.row}>
                  Row {e.row}: {e.reason}
                  {fix && (
                    <>
                      {" "}
                      <Button
                        size="small"
                        appearance="secondary"
                        onClick={() => void s.applyChoiceFix(fix)}
                        disabled={s.busy}
                        data-testid="best-choice-fix"
                      >
                        Use &quot;{fix.choice}&quot;
                      </Button>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </details>
      )}
      {s.hasRuns && (
        <ExperimentsSection metric={s.metric} {...(s.goal !== "auto" ? { goal: s.goal } : {})} where={s.where} />
      )}
      {!s.hasRuns && !s.busy && (
        <Text className={styles.hint}>No runs yet: create the tracker or adopt a sheet on the Runs tab.</Text>
      )}
    </section>
  );
}
