/**
 * Renders a tab's hook the way App does (workbook context, pane store, live region), over a
 * gateway on the Excel simulator: the hook talks to a workbook that behaves like Excel
 * (load/sync, tables, settings), not to a mock that accepts anything.
 */
import { cleanup, renderHook } from "@testing-library/react";
import { afterEach } from "vitest";
import type { ReactNode } from "react";
import { createWorkbookGateway, setUpTracker, type WorkbookGateway } from "../../../src/excel/index";
import { createExcelSimulator, type ExcelSimulator } from "../../../src/sim/index";
import { AnnounceContext, NavigateContext, PaneStoreContext, type PaneStore } from "../../../src/taskpane/PaneState";
import { WorkbookContext } from "../../../src/taskpane/WorkbookContext";

// Vitest runs without globals, so Testing Library's automatic cleanup is off: unmount every hook
// after its test, and let the simulator's pending syncs settle, so no React commit runs after
// jsdom is torn down ("window is not defined").
afterEach(async () => {
  cleanup();
  await new Promise((resolve) => setTimeout(resolve, 20));
});

export interface Harness {
  sim: ExcelSimulator;
  gateway: WorkbookGateway;
  store: PaneStore;
  announced: string[];
  /** Tabs the hook asked App to open. */
  navigated: string[];
  /** How many times the hook told App the workbook changed. */
  changes: () => number;
}

/** A simulated workbook, its gateway, and (when `tracker`) RunSheet's sheets created with the default schema. */
export async function harness(options: { tracker?: boolean } = {}): Promise<Harness> {
  const sim = createExcelSimulator({ host: "web" });
  const gateway = createWorkbookGateway((batch) => sim.Excel.run(batch));
  if (options.tracker !== false) await setUpTracker(gateway);
  let changes = 0;
  const h: Harness = { sim, gateway, store: new Map(), announced: [], navigated: [], changes: () => changes };
  (h as { bump?: () => void }).bump = () => {
    changes++;
  };
  return h;
}

/** renderHook inside the contexts App provides; `revision` moves on whenever the hook reports a change. */
export function renderPaneHook<T>(h: Harness, hook: () => T) {
  let revision = 0;
  const bump = (h as { bump?: () => void }).bump;
  const listeners = new Set<() => void>();
  const notifyChanged = () => {
    revision++;
    bump?.();
    for (const l of listeners) l();
  };
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <WorkbookContext.Provider value={{ gateway: h.gateway, revision, notifyChanged }}>
        <PaneStoreContext.Provider value={h.store}>
          <AnnounceContext.Provider value={(m) => h.announced.push(m)}>
            <NavigateContext.Provider value={(tab) => h.navigated.push(tab)}>{children}</NavigateContext.Provider>
          </AnnounceContext.Provider>
        </PaneStoreContext.Provider>
      </WorkbookContext.Provider>
    );
  }
  const rendered = renderHook(hook, { wrapper: Wrapper });
  listeners.add(() => rendered.rerender());
  return rendered;
}
