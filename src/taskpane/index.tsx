/**
 * Task pane entry: waits for Office, then renders the pane in Fluent's theme matching Office's
 * (dark themes get Fluent's dark theme). Outside Office, shows a hint instead of crashing.
 */
import { FluentProvider, webLightTheme, type Theme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";

function isDarkOffice(): boolean {
  const theme = Office.context?.officeTheme;
  if (!theme?.bodyBackgroundColor) return false;
  const hex = theme.bodyBackgroundColor.replace("#", "");
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  if (r === undefined || g === undefined || b === undefined || [r, g, b].some(Number.isNaN)) return false;
  return 0.299 * r + 0.587 * g + 0.114 * b < 128;
}

/** Fluent's dark theme loads only for dark Office themes, not with every pane. */
async function officeTheme(): Promise<Theme> {
  if (!isDarkOffice()) return webLightTheme;
  const { webDarkTheme } = await import("./dark-theme");
  return webDarkTheme;
}

void Office.onReady(async (info) => {
  const container = document.getElementById("root");
  if (!container) return;
  const root = createRoot(container);
  if (info.host !== Office.HostType.Excel) {
    // Only the hint, loaded on its own: the pane's first render in Excel does not carry it.
    const { OutsideExcel } = await import("./OutsideExcel");
    root.render(
      <FluentProvider theme={webLightTheme}>
        <OutsideExcel />
      </FluentProvider>,
    );
    return;
  }
  const theme = await officeTheme();
  root.render(
    <FluentProvider theme={theme} style={{ height: "100%" }}>
      <App />
    </FluentProvider>,
  );
});
