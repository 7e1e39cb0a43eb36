/**
 * The playground end to end: the real task pane against the simulated workbook, driven as a
 * user would: type into a cell (the worksheet's onChanged reaches the pane), paste a training
 * script's output into Import, find the best model, write the report.
 */
import { expect, test, type Page } from "@playwright/test";
import { pasteIntoGrid } from "./playground-page";

const SHOTS = "tests/e2e/screenshots";

/** Reads one cell of the simulated workbook through the page's test handle. */
async function cellValue(page: Page, sheet: string, address: string): Promise<unknown> {
  return page.evaluate(
    ([s, a]) => {
      const sim = (window as unknown as { __runsheetSim: { getValues(sheet: string, address: string): unknown[][] } })
        .__runsheetSim;
      return sim.getValues(s!, a!)[0]?.[0];
    },
    [sheet, address],
  );
}

/**
 * Puts a large text into a textarea the way a paste does: one input event. (Playwright's fill
 * types through the editing pipeline and needs about a minute for 2 MB.)
 */
async function pasteInto(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).evaluate((el, value) => {
    const area = el as HTMLTextAreaElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set;
    setter?.call(area, value);
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }, text);
}

test.beforeEach(async ({ page }) => {
  await page.goto("/playground.html");
  await expect(page.getByTestId("runsheet-pane")).toBeVisible();
});

test("typing into a cell fires onChanged and the pane revalidates", async ({ page }) => {
  await page.getByTestId("tab-check").click();
  const summary = page.getByTestId("check-summary");
  await expect(summary).toContainText(/in 11 runs/);
  const before = await summary.textContent();
  await expect(page.locator('[data-testid="issue-item"][data-row="2"]')).toHaveCount(0);

  // L2 is exp1-s1's accuracy: a user types a word where a number belongs.
  await page.locator('[data-address="L2"]').first().dblclick();
  await page.getByTestId("cell-editor").fill("abc");
  await page.getByTestId("cell-editor").press("Enter");
  expect(await cellValue(page, "Runs", "L2")).toBe("abc");

  const issue = page.locator('[data-testid="issue-item"][data-row="2"]');
  await expect(issue.first()).toBeVisible();
  await expect(issue.first()).toContainText(/accuracy/);
  await expect(summary).not.toHaveText(before ?? "");
  await page.screenshot({ path: `${SHOTS}/playground-live-check.png` });

  // Putting a number back clears the issue again.
  await page.locator('[data-address="L2"]').first().dblclick();
  await page.getByTestId("cell-editor").fill("0.87");
  await page.getByTestId("cell-editor").press("Enter");
  await expect(issue).toHaveCount(0);
});

test("pasting Trainer output imports one run, formula-like text stays text", async ({ page }) => {
  await page.getByTestId("tab-import").click();
  const lines = [
    "{'loss': 0.61, 'learning_rate': 0.001, 'epoch': 1.0}",
    "{'eval_loss': 0.42, 'eval_accuracy': 0.901, 'epoch': 1.0}",
    "{'loss': 0.33, 'learning_rate': 0.0005, 'epoch': 2.0}",
    "{'eval_loss': 0.31, 'eval_accuracy': 0.934, 'epoch': 2.0}",
  ].join("\n");
  await page.getByTestId("import-text").fill(lines);
  await expect(page.getByTestId("import-summary")).toContainText(/Trainer|dict/i);
  await expect(page.getByTestId("import-preview")).toBeVisible();
  await page.getByTestId("import-run-id").fill('=HYPERLINK("x")');
  await page.screenshot({ path: `${SHOTS}/playground-import-preview.png` });
  await page.getByTestId("import-button").click();
  await expect(page.getByTestId("import-notice")).toBeVisible();

  const found = await page.evaluate(() => {
    const sim = (
      window as unknown as {
        __runsheetSim: {
          getValues(sheet: string, address: string): unknown[][];
          getFormulas(sheet: string, address: string): unknown[][];
        };
      }
    ).__runsheetSim;
    const values = sim.getValues("Runs", "A1:A40").map((r) => r[0]);
    const formulas = sim.getFormulas("Runs", "A1:A40").map((r) => r[0]);
    const row = values.indexOf('=HYPERLINK("x")');
    // Same text in formulas means Excel holds it as text, not as a formula it would evaluate.
    return { row, formula: formulas[row] };
  });
  expect(found.row).toBeGreaterThan(0);
  expect(found.formula).toBe('=HYPERLINK("x")');
});

