import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isCodeVersion,
  isDataVersion,
  recipeColumns,
  reproducibilityByExperiment,
  validate,
  type RunSchema,
} from "../../src/core";

const SCHEMA: RunSchema = {
  columns: [
    { name: "run_id", type: "text", role: "id" },
    { name: "experiment", type: "text", role: "tag" },
    { name: "status", type: "text", role: "meta" },
    { name: "accuracy", type: "number", role: "metric", goal: "max" },
    { name: "code_version", type: "text", role: "meta" },
    { name: "data_version", type: "text", role: "meta" },
    { name: "environment", type: "text", role: "meta" },
    { name: "command", type: "text", role: "meta" },
  ],
};
const HEADER = SCHEMA.columns.map((c) => c.name);
const FULL = ["3f2a9c1", "dogs-cats@9b1e77a0", "env-0123456789ab", "python train.py --layers 2"];

function issues(rows: (string | number)[][], schema = SCHEMA, knownEnvironments?: ReadonlySet<string>) {
  const r = validate([HEADER, ...rows], schema, knownEnvironments ? { knownEnvironments } : {});
  return r.issues.filter((i) => i.code === "not_reproducible");
}

describe("not_reproducible", () => {
  it("is not raised for a finished run with a pinned recipe", () => {
    expect(issues([["r1", "exp1", "finished", 0.9, ...FULL]])).toEqual([]);
  });

  it("is raised once, on the first empty recipe column, naming every empty one", () => {
    const found = issues([["r1", "exp1", "finished", 0.9, "3f2a9c1", "", "", "python train.py"]]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ row: 2, column: "data_version", severity: "warning" });
    expect(found[0]?.message).toContain("data_version, environment are empty");
  });

  it("is not raised for runs that did not finish (running, failed)", () => {
    expect(
      issues([
        ["r1", "exp1", "running", "", "", "", "", ""],
        ["r2", "exp1", "failed", "", "", "", "", ""],
      ]),
    ).toEqual([]);
  });

  it("counts COMPLETED (another tracker's word) as finished", () => {
    expect(issues([["r1", "exp1", "COMPLETED", 0.9, "", ...FULL.slice(1)]])).toHaveLength(1);
  });

  it("flags a code version that is a branch name and a data version without a hash", () => {
    const found = issues([["r1", "exp1", "finished", 0.9, "main", "dogs-cats v2", FULL[2] ?? "", FULL[3] ?? ""]]);
    expect(found.map((i) => i.column)).toEqual(["code_version", "data_version"]);
    expect(found[0]?.message).toContain("git commit");
  });

  it("flags an environment id the Environments sheet does not hold, only when the known ids are given", () => {
    const row = ["r1", "exp1", "finished", 0.9, ...FULL];
    expect(issues([row], SCHEMA, new Set(["env-aaaaaaaaaaaa"]))[0]?.message).toContain("not on the Environments sheet");
    expect(issues([row], SCHEMA, new Set([FULL[2] ?? ""]))).toEqual([]);
  });

  it("follows the schema: recipe marks replace the defaults", () => {
    const marked: RunSchema = {
      columns: SCHEMA.columns.map((c) =>
        c.name === "command" ? { ...c, recipe: true } : c.name === "code_version" ? { ...c, recipe: false } : c,
      ),
    };
    expect(recipeColumns(marked).map((c) => c.name)).toEqual(["command"]);
    expect(issues([["r1", "exp1", "finished", 0.9, "", "", "", "python train.py"]], marked)).toEqual([]);
    expect(recipeColumns(SCHEMA).map((c) => c.name)).toEqual([
      "code_version",
      "data_version",
      "environment",
      "command",
    ]);
  });
});

describe("shapes of versions", () => {
  it.each(["3f2a9c1", "3F2A9C1D", "a".repeat(40), "https://github.com/org/repo/commit/3f2a9c1"])(
    "code %s is pinned",
    (v) => {
      expect(isCodeVersion(v)).toBe(true);
    },
  );
  it.each(["main", "v1.2", "3f2a9c", "a".repeat(41), "3f2a9cz"])("code %s is not", (v) => {
    expect(isCodeVersion(v)).toBe(false);
  });
  it.each(["dogs-cats@9b1e77a", "dogs v2 sha256:9b1e77a0ffee", "s3://bucket/dogs/v2/", "dogs-cats md5=9b1e77"])(
    "data %s is pinned",
    (v) => {
      expect(isDataVersion(v)).toBe(true);
    },
  );
  it.each(["dogs-cats", "dogs-cats v2", "9b1e77a", "latest"])("data %s is not", (v) => {
    expect(isDataVersion(v)).toBe(false);
  });
});

describe("reproducibilityByExperiment", () => {
  it('says "4 of 6 runs reproducible", over finished runs only', () => {
    const rows: (string | number)[][] = [];
    for (let i = 0; i < 6; i++)
      rows.push([`a${i}`, "exp1", "finished", 0.9, i < 4 ? (FULL[0] ?? "") : "", ...FULL.slice(1)]);
    rows.push(["a6", "exp1", "running", "", "", "", "", ""]);
    rows.push(["b1", "exp2", "finished", 0.8, ...FULL]);
    const r = validate([HEADER, ...rows], SCHEMA);
    expect(reproducibilityByExperiment(r.runs, SCHEMA).map((f) => f.text)).toEqual([
      "4 of 6 runs reproducible",
      "1 of 1 run reproducible",
    ]);
  });
});

describe("isCodeVersion (property)", () => {
  it("accepts exactly what /^[0-9a-f]{7,40}$/i or a URL accepts", () => {
    const hexish = fc.string({
      unit: fc.constantFrom("0", "9", "a", "f", "A", "F", "g", "G", "x", " ", "\u0010", "\u0019", "/", ":", "`", "@"),
      maxLength: 44,
    });
    const url = /^(?:https?|s3|gs|az|abfss?|hdfs|dvc|ssh|git\+\w+|file):\/\/\S+$/i;
    fc.assert(
      fc.property(fc.oneof(hexish, fc.string()), (v) => {
        expect(isCodeVersion(v)).toBe(/^[0-9a-f]{7,40}$/i.test(v) || url.test(v));
      }),
      { numRuns: 3000 },
    );
  });
});
