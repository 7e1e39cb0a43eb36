/**
 * validate()'s runs are made from the run store the first time `runs` is read: the result must
 * behave as a plain object holding them (spread, JSON, assignment), and the runs must be the
 * same objects on every read.
 */
import { describe, expect, it } from "vitest";
import { validate, type Grid, type RunSchema } from "../../src/core/index";

const schema: RunSchema = {
  columns: [
    { name: "run_id", type: "text", role: "id" },
    { name: "model", type: "choice", role: "param", choices: ["mlp", "cnn"] },
    { name: "seed", type: "integer", role: "param" },
    { name: "status", type: "choice", role: "meta", choices: ["finished", "failed"] },
    { name: "code_version", type: "text", role: "meta" },
    { name: "accuracy", type: "number", role: "metric", goal: "max", min: 0, max: 1 },
  ],
};

function grid(rows: number): Grid {
  const g: Grid = [schema.columns.map((c) => c.name)];
  for (let i = 0; i < rows; i++)
    g.push([i % 7 === 0 ? "" : `r${i}`, i % 2 ? "mlp" : "cnn", i % 3, "finished", "3f2a9c1", i % 11 === 0 ? 2 : 0.5]);
  return g;
}

describe("validate's runs, made from its run store", () => {
  it("holds every run across blocks, in sheet order, with its id, row, group and values", () => {
    const result = validate(grid(9000), schema);
    const runs = result.runs;
    expect(runs).toHaveLength(9000);
    expect(result.runs).toBe(runs);
    runs.forEach((run, i) => {
      expect(run.excelRow).toBe(i + 2);
      expect(run.id).toBe(i % 7 === 0 ? `row ${i + 2}` : `r${i}`);
      expect(run.values.seed).toBe(i % 3);
      expect(run.values.accuracy).toBe(i % 11 === 0 ? null : 0.5);
      expect(Object.keys(run.invalid)).toEqual(i % 11 === 0 ? ["accuracy"] : []);
    });
    // The seed is the replicate axis: the two models are the two configurations.
    expect(new Set(runs.map((r) => r.replicateGroup))).toEqual(new Set([0, 1]));
  });

  it("is copied with its runs by a spread and by JSON, keeps its key order, and can be assigned", () => {
    const result = validate(grid(20), schema);
    expect(Object.keys(result)).toEqual(["runs", "issues", "schema", "headerRow", "counts", "truncated"]);
    const copy = { ...result };
    expect(copy.runs).toBe(result.runs);
    expect(Object.getOwnPropertyDescriptor(copy, "runs")?.value).toHaveLength(20);
    expect(JSON.parse(JSON.stringify(result)).runs).toHaveLength(20);
    result.runs = result.runs.slice(0, 3);
    expect(result.runs).toHaveLength(3);
  });

  it("has no runs when runs are not collected", () => {
    expect(validate(grid(20), schema, { collectRuns: false }).runs).toEqual([]);
  });
});