test("best model: ranking with confidence intervals and an honest verdict; report written", async ({ page }) => {
  await page.getByTestId("tab-best").click();
  await page.getByTestId("find-best").click();
  const verdict = page.getByTestId("best-verdict");
  await expect(verdict).toBeVisible();
  // The example's four rows with errors (a #DIV/0!, the status typo, a blank model, the duplicated
  // run_id) are left out before ranking: exp1 keeps 3 clean seeds, not 5 with a copied run, and
  // exp2 (2 layers, 2,000 images) leads at p = 0.03 with overlapping CIs: tied, honestly.
  await expect(page.getByTestId("best-open-errors")).toContainText("4 open errors: see Check");
  await expect(verdict).toHaveAttribute("data-kind", "tied");
  await expect(verdict).toContainText(/p = 0\.03/);
  const firstRow = page.getByTestId("best-ranking").locator("tbody tr").first();
  await expect(firstRow).toContainText("layers=2");
  await expect(page.getByTestId("best-excluded")).toContainText(/5 runs left out/);
  await page.getByTestId("best-excluded").locator("summary").click();
  await expect(page.getByTestId("best-excluded")).toContainText('Row 5: "finshed" is not one of the choices');
  await page.screenshot({ path: `${SHOTS}/playground-best.png` });

  await page.getByTestId("write-report").click();
  await expect(page.getByRole("tab", { name: "Report" })).toBeVisible();
  await page.getByRole("tab", { name: "Report" }).click();
  const verdicts = await page.evaluate(() => {
    const sim = (window as unknown as { __runsheetSim: { getValues(sheet: string, address: string): unknown[][] } })
      .__runsheetSim;
    return sim.getValues("Report", "A7:B8").map((r) => `${String(r[0])}: ${String(r[1])}`);
  });
  // The Report ranks the same clean runs as the Best tab, so it reads the same: 3 vs 3, p = 0.03, not told apart.
  expect(verdicts[1]).toMatch(
    /^exp2: cannot tell exp2 from exp1: accuracy \+[\d.]+ points, 95% CI .*, p = 0\.03\d*, n = 3 vs 3\.$/,
  );
  await expect(page.locator("canvas").first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/playground-report.png` });
});

test("a 50,000-row paste parses in a worker with progress; Cancel stops it and the pane stays responsive", async ({
  page,
}) => {
  // ?holdParse keeps every parse's outcome back until the test releases it: the progress bar
  // stays up for as long as the test looks at it, however fast or slow the worker is.
  await page.goto("/playground.html?holdParse");
  await expect(page.getByTestId("runsheet-pane")).toBeVisible();
  await page.getByTestId("tab-import").click();
  const header = Array.from({ length: 20 }, (_, c) => (c === 0 ? "run_id" : `m${c}`)).join(",");
  const body = Array.from({ length: 50_000 }, (_, r) =>
    [`r${r}`, ...Array.from({ length: 19 }, (_, c) => ((r * 31 + c * 7) % 1000) / 1000)].join(","),
  );
  await pasteInto(page, "import-text", [header, ...body].join("\n"));
  const progress = page.getByTestId("parse-progress");
  await expect(progress).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/playground-import-progress.png` });
  // The UI thread answers while the worker parses: a checkbox toggles with the progress bar still up.
  const validOnly = page.getByTestId("valid-only");
  await validOnly.check();
  await expect(validOnly).toBeChecked();
  await expect(progress).toBeVisible();
  await page.getByTestId("cancel-parse").click();
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId("import-button")).toBeDisabled();
  await expect(page.getByTestId("import-summary")).toHaveCount(0);
  // The cancelled parse's outcome, once let through, is ignored: no summary appears.
  await page.evaluate(() => (window as unknown as { __runsheetReleaseParse(): void }).__runsheetReleaseParse());
  await expect(page.getByTestId("parse-progress")).toHaveCount(0);
  await expect(page.getByTestId("import-summary")).toHaveCount(0);
  // Parsing the same text to the end gives the whole table.
  await pasteInto(page, "import-text", [header, ...body.slice(0, 49_999)].join("\n"));
  await expect(page.getByTestId("import-summary")).toContainText(/49,?999/, { timeout: 30_000 });
});

