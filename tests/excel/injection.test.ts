/**
 * The injection corpus through every write path of the Excel layer: 0 formulas written, 0
 * writes rejected, text read back equal to what was given.
 */
import { afterAll, describe, expect, it } from "vitest";
import { normalizeName, schemaToRows, type RunSchema } from "../../src/core/index";
import { addSchemaColumns, appendHistory, appendRuns, createTracker, registerBest } from "../../src/excel/index";
import type { ExcelSimulator } from "../../src/sim/index";
import { INJECTION_CORPUS } from "./injection-corpus";
import { workbook } from "./helpers";

const counts = { cells: 0, formulas: 0, rejected: 0, changed: 0 };
afterAll(() =>
  console.log(
    `injection corpus: ${counts.cells} cells written, ${counts.formulas} formulas, ${counts.rejected} writes rejected, ${counts.changed} changed`,
  ),
);

/** Checks every corpus text in `cells` (values read back) and the sheet's formulas there. */
function check(sim: ExcelSimulator, sheet: string, address: string, expected: readonly (readonly unknown[])[]): void {
  const values = sim.getValues(sheet, address);
  const formulas = sim.getFormulas(sheet, address);
  expected.forEach((row, r) =>
    row.forEach((want, c) => {
      if (typeof want !== "string") return;
      counts.cells++;
      if (values[r]?.[c] !== want) counts.changed++;
      if (formulas[r]?.[c] !== values[r]?.[c]) counts.formulas++;
    }),
  );
  expect(values).toEqual(expected);
  expect(formulas).toEqual(expected);
}

async function guarded<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    counts.rejected++;
    throw error;
  }
}

/** Corpus texts usable as distinct column names (Excel trims header cells). */
const names = INJECTION_CORPUS.filter(
  (t, i, all) => t.trim() === t && all.findIndex((o) => normalizeName(o) === normalizeName(t)) === i,
);
const col = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : `A${String.fromCharCode(65 + i - 26)}`);

describe("injection corpus through every write path", () => {
  it("Runs: imported values and new column names", async () => {
    const { sim, run } = workbook();
    await run((ctx) => createTracker(ctx, { columns: [{ name: "run_id", type: "text", role: "id" }] }));
    const header = ["run_id", ...names];
    const rows = INJECTION_CORPUS.map((text, i) => [`r${i}`, ...names.map(() => text)]);
    await guarded(run((ctx) => appendRuns(ctx, header, rows)));
    check(sim, "Runs", `A1:${col(header.length - 1)}1`, [header]);
    check(sim, "Runs", `A2:${col(header.length - 1)}${rows.length + 1}`, rows);
    // Again, below existing rows (not the placeholder): the same.
    const more = INJECTION_CORPUS.map((text, i) => [`s${i}`, ...names.map(() => text)]);
    await guarded(run((ctx) => appendRuns(ctx, header, more)));
    check(sim, "Runs", `A${rows.length + 2}:${col(header.length - 1)}${rows.length * 2 + 1}`, more);
  });

  it("Create tracker: column names (an adopted sheet's headers) in Runs and Schema", async () => {
    const { sim, run } = workbook();
    const schema: RunSchema = { columns: names.map((name) => ({ name, type: "text", role: "meta" })) };
    await guarded(run((ctx) => createTracker(ctx, schema)));
    check(sim, "Runs", `A1:${col(names.length - 1)}1`, [names]);
    check(
      sim,
      "Schema",
      `A2:A${names.length + 1}`,
      names.map((n) => [n]),
    );
  });

  it("Schema rows added by an import: names, patterns, descriptions", async () => {
    const { sim, run } = workbook();
    await run((ctx) => createTracker(ctx, { columns: [{ name: "run_id", type: "text", role: "id" }] }));
    const columns = names.map((name) => ({
      name,
      type: "text" as const,
      role: "meta" as const,
      pattern: name,
      description: name,
    }));
    const rows = schemaToRows({ columns })
      .slice(1)
      .map((r) => r.map((v) => v ?? ""));
    const added = await guarded(run((ctx) => addSchemaColumns(ctx, rows)));
    expect(added).toBe(names.length);
    const header = sim.getTable("RunSchema")?.headers ?? [];
    const at = (name: string) => col(header.indexOf(name));
    for (const field of ["name", "pattern", "description"])
      check(
        sim,
        "Schema",
        `${at(field)}3:${at(field)}${names.length + 2}`,
        names.map((n) => [n]),
      );
  });

  it("History: run ids and metric names, on creation and on append", async () => {
    const { sim, run } = workbook();
    const first = INJECTION_CORPUS.map(
      (t, i) => [t, t, "epoch", i, i / 10] as [string, string, string, number, number],
    );
    await guarded(run((ctx) => appendHistory(ctx, first)));
    check(
      sim,
      "Curves",
      `A2:C${first.length + 1}`,
      first.map((p) => p.slice(0, 3)),
    );
    const second = INJECTION_CORPUS.map((t, i) => [t, t, t, 100 + i, i] as [string, string, string, number, number]);
    await guarded(run((ctx) => appendHistory(ctx, second)));
    check(
      sim,
      "Curves",
      `A${first.length + 2}:C${first.length * 2 + 1}`,
      second.map((p) => p.slice(0, 3)),
    );
  });

  it("Registry: run id, metric, reason and every frozen field, on creation and on append", async () => {
    const { sim, run } = workbook();
    const row = Object.fromEntries(names.map((n) => [n, n]));
    const entry = (runId: string) => ({
      runId,
      metric: "=-log_loss",
      value: 0.5,
      reason: "+49 170 1234567",
      row,
      registeredAt: "2024-01-02",
    });
    await guarded(run((ctx) => registerBest(ctx, entry("007"))));
    await guarded(run((ctx) => registerBest(ctx, entry("=1+1"))));
    const header = sim.getTable("Registry")?.headers ?? [];
    const width = header.length;
    check(sim, "Registry", `A1:${col(width - 1)}1`, [header]);
    const expected = ["007", "=1+1"].map((id) =>
      header.map((h) => {
        if (h === "run_id") return id;
        if (h === "metric") return "=-log_loss";
        if (h === "value") return 0.5;
        if (h === "reason") return "+49 170 1234567";
        if (h === "registered_at") return "2024-01-02";
        return row[h.replace(/^run\./, "")] ?? "";
      }),
    );
    check(sim, "Registry", `A2:${col(width - 1)}3`, expected);
    expect(header.slice(5)).toEqual(names.map((n) => (["value", "reason", "metric"].includes(n) ? `run.${n}` : n)));
  });
});
