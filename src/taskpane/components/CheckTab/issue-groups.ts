/**
 * Grouping and labelling of validation issues for the Check tab. Pure.
 */
import type { Severity } from "../../../core/index";
import type { LocatedIssue } from "../../../excel/index";
import { columnLetter } from "../../../core/index";

export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

export const SEVERITY_LABEL: Record<Severity, string> = { error: "Errors", warning: "Warnings", info: "Notes" };

export interface IssueGroup {
  severity: Severity;
  label: string;
  issues: LocatedIssue[];
}

/** Issues grouped by severity (errors first), each group in sheet order (row, then column). */
export function groupBySeverity(issues: readonly LocatedIssue[]): IssueGroup[] {
  return SEVERITY_ORDER.map((severity) => ({
    severity,
    label: SEVERITY_LABEL[severity],
    issues: issues
      .filter((i) => i.severity === severity)
      .sort((a, b) => a.row - b.row || (a.cell?.column ?? 0) - (b.cell?.column ?? 0)),
  })).filter((g) => g.issues.length > 0);
}

/** Where an issue is, as the user reads it: `C7 (accuracy)` or `row 7 (accuracy)`. */
export function issueLocation(issue: LocatedIssue): string {
  if (issue.cell) return `${columnLetter(issue.cell.column)}${issue.cell.row} (${issue.column})`;
  return `row ${issue.row}${issue.column ? ` (${issue.column})` : ""}`;
}

/** A stable key for React lists. */
export function issueKey(issue: LocatedIssue, index: number): string {
  return `${issue.row}:${issue.column}:${issue.code}:${index}`;
}

/** Text of the fix button's value, e.g. `0.91` or `"finished"`. */
export function fixLabel(fix: string | number | boolean): string {
  return typeof fix === "string" ? `"${fix}"` : String(fix);
}
