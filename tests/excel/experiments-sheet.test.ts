import { afterAll, describe, expect, it } from "vitest";
import {
  appendRuns,
  applyFixes,
  baselineFix,
  createTracker,
  createWorkbookGateway,
  updateExperiments,
  writeExperiments,
  type ExcelRunner,
  type ExperimentsUpdate,
} from "../../src/excel/index";
import { createExcelSimulator, type ExcelSimulator } from "../../src/sim/index";
import { SEEDS_HEADER, SEEDS_RUNS } from "../shared/seeds-example";
import { faultSweep, type Runner, type SweepCase } from "./fault-sweep";

const header = SEEDS_HEADER;
const runs = SEEDS_RUNS;

type Scalar = string | number | boolean;

/** The Experiments table as records by header name. */
function records(sim: ExcelSimulator): Record<string, Scalar>[] {
  const info = sim.getTable("Experiments");
  if (!info) return [];
  const [head = [], ...rows] = sim.getValues(info.sheet, info.address.replace(/^.*!/, ""));
  return rows.map((row) => Object.fromEntries(head.map((h, i) => [String(h), row[i] ?? ""])));
}

async function seeded(options: { tableAutoExpansion?: boolean } = {}) {
  const sim = createExcelSimulator(options);
  const run: Runner = (batch) => sim.Excel.run(batch);
  const gateway = createWorkbookGateway(run as ExcelRunner);
  await run((ctx) => createTracker(ctx));
  await run((ctx) => appendRuns(ctx, header, runs));
  return { sim, run, gateway };
}

