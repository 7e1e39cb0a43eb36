// The playground: a rendered view of the simulated workbook on the left, the real RunSheet task
// pane (same React code, same src/excel layer, talking to the simulator through the Excel global)
// in a 350 px column on the right, like Excel's task pane.
import {
  Button,
  FluentProvider,
  Menu,
  MenuDivider,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  Text,
  Tooltip,
  mergeClasses,
  teamsHighContrastTheme,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import { ArrowDownload20Regular, DocumentTable20Regular, PeopleTeam20Regular } from "@fluentui/react-icons";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { tabIndexAfterKey } from "../taskpane/logic/tab-keys";
import { App } from "../taskpane/App";
import { type ExcelSimulator, cellAddress, formatText } from "../sim";
import { ChartView } from "./ChartView/ChartView";
import { Grid, type CellPos } from "./Grid/Grid";
import { PANE_WIDTH, usePlaygroundStyles } from "./PlaygroundApp.styles";
import { buildEmptyWorkbook, buildExampleWorkbook, buildLargeWorkbook } from "./seed-workbook";

const HOST_LABELS = {
  web: "on the web",
  windows: "on Windows",
  mac: "on Mac",
  old: "(old build, ExcelApi 1.7)",
} as const;

function switchHost(host: keyof typeof HOST_LABELS): void {
  const url = new URL(window.location.href);
  url.searchParams.set("host", host);
  window.location.assign(url.toString());
}

export interface PlaygroundAppProps {
  sim: ExcelSimulator;
}

/** The Office themes a task pane meets: Office's light and dark themes and Windows high contrast. */
const THEMES: Record<"light" | "dark" | "contrast", { label: string; theme: Theme }> = {
  light: { label: "Light", theme: webLightTheme },
  dark: { label: "Dark", theme: webDarkTheme },
  contrast: { label: "High contrast", theme: teamsHighContrastTheme },
};
type ThemeName = keyof typeof THEMES;

/** `?theme=dark` and `?pane=320` start the playground in that theme and pane width (tests use them). */
function startOptions(): { theme: ThemeName; paneWidth: number } {
  const params = new URLSearchParams(window.location.search);
  const theme = params.get("theme");
  const width = Number(params.get("pane"));
  return {
    theme: theme === "dark" || theme === "contrast" ? theme : "light",
    paneWidth: Number.isFinite(width) && width >= 280 && width <= 800 ? width : PANE_WIDTH,
  };
}

/** Subscribes to the simulator and returns a number that changes with every committed change. */
function useSimVersion(sim: ExcelSimulator): number {
  const counter = useRef(0);
  const subscribe = useCallback(
    (onChange: () => void) =>
      sim.subscribe(() => {
        counter.current++;
        onChange();
      }),
    [sim],
  );
  return useSyncExternalStore(subscribe, () => counter.current);
}

export function PlaygroundApp({ sim }: PlaygroundAppProps) {
  const styles = usePlaygroundStyles();
  const version = useSimVersion(sim);
  const [selected, setSelected] = useState<CellPos>({ r: 0, c: 0 });
  const [error, setError] = useState<string | null>(null);
  const [saveNotice, setSaveNotice] = useState<string | null>(null);
  const [paneKey, setPaneKey] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const [{ theme: initialTheme, paneWidth }] = useState(startOptions);
  const [theme, setTheme] = useState<ThemeName>(initialTheme);

  const model = sim.workbook;
  const sheet = model.sheetById(model.activeSheetId) ?? model.sheets[0];
  const charts = useMemo(() => (sheet ? sim.charts(sheet.name) : []), [sim, sheet, version]); // eslint-disable-line react-hooks/exhaustive-deps -- version marks model changes

  const replace = useCallback(
    (build: () => ReturnType<typeof buildEmptyWorkbook>) => {
      sim.replaceWorkbook(build());
      setSelected({ r: 0, c: 0 });
      setError(null);
      // A different workbook is like opening another file: the pane starts fresh.
      setPaneKey((k) => k + 1);
    },
    [sim],
  );

  useEffect(() => {
    (window as unknown as { __runsheetPlayground?: unknown }).__runsheetPlayground = {
      loadExample: () => replace(buildExampleWorkbook),
      loadLarge: () => replace(() => buildLargeWorkbook(5000)),
      loadEmpty: () => replace(buildEmptyWorkbook),
    };
  }, [replace]);

  const openFile = async (file: File) => {
    try {
      // exceljs is large: load it only when a file is opened or saved.
      const { loadXlsx } = await import("../sim/xlsx");
      const model = await loadXlsx(new Uint8Array(await file.arrayBuffer()));
      replace(() => model);
    } catch (e) {
      setError(`Could not open ${file.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const save = async () => {
    try {
      const { saveXlsx } = await import("../sim/xlsx");
      const bytes = await saveXlsx(sim);
      const blob = new Blob([bytes.slice().buffer as ArrayBuffer], {
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      });
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = "runsheet-playground.xlsx";
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      setError(`Could not save the workbook: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    // exceljs writes cells, tables and formats but no charts: say so where the file is saved.
    const lost = sim.charts().length;
    setSaveNotice(
      lost > 0
        ? `Saved without its ${lost} chart${lost === 1 ? "" : "s"}: the playground saves through exceljs, which cannot write charts. Run Write report in Excel to get them in the file.`
        : null,
    );
  };

  /** A co-author changes a numeric cell of the active sheet's first table (source "Remote"). */
  const coAuthor = () => {
    const t = sheet ? model.tablesOn(sheet.id)[0] : undefined;
    if (!sheet || !t) {
      setError("A co-author edit needs a table on the active sheet.");
      return;
    }
    // Prefer a metric column (accuracy, score, ...) so the edit matters to the pane.
    const cols = Array.from({ length: t.rect.c1 - t.rect.c0 + 1 }, (_, i) => t.rect.c0 + i);
    const isMetric = (c: number) => /acc|score|f1|auc|loss/i.test(String(model.cellAt(sheet, t.rect.r0, c)?.v ?? ""));
    cols.sort((a, b) => Number(isMetric(b)) - Number(isMetric(a)));
    for (let r = t.rect.r0 + 1; r <= t.rect.r1; r++) {
      for (const c of cols) {
        const v = model.cellAt(sheet, r, c)?.v;
        if (typeof v === "number" && v > 0 && v < 1) {
          sim.coAuthorEdit(sheet.name, cellAddress(r, c), Number((v * 0.9).toFixed(3)));
          setSelected({ r, c });
          return;
        }
      }
    }
    setError("No metric cell to edit.");
  };

  const activate = (name: string) => {
    sim.userActivate(name);
    setSelected({ r: 0, c: 0 });
  };

  const selCell = sheet ? model.cellAt(sheet, selected.r, selected.c) : undefined;
  const last = sim.stats.lastRequest;
  const events = sim.changeLog.slice(-6).reverse();

  return (
    // No className on the provider: Fluent copies it onto its portal nodes (menus), which would cover the page.
    <FluentProvider theme={THEMES[theme].theme}>
      <div className={styles.root}>
        <section className={styles.workbook} aria-label="Simulated workbook">
          <div className={styles.toolbar} role="toolbar" aria-label="Workbook">
            <Text weight="semibold" className={styles.title}>
              RunSheet playground
            </Text>
            <Menu>
              <MenuTrigger disableButtonEnhancement>
                <Button appearance="primary" icon={<DocumentTable20Regular />} data-testid="workbook-menu">
                  Workbook
                </Button>
              </MenuTrigger>
              <MenuPopover>
                <MenuList>
                  <MenuItem onClick={() => replace(buildExampleWorkbook)}>Example: dogs vs cats</MenuItem>
                  <MenuItem onClick={() => replace(() => buildLargeWorkbook(5000))}>5,000 runs</MenuItem>
                  <MenuItem onClick={() => replace(buildEmptyWorkbook)}>Empty workbook</MenuItem>
                  <MenuItem onClick={() => fileInput.current?.click()}>Open .xlsx…</MenuItem>
                </MenuList>
              </MenuPopover>
            </Menu>
            <Menu>
              <MenuTrigger disableButtonEnhancement>
                <Button appearance="primary" icon={<PeopleTeam20Regular />} data-testid="simulate-menu">
                  Simulate
                </Button>
              </MenuTrigger>
              <MenuPopover>
                <MenuList>
                  <MenuItem onClick={coAuthor}>A co-author edits a cell</MenuItem>
                  <MenuItem onClick={() => sim.faults.failSync(1, "GeneralException", "(simulated by the playground)")}>
                    Fail the next sync
                  </MenuItem>
                  <MenuItem onClick={() => sim.faults.failSync(1, "InvalidOperationInCellEditMode")}>
                    Next sync hits cell-edit mode
                  </MenuItem>
                  <MenuDivider />
                  {(["web", "windows", "mac", "old"] as const).map((h) => (
                    <MenuItem key={h} disabled={h === sim.host} onClick={() => switchHost(h)}>
                      Reload as Excel {HOST_LABELS[h]}
                    </MenuItem>
                  ))}
                </MenuList>
              </MenuPopover>
            </Menu>
            <Menu>
              <MenuTrigger disableButtonEnhancement>
                <Button appearance="primary" data-testid="theme-menu">
                  Theme: {THEMES[theme].label}
                </Button>
              </MenuTrigger>
              <MenuPopover>
                <MenuList>
                  {(Object.keys(THEMES) as ThemeName[]).map((t) => (
                    <MenuItem key={t} disabled={t === theme} onClick={() => setTheme(t)} data-testid={`theme-${t}`}>
                      Office theme: {THEMES[t].label}
                    </MenuItem>
                  ))}
                </MenuList>
              </MenuPopover>
            </Menu>
            <Tooltip
              content="Download the simulated workbook as .xlsx (charts are not saved)"
              relationship="description"
            >
              <Button appearance="primary" icon={<ArrowDownload20Regular />} onClick={() => void save()}>
                Save .xlsx
              </Button>
            </Tooltip>
            <input
              ref={fileInput}
              className={styles.hiddenInput}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-label="Open an .xlsx file"
              data-testid="xlsx-input"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void openFile(f);
                e.target.value = "";
              }}
            />
            <span className={styles.spacer} />
            <Text className={styles.stats} data-testid="sim-stats">
              Excel {HOST_LABELS[sim.host]} · {sim.stats.syncCount} syncs
              {last ? ` · last request ${(last.bytes / 1024).toFixed(1)} KB, ${last.writes} writes` : ""}
            </Text>
          </div>
          <div className={styles.formulaBar}>
            <span className={styles.nameBox} data-testid="name-box">
              {cellAddress(selected.r, selected.c)}
            </span>
            <span className={styles.formula} data-testid="formula-bar">
              {selCell?.f ?? formatText(selCell)}
            </span>
          </div>
          {error && (
            <MessageBar intent="error" onClick={() => setError(null)}>
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          )}
          {saveNotice && (
            <MessageBar intent="warning" onClick={() => setSaveNotice(null)} data-testid="save-notice">
              <MessageBarBody>{saveNotice}</MessageBarBody>
            </MessageBar>
          )}
          {sheet && (
            <Grid
              sim={sim}
              sheet={sheet}
              version={version}
              selected={selected}
              onSelect={(pos) => {
                setSelected(pos);
                // The pane reads the selection through Excel's API (Compare's selected rows, header row).
                if (sheet) sim.userSelect(sheet.name, cellAddress(pos.r, pos.c));
              }}
              onError={setError}
              overlay={(origin) => charts.map((c) => <ChartView key={c.id} info={c} origin={origin} />)}
            />
          )}
          <ul className={styles.eventLog} aria-label="Worksheet change events" data-testid="event-log">
            {events.map((e, i) => (
              <li key={`${sim.changeLog.length}-${i}`}>
                onChanged {model.sheetById(e.sheetId)?.name ?? "?"}!
                {e.rect.r0 === e.rect.r1 && e.rect.c0 === e.rect.c1
                  ? cellAddress(e.rect.r0, e.rect.c0)
                  : `${cellAddress(e.rect.r0, e.rect.c0)}:${cellAddress(e.rect.r1, e.rect.c1)}`}{" "}
                {e.changeType} source={e.source} trigger={e.triggerSource}
              </li>
            ))}
          </ul>
          <div className={styles.tabs} role="tablist" aria-label="Sheets">
            {model.sheets
              .filter((s) => s.visibility === "Visible")
              .map((s, i, visible) => (
                <button
                  key={s.id}
                  type="button"
                  role="tab"
                  aria-selected={s.id === sheet?.id}
                  tabIndex={s.id === sheet?.id ? 0 : -1}
                  className={mergeClasses(styles.sheetTab, s.id === sheet?.id && styles.sheetTabActive)}
                  data-testid={`sheet-tab-${s.name}`}
                  onClick={() => activate(s.name)}
                  onKeyDown={(e) => {
                    // Arrow keys, Home and End move between sheet tabs, as in a WAI-ARIA tablist.
                    const to = tabIndexAfterKey(e.key, i, visible.length);
                    const next = to === null ? undefined : visible[to];
                    if (next) {
                      e.preventDefault();
                      activate(next.name);
                    }
                  }}
                >
                  {s.name}
                </button>
              ))}
          </div>
        </section>
        <aside className={styles.pane} style={{ width: `${paneWidth}px` }} aria-label="RunSheet task pane">
          <div className={styles.paneHeader}>RunSheet</div>
          <div className={styles.paneBody} data-testid="pane-body">
            <App key={paneKey} />
          </div>
        </aside>
      </div>
    </FluentProvider>
  );
}
