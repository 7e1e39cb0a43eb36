import { Spinner, Title3 } from "@fluentui/react-components";
import { Suspense, lazy, useCallback, useId, useMemo, useRef, useState } from "react";
import { createWorkbookGateway, type WorkbookGateway } from "../excel/index";
import { useAppStyles } from "./App.styles";
import { PaneTabs } from "./components/PaneTabs/PaneTabs";
import { RunsTab } from "./components/RunsTab/RunsTab";
import { AnnounceContext, NavigateContext, PaneStoreContext, type PaneStore } from "./PaneState";
import { WorkbookContext } from "./WorkbookContext";

export type TabName = "runs" | "log" | "check" | "import" | "best" | "compare" | "environments";

export interface AppProps {
  /** The workbook to talk to; default: the global Excel (Office, or the playground's simulator). */
  gateway?: WorkbookGateway;
  initialTab?: TabName;
}

// The first tab ships with the pane; the others (statistics, parsers) load when first opened,
// which keeps the task pane's initial JavaScript small (see README "Bundle size").
const LogRunTab = lazy(() => import("./components/LogRunTab/LogRunTab").then((m) => ({ default: m.LogRunTab })));
const CheckTab = lazy(() => import("./components/CheckTab/CheckTab").then((m) => ({ default: m.CheckTab })));
const ImportTab = lazy(() => import("./components/ImportTab/ImportTab").then((m) => ({ default: m.ImportTab })));
const BestTab = lazy(() => import("./components/BestTab/BestTab").then((m) => ({ default: m.BestTab })));
const CompareTab = lazy(() => import("./components/CompareTab/CompareTab").then((m) => ({ default: m.CompareTab })));
const EnvironmentsTab = lazy(() =>
  import("./components/EnvironmentsTab/EnvironmentsTab").then((m) => ({ default: m.EnvironmentsTab })),
);

const TABS: { name: TabName; label: string }[] = [
  { name: "runs", label: "Runs" },
  { name: "log", label: "Log run" },
  { name: "check", label: "Check" },
  { name: "import", label: "Import" },
  { name: "best", label: "Best" },
  { name: "compare", label: "Compare" },
  { name: "environments", label: "Recipes" },
];

/** The RunSheet task pane. Takes no required props; index.tsx renders it after Office.onReady. */
export function App({ gateway, initialTab = "runs" }: AppProps = {}) {
  const styles = useAppStyles();
  const ids = useId();
  const workbook = useMemo(() => gateway ?? createWorkbookGateway(), [gateway]);
  const [tab, setTab] = useState<TabName>(initialTab);
  const [revision, setRevision] = useState(0);
  const notifyChanged = useCallback(() => setRevision((r) => r + 1), []);
  const context = useMemo(() => ({ gateway: workbook, revision, notifyChanged }), [workbook, revision, notifyChanged]);
  // Tabs keep their state here, so switching away and back shows what the user left.
  const store = useRef<PaneStore>(new Map()).current;
  const [announcement, setAnnouncement] = useState("");
  const announce = useCallback((message: string) => {
    // Clearing first makes a repeated sentence announced again.
    setAnnouncement("");
    setTimeout(() => setAnnouncement(message), 50);
  }, []);
  const navigate = useCallback((name: string) => {
    if (TABS.some((t) => t.name === name)) setTab(name as TabName);
  }, []);
  return (
    <WorkbookContext.Provider value={context}>
      <PaneStoreContext.Provider value={store}>
        <AnnounceContext.Provider value={announce}>
          <NavigateContext.Provider value={navigate}>
            <main className={styles.root} data-testid="runsheet-pane">
              <header className={styles.header}>
                <Title3 as="h1">RunSheet</Title3>
              </header>
              <PaneTabs
                className={styles.tabs}
                tabs={TABS}
                selected={tab}
                onSelect={setTab}
                label="RunSheet sections"
                tabId={(name) => `${ids}-tab-${name}`}
                panelId={`${ids}-panel`}
              />
              <div className={styles.panel} role="tabpanel" id={`${ids}-panel`} aria-labelledby={`${ids}-tab-${tab}`}>
                <Suspense fallback={<Spinner size="small" label="Loading…" />}>
                  {tab === "runs" && <RunsTab />}
                  {tab === "log" && <LogRunTab />}
                  {tab === "check" && <CheckTab />}
                  {tab === "import" && <ImportTab />}
                  {tab === "best" && <BestTab />}
                  {tab === "compare" && <CompareTab />}
                  {tab === "environments" && <EnvironmentsTab />}
                </Suspense>
              </div>
              <div className={styles.liveRegion} role="status" aria-live="polite" data-testid="live-region">
                {announcement}
              </div>
            </main>
          </NavigateContext.Provider>
        </AnnounceContext.Provider>
      </PaneStoreContext.Provider>
    </WorkbookContext.Provider>
  );
}
