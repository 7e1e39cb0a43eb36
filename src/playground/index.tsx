// Playground entry: the simulator's Excel/Office globals are installed BEFORE the task pane module
// graph runs, so the pane (and src/excel) find `Excel.run` exactly as inside Excel.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { type ExcelSimulator, createExcelSimulator } from "../sim";
import { buildExampleWorkbook } from "./seed-workbook";

declare global {
  interface Window {
    /** The simulator behind the playground, for end-to-end tests and curious users. */
    __runsheetSim?: ExcelSimulator;
    /** With `?holdParse`: lets the held parse results through (see holdParseResults). */
    __runsheetReleaseParse?: () => void;
  }
}

const params = new URLSearchParams(window.location.search);
const host = params.get("host");
const sim = createExcelSimulator({
  host: host === "windows" || host === "mac" || host === "old" ? host : "web",
  // A little latency, as a real round trip to Excel has, so progress states are visible.
  latencyMs: Number(params.get("latency") ?? 15),
});
sim.replaceWorkbook(buildExampleWorkbook());
sim.install(window);
window.__runsheetSim = sim;

async function start(): Promise<void> {
  // Imported after install(): nothing in the pane may capture the Excel global before it exists.
  const { PlaygroundApp } = await import("./PlaygroundApp");
  if (params.has("holdParse")) {
    const { holdParseResults } = await import("../taskpane/logic/parse-hold");
    window.__runsheetReleaseParse = holdParseResults();
  }
  await sim.Office.onReady();
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <PlaygroundApp sim={sim} />
    </FluentProvider>,
  );
}

void start();
