// The sentence that asks the user to retype a co-author's edit a fix could not put back.
import { describe, expect, it } from "vitest";
import { unrestoredSentence } from "../../src/taskpane/logic/unrestored-edits";

describe("unrestoredSentence", () => {
  it("says nothing when every edit was put back", () => {
    expect(unrestoredSentence([])).toBe("");
  });

  it("names the cell, its run and column, and what the co-author typed", () => {
    expect(unrestoredSentence([{ sheet: "Runs", address: "B4", runId: "r3", column: "accuracy", value: 0.9 }])).toBe(
      "Someone else edited a cell while the fix was written, and Excel did not let RunSheet put it back: Runs!B4 (run r3, accuracy) held 0.9. Please type it again.",
    );
  });

  it("lists several cells, text quoted, without a run id when the runs have none", () => {
    const sentence = unrestoredSentence([
      { sheet: "Runs", address: "B4", value: "=A1*2" },
      { sheet: "Runs", address: "C3", runId: "r2", column: "status", value: "running" },
    ]);
    expect(sentence).toContain("2 cells");
    expect(sentence).toContain('Runs!B4 held "=A1*2"; Runs!C3 (run r2, status) held "running"');
  });
});
