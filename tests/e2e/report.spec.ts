/**
 * The Report, Summary and a learning-curve chart as a stakeholder sees them in the playground,
 * after Write report on the seeds' example (with epoch curves in a History sheet), and the
 * warning that Save .xlsx leaves the charts out.
 */
import { expect, test, type Page } from "@playwright/test";

const SHOTS = "tests/e2e/screenshots";

interface PageSim {
  addSheet(name: string): void;
  setValues(sheet: string, address: string, values: (string | number)[][]): void;
  addTable(sheet: string, address: string, name?: string): string;
  getValues(sheet: string, address: string): unknown[][];
  charts(sheet?: string): { name: string; type: string; series: { name: string; values: unknown[] }[] }[];
}

/** Adds a History table (on a sheet "Curves") with val_loss per epoch for the example's finished runs. */
async function addHistory(page: Page): Promise<void> {
  await page.evaluate(() => {
    const sim = (window as unknown as { __runsheetSim: PageSim }).__runsheetSim;
    const rows: (string | number)[][] = [["run_id", "metric", "x_name", "x", "value"]];
    const runs = ["exp1-s1", "exp1-s2", "exp1-s3", "exp1-s5", "exp2-s1", "exp2-s2", "exp2-s4"];
    runs.forEach((id, k) => {
      const deep = id.startsWith("exp2");
      for (let epoch = 1; epoch <= 10; epoch++) {
        const base = (deep ? 0.24 : 0.3) + (deep ? 0.5 : 0.4) * Math.exp(-epoch / 2.5);
        rows.push([id, "val_loss", "epoch", epoch, Number((base + ((k * 7 + epoch * 3) % 5) * 0.006).toFixed(4))]);
      }
    });
    // Excel reserves the sheet name "History"; RunSheet finds its History table by name anywhere.
    sim.addSheet("Curves");
    sim.setValues("Curves", `A1:E${rows.length}`, rows);
    sim.addTable("Curves", `A1:E${rows.length}`, "History");
  });
}

test("Report, Summary and learning curves read well without the add-in", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/playground.html");
  await expect(page.getByTestId("runsheet-pane")).toBeVisible();
  await addHistory(page);
  await page.getByTestId("tab-best").click();
  await page.getByTestId("find-best").click();
  await expect(page.getByTestId("best-verdict")).toBeVisible();
  // The Summary table, copied as Markdown from the pane.
  await page.getByTestId("copy-summary-md").click();
  await expect(page.getByText(/Copied the summary of 2 configurations as Markdown/)).toBeVisible();
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown.split("\n")[0]).toMatch(
    /^\| model \| dataset \| n_images \| layers \| n \| accuracy \(mean ± std\) \|/,
  );
  await page.getByTestId("write-report").click();
  await expect(page.getByRole("tab", { name: "Summary" })).toBeVisible();

  await page.getByRole("tab", { name: "Report" }).click();
  const verdict = await page.evaluate(
    () => (window as unknown as { __runsheetSim: PageSim }).__runsheetSim.getValues("Report", "B8")[0]?.[0],
  );
  // Rows with validation errors are left out as on the Best tab: exp1 keeps 3 clean runs of 5.
  expect(String(verdict)).toMatch(
    /^exp2 beats exp1: accuracy \+[\d.]+ points, 95% CI \+[\d.]+ to \+[\d.]+ points, p = 0\.03\d*, n = 3 vs 3\.$/,
  );
  const charts = page.getByTestId("sim-chart");
  await expect(charts.first()).toBeVisible();
  const names = await page.evaluate(() =>
    (window as unknown as { __runsheetSim: PageSim }).__runsheetSim.charts("Report").map((c) => c.name),
  );
  expect(names).toEqual([
    "RunSheet per-experiment",
    "RunSheet per-configuration",
    "RunSheet by-param",
    "RunSheet curve val_loss",
  ]);
  await page.screenshot({ path: `${SHOTS}/report-sheet.png` });

  await page.getByRole("tab", { name: "Summary" }).click();
  const head = await page.evaluate(
    () => (window as unknown as { __runsheetSim: PageSim }).__runsheetSim.getValues("Summary", "A1:F1")[0],
  );
  expect(head?.[0]).toBe("rank");
  await page.screenshot({ path: `${SHOTS}/summary-sheet.png` });

  await page.getByRole("tab", { name: "Report" }).click();
  const curve = page.locator('[data-chart-name="RunSheet curve val_loss"]');
  await curve.scrollIntoViewIfNeeded();
  await expect(curve).toBeVisible();
  await curve.screenshot({ path: `${SHOTS}/report-learning-curves.png` });
  const interval = page.locator('[data-chart-name="RunSheet per-experiment"]');
  await interval.scrollIntoViewIfNeeded();
  await interval.screenshot({ path: `${SHOTS}/report-ci-chart.png` });

  await page.getByRole("button", { name: "Save .xlsx" }).click();
  await expect(page.getByTestId("save-notice")).toContainText(/without its 4 charts/);
});
