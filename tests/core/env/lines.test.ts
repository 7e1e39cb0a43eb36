// The issues every environment parser reports the same way: a skipped line is a positioned
// warning; no package at all is one `no_packages` error, then the skipped lines' warnings.
import { describe, expect, it } from "vitest";
import { parseEnvironment, type EnvFormat } from "../../../src/core/env";
import { noPackages, skippedLine } from "../../../src/core/env/lines";

describe("skippedLine and noPackages", () => {
  it("skippedLine is a warning at the given line and column", () => {
    expect(skippedLine(4, 3, "Line 4 was skipped.")).toEqual({
      line: 4,
      column: 3,
      code: "skipped_line",
      severity: "warning",
      message: "Line 4 was skipped.",
    });
  });

  it("noPackages puts its error first, at line 1 column 1 unless told, then the warnings", () => {
    const w = skippedLine(2, 1, "skipped");
    expect(noPackages("none", [w])).toEqual({
      ok: false,
      issues: [{ line: 1, column: 1, code: "no_packages", severity: "error", message: "none" }, w],
    });
    expect(noPackages("none", [], { line: 5, column: 2 }).issues).toEqual([
      { line: 5, column: 2, code: "no_packages", severity: "error", message: "none" },
    ]);
  });

  it.each<[EnvFormat, string, number[]]>([
    ["requirements", "this is not\na requirement\n", [1, 2]],
    ["conda-list", "# platform: linux-64\nnot a = conda = line here\n", [2]],
    ["r-session-info", "loaded via a namespace (and not attached):\n[1] nonsense\n", [2]],
    ["conda-yaml", "name: x\ndependencies:\n  - {a: 1}\n", [3]],
  ])("%s with no package: no_packages first, then the skipped lines' warnings", (format, text, lines) => {
    const r = parseEnvironment(text, format);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ code: "no_packages", severity: "error", line: 1, column: 1 });
    const rest = r.issues.slice(1);
    expect(rest.map((i) => [i.code, i.severity, i.line])).toEqual(lines.map((l) => ["skipped_line", "warning", l]));
  });
});
