/**
 * The injection corpus through the sheets RunSheet writes from the runs: Report, Summary,
 * Compare, Environments, Experiments and Registry. Outside text goes in as run ids, experiment ids, param
 * values, a metric name and environment package names and versions. Every sheet is scanned for
 * formulas (0), every write must go through (0 rejected), and each place that shows one of those
 * texts in a cell of its own must show it exactly (0 changed: `007` stays the text 007, not 7).
 */
import { afterAll, describe, expect, it } from "vitest";
import { compare, schemaToRows, type Run } from "../../src/core/index";
import {
  addSchemaColumns,
  appendRuns,
  checkRuns,
  compareTable,
  createTracker,
  createWorkbookGateway,
  generateReport,
  registerBest,
  updateExperiments,
  writeCompareSheet,
  type ExcelRunner,
} from "../../src/excel/index";
import { environmentRows } from "../../src/core/env/sheet";
import { parseEnvironment } from "../../src/core/env/index";
import { storeEnvironment } from "../../src/excel/environments";
import type { ExcelSimulator } from "../../src/sim/index";
import { INJECTION_CORPUS } from "./injection-corpus";
import { workbook } from "./helpers";

const counts = { scanned: 0, exact: 0, formulas: 0, rejected: 0, changed: 0 };
const perSheet: Record<string, number> = {};
afterAll(() =>
  console.log(
    `injection corpus through the derived sheets: ${INJECTION_CORPUS.length} texts, ${counts.scanned} cells scanned, ` +
      `${counts.exact} outside-text cells compared exactly (${Object.entries(perSheet)
        .map(([s, n]) => `${s} ${n}`)
        .join(", ")}), ${counts.formulas} formulas, ${counts.rejected} writes rejected, ${counts.changed} changed`,
  ),
);

const METRIC = "=-log_loss";
const PARAM = "+49 170 1234567";
const EXPERIMENTS = INJECTION_CORPUS.slice(0, 6);
const OPTS = INJECTION_CORPUS.slice(15, 19);
const NOW = new Date("2026-11-25T12:00:00Z");

/** Every cell of `sheet`'s used range: counts the cells holding a formula (there must be none). */
function scanFormulas(sim: ExcelSimulator, sheet: string): number {
  const used = sim.usedAddress(sheet);
  if (!used) return 0;
  const values = sim.getValues(sheet, used).flat();
  const formulas = sim.getFormulas(sheet, used).flat();
  counts.scanned += values.length;
  const found = formulas.filter((f, i) => typeof f === "string" && f.startsWith("=") && f !== values[i]).length;
  counts.formulas += found;
  return found;
}

/** Compares cells that must hold exactly the given outside texts; counts the ones that differ. */
function exact(sheet: string, got: readonly unknown[], want: readonly string[]): void {
  counts.exact += want.length;
  perSheet[sheet] = (perSheet[sheet] ?? 0) + want.length;
  counts.changed += want.filter((w, i) => got[i] !== w).length;
  expect(got).toEqual(want);
}

/** The values below the header cell `label` in `sheet` (column of a table whose header row holds it). */
function columnUnder(sim: ExcelSimulator, sheet: string, label: string, rows: number): unknown[] {
  const used = sim.usedAddress(sheet) ?? "A1";
  const grid = sim.getValues(sheet, used);
  const r = grid.findIndex((row) => row.includes(label));
  const c = grid[r]?.indexOf(label) ?? -1;
  return grid.slice(r + 1, r + 1 + rows).map((row) => row[c]);
}

async function guarded<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    counts.rejected++;
    throw error;
  }
}

