/**
 * Rows that validation flags with an error (a duplicate run_id, a status typo, a metric that is
 * not a number) are left out of every ranking: such a row must not become a replicate and narrow
 * a confidence interval. One rule, so the Best tab, the Report, the Summary and `runsheet best`
 * rank the same runs.
 */
import type { ValidationIssue } from "./schema-types";

/** A run left out before ranking because validation found an error in its row. */
export interface ErrorExclusion {
  row: number;
  /** Validation's own sentence, which quotes the cell as it is. */
  reason: string;
}

/**
 * Splits runs into those that may be ranked and those whose Excel row has an error issue; each
 * left-out row keeps validation's first error sentence as its reason. Warnings never exclude.
 */
export function runsWithoutErrors<R extends { excelRow: number }>(
  runs: readonly R[],
  issues: readonly Pick<ValidationIssue, "row" | "severity" | "message">[],
): { runs: R[]; excluded: ErrorExclusion[] } {
  const reasons = new Map<number, string>();
  for (const issue of issues)
    if (issue.severity === "error" && !reasons.has(issue.row)) reasons.set(issue.row, issue.message);
  if (reasons.size === 0) return { runs: [...runs], excluded: [] };
  const kept: R[] = [];
  const excluded: ErrorExclusion[] = [];
  for (const run of runs) {
    const reason = reasons.get(run.excelRow);
    if (reason === undefined) kept.push(run);
    else excluded.push({ row: run.excelRow, reason });
  }
  return { runs: kept, excluded };
}
