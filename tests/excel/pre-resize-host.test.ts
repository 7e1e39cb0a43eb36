/**
 * Hosts before ExcelApi 1.13 have no Table.resize: appends add blank table rows, then write them
 * with the same safe write. Through the simulator lowered to ExcelApi 1.12 (its globals installed,
 * so the add-in asks the simulated host): the rows and their text come out exactly as on a modern
 * host, a failed sync at any position (atomic, or partial cut before any of its operations) followed by a retry gives exactly the
 * clean workbook, and co-authors' edits between the syncs are not clobbered.
 */
import { afterAll, describe, expect, it } from "vitest";
import { schemaToRows } from "../../src/core/index";
import {
  addSchemaColumns,
  appendHistory,
  appendRuns,
  createTracker,
  hostCanResizeTables,
  registerBest,
} from "../../src/excel/index";
import { createExcelSimulator } from "../../src/sim/index";
import { faultSweep, type SweepCase } from "./fault-sweep";
import { INJECTION_CORPUS } from "./injection-corpus";

/** A Microsoft 365 build from before Table.resize (ExcelApi 1.12, Version 2008). */
const PRE_RESIZE = { host: "windows", excelApi: 12 } as const;

const header = ["run_id", "experiment", "accuracy", "notes"];
const rows = INJECTION_CORPUS.slice(0, 12).map((text, i) => [`r${i}`, i % 2 ? "exp1" : "exp2", 0.5 + i / 100, text]);

const withTracker: SweepCase["setup"] = async (_sim, run) => {
  await run((ctx) => createTracker(ctx));
};

const CASES: SweepCase[] = (
  [
    {
      name: "import into a new tracker",
      setup: withTracker,
      workflow: (run) => run((ctx) => appendRuns(ctx, header, rows)),
    },
    {
      name: "import below runs, with the user's cells below the table",
      setup: async (sim, run) => {
        await run((ctx) => createTracker(ctx));
        await run((ctx) => appendRuns(ctx, header.slice(0, 3), [["first", "exp0", 0.1]]));
        sim.setValues("Runs", "A5:B5", [["user note below", "=1+1"]]);
      },
      workflow: (run) => run((ctx) => appendRuns(ctx, header, rows.slice(0, 5))),
    },
    {
      name: "import in chunks (request limit 24 KB)",
      options: { payloadLimitBytes: 24 * 1024 },
      setup: withTracker,
      workflow: (run) =>
        run((ctx) =>
          appendRuns(
            ctx,
            header,
            Array.from({ length: 400 }, (_, i) => [`c${i}`, "exp1", i / 400, `=${i}+1 ${"x".repeat(i % 40)}`]),
            [],
            { maxRequestBytes: 16 * 1024 },
          ),
        ),
    },
    {
      name: "schema columns",
      setup: withTracker,
      workflow: (run) =>
        run((ctx) =>
          addSchemaColumns(
            ctx,
            schemaToRows({ columns: [{ name: "=gpu_hours", type: "number", role: "metric", goal: "min" }] })
              .slice(1)
              .map((r) => r.map((v) => v ?? "")),
          ),
        ),
    },
    {
      name: "history (create, then append)",
      workflow: async (run) => {
        await run((ctx) => appendHistory(ctx, [["007", "=-log_loss", "epoch", 1, 0.5]]));
        await run((ctx) =>
          appendHistory(
            ctx,
            Array.from({ length: 6 }, (_, i) => ["007", "=-log_loss", "epoch", i + 2, i / 10] as const).map((p) => [
              ...p,
            ]),
          ),
        );
      },
    },
    {
      name: "register best (twice)",
      setup: withTracker,
      workflow: async (run) => {
        const entry = (runId: string) => ({
          runId,
          metric: "accuracy",
          value: 0.9,
          reason: "+49 170 1234567",
          row: { run_id: runId, accuracy: 0.9, notes: "=1+1" },
          registeredAt: "2026-12-01T10:00:00.000Z",
        });
        await run((ctx) => registerBest(ctx, entry("007")));
        await run((ctx) => registerBest(ctx, entry("r2")));
      },
    },
  ] as SweepCase[]
).map((c) => ({
  ...c,
  options: { ...PRE_RESIZE, ...c.options },
  installGlobals: true,
  everyOperation: true,
}));