test("pasting tab-separated text into the grid writes the cells and fires onChanged", async ({ page }) => {
  await page.getByTestId("tab-check").click();
  await expect(page.getByTestId("check-summary")).toContainText(/in 11 runs/);
  await page.locator('[data-address="L2"]').first().click();
  await pasteIntoGrid(page, "0.5\t0.9\r\n0.6\t0.8\r\n");
  const values = await page.evaluate(() => {
    const sim = (window as unknown as { __runsheetSim: { getValues(sheet: string, address: string): unknown[][] } })
      .__runsheetSim;
    return sim.getValues("Runs", "L2:M3");
  });
  expect(values).toEqual([
    [0.5, 0.9],
    [0.6, 0.8],
  ]);
  await expect(page.getByTestId("event-log")).toContainText(/onChanged Runs!L2:M3 .*source=Local/);
});

test("Save .xlsx downloads the workbook and opening it restores the Runs table", async ({ page }) => {
  await page.locator('[data-address="N2"]').first().dblclick();
  await page.getByTestId("cell-editor").fill("edited before saving");
  await page.getByTestId("cell-editor").press("Enter");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Save .xlsx" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const saved = await download.path();

  await page.evaluate(() =>
    (window as unknown as { __runsheetPlayground: { loadEmpty(): void } }).__runsheetPlayground.loadEmpty(),
  );
  await expect(page.getByTestId("sheet-tab-Runs")).toHaveCount(0);
  await page.getByTestId("xlsx-input").setInputFiles(saved);
  await expect(page.getByTestId("sheet-tab-Runs")).toBeVisible();
  const restored = await page.evaluate(() => {
    const sim = (
      window as unknown as {
        __runsheetSim: {
          getValues(s: string, a: string): unknown[][];
          getTable(n: string): { rowCount: number } | undefined;
        };
      }
    ).__runsheetSim;
    return {
      a2: sim.getValues("Runs", "A2")[0]?.[0],
      n2: sim.getValues("Runs", "N2")[0]?.[0],
      rows: sim.getTable("Runs")?.rowCount,
    };
  });
  expect(restored).toEqual({ a2: "exp1-s1", n2: "edited before saving", rows: 11 });
});

test("on the 5,000-run workbook the Check tab lists 100 issues per group at first, and Show more adds the next", async ({
  page,
}) => {
  await page.evaluate(() =>
    (window as unknown as { __runsheetPlayground: { loadLarge(): void } }).__runsheetPlayground.loadLarge(),
  );
  await page.getByTestId("tab-check").click();
  await expect(page.getByTestId("check-summary")).toContainText(/5,?000 runs/, { timeout: 60_000 });
  const firstList = page.getByTestId("runsheet-pane").locator("ul").first();
  await expect(firstList.getByTestId("issue-item")).toHaveCount(100);
  const more = page.getByTestId("show-more-issues").first();
  await expect(more).toContainText(/Show 100 more of [\d,]+/);
  await more.click();
  await expect(firstList.getByTestId("issue-item")).toHaveCount(200);
});