describe("Update Experiments through the gateway", () => {
  it("lists every experiment of the runs once, with its verdict, and a second update adds nothing", async () => {
    const { sim, gateway } = await seeded();
    const first = await updateExperiments(gateway, { metric: "accuracy" });
    expect(first.added).toEqual(["exp1", "exp2"]);
    const rows = records(sim);
    expect(rows.map((r) => r.id)).toEqual(["exp1", "exp2"]);
    expect(rows[0]?.verdict).toMatch(/^exp1 is the first experiment/);
    expect(rows[1]?.verdict).toMatch(
      /^exp2 beats exp1 \(the previous experiment; no baseline set\): accuracy \+9\.0 points/,
    );
    expect(rows[1]?.verdict).toMatch(/at once: the gain cannot be attributed to either/);
    expect(rows[1]?.hypothesis).toBe("");

    const again = await updateExperiments(gateway, { metric: "accuracy" });
    expect(again.added).toEqual([]);
    expect(again.verdictsChanged).toBe(0);
    expect(records(sim)).toEqual(rows);
  });

  it("keeps the user's rows and text, reads their baseline and metric, and rewrites only the verdict", async () => {
    const { sim, gateway } = await seeded();
    await updateExperiments(gateway, { metric: "accuracy" });
    // The user fills in their columns: exp2 against exp1 explicitly, a planned exp3, a note row.
    sim.userEdit("Experiments", "B3", "a 2nd layer helps");
    sim.userEdit("Experiments", "F3", "exp1");
    sim.userEdit("Experiments", "I3", "keep exp2");
    sim.userEdit("Experiments", "J3", "my own words in the verdict column");
    await sim.idle();
    // A planned experiment the runs do not have yet, typed as a new row of the table.
    sim.userEdit("Experiments", "A4", "exp3");
    sim.userEdit("Experiments", "D4", "val_loss");
    await sim.idle();
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.tables.getItem("Experiments").rows.add(undefined, [["exp4", "", "", "", "", "", "", "", "", ""]]);
      await ctx.sync();
    });
    const outcome = await updateExperiments(gateway, { metric: "accuracy" });
    expect(outcome.added).toEqual([]);
    const rows = records(sim);
    expect(rows.map((r) => r.id)).toEqual(["exp1", "exp2", "exp3", "exp4"]);
    expect(rows[1]).toMatchObject({ hypothesis: "a 2nd layer helps", baseline: "exp1", conclusion: "keep exp2" });
    expect(rows[1]?.verdict).toMatch(/^exp2 beats exp1: accuracy \+9\.0 points/);
    expect(rows[2]).toMatchObject({ primary_metric: "val_loss" });
    expect(rows[2]?.verdict).toBe("exp3 has no finished run with val_loss yet.");
  });

  it("adds the verdict column to a tracker made before it existed, leaving the nine others alone", async () => {
    const sim = createExcelSimulator();
    const run: Runner = (batch) => sim.Excel.run(batch);
    await run((ctx) => createTracker(ctx));
    await run((ctx) => appendRuns(ctx, header, runs));
    // An older tracker: nine columns, one row the user wrote.
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.tables.getItem("Experiments").columns.getItem("verdict").delete();
      await ctx.sync();
    });
    sim.userEdit("Experiments", "A2", "exp2");
    sim.userEdit("Experiments", "E2", "max");
    sim.userEdit("Experiments", "I2", "promising");
    await sim.idle();
    const outcome = await updateExperiments(createWorkbookGateway(run as ExcelRunner), { metric: "accuracy" });
    expect(outcome.addedVerdictColumn).toBe(true);
    expect(outcome.added).toEqual(["exp1"]);
    expect(sim.getTable("Experiments")?.headers.at(-1)).toBe("verdict");
    const rows = records(sim);
    expect(rows.map((r) => [r.id, r.goal, r.conclusion])).toEqual([
      ["exp2", "max", "promising"],
      ["exp1", "", ""],
    ]);
    // The sheet's order decides "previous": exp1 comes after exp2 and is compared with it.
    expect(rows[0]?.verdict).toMatch(/^exp2 is the first experiment/);
    expect(rows[1]?.verdict).toMatch(/^exp1 is worse than exp2 \(the previous experiment; no baseline set\)/);
  });

  it("creates the sheet when the workbook has none, and refuses a sheet of that name that is the user's", async () => {
    const sim = createExcelSimulator();
    const run: Runner = (batch) => sim.Excel.run(batch);
    const update: ExperimentsUpdate = { append: ["exp1", "=exp2"], verdicts: { exp1: "first", "=exp2": "+1" } };
    const created = await run((ctx) => writeExperiments(ctx, update));
    expect(created.created).toBe(true);
    expect(records(sim).map((r) => [r.id, r.verdict])).toEqual([
      ["exp1", "first"],
      ["=exp2", "+1"],
    ]);
    expect(sim.getFormulas("Experiments", "A3")[0]?.[0]).toBe("=exp2");

    const other = createExcelSimulator();
    other.addSheet("Experiments");
    other.setValues("Experiments", "A1", [["my plans"]]);
    await expect(other.Excel.run((ctx) => writeExperiments(ctx, update))).rejects.toThrow(/rename it/);
    expect(other.getValues("Experiments", "A1")[0]?.[0]).toBe("my plans");
  });

  it("writes a baseline picked in the pane only into a cell that still holds what the pane saw", async () => {
    const { sim, gateway, run } = await seeded();
    const outcome = await updateExperiments(gateway, { metric: "accuracy" });
    const read = outcome.table;
    if (!read) throw new Error("no table");
    const fix = baselineFix(read, "exp2", "exp1");
    expect(fix).toMatchObject({ sheet: "Experiments", row: 3, column: 5, expected: null, value: "exp1" });
    if (!fix) return;
    const done = await run((ctx) => applyFixes(ctx, [fix]));
    expect(done.applied).toBe(1);
    expect(records(sim)[1]?.baseline).toBe("exp1");
    const after = await updateExperiments(gateway, { metric: "accuracy" });
    expect(after.verdicts[1]?.baselineDefaulted).toBe(false);
    expect(records(sim)[1]?.verdict).toMatch(/^exp2 beats exp1: /);

    // A colleague typed another baseline since the pane read the sheet: theirs stays.
    const stale = baselineFix(read, "exp2", "exp9");
    sim.userEdit("Experiments", "F3", "exp0");
    await sim.idle();
    const refused = await run((ctx) => applyFixes(ctx, stale ? [stale] : []));
    expect(refused.applied).toBe(0);
    expect(records(sim)[1]?.baseline).toBe("exp0");
    expect(baselineFix(read, "nope", "exp1")).toBeNull();
  });
});

