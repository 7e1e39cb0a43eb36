import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffEnvironments } from "../../src/core/env";
import { storeEnvironment } from "../../src/excel/environments";
import { readEnvironmentIds, readEnvironments } from "../../src/excel/environments-read";
import { createExcelSimulator } from "../../src/sim/index";
import { workbook } from "./helpers";

const fixtures = join(__dirname, "../fixtures/env");
const PIP = readFileSync(join(fixtures, "pip-freeze.txt"), "utf8");
const EDITABLE = readFileSync(join(fixtures, "pip-freeze-editable.txt"), "utf8");

describe("storeEnvironment", () => {
  it("creates the Environments table: interpreters and packages as text, in two syncs", async () => {
    const { sim, counted } = workbook();
    const { value, syncs } = await counted((ctx) =>
      storeEnvironment(ctx, "# python 3.11.7\nnumpy==2.0\nrequests==2.31.0\n"),
    );
    expect(value).toMatchObject({ ok: true, written: 3, alreadyStored: false, format: "requirements", packages: 2 });
    expect(syncs).toBe(2);
    const id = value.ok ? value.id : "";
    expect(sim.getTable("Environments")?.headers).toEqual([
      "environment_id",
      "manager",
      "package",
      "version",
      "source",
    ]);
    expect(sim.getValues("Environments", "A2:D4")).toEqual([
      [id, "interpreter", "python", "3.11.7"],
      [id, "pip", "numpy", "2.0"],
      [id, "pip", "requests", "2.31.0"],
    ]);
    // "2.0" stays the text 2.0, not the number 2.
    expect(sim.getNumberFormats("Environments", "D3")).toEqual([["@"]]);
  });

  it("storing the same environment again, reordered and respaced, writes nothing and gives the same id", async () => {
    const { sim, run } = workbook();
    const first = await run((ctx) => storeEnvironment(ctx, PIP));
    const reordered = `\n\n${PIP.trim().split("\n").reverse().join("\r\n\r\n")}   \n`;
    const before = sim.changeLog.length;
    const again = await run((ctx) => storeEnvironment(ctx, reordered));
    expect(again).toMatchObject({ ok: true, written: 0, alreadyStored: true });
    expect(first.ok && again.ok && again.id === first.id).toBe(true);
    expect(sim.changeLog.length).toBe(before);
    expect(sim.getTable("Environments")?.rowCount).toBe(PIP.trim().split("\n").length);
  });

  it("appends a second environment below the first, and both read back for a diff", async () => {
    const { sim, run } = workbook();
    const a = await run((ctx) => storeEnvironment(ctx, PIP));
    const b = await run((ctx) => storeEnvironment(ctx, EDITABLE));
    if (!a.ok || !b.ok) throw new Error("store failed");
    expect(sim.getTable("Environments")?.rowCount).toBe(a.written + b.written);
    const envs = await run((ctx) => readEnvironments(ctx));
    expect([...envs.keys()]).toEqual([a.id, b.id]);
    const ids = await run((ctx) => readEnvironmentIds(ctx));
    expect(ids).toEqual([a.id, b.id]);
    const envA = envs.get(a.id);
    const envB = envs.get(b.id);
    if (!envA || !envB) throw new Error("missing");
    const d = diffEnvironments(envA, envB);
    expect(d.summary).toContain("numpy 2.1.3 -> 2.0.2");
    expect(d.summary).toContain("catdog-utils 0.3.0 added");
    expect(d.summary).toContain("torch removed");
  });

  it("keeps text that Excel would read as a formula exactly as it was", async () => {
    const { sim, run } = workbook();
    const r = await run((ctx) => storeEnvironment(ctx, "evil @ =1+1\n-e git+https://example.org/x.git#egg=x\n"));
    expect(r.ok).toBe(true);
    expect(sim.getFormulas("Environments", "E2:E3")).toEqual([
      ["=1+1"],
      ["editable git+https://example.org/x.git#egg=x"],
    ]);
    expect(sim.getValues("Environments", "E2")).toEqual([["=1+1"]]);
    expect(sim.getNumberFormats("Environments", "E2")).toEqual([["@"]]);
  });

  it("returns positioned issues and writes nothing for text that is not an environment", async () => {
    const { sim, run } = workbook();
    const r = await run((ctx) => storeEnvironment(ctx, "dependencies:\n  - [unclosed\n", "conda-yaml"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ line: 3, severity: "error" });
    expect(sim.getTable("Environments")).toBeUndefined();
  });

  it("no Environments table: no stored ids", async () => {
    const { run } = workbook();
    expect(await run((ctx) => readEnvironmentIds(ctx))).toEqual([]);
    expect((await run((ctx) => readEnvironments(ctx))).size).toBe(0);
  });

  it("a failed first write, atomic or partial, and its retry give exactly the clean result", async () => {
    for (const syncSemantics of ["atomic", "partial"] as const) {
      const sim = createExcelSimulator({ syncSemantics });
      sim.faults.failSync(2, "GeneralException");
      await expect(sim.Excel.run((ctx) => storeEnvironment(ctx, PIP))).rejects.toMatchObject({
        code: "GeneralException",
      });
      const retry = await sim.Excel.run((ctx) => storeEnvironment(ctx, PIP));
      // Partial: the failed batch may already hold the whole table; the retry then finds the id.
      expect(retry.ok).toBe(true);
      const n = PIP.trim().split("\n").length;
      expect(sim.getTable("Environments")?.rowCount).toBe(n);
      expect(sim.usedAddress("Environments")).toBe(`A1:E${n + 1}`);
      const clean = createExcelSimulator();
      await clean.Excel.run((ctx) => storeEnvironment(ctx, PIP));
      expect(sim.getFormulas("Environments", `A1:E${n + 1}`)).toEqual(
        clean.getFormulas("Environments", `A1:E${n + 1}`),
      );
      expect(sim.getNumberFormats("Environments", `A1:E${n + 1}`)).toEqual(
        clean.getNumberFormats("Environments", `A1:E${n + 1}`),
      );
    }
  });
});

describe("checkRuns with stored environments", () => {
  it("warns about a run naming an environment the sheet does not hold, once environments are stored", async () => {
    const { createWorkbookGateway, checkRuns } = await import("../../src/excel/index");
    const sim = createExcelSimulator();
    sim.addSheet("Runs");
    sim.setValues("Runs", "A1:G3", [
      ["run_id", "status", "code_version", "data_version", "environment", "command", "accuracy"],
      ["r1", "finished", "3f2a9c1", "dogs@9b1e77a", "env-000000000000", "python train.py", 0.7],
      ["r2", "finished", "3f2a9c1", "dogs@9b1e77a", "", "python train.py", 0.71],
    ]);
    sim.addTable("Runs", "A1:G3", "Runs");
    const gateway = createWorkbookGateway((batch) => sim.Excel.run(batch));
    const codes = async () =>
      (await checkRuns(gateway)).issues.filter((i) => i.code === "not_reproducible").map((i) => `${i.column}@${i.row}`);
    expect(await codes()).toEqual(["environment@3"]);
    const stored = await gateway.storeEnvironment("numpy==2.1.3\n");
    expect(stored.ok).toBe(true);
    expect(await codes()).toEqual(["environment@2", "environment@3"]);
  });
});
