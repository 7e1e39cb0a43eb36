import { describe, expect, it } from "vitest";
import type { LocatedIssue } from "../../src/excel/index";
import { fixLabel, groupBySeverity, issueLocation } from "../../src/taskpane/components/CheckTab/issue-groups";

function issue(row: number, column: string, severity: LocatedIssue["severity"], col: number | null): LocatedIssue {
  return {
    row,
    column,
    code: "wrong_type",
    severity,
    message: "m",
    value: "x",
    cell: col === null ? null : { sheet: "Runs", row, column: col },
  };
}

describe("groupBySeverity", () => {
  it("errors first, then warnings, each in sheet order; empty groups left out", () => {
    const groups = groupBySeverity([
      issue(5, "b", "warning", 1),
      issue(4, "a", "error", 0),
      issue(2, "c", "error", 2),
      issue(2, "a", "error", 0),
    ]);
    expect(groups.map((g) => g.severity)).toEqual(["error", "warning"]);
    expect(groups[0]?.issues.map((i) => `${i.row}${i.column}`)).toEqual(["2a", "2c", "4a"]);
    expect(groups[0]?.label).toBe("Errors");
  });
});

describe("issueLocation", () => {
  it("uses the Excel address when the cell is known", () => {
    expect(issueLocation(issue(7, "accuracy", "error", 11))).toBe("L7 (accuracy)");
    expect(issueLocation(issue(7, "accuracy", "error", null))).toBe("row 7 (accuracy)");
  });
  it("labels fixes so strings are visibly strings", () => {
    expect(fixLabel("finished")).toBe('"finished"');
    expect(fixLabel(0.91)).toBe("0.91");
  });
});
