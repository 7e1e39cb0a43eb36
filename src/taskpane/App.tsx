import { Spinner, Tab, TabList, Title3, type SelectTabData } from "@fluentui/react-components";
import { Suspense, lazy, useCallback, useMemo, useState } from "react";
import { createWorkbookGateway, type WorkbookGateway } from "../excel/index";
import { useAppStyles } from "./App.styles";
import { RunsTab } from "./components/RunsTab/RunsTab";
import { WorkbookContext } from "./WorkbookContext";

export type TabName = "runs" | "check" | "import" | "best" | "environments";

export interface AppProps {
  /** The workbook to talk to; default: the global Excel (Office, or the playground's simulator). */
  gateway?: WorkbookGateway;
  initialTab?: TabName;
}

// The first tab ships with the pane; the others (statistics, parsers) load when first opened,
// which keeps the task pane's initial JavaScript small (see README "Bundle size").
const CheckTab = lazy(() => import("./components/CheckTab/CheckTab").then((m) => ({ default: m.CheckTab })));
const ImportTab = lazy(() => import("./components/ImportTab/ImportTab").then((m) => ({ default: m.ImportTab })));
const BestTab = lazy(() => import("./components/BestTab/BestTab").then((m) => ({ default: m.BestTab })));
const EnvironmentsTab = lazy(() =>
  import("./components/EnvironmentsTab/EnvironmentsTab").then((m) => ({ default: m.EnvironmentsTab })),
);

const TABS: { name: TabName; label: string }[] = [
  { name: "runs", label: "Runs" },
  { name: "check", label: "Check" },
  { name: "import", label: "Import" },
  { name: "best", label: "Best" },
  { name: "environments", label: "Recipes" },
];

/** The RunSheet task pane. Takes no required props; index.tsx renders it after Office.onReady. */
export function App({ gateway, initialTab = "runs" }: AppProps = {}) {
  const styles = useAppStyles();
  const workbook = useMemo(() => gateway ?? createWorkbookGateway(), [gateway]);
  const [tab, setTab] = useState<TabName>(initialTab);
  const [revision, setRevision] = useState(0);
  const notifyChanged = useCallback(() => setRevision((r) => r + 1), []);
  const context = useMemo(() => ({ gateway: workbook, revision, notifyChanged }), [workbook, revision, notifyChanged]);
  return (
    <WorkbookContext.Provider value={context}>
      <main className={styles.root} data-testid="runsheet-pane">
        <header className={styles.header}>
          <Title3 as="h1">RunSheet</Title3>
        </header>
        <TabList
          selectedValue={tab}
          onTabSelect={(_, data: SelectTabData) => setTab(data.value as TabName)}
          aria-label="RunSheet sections"
        >
          {TABS.map((t) => (
            <Tab key={t.name} value={t.name} data-testid={`tab-${t.name}`}>
              {t.label}
            </Tab>
          ))}
        </TabList>
        <div className={styles.panel} role="tabpanel" aria-label={TABS.find((t) => t.name === tab)?.label}>
          <Suspense fallback={<Spinner size="small" label="Loading…" />}>
            {tab === "runs" && <RunsTab />}
            {tab === "check" && <CheckTab />}
            {tab === "import" && <ImportTab />}
            {tab === "best" && <BestTab />}
            {tab === "environments" && <EnvironmentsTab />}
          </Suspense>
        </div>
      </main>
    </WorkbookContext.Provider>
  );
}
