import { describe, expect, it } from "vitest";
import { runBest, type Grid } from "../../src/core/index";
import { checkGrid, DEFAULT_SCHEMA, type SheetGrid } from "../../src/excel/index";
import {
  choiceFixes,
  constraintHint,
  editDistance,
  nearMissChoice,
  rowsText,
} from "../../src/taskpane/components/BestTab/best-plan";

const header = ["run_id", "experiment", "dataset", "n_images", "layers", "seed", "status", "accuracy", "val_loss"];
function outcomeOf(rows: Grid) {
  const grid: SheetGrid = {
    sheet: "Runs",
    grid: [header, ...rows],
    rowOffset: 1,
    columnOffset: 0,
    source: "table",
    headerRow: 1,
  };
  return checkGrid(grid, DEFAULT_SCHEMA);
}

const clean: Grid = [
  ["e1-s1", "exp1", "cd-1k", 1000, 1, 1, "finished", 0.71, 0.6],
  ["e1-s2", "exp1", "cd-1k", 1000, 1, 2, "finished", 0.73, 0.58],
  ["e1-s3", "exp1", "cd-1k", 1000, 1, 3, "finished", 0.72, 0.59],
  ["e2-s1", "exp2", "cd-2k", 2000, 2, 1, "finished", 0.8, 0.5],
  ["e2-s2", "exp2", "cd-2k", 2000, 2, 2, "finished", 0.82, 0.48],
];

describe("Best leaves out rows Check flags as errors", () => {
  it("a duplicate run_id does not become another replicate", () => {
    // Row 7 repeats e2-s2 (same run_id, same seed): Check calls it an error.
    const outcome = outcomeOf([...clean, ["e2-s2", "exp2", "cd-2k", 2000, 2, 2, "finished", 0.82, 0.48]]);
    const r = runBest(outcome, { metric: "accuracy", where: "" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.ranking[0]?.n).toBe(2);
    expect(r.value.excluded).toEqual([
      { row: 7, reason: 'The run_id "e2-s2" is already used on row 6: give this run its own run_id.' },
    ]);
  });

  it("quotes the real cell value, not 'status is empty', for a status typo", () => {
    const outcome = outcomeOf([...clean, ["e2-s3", "exp2", "cd-2k", 2000, 2, 3, "finshed", 0.81, 0.49]]);
    const r = runBest(outcome, { metric: "accuracy", where: "" });
    if (!r.ok) throw new Error("best failed");
    const reason = r.value.excluded.find((e) => e.row === 7)?.reason ?? "";
    expect(reason).toContain('"finshed"');
    expect(reason).not.toMatch(/empty/);
    expect(r.value.ranking[0]?.n).toBe(2);
  });

  it("without errors ranks every finished run as before", () => {
    const r = runBest(outcomeOf(clean), { metric: "accuracy", where: "" });
    if (!r.ok) throw new Error("best failed");
    expect(r.value.excluded).toEqual([]);
    expect(r.value.ranking.map((c) => c.n)).toEqual([2, 3]);
  });
});

describe("near-miss choices", () => {
  it("counts a swap of neighbours as one edit", () => {
    expect(editDistance("finsihed", "finished")).toBe(1);
    expect(editDistance("finshed", "finished")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("offers the choice a typo meant, and nothing for a real other word", () => {
    const choices = ["running", "finished", "failed", "killed"];
    expect(nearMissChoice("finsihed", choices)).toBe("finished");
    expect(nearMissChoice("Finshed", choices)).toBe("finished");
    expect(nearMissChoice("faild", choices)).toBe("failed");
    expect(nearMissChoice("done", choices)).toBeNull();
    expect(nearMissChoice("", choices)).toBeNull();
  });

  it("builds one-click fixes from Check's not_in_choices errors", () => {
    const outcome = outcomeOf([...clean, ["e2-s3", "exp2", "cd-2k", 2000, 2, 3, "finsihed", 0.81, 0.49]]);
    const fixes = choiceFixes(outcome.issues, outcome.schema);
    expect([...fixes.values()]).toEqual([{ row: 7, column: "status", value: "finsihed", choice: "finished" }]);
  });
});

describe("row lists and hints", () => {
  it("collapses long row lists", () => {
    const many = Array.from({ length: 1000 }, (_, i) => 202 + i);
    expect(rowsText(many)).toBe("rows 202-206 and 995 more");
    expect(rowsText([2, 3, 5, 7, 8, 9, 10])).toBe("rows 2-3, 5 and 4 more");
    expect(rowsText([4, 5])).toBe("rows 4-5");
    expect(rowsText([9])).toBe("row 9");
  });

  it("writes the constraint hint with the workbook's own columns and values", () => {
    const outcome = outcomeOf(clean);
    expect(constraintHint(outcome.schema, outcome.runs, "accuracy")).toBe(
      "For example: val_loss <= 0.58, dataset = cd-1k",
    );
  });
});

describe("winner against the runner-up", () => {
  it("names both experiments and the confound when they change two factors at once", async () => {
    const { winnerVerdict } = await import("../../src/taskpane/components/BestTab/best-plan");
    const outcome = outcomeOf([...clean, ["e2-s3", "exp2", "cd-2k", 2000, 2, 3, "finished", 0.81, 0.49]]);
    const r = runBest(outcome, { metric: "accuracy", where: "" });
    if (!r.ok) throw new Error("best failed");
    const sentence = winnerVerdict(r.value, outcome.runs, outcome.schema) ?? "";
    expect(sentence).toMatch(/exp2/);
    expect(sentence).toMatch(/exp1/);
    expect(sentence).toMatch(/layers 1 -> 2/);
    expect(sentence).toMatch(/at once/);
  });
});
