/**
 * What the browser tests do to the playground's simulated workbook: read the Runs table through
 * the simulator the page exposes (`window.__runsheetSim`), and paste into its grid as a user
 * pastes from another spreadsheet.
 */
import type { Page } from "@playwright/test";

interface SimHandle {
  getValues(sheet: string, address: string): unknown[][];
}

/** The Runs table as records (header -> value), read through the simulator. */
export async function runsTable(page: Page): Promise<Record<string, unknown>[]> {
  return page.evaluate(() => {
    const sim = (window as unknown as { __runsheetSim: SimHandle }).__runsheetSim;
    const values = sim.getValues("Runs", "A1:Z60");
    const header = (values[0] ?? []).map(String);
    return values
      .slice(1)
      .filter((r) => r.some((v) => v !== "" && v !== null))
      .map((r) => Object.fromEntries(header.flatMap((h, i) => (h ? [[h, r[i]]] : []))));
  });
}

/** Pastes `text` (tab-separated lines) into the grid at its selected cell, as a clipboard paste. */
export async function pasteIntoGrid(page: Page, text: string): Promise<void> {
  await page
    .getByRole("grid")
    .first()
    .evaluate((grid, pasted) => {
      const data = new DataTransfer();
      data.setData("text/plain", pasted);
      grid.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
}
