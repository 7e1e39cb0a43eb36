import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { best, normalizeStatus, validate, type CellValue, type RunSchema } from "../../src/core/index";

describe("normalizeStatus", () => {
  it("maps other tools' words onto RunSheet's vocabulary", () => {
    for (const w of ["FINISHED", "COMPLETE", "COMPLETED", "done", "success", " Finished "])
      expect(normalizeStatus(w)).toBe("finished");
    for (const w of ["FAILED", "FAIL", "error", "crashed"]) expect(normalizeStatus(w)).toBe("failed");
    expect(normalizeStatus("RUNNING")).toBe("running");
    expect(normalizeStatus("queued")).toBe("queued");
    expect(normalizeStatus("KILLED")).toBe("killed");
    expect(normalizeStatus("PRUNED")).toBe("pruned");
  });
  it("keeps pruned, killed, queued and running distinct from finished and failed", () => {
    const mapped = ["PRUNED", "KILLED", "queued", "RUNNING"].map(normalizeStatus);
    expect(new Set(mapped).size).toBe(4);
    expect(mapped).not.toContain("finished");
    expect(mapped).not.toContain("failed");
  });
  it("returns any other word trimmed and lower-cased, and is idempotent", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = normalizeStatus(s);
        expect(normalizeStatus(once)).toBe(once);
        expect(once).toBe(once.trim());
      }),
    );
  });
});

const SCHEMA: RunSchema = {
  columns: [
    { name: "run_id", type: "text", role: "id" },
    { name: "max_depth", type: "number", role: "param" },
    { name: "n_estimators", type: "integer", role: "param" },
    { name: "state", type: "text", role: "meta" },
    { name: "accuracy", type: "number", role: "metric", goal: "max" },
  ],
};
const HEADER = ["run_id", "max_depth", "n_estimators", "state", "accuracy"];
const rank = (rows: CellValue[][], statusFilter?: string[]) => {
  const r = best(
    validate([HEADER, ...rows], SCHEMA),
    statusFilter ? { metric: "accuracy", statusFilter } : { metric: "accuracy" },
  );
  if (!r.ok) throw new Error("best failed");
  return r.value;
};

describe("best with other tools' status words", () => {
  const ROWS: CellValue[][] = [
    ["t0", 3, 10, "COMPLETE", 0.8],
    ["t1", 5, 10, "PRUNED", 0.99],
    ["t2", 7, 10, "FAIL", 0.95],
    ["t3", 9, 10, "FINISHED", 0.85],
    ["t4", 11, 10, "success", 0.83],
  ];
  it("keeps COMPLETE, FINISHED and success as finished; leaves PRUNED and FAIL out with their word", () => {
    const r = rank(ROWS);
    expect(r.best?.id).toBe("t3");
    expect(r.ranking.flatMap((c) => c.ids).sort()).toEqual(["t0", "t3", "t4"]);
    expect(r.excluded.map((e) => e.reason)).toEqual(["state is PRUNED, not finished", "state is FAIL, not finished"]);
  });
  it("reads the filter through the same vocabulary", () => {
    const r = rank(ROWS, ["PRUNED"]);
    expect(r.ranking.flatMap((c) => c.ids)).toEqual(["t1"]);
  });
});

describe("best with optional params left unset", () => {
  it("never excludes a run whose optional param is empty or None", () => {
    const r = rank([
      ["a", "None", 10, "FINISHED", 0.8],
      ["b", 5, 10, "FINISHED", 0.9],
      ["c", "", 20, "FINISHED", 0.85],
    ]);
    expect(r.excluded).toEqual([]);
    expect(r.ranking.flatMap((c) => c.ids).sort()).toEqual(["a", "b", "c"]);
  });
  it("still excludes a run whose param is not a number", () => {
    const r = rank([
      ["a", "deep", 10, "FINISHED", 0.8],
      ["b", 5, 10, "FINISHED", 0.9],
    ]);
    expect(r.excluded.map((e) => e.row)).toEqual([2]);
  });
  it("still excludes a run whose required param is None", () => {
    const schema: RunSchema = {
      columns: SCHEMA.columns.map((c) => (c.name === "max_depth" ? { ...c, required: true } : c)),
    };
    const r = best(validate([HEADER, ["a", "None", 10, "FINISHED", 0.8], ["b", 5, 10, "FINISHED", 0.9]], schema), {
      metric: "accuracy",
    });
    expect(r.ok && r.value.excluded.map((e) => e.row)).toEqual([2]);
  });
});
