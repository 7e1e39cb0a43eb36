import { afterAll, describe, expect, it } from "vitest";
import { schemaToRows } from "../../src/core/index";
import {
  addSchemaColumns,
  adoptActiveSheet,
  appendHistory,
  appendRuns,
  createTracker,
  createWorkbookGateway,
  registerBest,
  setUpTracker,
  type ExcelRunner,
  type HistoryRow,
} from "../../src/excel/index";
import { INJECTION_CORPUS } from "./injection-corpus";
import { faultSweep, type SweepCase } from "./fault-sweep";

const header = ["run_id", "experiment", "accuracy", "notes", "new_metric"];
const smallRows = INJECTION_CORPUS.map((text, i) => [`r${i}`, i % 2 ? "exp1" : "exp2", 0.5 + i / 100, text, i]);
const points: HistoryRow[] = Array.from({ length: 40 }, (_, i) => [
  "007",
  i % 2 ? "=-log_loss" : "acc",
  "epoch",
  i,
  i / 40,
]);
const entry = {
  runId: "r3",
  metric: "accuracy",
  value: 0.9,
  reason: "best by mean",
  row: { run_id: "r3", accuracy: 0.9, notes: "=1+1", started: "2024-01-02" },
  registeredAt: "2026-12-01T10:00:00.000Z",
};

const withTracker: SweepCase["setup"] = async (_sim, run) => {
  await run((ctx) => createTracker(ctx));
};

/** 30,000 runs x 8 columns: more than 5 MB as a request, so the import is chunked. */
const bigRows = Array.from({ length: 30000 }, (_, i) => [
  `run-${String(i).padStart(6, "0")}`,
  `exp${i % 7}`,
  (i % 1000) / 1000,
  `note ${i} =${i}+1 ${"x".repeat(i % 150)}`,
  i,
]);

export const SWEEP_CASES: SweepCase[] = [
  { name: "create tracker", workflow: (run) => run((ctx) => createTracker(ctx)) },
  {
    name: "create tracker over an adopted sheet",
    setup: async (sim) => {
      sim.setValues("Sheet1", "A1:D3", [
        // The user typed these headers as text (quote prefix).
        ["Run ID", "'=1+1", "'-log_loss", "'+49 notes"],
        ["a1", "x", 0.4, "n"],
        ["a2", "y", 0.5, "m"],
      ]);
      await sim.Excel.run((ctx) => adoptActiveSheet(ctx));
    },
    workflow: (run) => setUpTracker(createWorkbookGateway(run as ExcelRunner)),
  },
  {
    name: "adopt",
    setup: async (sim) => {
      sim.setValues("Sheet1", "B3:C5", [
        ["run_id", "accuracy"],
        ["a", 0.5],
        ["b", 0.6],
      ]);
    },
    workflow: (run) => run((ctx) => adoptActiveSheet(ctx)),
  },
  {
    name: "import (schema columns, then runs)",
    setup: withTracker,
    workflow: async (run) => {
      await run((ctx) =>
        addSchemaColumns(
          ctx,
          schemaToRows({ columns: [{ name: "new_metric", type: "number", role: "metric", goal: "max" }] })
            .slice(1)
            .map((r) => r.map((v) => v ?? "")),
        ),
      );
      await run((ctx) => appendRuns(ctx, header, smallRows));
    },
  },
  {
    name: "import into a table with runs and user cells below it",
    setup: async (sim, run) => {
      await run((ctx) => createTracker(ctx));
      await run((ctx) => appendRuns(ctx, header.slice(0, 3), [["first", "exp0", 0.1]]));
      sim.setValues("Runs", "A5:B5", [["user note below", "=1+1"]]);
    },
    workflow: (run) => run((ctx) => appendRuns(ctx, header, smallRows.slice(0, 6))),
  },
  {
    name: "import over 5 MB (chunked)",
    setup: withTracker,
    workflow: (run) => run((ctx) => appendRuns(ctx, header, bigRows)),
  },
  {
    name: "history (create, then append)",
    workflow: async (run) => {
      await run((ctx) => appendHistory(ctx, points.slice(0, 20)));
      await run((ctx) => appendHistory(ctx, points));
    },
  },
  {
    name: "history in chunks (request limit 32 KB)",
    options: { payloadLimitBytes: 32 * 1024 },
    workflow: (run) =>
      run((ctx) =>
        appendHistory(
          ctx,
          Array.from({ length: 2500 }, (_, i) => [`r${i % 9}`, "=-log_loss", "step", i, i / 2500] as HistoryRow),
          { maxRequestBytes: 24 * 1024 },
        ),
      ),
  },
  {
    name: "register best (Registry from Create tracker)",
    setup: async (sim, run) => {
      await run((ctx) => createTracker(ctx));
      await run((ctx) => registerBest(ctx, { ...entry, runId: "r1", row: { run_id: "r1", accuracy: 0.8 } }));
    },
    workflow: (run) => run((ctx) => registerBest(ctx, entry)),
  },
  {
    name: "register best (no Registry yet)",
    workflow: (run) => run((ctx) => registerBest(ctx, entry)),
  },
];

const totals = { tried: 0, clean: 0 };
afterAll(() => {
  console.log(`fault sweep: ${totals.tried} failure positions tried, ${totals.clean} clean after the retry`);
});

describe("fault sweep: a failure at any sync, then a retry, gives exactly the clean workbook", () => {
  it("catches a workflow that is not idempotent (the sweep can fail)", async () => {
    const naive: SweepCase = {
      name: "naive",
      setup: withTracker,
      workflow: async (run) => {
        const add = (id: string) =>
          run(async (ctx) => {
            ctx.workbook.tables.getItem("Runs").rows.add(undefined, [[id, ...new Array<string>(19).fill("")]]);
            await ctx.sync();
          });
        await add("a");
        await add("b");
      },
    };
    const result = await faultSweep(naive, "atomic");
    expect(result.tried).toBe(2);
    expect(result.clean).toBe(1);
    expect(result.differences[0]).toMatch(/naive \[atomic\] sync 2/);
  });

  for (const syncSemantics of ["atomic", "partial"] as const) {
    for (const c of SWEEP_CASES) {
      it(`${c.name} (${syncSemantics})`, { timeout: 120_000 }, async () => {
        // Partial: cut each sync before each of its operations (the 30,000-row import at the middle one only, for time).
        const result = await faultSweep({ ...c, everyOperation: !c.name.includes("over 5 MB") }, syncSemantics);
        totals.tried += result.tried;
        totals.clean += result.clean;
        expect(result.tried).toBeGreaterThan(0);
        expect(result.differences).toEqual([]);
        expect(result.clean).toBe(result.tried);
        for (const message of result.messages) expect(message).not.toMatch(/were removed|nothing was imported/);
      });
    }
  }
});