async function trackerWithCorpusRuns() {
  const { sim, run } = workbook();
  const gateway = createWorkbookGateway(run as ExcelRunner);
  await run((ctx) => createTracker(ctx));
  await guarded(
    run((ctx) =>
      addSchemaColumns(
        ctx,
        schemaToRows({
          columns: [
            { name: METRIC, type: "number", role: "metric", goal: "max" },
            { name: PARAM, type: "text", role: "param" },
          ],
        })
          .slice(1)
          .map((r) => r.map((v) => v ?? "")),
      ),
    ),
  );
  // Each corpus text is a run id; experiments and the param's values are corpus texts too.
  const header = ["run_id", "experiment", "seed", "status", PARAM, METRIC];
  const rows = INJECTION_CORPUS.map((text, i) => [
    text,
    EXPERIMENTS[i % EXPERIMENTS.length] ?? "",
    i % 3,
    "finished",
    OPTS[i % OPTS.length] ?? "",
    0.5 + i / 100,
  ]);
  await guarded(run((ctx) => appendRuns(ctx, header, rows)));
  const checked = await checkRuns(gateway);
  return { sim, run, gateway, checked };
}

describe("injection corpus through the sheets derived from the runs", () => {
  it("Report and Summary: experiment ids, best run ids, param values and the metric name", async () => {
    const { sim, gateway } = await trackerWithCorpusRuns();
    const outcome = await guarded(generateReport(gateway, { metric: METRIC, now: NOW }));
    expect(outcome.sections).toBe(EXPERIMENTS.length);
    const ids = new Set<unknown>(INJECTION_CORPUS);

    expect(scanFormulas(sim, "Report")).toBe(0);
    exact("Report", columnUnder(sim, "Report", "Experiment", EXPERIMENTS.length), EXPERIMENTS);
    const best = columnUnder(sim, "Report", "Best run", EXPERIMENTS.length);
    // Each best run id is one of the corpus texts, as text.
    exact(
      "Report",
      best,
      best.map((b) => (ids.has(b) ? String(b) : `not a run id: ${String(b)}`)),
    );
    exact("Report", sim.getValues("Report", "A1").flat(), [`RunSheet report: ${METRIC}`]);

    expect(scanFormulas(sim, "Summary")).toBe(0);
    const rows = outcome.summary.rows;
    expect(rows).toBe(OPTS.length);
    const opts = columnUnder(sim, "Summary", PARAM, rows);
    exact("Summary", [...opts].sort(), [...OPTS].sort());
    exact("Summary", sim.getValues("Summary", "D1").flat(), [`${METRIC} mean`]);
    const bestRuns = columnUnder(sim, "Summary", "best run", rows);
    exact(
      "Summary",
      bestRuns,
      bestRuns.map((b) => (ids.has(b) ? String(b) : `not a run id: ${String(b)}`)),
    );
  });

  it("Compare: run ids, experiments and param values of ten corpus runs side by side", async () => {
    const { sim, run, checked } = await trackerWithCorpusRuns();
    // Runs validation kept (not duplicates of another id after trimming).
    const chosen: Run[] = checked.runs.filter((r) => INJECTION_CORPUS.includes(r.id)).slice(0, 10);
    expect(chosen).toHaveLength(10);
    const result = compare(
      { runs: checked.runs, schema: checked.schema },
      chosen.map((r) => r.id),
    );
    if (!result.ok) throw new Error("compare failed");
    await guarded(run((ctx) => writeCompareSheet(ctx, result.value, compareTable(result.value, checked.schema))));
    expect(scanFormulas(sim, "Compare")).toBe(0);
    const used = sim.usedAddress("Compare") ?? "A1";
    const grid = sim.getValues("Compare", used);
    const rowOf = (label: string) => (grid.find((row) => row[0] === label) ?? []).slice(1, 1 + chosen.length);
    exact(
      "Compare",
      rowOf("run_id"),
      chosen.map((r) => r.id),
    );
    exact(
      "Compare",
      rowOf("experiment"),
      chosen.map((r) => String(r.values.experiment)),
    );
    const params = rowOf(PARAM);
    // Only the columns that differ are shown; when the param is shown, it is shown exactly.
    if (params.length > 0)
      exact(
        "Compare",
        params,
        chosen.map((r) => String(r.values[PARAM])),
      );
    expect(grid.some((row) => row[0] === METRIC)).toBe(true);
  });

  it("Environments: package names and versions", async () => {
    const { sim, run } = workbook();
    // Versions can be any corpus text; names as pip allows them (starting with a letter or digit).
    const names = INJECTION_CORPUS.filter((t) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(t));
    const lines = [...names.map((name) => `${name}==1.0`), ...INJECTION_CORPUS.map((text, i) => `pkg${i}==${text}`)];
    const stored = await guarded(run((ctx) => storeEnvironment(ctx, lines.join("\n"))));
    if (!stored.ok) throw new Error("not stored");
    expect(scanFormulas(sim, "Environments")).toBe(0);
    const rows = sim.getTable("Environments")?.rowCount ?? 0;
    const table = sim.getValues("Environments", `A2:E${rows + 1}`);
    exact(
      "Environments",
      names.map((n) => (table.some((row) => row[2] === n) ? n : `missing ${n}`)),
      names,
    );
    // The parser normalises requirement lines (spaces, `===`); what it hands over is stored exactly.
    const parsed = parseEnvironment(lines.join("\n"));
    if (!parsed.ok) throw new Error("not parsed");
    const want = environmentRows(parsed.value.id, parsed.value);
    expect(want.length).toBeGreaterThan(20);
    // Package and version columns: the outside text.
    exact(
      "Environments",
      table.flatMap((row) => row.slice(2, 4)),
      want.flatMap((row) => row.slice(2, 4)),
    );
  });

  it("Experiments: experiment ids and their verdict sentences", async () => {
    const { sim, gateway } = await trackerWithCorpusRuns();
    const outcome = await guarded(updateExperiments(gateway, { metric: METRIC }));
    expect([...outcome.added].sort()).toEqual([...EXPERIMENTS].sort());
    expect(scanFormulas(sim, "Experiments")).toBe(0);
    exact("Experiments", columnUnder(sim, "Experiments", "id", EXPERIMENTS.length), outcome.added);
    // Each verdict names its experiment as given (the sentence starts with or holds the id).
    const verdicts = columnUnder(sim, "Experiments", "verdict", EXPERIMENTS.length);
    exact(
      "Experiments",
      verdicts.map((v, i) => (String(v).includes(outcome.added[i] ?? "\u0000") ? outcome.added[i] : String(v))),
      outcome.added,
    );
  });

  it("Registry: the best run's frozen row (run id, experiment, param, metric name as a column)", async () => {
    const { sim, run, checked } = await trackerWithCorpusRuns();
    const chosen = checked.runs.filter((r) => INJECTION_CORPUS.includes(r.id)).slice(0, 3);
    for (const r of chosen) {
      const row = Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, v ?? ""]));
      await guarded(
        run((ctx) =>
          registerBest(ctx, {
            runId: r.id,
            metric: METRIC,
            value: Number(r.values[METRIC]),
            reason: `best ${METRIC}`,
            row,
            registeredAt: "2026-12-01T10:00:00.000Z",
          }),
        ),
      );
    }
    expect(scanFormulas(sim, "Registry")).toBe(0);
    const info = sim.getTable("Registry");
    const n = chosen.length;
    exact(
      "Registry",
      columnUnder(sim, "Registry", "run_id", n),
      chosen.map((r) => r.id),
    );
    exact(
      "Registry",
      columnUnder(sim, "Registry", "metric", n),
      chosen.map(() => METRIC),
    );
    exact(
      "Registry",
      columnUnder(sim, "Registry", "experiment", n),
      chosen.map((r) => String(r.values.experiment)),
    );
    exact(
      "Registry",
      columnUnder(sim, "Registry", PARAM, n),
      chosen.map((r) => String(r.values[PARAM])),
    );
    expect(info?.headers).toContain(METRIC);
    exact(
      "Registry",
      columnUnder(sim, "Registry", "reason", n),
      chosen.map(() => `best ${METRIC}`),
    );
  });
});
