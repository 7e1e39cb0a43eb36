/**
 * Adopting the user's own sheet from the Runs tab: the header row and inferred types, moving the
 * header row, and the seed column saved with the workbook. These parts load after the tab's first
 * render (RunsTabDetails), so this also proves the lazily loaded chunk arrives and works.
 */
import { expect, test } from "@playwright/test";
import { pasteIntoGrid } from "./playground-page";

const SHOTS = "tests/e2e/screenshots";

test("Adopt this sheet shows the inferred columns, moves the header row, and saves the seed column", async ({
  page,
}) => {
  await page.goto("/playground.html");
  await page.getByTestId("workbook-menu").click();
  await page.getByRole("menuitem", { name: "Empty workbook" }).click();
  // The user's own sheet: a header and three runs, pasted into A1 as from another spreadsheet.
  await page.locator('[data-address="A1"]').first().click();
  const rows = [
    "run_id\tmodel\tseed\taccuracy",
    "exp1-s1\tmlp\t1\t0.81",
    "exp1-s2\tmlp\t2\t0.83",
    "exp2-s1\tcnn\t1\t0.9",
  ];
  await pasteIntoGrid(page, rows.join("\r\n"));
  const pane = page.getByTestId("runsheet-pane");
  await pane.getByTestId("refresh-status").click();
  await expect(pane.getByTestId("tracker-present")).toHaveText("Not set up");
  await pane.getByTestId("adopt-sheet").first().click();
  const view = pane.getByTestId("adopted-view");
  await expect(view).toBeVisible();
  await expect(view.getByRole("heading")).toHaveText('Header: row 1 of "Sheet1"');
  const columns = view.getByTestId("inferred-columns");
  await expect(columns.getByRole("row", { name: /^run_id / })).toBeVisible();
  await expect(columns.getByRole("row", { name: /^accuracy number metric/ })).toBeVisible();
  await expect(pane.getByTestId("tracker-present")).toHaveText('Adopted sheet "Sheet1"');

  // The seed column: automatic at first, then the user's choice, kept when the tab is reopened.
  const seed = pane.getByTestId("seed-column");
  await expect(seed).toHaveValue("");
  await expect(seed.locator("option", { hasText: "seed" })).toHaveCount(2);
  await seed.selectOption("seed");
  await pane.getByTestId("tab-check").click();
  await pane.getByTestId("tab-runs").click();
  await expect(pane.getByTestId("seed-column")).toHaveValue("seed");
  await pane.screenshot({ path: `${SHOTS}/runs-adopted-sheet.png` });

  // Row 2 holds a run, not names: RunSheet reads it as the header when asked to.
  const input = pane.getByTestId("header-row-input");
  await input.fill("2");
  await input.press("Enter");
  await expect(pane.getByTestId("use-header-row")).toHaveText("Use row 2");
  await pane.getByTestId("use-header-row").click();
  await expect(view.getByRole("heading")).toHaveText('Header: row 2 of "Sheet1"');
  await expect(columns.getByRole("row", { name: /^exp1-s1 / })).toBeVisible();
});
