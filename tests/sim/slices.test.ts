// Large syncs are applied in time slices: the page gets turns while the host works, the sync
// resolves after everything was applied, batches and outside edits never interleave with it,
// and sizes and used ranges come out exactly as computed in one go.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonBytes } from "../../src/core/json-bytes";
import { createExcelSimulator } from "../../src/sim";
import { requestBytes } from "../../src/sim/engine";
import type { QueuedOp } from "../../src/sim/engine-types";
import { WorkbookModel, keyCol, keyRow } from "../../src/sim/model";

const ROWS = 30_000;
const READ_RANGE = `A1:H${ROWS}`;
const grid = (rows: number, cols: number, f: (r: number, c: number) => string | number) =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(r, c)));

/** Counts event-loop turns (macrotasks) until `p` settles. */
async function turnsWhile(p: Promise<unknown>): Promise<number> {
  let done = false;
  void p.finally(() => (done = true)).catch(() => undefined);
  let turns = 0;
  while (!done) {
    await new Promise((r) => setTimeout(r, 0));
    turns++;
  }
  return turns;
}

/** Counts event-loop turns until stopped. */
function countTurns(): { count: number; stop(): void } {
  const state = { count: 0, stopped: false, stop: () => (state.stopped = true) };
  const tick = () => {
    if (state.stopped) return;
    state.count++;
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  return state;
}

describe("time-sliced syncs", () => {
  it("a large write lets the event loop run and is complete when its sync resolves", async () => {
    const sim = createExcelSimulator({ sliceMs: 0 });
    const values = grid(ROWS, 10, (r, c) => r * 10 + c);
    const pending = sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange(`A1:J${ROWS}`).values = values;
      await ctx.sync();
      return sim.getValues("Sheet1", `J${ROWS}`)[0]?.[0];
    });
    const turns = await turnsWhile(pending);
    expect(await pending).toBe(ROWS * 10 - 1);
    // Far more turns than the one a latency timer gives: the write was applied between them.
    expect(turns).toBeGreaterThan(3);
    expect(sim.stats.syncCount).toBeGreaterThanOrEqual(1);
    expect(sim.usedAddress("Sheet1")).toBe(`A1:J${ROWS}`);
  });

  it("a large load is read in slices and delivers every value", async () => {
    const sim = createExcelSimulator({ sliceMs: 0 });
    sim.setValues(
      "Sheet1",
      `A1:H${ROWS}`,
      grid(ROWS, 8, (r, c) => `${r}-${c}`),
    );
    let values: unknown[][] = [];
    let text: unknown[][] = [];
    const turns = countTurns();
    await sim.Excel.run(async (ctx) => {
      const block = ctx.workbook.worksheets.getItem("Sheet1").getRange(READ_RANGE);
      block.load("values,text");
      await ctx.sync();
      ({ values, text } = block);
    });
    turns.stop();
    expect(turns.count).toBeGreaterThan(3);
    expect(values.length).toBe(ROWS);
    expect(values[ROWS - 1]).toEqual(Array.from({ length: 8 }, (_, c) => `${ROWS - 1}-${c}`));
    expect(text[12]?.[3]).toBe("12-3");
    expect(sim.stats.lastRequest?.responseBytes).toBe(jsonBytes(values) + jsonBytes(text));
  });

  it("a user's edit during a sliced sync waits for it: the batch's rollback cannot take the edit with it", async () => {
    const sim = createExcelSimulator({ sliceMs: 0 });
    sim.faults.failSync(1, "GeneralException");
    const pending = sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange(`A1:J${ROWS}`).values = grid(ROWS, 10, () => "addin");
      await ctx.sync();
    });
    // Let the sync start applying, then type into a cell it writes.
    await new Promise((r) => setTimeout(r, 20));
    sim.userEdit("Sheet1", "A1", "user");
    await expect(pending).rejects.toMatchObject({ code: "GeneralException" });
    await sim.idle();
    // The failed batch applied nothing; the user's edit, made after it, stays.
    expect(sim.getValues("Sheet1", "A1")).toEqual([["user"]]);
    expect(sim.getValues("Sheet1", `J${ROWS}`)).toEqual([[""]]);
  });

  it("a failing sliced sync still applies nothing", async () => {
    const sim = createExcelSimulator({ sliceMs: 0 });
    sim.faults.failSync(1, "GeneralException");
    await expect(
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange(`A1:J${ROWS}`).values = grid(ROWS, 10, () => 1);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
    expect(sim.usedAddress("Sheet1")).toBeNull();
  });

  it("requestBytes counts exactly what jsonBytes counts for the whole request", () => {
    const cell = fc.oneof(
      fc.string(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    );
    const payload = fc.oneof(
      fc.constant(undefined),
      cell,
      fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 5000 }),
      fc.array(fc.string(), { maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), payload), { minLength: 1, maxLength: 4 }), (items) => {
        const ops = items.map(([location, p]) => ({ location, payload: p }) as QueuedOp);
        const steps = requestBytes(ops);
        let next = steps.next();
        while (!next.done) next = steps.next();
        expect(next.value).toBe(jsonBytes(ops.map((o) => [o.location, o.payload])));
      }),
      { numRuns: 60 },
    );
  });
});

describe("used range bookkeeping", () => {
  it("matches a fresh scan after any sequence of writes, clears and rollbacks", () => {
    const edit = fc.record({
      r: fc.integer({ min: 0, max: 30 }),
      c: fc.integer({ min: 0, max: 10 }),
      v: fc.oneof(fc.constant(""), fc.constant("x"), fc.constant(2)),
      formatted: fc.boolean(),
      clear: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(edit, { maxLength: 6 }), fc.boolean()), { maxLength: 12 }), (batches) => {
        const model = new WorkbookModel();
        const sheet = model.addSheet("S");
        for (const [edits, fail] of batches) {
          model.begin();
          for (const e of edits) {
            model.setCell(sheet, e.r, e.c, e.clear ? undefined : { v: e.v, ...(e.formatted ? { bold: true } : {}) });
            model.usedRect(sheet, true);
          }
          if (fail) model.rollback();
          else model.commit();
          const windows = [
            undefined,
            { r0: 3, c0: 2, r1: 20, c1: 8 },
            { r0: 5, c0: 5, r1: 6, c1: 6 },
            { r0: 0, c0: 0, r1: 40, c1: 12 },
          ];
          for (const [valuesOnly, within] of [true, false].flatMap((v) => windows.map((w) => [v, w] as const))) {
            let want: { r0: number; c0: number; r1: number; c1: number } | null = null;
            for (const [k, cell] of sheet.cells) {
              if (valuesOnly && cell.v === "" && !cell.f) continue;
              const r = keyRow(k);
              const c = keyCol(k);
              if (within && (r < within.r0 || r > within.r1 || c < within.c0 || c > within.c1)) continue;
              want = want
                ? {
                    r0: Math.min(want.r0, r),
                    c0: Math.min(want.c0, c),
                    r1: Math.max(want.r1, r),
                    c1: Math.max(want.c1, c),
                  }
                : { r0: r, c0: c, r1: r, c1: c };
            }
            expect(model.usedRect(sheet, valuesOnly, within)).toEqual(want);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
