import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ENVIRONMENTS_HEADER,
  environmentId,
  environmentRows,
  environmentsFromGrid,
  parseEnvironment,
} from "../../../src/core/env";

const dir = join(__dirname, "../../fixtures/env");

describe("Environments sheet rows", () => {
  it.each(["pip-freeze.txt", "conda-env-export.yml", "r-session-info.txt", "renv.lock"])(
    "%s: rows read back to an environment with the same id",
    (file) => {
      const r = parseEnvironment(readFileSync(join(dir, file), "utf8"));
      if (!r.ok) throw new Error(file);
      const rows = environmentRows(r.value.id, r.value);
      const counts = Object.keys(r.value.interpreters).length + r.value.packages.length;
      expect(rows).toHaveLength(counts);
      const back = environmentsFromGrid([["Environments"], [], [...ENVIRONMENTS_HEADER], ...rows]).get(r.value.id);
      expect(back && environmentId(back)).toBe(r.value.id);
    },
  );

  it("writes interpreters first as manager 'interpreter'", () => {
    const r = parseEnvironment("# python 3.11.7\ntorch==2.4.0+cu121\n");
    if (!r.ok) throw new Error("parse");
    expect(environmentRows("env-x", r.value)).toEqual([
      ["env-x", "interpreter", "python", "3.11.7", ""],
      ["env-x", "interpreter", "CUDA", "12.1", ""],
      ["env-x", "pip", "torch", "2.4.0+cu121", ""],
    ]);
  });
});
