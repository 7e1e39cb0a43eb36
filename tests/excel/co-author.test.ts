import { afterAll, describe, expect, it } from "vitest";
import { schemaToRows } from "../../src/core/index";
import { addSchemaColumns, appendHistory, appendRuns, createTracker, registerBest } from "../../src/excel/index";
import { createExcelSimulator, type ExcelSimulator, type SimulatorOptions } from "../../src/sim/index";

type Scalar = string | number | boolean;
type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** A table's rows as records by header name. */
function records(sim: ExcelSimulator, table: string): Record<string, Scalar>[] {
  const info = sim.getTable(table);
  if (!info) return [];
  const [header = [], ...rows] = sim.getValues(info.sheet, info.address.replace(/^.*!/, ""));
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? ""])));
}

interface CoAuthorCase {
  name: string;
  sheet: string;
  table: string;
  /** Column whose value identifies a row. */
  key: string;
  setup: (run: Runner, sim: ExcelSimulator) => Promise<void>;
  workflow: (run: Runner) => Promise<unknown>;
  /** The rows the workflow writes, by key: each must appear once, exactly so. */
  written: Record<string, Record<string, Scalar>>;
}

const entry = (runId: string, accuracy: number) => ({
  runId,
  metric: "accuracy",
  value: accuracy,
  reason: "best by mean",
  row: { run_id: runId, accuracy },
  registeredAt: "2026-12-01T10:00:00.000Z",
});

const CASES: CoAuthorCase[] = [
  {
    name: "import runs",
    sheet: "Runs",
    table: "Runs",
    key: "run_id",
    setup: async (run) => {
      await run((ctx) => createTracker(ctx));
      await run((ctx) =>
        appendRuns(
          ctx,
          ["run_id", "accuracy", "notes"],
          [
            ["r1", 0.5, "one"],
            ["r2", 0.6, "two"],
            ["r3", 0.7, "three"],
          ],
        ),
      );
    },
    workflow: (run) =>
      run((ctx) =>
        appendRuns(
          ctx,
          ["run_id", "accuracy", "notes"],
          [
            ["n1", 0.8, "=1+1"],
            ["n2", 0.9, "007"],
          ],
        ),
      ),
    written: { n1: { accuracy: 0.8, notes: "=1+1" }, n2: { accuracy: 0.9, notes: "007" } },
  },
  {
    name: "register best",
    sheet: "Registry",
    table: "Registry",
    key: "run_id",
    setup: async (run) => {
      await run((ctx) => createTracker(ctx));
      await run((ctx) => registerBest(ctx, entry("r1", 0.5)));
      await run((ctx) => registerBest(ctx, { ...entry("r2", 0.6), metric: "accuracy" }));
      await run((ctx) => registerBest(ctx, entry("r3", 0.7)));
    },
    workflow: (run) => run((ctx) => registerBest(ctx, entry("n1", 0.8))),
    written: { n1: { metric: "accuracy", value: 0.8, accuracy: 0.8 } },
  },
  {
    name: "history",
    sheet: "Curves",
    table: "History",
    key: "x",
    setup: async (run) => {
      await run((ctx) =>
        appendHistory(ctx, [
          ["r1", "loss", "epoch", 1, 0.5],
          ["r1", "loss", "epoch", 2, 0.4],
          ["r1", "loss", "epoch", 3, 0.3],
        ]),
      );
    },
    workflow: (run) =>
      run((ctx) =>
        appendHistory(ctx, [
          ["r1", "loss", "epoch", 11, 0.2],
          ["r1", "loss", "epoch", 12, 0.1],
        ]),
      ),
    written: { "11": { value: 0.2, run_id: "r1" }, "12": { value: 0.1, run_id: "r1" } },
  },
  {
    name: "schema columns",
    sheet: "Schema",
    table: "RunSchema",
    key: "name",
    setup: async (run) => {
      await run((ctx) =>
        createTracker(ctx, {
          columns: [
            { name: "a", type: "text", role: "id" },
            { name: "b", type: "number", role: "metric" },
            { name: "c", type: "text", role: "meta" },
          ],
        }),
      );
    },
    workflow: (run) =>
      run((ctx) =>
        addSchemaColumns(
          ctx,
          schemaToRows({ columns: [{ name: "=gpu_hours", type: "number", role: "metric", goal: "min" }] })
            .slice(1)
            .map((r) => r.map((v) => v ?? "")),
        ),
      ),
    written: { "=gpu_hours": { type: "number", role: "metric", goal: "min" } },
  },
];

/** What a co-author does right before one of the add-in's syncs. */
type Action = "insert above" | "insert inside" | "delete inside" | "edit a row" | "type below the table";
const ACTIONS: Action[] = ["insert above", "insert inside", "delete inside", "edit a row", "type below the table"];

const totals = { tried: 0, clean: 0 };
afterAll(() => console.log(`co-author sweep: ${totals.tried} cases tried, ${totals.clean} with 0 cells clobbered`));