const totals = { tried: 0, clean: 0 };
afterAll(() =>
  console.log(`pre-1.13 fault sweep: ${totals.tried} failure positions tried, ${totals.clean} clean after the retry`),
);

describe("a host without Table.resize (ExcelApi 1.12)", () => {
  it("is seen as such, and an import gives the same workbook as on a modern host", async () => {
    // One after the other: each installs its own globals.
    const importOn = async (options: { host: "windows"; excelApi?: number }) => {
      const sim = createExcelSimulator(options);
      const uninstall = sim.install();
      try {
        const canResize = hostCanResizeTables();
        await sim.Excel.run((ctx) => createTracker(ctx));
        await sim.Excel.run((ctx) => appendRuns(ctx, header, rows.slice(0, 1)));
        // The user's own cells below the table: moved down once, never overwritten.
        sim.setValues("Runs", "A4:B4", [["user note below", "=1+1"]]);
        await sim.Excel.run((ctx) => appendRuns(ctx, header, rows.slice(1)));
        await sim.Excel.run((ctx) => appendRuns(ctx, header, [["late", "exp3", 0.3, "(100)"]]));
        return { canResize, sim };
      } finally {
        uninstall();
      }
    };
    const old = await importOn(PRE_RESIZE);
    const modern = await importOn({ host: "windows" });
    expect(old.canResize).toBe(false);
    expect(modern.canResize).toBe(true);
    const info = old.sim.getTable("Runs");
    expect(info?.rowCount).toBe(rows.length + 1);
    const notes = String.fromCharCode(65 + (info?.headers.indexOf("notes") ?? -99));
    const column = `${notes}2:${notes}${rows.length + 2}`;
    expect(old.sim.getValues("Runs", column)).toEqual([...rows.map((r) => [r[3]]), ["(100)"]]);
    expect(old.sim.getFormulas("Runs", column)).toEqual(old.sim.getValues("Runs", column));
    // The user's cells below moved down once (one row per added run), not overwritten.
    expect(old.sim.getValues("Runs", `A${rows.length + 4}:B${rows.length + 4}`)).toEqual([["user note below", 2]]);
    // The table holds the same values and formulas as on a modern host (text is kept by the
    // quote prefix instead of "@"). Below it, rows.add keeps the blank row above the user's
    // cells, where a modern host fills that blank row first.
    const table = modern.sim.getTable("Runs")?.address.replace(/^.*!/, "") ?? "A1";
    expect(old.sim.getTable("Runs")?.address).toBe(modern.sim.getTable("Runs")?.address);
    expect(old.sim.getValues("Runs", table)).toEqual(modern.sim.getValues("Runs", table));
    expect(old.sim.getFormulas("Runs", table)).toEqual(modern.sim.getFormulas("Runs", table));
    for (const sim of [old.sim, modern.sim])
      expect(
        sim
          .getValues("Runs", "A1:A60")
          .flat()
          .filter((v) => v === "user note below"),
      ).toHaveLength(1);
  });

  for (const syncSemantics of ["atomic", "partial"] as const) {
    for (const c of CASES) {
      it(`fault sweep: ${c.name} (${syncSemantics})`, { timeout: 60_000 }, async () => {
        const result = await faultSweep(c, syncSemantics);
        totals.tried += result.tried;
        totals.clean += result.clean;
        expect(result.tried).toBeGreaterThan(0);
        expect(result.differences).toEqual([]);
        expect(result.clean).toBe(result.tried);
      });
    }
  }
});
