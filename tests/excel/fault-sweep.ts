/**
 * Fault sweep: runs a workflow once cleanly, then, for every sync k it made, runs it again on a
 * fresh copy of the starting workbook with sync k failing (`faults.failSync`), retries it, and
 * compares the whole workbook with the clean run's: cell values, formulas, number formats and
 * styles, tables, sheets (order, visibility, frozen panes), charts, conditional formats, data
 * validation, names and settings. Used in both `syncSemantics: "atomic"` and `"partial"`.
 */
import { isDeepStrictEqual } from "node:util";
import { createExcelSimulator, type ExcelSimulator, type SimulatorOptions } from "../../src/sim/index";

export type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface SweepCase {
  name: string;
  /** Simulator options besides syncSemantics (e.g. payloadLimitBytes). */
  options?: Omit<SimulatorOptions, "syncSemantics">;
  /**
   * Installs each simulator's Excel/Office globals while the workflow runs, so code that asks
   * `Office.context.requirements` (e.g. whether Table.resize exists) sees the simulated host.
   */
  installGlobals?: boolean;
  /**
   * In "partial" mode, fail each sync before each of its operations in turn (not only before
   * the middle one), so every way a batch can be cut short is tried.
   */
  everyOperation?: boolean;
  /** Builds the starting workbook. */
  setup?: (sim: ExcelSimulator, run: Runner) => Promise<void>;
  /** The workflow under test: one or more Excel.run batches. */
  workflow: (run: Runner, sim: ExcelSimulator) => Promise<unknown>;
}

export interface SweepResult {
  /** Failure positions tried (one per sync of the clean run, or per operation with everyOperation). */
  tried: number;
  /** Of those, how many ended, after the retry, in exactly the clean workbook. */
  clean: number;
  /** What differed, per failing position. */
  differences: string[];
  /** Error messages the failed attempts showed, per failing position. */
  messages: string[];
}

/** The whole workbook as plain data, without the ids the simulator makes up. */
export function workbookState(sim: ExcelSimulator): Record<string, unknown> {
  const model = sim.workbook;
  const sheetName = new Map(model.sheets.map((s) => [s.id, s.name]));
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value instanceof Map) return [...value.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(strip);
    if (value && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        if (k === "id") continue;
        out[k] = k === "sheetId" ? sheetName.get(String(v)) : strip(v);
      }
      return out;
    }
    return value;
  };
  const sheets = model.sheets.map((s) => ({
    name: s.name,
    visibility: s.visibility,
    freeze: [s.freezeRows, s.freezeCols],
    protected: s.protected,
    cells: strip(new Map([...s.cells].filter(([, c]) => !isEmptyCell(c)))),
    conditionalFormats: strip(s.conditionalFormats),
    validations: strip(s.validations),
    charts: strip(s.charts),
    widths: strip(s.colWidths),
  }));
  return {
    sheets,
    tables: strip(model.tables),
    names: strip(model.names),
    settings: strip(model.settings),
  };
}

/** A cell entry that holds nothing at all (no value, formula or format). */
function isEmptyCell(cell: object): boolean {
  return Object.entries(cell).every(([k, v]) => (k === "v" ? v === "" : v === undefined));
}

/** The first place two workbook states differ, as a path, or null when equal. */
export function firstDifference(a: unknown, b: unknown, path = ""): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: length ${a.length} vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
  }
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
      if (d) return d;
    }
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 200)} vs ${JSON.stringify(b)?.slice(0, 200)}`;
}

/** Puts back the globals the last `fresh` simulator replaced (nothing when it installed none). */
let uninstall: () => void = () => undefined;

async function fresh(c: SweepCase, syncSemantics: "atomic" | "partial"): Promise<ExcelSimulator> {
  uninstall();
  const sim = createExcelSimulator({ ...c.options, syncSemantics });
  uninstall = c.installGlobals ? sim.install() : () => undefined;
  const run: Runner = (batch) => sim.Excel.run(batch);
  if (c.setup) await c.setup(sim, run);
  return sim;
}

/** Sweeps every sync position of `c.workflow` in `syncSemantics` mode. */
export async function faultSweep(c: SweepCase, syncSemantics: "atomic" | "partial"): Promise<SweepResult> {
  try {
    return await sweep(c, syncSemantics);
  } finally {
    uninstall();
    uninstall = () => undefined;
  }
}

async function sweep(c: SweepCase, syncSemantics: "atomic" | "partial"): Promise<SweepResult> {
  const cleanSim = await fresh(c, syncSemantics);
  const cleanRun: Runner = (batch) => cleanSim.Excel.run(batch);
  const before = cleanSim.stats.requests.length;
  await c.workflow(cleanRun, cleanSim);
  const operations = cleanSim.stats.requests.slice(before).map((r) => r.operations);
  const expected = workbookState(cleanSim);

  const result: SweepResult = { tried: 0, clean: 0, differences: [], messages: [] };
  const positions: { k: number; op?: number }[] = operations.flatMap((count, i) =>
    c.everyOperation && syncSemantics === "partial"
      ? Array.from({ length: count + 1 }, (_, op) => ({ k: i + 1, op }))
      : [{ k: i + 1 }],
  );
  const tryAt = async (index: number): Promise<void> => {
    const position = positions[index];
    if (position === undefined) return;
    const { k, op } = position;
    const sim = await fresh(c, syncSemantics);
    const run: Runner = (batch) => sim.Excel.run(batch);
    sim.faults.failSync(k, "GeneralException", `(injected at sync ${k})`, op);
    let failed = false;
    try {
      await c.workflow(run, sim);
    } catch (error) {
      failed = true;
      result.messages.push(error instanceof Error ? error.message : String(error));
    }
    sim.faults.clear();
    let retryError: unknown = null;
    if (failed) await c.workflow(run, sim).catch((e: unknown) => (retryError = e));
    result.tried++;
    const difference = retryError
      ? `retry failed: ${retryError instanceof Error ? retryError.message : String(retryError)}`
      : firstDifference(workbookState(sim), expected, "workbook");
    const where = op === undefined ? `sync ${k}` : `sync ${k} before operation ${op}`;
    if (difference) result.differences.push(`${c.name} [${syncSemantics}] ${where}: ${difference}`);
    else result.clean++;
    // Positions one after another: each needs a fresh workbook (recursion, not a loop).
    await tryAt(index + 1);
  };
  await tryAt(0);
  return result;
}