// The update a planning step gives for the seeds' runs and a sheet that lists exp1 already.
const UPDATE: ExperimentsUpdate = {
  append: ["exp2", "exp3"],
  verdicts: { exp1: "exp1 is the first experiment", exp2: "exp2 beats exp1", exp3: "=cannot tell", mine: "mine: -1" },
};

/** An Experiments table with the user's rows, and (when `below`) the user's cells under it. */
async function userTable(sim: ExcelSimulator, run: Runner, below: boolean): Promise<void> {
  await run((ctx) => createTracker(ctx));
  await run((ctx) => writeExperiments(ctx, { append: ["exp1", "mine", "note"], verdicts: { exp1: "old" } }));
  sim.setValues("Experiments", "B2:I2", [["one layer", "no effect", "accuracy", "max", "", "ana", "done", "ok"]]);
  sim.setValues("Experiments", "B3:I3", [["my idea", "", "", "", "exp1", "ben", "planned", ""]]);
  sim.setValues("Experiments", "A4:J4", [["", "a note row of mine", "", "", "", "", "", "", "", "keep me"]]);
  if (below) sim.setValues("Experiments", "A6:B6", [["typed below", "=1+1"]]);
}

const SWEEPS: SweepCase[] = [
  {
    name: "experiments: append and rewrite verdicts beside the user's rows and cells below",
    setup: (sim, run) => userTable(sim, run, true),
    workflow: (run) => run((ctx) => writeExperiments(ctx, UPDATE)),
  },
  {
    name: "experiments: an older table without the verdict column",
    setup: async (sim, run) => {
      await userTable(sim, run, false);
      await run(async (ctx) => {
        ctx.workbook.tables.getItem("Experiments").columns.getItem("verdict").delete();
        await ctx.sync();
      });
    },
    workflow: (run) => run((ctx) => writeExperiments(ctx, UPDATE)),
  },
  {
    name: "experiments: no sheet yet",
    workflow: (run) => run((ctx) => writeExperiments(ctx, UPDATE)),
  },
];

const totals = { tried: 0, clean: 0 };
afterAll(() => console.log(`experiments sweeps: ${totals.tried} cases tried, ${totals.clean} clean`));

describe("fault sweep: a failure at any sync of the Experiments write, then a retry, gives the clean workbook", () => {
  for (const syncSemantics of ["atomic", "partial"] as const)
    for (const c of SWEEPS)
      it(`${c.name} (${syncSemantics})`, { timeout: 60_000 }, async () => {
        const result = await faultSweep(c, syncSemantics);
        totals.tried += result.tried;
        totals.clean += result.clean;
        expect(result.tried).toBeGreaterThan(1);
        expect(result.differences).toEqual([]);
      });
});

type Action = "insert above" | "insert inside" | "delete inside" | "edit a row" | "sort" | "type below the table";
const ACTIONS: Action[] = [
  "insert above",
  "insert inside",
  "delete inside",
  "edit a row",
  "sort",
  "type below the table",
];

