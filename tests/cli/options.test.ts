import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/io";
import {
  COMMON_FLAGS,
  loadValidated,
  METRIC_FLAGS,
  metricOptions,
  parseFlags,
  type Parsed,
} from "../../src/cli/options";
import { capture } from "./helpers";

function flags(argv: string[]): Parsed {
  const p = parseFlags(argv, { ...COMMON_FLAGS, ...METRIC_FLAGS });
  if (!p.ok) throw new Error(p.message);
  return p.value;
}

describe("metricOptions", () => {
  it("keeps the metric and sets goal and where only when given", () => {
    expect(metricOptions("accuracy", undefined, flags([]))).toEqual({ metric: "accuracy" });
    expect(metricOptions("loss", "min", flags(["--where", "lr<=0.1", "--where", "dataset=cifar10"]))).toEqual({
      metric: "loss",
      goal: "min",
      where: "lr<=0.1, dataset=cifar10",
    });
  });
});

describe("loadValidated", () => {
  it("reads and validates the file, with the sheet's row numbers", async () => {
    const c = capture({ "runs.csv": "run_id,lr,accuracy\nr1,0.1,0.8\nr2,0.2,0.7\nr3,0.3,0.9\nr4,0.4,oops\n" });
    const r = await loadValidated(c.io, "best", "runs.csv", flags([]));
    if (typeof r === "number") throw new Error(`exit ${r}: ${c.err()}`);
    expect(r.validated.runs.map((run) => [run.id, run.excelRow])).toEqual([
      ["r1", 2],
      ["r2", 3],
      ["r3", 4],
      ["r4", 5],
    ]);
    expect(r.validated.runs.map((run) => run.values.accuracy)).toEqual([0.8, 0.7, 0.9, null]);
    expect(r.validated.counts.error).toBe(1);
    expect(r.loaded.table.label).toContain("runs.csv");
  });

  it("gives the usage exit code and says why when the file cannot be read", async () => {
    const c = capture();
    const r = await loadValidated(c.io, "report", "/no/such/file.csv", flags([]));
    expect(r).toBe(EXIT.usage);
    expect(c.err()).toMatch(/^runsheet report: /);
  });
});
