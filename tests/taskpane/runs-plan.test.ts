import { describe, expect, it } from "vitest";
import type { Grid } from "../../src/core/index";
import { checkGrid, SHEETS, type SheetGrid, type TrackerStatus } from "../../src/excel/index";
import { runBest } from "../../src/core/index";
import { adoptedView, mainAction, seedCandidates } from "../../src/taskpane/components/RunsTab/runs-plan";

const own = Object.values(SHEETS);
const base: TrackerStatus = {
  hasTracker: false,
  hasSchemaTable: false,
  hasRegistry: false,
  adoptedSheet: null,
  activeSheet: "Sheet1",
  activeSheetHasData: false,
  runCount: 0,
};

describe("the Runs tab's main button says what it will do", () => {
  it("Create tracker on an empty sheet", () => {
    expect(mainAction(base, null, own)).toEqual({ kind: "create", label: "Create tracker" });
  });
  it("Adopt this sheet when the active sheet holds the user's data", () => {
    expect(mainAction({ ...base, activeSheetHasData: true }, null, own)).toEqual({
      kind: "adopt",
      label: "Adopt this sheet",
    });
  });
  it("not Adopt on one of RunSheet's own sheets", () => {
    expect(mainAction({ ...base, activeSheet: "Report", activeSheetHasData: true }, null, own).kind).toBe("create");
  });
  it("Check 12 runs with a tracker, counting the table's runs", () => {
    expect(mainAction({ ...base, hasTracker: true, runCount: 12 }, null, own)).toEqual({
      kind: "check",
      label: "Check 12 runs",
    });
    expect(mainAction({ ...base, hasTracker: true, runCount: 1 }, null, own).label).toBe("Check 1 run");
  });
  it("Check N runs for an adopted sheet, with the adopted sheet's count", () => {
    expect(mainAction({ ...base, adoptedSheet: "Lab", activeSheetHasData: true }, 3, own).label).toBe("Check 3 runs");
  });
});

// Replicates named "trial" instead of "seed": only the seed column setting makes them replicates.
const header = ["run_id", "layers", "trial", "accuracy"];
const rows: Grid = [
  ["a1", 1, 1, 0.7],
  ["a2", 1, 2, 0.72],
  ["a3", 1, 3, 0.71],
  ["b1", 2, 1, 0.8],
  ["b2", 2, 2, 0.82],
];
const grid: SheetGrid = {
  sheet: "Lab",
  grid: [["My runs"], header, ...rows],
  rowOffset: 1,
  columnOffset: 0,
  source: "sheet",
};

describe("seed column and the adopted view", () => {
  const outcome = checkGrid(grid, null);

  it("lists the header row and the inferred types of an adopted sheet", () => {
    expect(adoptedView(outcome)).toEqual({
      sheet: "Lab",
      headerRow: 2,
      runCount: 5,
      columns: [
        { name: "run_id", type: "text", role: "id" },
        { name: "layers", type: "integer", role: "param" },
        { name: "trial", type: "integer", role: "param" },
        { name: "accuracy", type: "number", role: "metric" },
      ],
    });
    expect(seedCandidates(outcome)).toEqual(["layers", "trial"]);
  });

  it("groups runs that differ only in the chosen seed column as replicates", () => {
    const without = runBest(outcome, { metric: "accuracy", where: "" });
    const withSeed = runBest(outcome, { metric: "accuracy", where: "", seedColumn: "trial" });
    if (!without.ok || !withSeed.ok) throw new Error("best failed");
    expect(without.value.ranking.map((c) => c.n)).toEqual([1, 1, 1, 1, 1]);
    expect(withSeed.value.ranking.map((c) => c.n)).toEqual([2, 3]);
    expect(withSeed.value.ranking[0]?.config).toEqual({ layers: 2 });
  });
});