describe("co-authors between every read and write of the Experiments write: nothing clobbered", () => {
  it("keeps every user row and cell, adds each new id once, and puts each verdict in its own row", async () => {
    const prepared = async () => {
      const sim = createExcelSimulator({ tableAutoExpansion: false });
      const run: Runner = (batch) => sim.Excel.run(batch);
      await userTable(sim, run, false);
      return { sim, run };
    };
    const probe = await prepared();
    const before = probe.sim.stats.syncCount;
    await probe.run((ctx) => writeExperiments(ctx, UPDATE));
    const syncs = probe.sim.stats.syncCount - before;
    expect(syncs).toBeGreaterThan(2);
    const problems: string[] = [];
    for (const action of ACTIONS) {
      for (let k = 1; k <= syncs; k++) {
        const { sim, run } = await prepared();
        const where = `${action} before sync ${k}`;
        if (action === "insert above") sim.coAuthorInsertRows("Experiments", "1:1", { beforeSync: k });
        if (action === "insert inside") sim.coAuthorInsertRows("Experiments", "3:3", { beforeSync: k });
        if (action === "delete inside") sim.coAuthorDeleteRows("Experiments", "4:4", { beforeSync: k });
        if (action === "edit a row") sim.coAuthorEdit("Experiments", "I2", "co-author's conclusion", { beforeSync: k });
        if (action === "sort")
          // Reordering the rows by hand: exp1 and "mine" swap places (ids and every other cell).
          sim.coAuthorEdit(
            "Experiments",
            "A2:I3",
            [
              ["mine", "my idea", "", "", "", "exp1", "ben", "planned", ""],
              ["exp1", "one layer", "no effect", "accuracy", "max", "", "ana", "done", "ok"],
            ],
            { beforeSync: k },
          );
        if (action === "type below the table")
          sim.coAuthorEdit("Experiments", "A6", "typed by a co-author", { beforeSync: k });
        await run((ctx) => writeExperiments(ctx, UPDATE));
        totals.tried++;
        const rows = records(sim);
        const failures: string[] = [];
        const one = (id: string) => rows.filter((r) => r.id === id);
        // A co-author who types into a row RunSheet has just added overwrites that row's id: theirs wins.
        const overwritten = rows.findIndex((r) => r.id === "typed by a co-author");
        const lost = overwritten >= 0 ? ["exp2", "exp3"].filter((id) => one(id).length === 0) : [];
        if (lost.length > 1) failures.push(`${where}: ${lost.join(" and ")} lost`);
        for (const id of ["exp1", "mine", "exp2", "exp3"])
          if (one(id).length !== 1 && !lost.includes(id))
            failures.push(`${where}: ${id} found ${one(id).length} times`);
        for (const r of rows) {
          const want = UPDATE.verdicts[String(r.id)];
          if (r.id !== "" && want !== undefined && r.verdict !== want)
            failures.push(`${where}: ${String(r.id)}'s verdict is "${String(r.verdict)}"`);
        }
        const exp1 = one("exp1")[0];
        const conclusion = action === "edit a row" && exp1?.conclusion !== "ok" ? "co-author's conclusion" : "ok";
        if (exp1 && (exp1.hypothesis !== "one layer" || exp1.conclusion !== conclusion))
          failures.push(`${where}: exp1's own cells changed: ${JSON.stringify(exp1)}`);
        const mine = one("mine")[0];
        if (mine && (mine.hypothesis !== "my idea" || mine.baseline !== "exp1" || mine.owner !== "ben"))
          failures.push(`${where}: the user's row changed: ${JSON.stringify(mine)}`);
        const notes = rows.filter((r) => r.hypothesis === "a note row of mine");
        if (action !== "delete inside" && (notes.length !== 1 || notes[0]?.verdict !== "keep me"))
          failures.push(`${where}: the note row is ${JSON.stringify(notes)}`);
        if (action === "type below the table") {
          const found = sim
            .getValues("Experiments", "A1:A40")
            .flat()
            .filter((v) => v === "typed by a co-author").length;
          if (found !== 1) failures.push(`${where}: the co-author's cell is there ${found} times`);
        }
        if (failures.length === 0) totals.clean++;
        problems.push(...failures);
      }
    }
    expect(problems).toEqual([]);
  });
});