/** The hosts tried: a current one, and one before Table.resize (ExcelApi 1.12), whose appends use rows.add. */
const HOSTS = [
  { label: "ExcelApi 1.17", options: {} },
  { label: "ExcelApi 1.12, no Table.resize", options: { host: "windows", excelApi: 12 } as const },
];
/** Puts back the globals the last prepared simulator installed. */
let uninstall: () => void = () => undefined;
afterAll(() => uninstall());

async function prepared(c: CoAuthorCase, options: SimulatorOptions): Promise<{ sim: ExcelSimulator; run: Runner }> {
  // AutoExpansion off: the co-author's cell typed below the table stays outside it (their Excel
  // has the option off, or another program wrote it), the case where an append could clobber it.
  // With the option on it becomes a table row of its own, covered in rows-below.test.ts.
  uninstall();
  const sim = createExcelSimulator({ ...options, tableAutoExpansion: false });
  // Installed, so the add-in asks this host whether it has Table.resize.
  uninstall = sim.install();
  const run: Runner = (batch) => sim.Excel.run(batch);
  await c.setup(run, sim);
  return { sim, run };
}

describe.each(HOSTS)(
  "co-authors between every read and write ($label): nothing clobbered, nothing in another row",
  ({ options }) => {
    for (const c of CASES) {
      it(c.name, async () => {
        const probe = await prepared(c, options);
        const before = probe.sim.stats.syncCount;
        await c.workflow(probe.run);
        const syncs = probe.sim.stats.syncCount - before;
        expect(syncs).toBeGreaterThan(0);
        const problems: string[] = [];
        for (const action of ACTIONS) {
          for (let k = 1; k <= syncs; k++) {
            const { sim, run } = await prepared(c, options);
            const start = records(sim, c.table);
            const info = sim.getTable(c.table);
            if (!info) throw new Error("no table");
            const top = info.rect.r0 + 1;
            const bottom = info.rect.r1 + 1;
            const keyOf = (r: Record<string, Scalar>) => String(r[c.key]);
            let edited: { key: string; column: string; value: Scalar } | null = null;
            if (action === "insert above") sim.coAuthorInsertRows(c.sheet, `${top}:${top}`, { beforeSync: k });
            if (action === "insert inside") sim.coAuthorInsertRows(c.sheet, `${top + 2}:${top + 2}`, { beforeSync: k });
            if (action === "delete inside") sim.coAuthorDeleteRows(c.sheet, `${top + 2}:${top + 2}`, { beforeSync: k });
            if (action === "edit a row") {
              const header = info.headers;
              const column = header.find((h) => h !== c.key) ?? header[0] ?? "";
              const col = String.fromCharCode(65 + info.rect.c0 + header.indexOf(column));
              sim.coAuthorEdit(c.sheet, `${col}${top + 1}`, "co-author's value", { beforeSync: k });
              edited = { key: keyOf(start[0] ?? {}), column, value: "co-author's value" };
            }
            if (action === "type below the table")
              sim.coAuthorEdit(c.sheet, `A${bottom + 1}`, "typed by a co-author", { beforeSync: k });
            await c.workflow(run);
            totals.tried++;
            const after = records(sim, c.table);
            const where = `${c.name} / ${action} before sync ${k}`;
            const failures: string[] = [];
            // Rows that were there keep their values (unless the co-author deleted or edited them).
            for (const row of start) {
              const now = after.filter((r) => keyOf(r) === keyOf(row));
              if (action === "delete inside" && keyOf(row) === keyOf(start[1] ?? {})) continue;
              if (now.length !== 1) failures.push(`${where}: row ${keyOf(row)} found ${now.length} times`);
              for (const [column, value] of Object.entries(row)) {
                const want = edited && edited.key === keyOf(row) && edited.column === column ? edited.value : value;
                if (now[0] && now[0][column] !== want)
                  failures.push(`${where}: ${keyOf(row)}.${column} is ${String(now[0][column])}, not ${String(want)}`);
              }
            }
            // Written rows appear once, exactly as given.
            for (const [key, values] of Object.entries(c.written)) {
              const now = after.filter((r) => keyOf(r) === key);
              if (now.length !== 1) failures.push(`${where}: new row ${key} found ${now.length} times`);
              for (const [column, value] of Object.entries(values))
                if (now[0] && now[0][column] !== value)
                  failures.push(`${where}: new ${key}.${column} is ${String(now[0][column])}`);
            }
            if (action === "type below the table") {
              const found = sim
                .getValues(c.sheet, "A1:A200")
                .flat()
                .filter((v) => v === "typed by a co-author").length;
              if (found !== 1) failures.push(`${where}: the co-author's cell is there ${found} times`);
              if (after.some((r) => Object.values(r).includes("typed by a co-author")))
                failures.push(`${where}: the co-author's cell ended up inside the table`);
            }
            if (failures.length === 0) totals.clean++;
            problems.push(...failures);
          }
        }
        expect(problems).toEqual([]);
      });
    }
  },
);
