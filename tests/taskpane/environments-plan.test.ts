import { describe, expect, it } from "vitest";
import { validate, type RunSchema } from "../../src/core";
import { defaultPair, myRuns, runChoices } from "../../src/taskpane/components/EnvironmentsTab/environments-plan";

const SCHEMA: RunSchema = {
  columns: [
    { name: "run_id", type: "text", role: "id" },
    { name: "status", type: "text", role: "meta" },
    { name: "code_version", type: "text", role: "meta" },
    { name: "environment", type: "text", role: "meta" },
    { name: "owner", type: "text", role: "meta" },
  ],
};

function choices(rows: string[][], stored: string[]) {
  const { runs } = validate([SCHEMA.columns.map((c) => c.name), ...rows], SCHEMA);
  return runChoices(runs, SCHEMA, new Set(stored));
}

describe("Environments tab plan", () => {
  const rows = [
    ["r1", "finished", "3f2a9c1", "env-a", "Ana"],
    ["r2", "finished", "3f2a9c1", "env-b", "ben"],
    ["r3", "finished", "main", "env-b", "ana "],
    ["r4", "running", "", "env-x", "ben"],
  ];

  it("lists each run's environment, owner and what its recipe lacks", () => {
    const c = choices(rows, ["env-a", "env-b"]);
    expect(c.map((x) => [x.id, x.environment, x.recipe])).toEqual([
      ["r1", "env-a", "reproducible"],
      ["r2", "env-b", "reproducible"],
      ["r3", "env-b", "code_version unpinned"],
      ["r4", "env-x", "no code_version, environment not stored"],
    ]);
    expect(c.map((x) => x.finished)).toEqual([true, true, true, false]);
  });

  it("my runs: the owner column matched ignoring case and spaces; everyone's when no name", () => {
    const c = choices(rows, []);
    expect(myRuns(c, "ana").map((x) => x.id)).toEqual(["r1", "r3"]);
    expect(myRuns(c, "  ").map((x) => x.id)).toEqual(["r1", "r2", "r3", "r4"]);
  });

  it("compares the last run with a stored environment with the latest earlier one on another environment", () => {
    expect(defaultPair(choices(rows, ["env-a", "env-b"]), new Set(["env-a", "env-b"]))).toEqual(["r1", "r3"]);
    expect(defaultPair(choices(rows, ["env-b"]), new Set(["env-b"]))).toBeNull();
  });
});
