import { Badge, Text } from "@fluentui/react-components";
import { describeChange, type EnvChange, type EnvDiff } from "../../../core/env/index";
import { useEnvironmentsTabStyles } from "./EnvironmentsTab.styles";

const KIND_LABEL: Record<EnvChange["kind"], string> = {
  interpreter: "interpreter",
  upgraded: "upgraded",
  downgraded: "downgraded",
  added: "added",
  removed: "removed",
  changed: "changed",
};

const KIND_COLOR: Record<EnvChange["kind"], "danger" | "warning" | "informative" | "success" | "subtle"> = {
  interpreter: "danger",
  upgraded: "warning",
  downgraded: "warning",
  added: "success",
  removed: "subtle",
  changed: "informative",
};

export interface EnvDiffViewProps {
  diff: EnvDiff;
  /** What is compared, e.g. "r1 (env-0a1b…) -> r4 (env-9f3c…)". */
  caption: string;
  /** Changes shown before "and N more" (default 12). */
  limit?: number;
}

/**
 * What changed between two environments, most likely to move results first. A plain list so it
 * fits the 350 px pane and can be embedded by the Compare tab.
 */
export function EnvDiffView({ diff, caption, limit = 12 }: EnvDiffViewProps) {
  const styles = useEnvironmentsTabStyles();
  const shown = diff.changes.slice(0, limit);
  return (
    <div className={styles.diff} data-testid="env-diff">
      <Text weight="semibold">{caption}</Text>
      {diff.changes.length === 0 ? (
        <Text data-testid="env-diff-summary">Same environment: no package or interpreter differs.</Text>
      ) : (
        <>
          <Text data-testid="env-diff-summary">
            {diff.changes.length} change{diff.changes.length === 1 ? "" : "s"}, {diff.unchanged} package
            {diff.unchanged === 1 ? "" : "s"} the same
          </Text>
          <ul className={styles.list} aria-label="Environment changes">
            {shown.map((c) => (
              <li key={`${c.kind}-${c.name}`} className={styles.change} data-testid="env-change" data-kind={c.kind}>
                <Badge appearance="tint" color={KIND_COLOR[c.kind]} size="small">
                  {KIND_LABEL[c.kind]}
                </Badge>
                <Text>{describeChange(c)}</Text>
              </li>
            ))}
          </ul>
          {diff.changes.length > limit && <Text size={200}>and {diff.changes.length - limit} more</Text>}
        </>
      )}
    </div>
  );
}
