// One-click fixes under every failure position and a co-author edit before every sync: a
// co-author's value is never lost without the user being told which cell and what it held.
import { describe, expect, it } from "vitest";
import { applyFixes, type CellFix, type FixResult } from "../../src/excel/index";
import { createExcelSimulator, type ExcelSimulator } from "../../src/sim/index";

type Mode = "atomic" | "partial";

function runs(mode: Mode): ExcelSimulator {
  const sim = createExcelSimulator({ syncSemantics: mode });
  sim.addSheet("Runs");
  sim.setValues("Runs", "A1:C4", [
    ["run_id", "accuracy", "status"],
    ["r1", "0,91", "Finished"],
    ["r2", 0.8, "Finished"],
    ["r3", "0,73", "finished"],
  ]);
  return sim;
}

const proposed: CellFix[] = [
  {
    sheet: "Runs",
    row: 2,
    column: 1,
    expected: "0,91",
    value: 0.91,
    anchor: { column: 0, value: "r1" },
    columnName: "accuracy",
  },
  {
    sheet: "Runs",
    row: 2,
    column: 2,
    expected: "Finished",
    value: "finished",
    anchor: { column: 0, value: "r1" },
    columnName: "status",
  },
  {
    sheet: "Runs",
    row: 3,
    column: 2,
    expected: "Finished",
    value: "finished",
    anchor: { column: 0, value: "r2" },
    columnName: "status",
  },
  {
    sheet: "Runs",
    row: 4,
    column: 1,
    expected: "0,73",
    value: 0.73,
    anchor: { column: 0, value: "r3" },
    columnName: "accuracy",
  },
];

const FIXED = [
  ["r1", 0.91, "finished"],
  ["r2", 0.8, "finished"],
  ["r3", 0.73, "finished"],
];

/** Co-author edits tried: a fixed number cell and a fixed text cell. */
const EDITS = [
  { address: "B4", row: 2, column: 1, value: 0.9 },
  { address: "C3", row: 1, column: 2, value: "running" },
] as const;

const fix = (sim: ExcelSimulator) => sim.Excel.run((ctx) => applyFixes(ctx, proposed));

/** Syncs and operations per sync of a clean fix with the co-author edit before sync `at`. */
async function cleanShape(mode: Mode, edit: (typeof EDITS)[number], at: number): Promise<number[]> {
  const sim = runs(mode);
  sim.coAuthorEdit("Runs", edit.address, edit.value, { beforeSync: at });
  const before = sim.stats.requests.length;
  await fix(sim);
  return sim.stats.requests.slice(before).map((r) => r.operations);
}

interface Case {
  edit: (typeof EDITS)[number];
  /** The co-author edit lands right before this sync. */
  at: number;
  /** The first failing sync, and the operation it fails before (partial mode). */
  k: number;
  op: number | undefined;
  /** Failures in a row from sync k. */
  times: number;
}

interface Tally {
  cases: number;
  clean: number;
  reported: number;
  /** Lost where the failed writing request had named the cell (its value cannot be known). */
  named: string[];
  silentlyLost: string[];
  otherCellsWrong: string[];
}

async function sweep(mode: Mode): Promise<Tally> {
  const tally: Tally = { cases: 0, clean: 0, reported: 0, named: [], silentlyLost: [], otherCellsWrong: [] };
  const tryCase = async (c: Case) => {
    const { edit, at, k, op, times } = c;
    const sim = runs(mode);
    sim.coAuthorEdit("Runs", edit.address, edit.value, { beforeSync: at });
    // `times` failures in a row from sync k: more than the restore's attempts when > 3.
    for (let j = 0; j < times; j++) sim.faults.failSync(k + j, "GeneralException", `(injected at sync ${k + j})`, op);
    const results: FixResult[] = [];
    let failed = false;
    let message = "";
    await fix(sim).then(
      (r) => results.push(r),
      (e: unknown) => {
        failed = true;
        message = e instanceof Error ? e.message : String(e);
      },
    );
    sim.faults.clear();
    if (failed) results.push(await fix(sim));
    tally.cases++;
    const where = `${mode} ${edit.address} edit before sync ${at}, sync ${k} fails${times > 1 ? ` (and ${times - 1} after)` : ""}${op === undefined ? "" : ` at operation ${op}`}`;
    const values = sim.getValues("Runs", "A2:C4");
    // An edit scheduled after the last sync never happened: the clean result is expected.
    const happened = sim.stats.syncCount >= at;
    if (!happened) {
      if (JSON.stringify(values) === JSON.stringify(FIXED)) tally.clean++;
      else tally.otherCellsWrong.push(`${where}: ${JSON.stringify(values)}`);
      return;
    }
    const expected = FIXED.map((row, r) => row.map((v, c) => (r === edit.row && c === edit.column ? edit.value : v)));
    const kept = values[edit.row]?.[edit.column] === edit.value;
    const told = results.some((r) =>
      r.unrestored.some((u) => u.address === edit.address && u.value === edit.value && u.runId === `r${edit.row + 1}`),
    );
    const others = values.every((row, r) =>
      row.every((v, c) => (r === edit.row && c === edit.column) || v === expected[r]?.[c]),
    );
    if (!others) tally.otherCellsWrong.push(`${where}: ${JSON.stringify(values)}`);
    if (kept && others) tally.clean++;
    else if (!kept && told) tally.reported++;
    else if (!kept && message.includes(`Runs!${edit.address}`)) tally.named.push(where);
    else if (!kept) tally.silentlyLost.push(`${where}: ${JSON.stringify(values)}`);
  };
  const cases: Case[] = [];
  for (const edit of EDITS) {
    // Before the first sync, before each sync of the clean run, and after the last.
    const shapes = await Promise.all([1, 2, 3, 4].map((at) => cleanShape(mode, edit, at)));
    shapes.forEach((operations, i) => {
      operations.forEach((count, s) => {
        const ops = mode === "partial" ? Array.from({ length: count + 1 }, (_, op) => op) : [undefined];
        for (const op of ops) for (const times of [1, 4]) cases.push({ edit, at: i + 1, k: s + 1, op, times });
      });
    });
  }
  // One case after another, each on its own workbook (recursion keeps syncs out of loops).
  const next = async (i: number): Promise<void> => {
    const c = cases[i];
    if (!c) return;
    await tryCase(c);
    await next(i + 1);
  };
  await next(0);
  return tally;
}

describe.each(["atomic", "partial"] as const)("fix fault sweep with a co-author edit (%s)", (mode) => {
  it("no co-author value is lost without the cell and its value being reported; no other cell is wrong", async () => {
    const tally = await sweep(mode);
    console.log(
      `fixes sweep [${mode}]`,
      JSON.stringify({ ...tally, named: tally.named.length, silentlyLost: tally.silentlyLost.length }),
    );
    expect(tally.cases).toBeGreaterThan(mode === "atomic" ? 30 : 300);
    // The bounded restore runs out of attempts in some cases, and says so.
    expect(tally.reported).toBeGreaterThan(0);
    expect(tally.otherCellsWrong).toEqual([]);
    expect(tally.silentlyLost).toEqual([]);
    expect(tally.clean + tally.reported + tally.named.length).toBe(tally.cases);
    // Named only where it cannot be known: a partial writing request that failed after
    // overwriting an edit that landed right before it (its loads are not delivered).
    for (const where of tally.named) expect(where).toMatch(/^partial .* edit before sync 2, sync 2 fails/);
  });
});
