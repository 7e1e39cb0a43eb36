import { createExcelSimulator, type ExcelSimulator, type HostName } from "../../src/sim/index";

/** A fresh simulated workbook and a runner, like `Excel.run`, that counts syncs per batch. */
export function workbook(host: HostName = "web") {
  const sim: ExcelSimulator = createExcelSimulator({ host });
  /** Runs `fn` in one Excel.run and returns its value with the number of syncs it made. */
  async function counted<T>(fn: (ctx: Excel.RequestContext) => Promise<T>): Promise<{ value: T; syncs: number }> {
    const before = sim.stats.syncCount;
    const value = await sim.Excel.run(fn);
    return { value, syncs: sim.stats.syncCount - before };
  }
  const run = <T>(fn: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => sim.Excel.run(fn);
  return { sim, run, counted };
}
