import { Tab, TabList, Title3, type SelectTabData } from "@fluentui/react-components";
import { useCallback, useMemo, useState } from "react";
import { createWorkbookGateway, type WorkbookGateway } from "../excel/index";
import { useAppStyles } from "./App.styles";
import { BestTab } from "./components/BestTab/BestTab";
import { CheckTab } from "./components/CheckTab/CheckTab";
import { ImportTab } from "./components/ImportTab/ImportTab";
import { RunsTab } from "./components/RunsTab/RunsTab";
import { WorkbookContext } from "./WorkbookContext";

export type TabName = "runs" | "check" | "import" | "best";

export interface AppProps {
  /** The workbook to talk to; default: the global Excel (Office, or the playground's simulator). */
  gateway?: WorkbookGateway;
  initialTab?: TabName;
}

const TABS: { name: TabName; label: string }[] = [
  { name: "runs", label: "Runs" },
  { name: "check", label: "Check" },
  { name: "import", label: "Import" },
  { name: "best", label: "Best" },
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
        <TabList selectedValue={tab} onTabSelect={(_, data: SelectTabData) => setTab(data.value as TabName)} aria-label="RunSheet sections">
          {TABS.map((t) => (
            <Tab key={t.name} value={t.name} data-testid={`tab-${t.name}`}>
              {t.label}
            </Tab>
          ))}
        </TabList>
        <div className={styles.panel} role="tabpanel" aria-label={TABS.find((t) => t.name === tab)?.label}>
          {tab === "runs" && <RunsTab />}
          {tab === "check" && <CheckTab />}
          {tab === "import" && <ImportTab />}
          {tab === "best" && <BestTab />}
        </div>
      </main>
    </WorkbookContext.Provider>
  );
}
