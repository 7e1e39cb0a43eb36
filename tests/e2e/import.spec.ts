/**
 * Import as a user meets it on the seeds' workbook: the preview is checked against the schema and
 * the runs already in the workbook before anything is written (a run_id already taken, a status
 * typo, a decimal comma), each column's target can be changed from the keyboard, and the paste
 * and its preview are still there after visiting another tab. Run in the default pane and at
 * 320 x 450 px, where the mapping must not scroll sideways.
 */
import { expect, test, type Page } from "@playwright/test";
import { runsTable } from "./playground-page";

const SHOTS = "tests/e2e/screenshots";

async function expectNoSideScroll(page: Page): Promise<void> {
  const overflow = await page
    .getByTestId("pane-body")
    .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
}

/** Trainer-style dict lines for more exp2 seeds, newer Trainers' quoted values included. */
const line = (id: string, seed: number, status: string, evalAcc: string, top1: string) =>
  `{'run_id': '${id}', 'experiment': 'exp2', 'model': 'mlp-2x256', ` +
  `'dataset': 'dogs-vs-cats-2k+puppies-kittens', 'n_images': 2000, 'layers': 2, 'learning_rate': 0.001, 'seed': ${seed}, 'status': '${status}', 'eval_accuracy': '${evalAcc}', 'top1': ${top1}}`;

const sizes = [
  { label: "350", pane: 350, viewport: { width: 1400, height: 860 } },
  { label: "320", pane: 320, viewport: { width: 1100, height: 490 } },
];

for (const size of sizes) {
  test(`the preview is checked against the workbook and the mapping can be changed (pane ${size.label} px)`, async ({
    page,
  }) => {
    await page.setViewportSize(size.viewport);
    await page.goto(`/playground.html?pane=${size.pane}`);
    await expect(page.getByTestId("runsheet-pane")).toBeVisible();
    const before = (await runsTable(page)).length;
    await page.getByTestId("tab-import").click();
    // exp1-s1 is already in the workbook; "finshed" is a typo; '0,91' has a decimal comma.
    await page
      .getByTestId("import-text")
      .fill(
        [
          line("exp1-s1", 8, "finished", "0.93", "0.92"),
          line("exp2-s6", 6, "finshed", "0.94", "0.93"),
          line("exp2-s7", 7, "finished", "0,91", "0.9"),
        ].join("\n"),
      );
    const summary = page.getByTestId("import-summary");
    await expect(summary).toContainText("2 errors");
    const issues = page.getByTestId("import-issues");
    await expect(issues.locator('li[data-severity="error"]').filter({ hasText: "Line 1, run_id" })).toContainText(
      "already in the Runs table (row 2)",
    );
    await expect(issues.locator('li[data-severity="error"]').filter({ hasText: "Line 2, status" })).toContainText(
      '"finshed" is not one of the choices',
    );
    // The warning names its line and column once, in its own words.
    await expect(issues.locator('li[data-severity="warning"]').filter({ hasText: '"0,91"' })).toHaveText(
      'Warning: "0,91" in column "eval_accuracy" on line 3 is written with a decimal comma; it was read as 0.91.',
    );
    await expect(page.getByTestId("import-button")).toBeDisabled();
    await expectNoSideScroll(page);
    await page.getByTestId("import-issues").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/import-${size.label}-validated-preview.png` });

    // eval_accuracy went to accuracy; the user wants top1 there instead and keeps eval_accuracy as its own column.
    const target = (source: string) =>
      page.locator(`[data-testid="mapping-row"][data-source="${source}"]`).getByTestId("mapping-target");
    await expect(target("eval_accuracy")).toHaveValue("schema:accuracy");
    await expect(target("top1")).toHaveValue("new");
    await target("eval_accuracy").focus();
    await page.keyboard.press("Tab");
    await expect(target("top1")).toBeFocused();
    await target("top1").selectOption("schema:accuracy");
    await expect(target("eval_accuracy")).toHaveValue("skip");
    await target("eval_accuracy").selectOption("new");
    await expect(target("eval_accuracy").locator("option:checked")).toHaveText(/New column "eval_accuracy"/);
    await expectNoSideScroll(page);
    await page.getByTestId("import-mapping").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/import-${size.label}-mapping-changed.png` });

    // Away and back: the paste, its preview and the changed mapping are still there.
    await page.getByTestId("tab-check").click();
    await page.getByTestId("tab-import").click();
    await expect(page.getByTestId("import-text")).toHaveValue(/exp2-s7/);
    await expect(summary).toContainText("2 errors");
    await expect(target("top1")).toHaveValue("schema:accuracy");

    // Fix both errors in the text; the decimal comma stays a warning, read as 0.91.
    const fixed = [
      line("exp2-s8", 8, "finished", "0.93", "0.92"),
      line("exp2-s6", 6, "finished", "0.94", "0.93"),
      line("exp2-s7", 7, "finished", "0,91", "0.9"),
    ].join("\n");
    await page.getByTestId("import-text").fill(fixed);
    await expect(summary).toContainText("0 errors");
    // The same columns: the targets the user picked are kept.
    await expect(target("top1")).toHaveValue("schema:accuracy");
    await expect(target("eval_accuracy")).toHaveValue("new");
    await expect(page.getByTestId("import-button")).toHaveText("Import 3 rows");
    await page.getByTestId("import-button").click();
    await expect(page.getByTestId("import-notice")).toContainText("Imported 3 runs");
    const after = await runsTable(page);
    expect(after).toHaveLength(before + 3);
    const added = after.slice(before);
    expect(added.map((r) => [r.run_id, r.status, r.accuracy, r.eval_accuracy])).toEqual([
      ["exp2-s8", "finished", 0.92, 0.93],
      ["exp2-s6", "finished", 0.93, 0.94],
      ["exp2-s7", "finished", 0.9, 0.91],
    ]);
  });
}
