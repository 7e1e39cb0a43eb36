/**
 * The seeds' scenario from an empty workbook, as a new user walks it in the playground: Create
 * tracker; log exp1 (one hidden layer, 1,000 images) for 3 seeds through the form; paste exp2
 * (two hidden layers, 2,000 images) for 3 seeds as Hugging Face Trainer lines, whose preview
 * catches a duplicate run_id and a quoted decimal comma before anything is written; ... The workbook
 * is checked through the simulator after each step, and each step is screenshotted, in the
 * default 350 px pane and again at 320 x 450 px.
 */
import { expect, test, type Page } from "@playwright/test";
import { runsTable } from "./playground-page";

const SHOTS = "tests/e2e/screenshots";

interface SimHandle {
  getValues(sheet: string, address: string): unknown[][];
  getNumberFormats(sheet: string, address: string): unknown[][];
  getTable(name: string): { rowCount: number } | undefined;
}

/** The pane never scrolls sideways once the step's content has settled (a frame mid-render may). */
async function expectNoSideScroll(page: Page): Promise<void> {
  const body = page.getByTestId("pane-body");
  await expect
    .poll(() => body.evaluate((el) => el.scrollWidth - el.clientWidth), { timeout: 5_000 })
    .toBeLessThanOrEqual(0);
}

async function fillField(page: Page, name: string, value: string): Promise<void> {
  await page.getByTestId(`logrun-field-${name}`).fill(value);
}

async function chooseOption(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

const sizes = [
  { label: "350", pane: 350, viewport: { width: 1400, height: 860 } },
  { label: "320", pane: 320, viewport: { width: 1100, height: 490 } },
];

for (const size of sizes) {
  test(`the seeds' scenario end to end (pane ${size.label} px)`, async ({ page }) => {
    test.setTimeout(60_000);
    const shot = (step: string) => page.screenshot({ path: `${SHOTS}/scenario-${size.label}-${step}.png` });
    await page.setViewportSize(size.viewport);
    await page.goto(`/playground.html?pane=${size.pane}`);
    await expect(page.getByTestId("runsheet-pane")).toBeVisible();
    await page.evaluate(() =>
      (window as unknown as { __runsheetPlayground: { loadEmpty(): void } }).__runsheetPlayground.loadEmpty(),
    );

    // 1. Create tracker.
    await page.getByTestId("create-tracker").click();
    await expect(page.getByTestId("runs-notice")).toContainText(/Created/);
    const tables = await page.evaluate(() => {
      const sim = (window as unknown as { __runsheetSim: SimHandle }).__runsheetSim;
      return ["Runs", "RunSchema", "Experiments", "Registry"].map((t) => sim.getTable(t) !== undefined);
    });
    expect(tables).toEqual([true, true, true, true]);
    await expectNoSideScroll(page);
    await shot("1-create-tracker");

    // 2. Log exp1 for three seeds through the form (Log and next seed keeps the configuration).
    await page.getByTestId("tab-log").click();
    await fillField(page, "run_id", "exp1-s1");
    await fillField(page, "experiment", "exp1");
    await fillField(page, "hypothesis", "One hidden layer tells dogs from cats");
    await fillField(page, "model", "mlp");
    await fillField(page, "dataset", "cats-dogs-1k");
    await fillField(page, "n_images", "1,000");
    await fillField(page, "layers", "1");
    await fillField(page, "learning_rate", "0.01");
    await fillField(page, "seed", "1");
    await chooseOption(page, "logrun-field-status", "finished");
    const accuracies = ["0.71", "0.73", "0.72"];
    for (const [i, acc] of accuracies.entries()) {
      await expect(page.getByTestId("logrun-field-seed")).toHaveValue(String(i + 1));
      await expect(page.getByTestId("logrun-field-run_id")).toHaveValue(`exp1-s${i + 1}`);
      await fillField(page, "accuracy", acc);
      await fillField(page, "val_loss", String(0.6 - i * 0.01));
      if (i === 0) {
        await expectNoSideScroll(page);
        await shot("2-log-run-form");
      }
      await page.getByTestId("logrun-next-seed").click();
      await expect(page.getByTestId("logrun-notice")).toContainText(`Logged run exp1-s${i + 1}`);
    }
    const afterLog = await runsTable(page);
    expect(afterLog.map((r) => [r.run_id, r.layers, r.n_images, r.seed, r.accuracy])).toEqual([
      ["exp1-s1", 1, 1000, 1, 0.71],
      ["exp1-s2", 1, 1000, 2, 0.73],
      ["exp1-s3", 1, 1000, 3, 0.72],
    ]);
    await expect(page.getByTestId("live-region")).toContainText(/Logged run exp1-s3/);
    await shot("2-logged-exp1");

    // 3. Paste exp2 (two hidden layers, 2,000 images) for three seeds as Python dict lines, the way
    // a Hugging Face Trainer script prints them. Two planted mistakes: the third run was logged under
    // the second one's run_id, and one accuracy is a quoted decimal comma ('0,81').
    const exp2 = (id: string, seed: number, acc: string) =>
      `{'run_id': '${id}', 'experiment': 'exp2', 'model': 'mlp', 'dataset': 'cats-dogs-2k', 'n_images': 2000, ` +
      `'layers': 2, 'learning_rate': 0.01, 'seed': ${seed}, 'status': 'finished', 'accuracy': ${acc}, 'val_loss': 0.5}`;
    await page.getByTestId("tab-import").click();
    await page
      .getByTestId("import-text")
      .fill([exp2("exp2-s1", 1, "0.80"), exp2("exp2-s2", 2, "0.8"), exp2("exp2-s2", 3, "'0,81'")].join("\n"));
    await expect(page.getByTestId("import-preview")).toBeVisible();
    // The preview is checked before anything is written: the duplicate is an error, the comma a warning.
    await expect(page.getByTestId("import-summary")).toContainText("1 error,");
    const importIssues = page.getByTestId("import-issues");
    await expect(importIssues.locator('li[data-severity="error"]')).toContainText(
      'Line 3, run_id: The run_id "exp2-s2" is also on line 2 of the paste',
    );
    await expect(importIssues.locator('li[data-severity="warning"]').filter({ hasText: "0,81" })).toContainText(
      'in column "accuracy" on line 3',
    );
    await expect(page.getByTestId("import-button")).toBeDisabled();
    await expectNoSideScroll(page);
    await shot("3-paste-preview");
    // Fixed in the paste: the third run gets its own id and a dotted accuracy.
    await page
      .getByTestId("import-text")
      .fill([exp2("exp2-s1", 1, "0.80"), exp2("exp2-s2", 2, "0.8"), exp2("exp2-s3", 3, "0.81")].join("\n"));
    await expect(page.getByTestId("import-summary")).toContainText("0 errors");
    await expect(importIssues.filter({ hasText: "0,81" })).toHaveCount(0);
    await page.getByTestId("import-button").click();
    await expect(page.getByTestId("import-notice")).toBeVisible();
    const afterPaste = await runsTable(page);
    expect(afterPaste.map((r) => r.run_id)).toEqual(["exp1-s1", "exp1-s2", "exp1-s3", "exp2-s1", "exp2-s2", "exp2-s3"]);
    expect(afterPaste.map((r) => r.accuracy)).toEqual([0.71, 0.73, 0.72, 0.8, 0.8, 0.81]);
    // A colleague on a French locale corrects exp2-s2's accuracy by hand: 0,82 stays text in the cell.
    await page.locator('[data-address="L6"]').first().dblclick();
    await page.getByTestId("cell-editor").fill("0,82");
    await page.getByTestId("cell-editor").press("Enter");
    expect((await runsTable(page))[4]?.accuracy).toBe("0,82");
    await shot("3-pasted-exp2");

    // 4. Check catches the hand-typed decimal comma; it is fixed in one click.
    await page.getByTestId("tab-check").click();
    const commaIssue = page.locator('[data-testid="issue-item"][data-row="6"]').filter({ hasText: "0,82" });
    await expect(commaIssue).toBeVisible();
    await expect(page.locator('[data-testid="issue-item"]').filter({ hasText: "already used" })).toHaveCount(0);
    await expectNoSideScroll(page);
    await shot("4-check-caught");
    await commaIssue.getByTestId("fix-issue").click();
    await expect(commaIssue).toHaveCount(0);
    const fixed = await runsTable(page);
    expect(fixed[4]?.accuracy).toBe(0.82);
    expect(fixed.map((r) => r.run_id)).toEqual(["exp1-s1", "exp1-s2", "exp1-s3", "exp2-s1", "exp2-s2", "exp2-s3"]);
    await shot("4-check-fixed");

    // 5. Best names the winner, its p-value and the confound (layers and n_images changed at once).
    await page.getByTestId("tab-best").click();
    await page.getByTestId("find-best").click();
    await expect(page.getByTestId("best-verdict")).toContainText("Best run: exp2-s2");
    await expect(page.getByTestId("best-pvalue")).toContainText(/p [=<] 0\.0\d/);
    await expect(page.getByTestId("best-comparison")).toContainText(/layers 1 -> 2/);
    await expect(page.getByTestId("best-comparison")).toContainText(/at once/);
    await expect(page.getByTestId("best-open-errors")).toHaveCount(0);
    await expectNoSideScroll(page);
    await shot("5-best");

    // 6. Register best: a frozen copy of the winning run's row in the Registry.
    await page.getByTestId("register-best").click();
    await expect(page.getByTestId("register-notice")).toContainText("Registered run exp2-s2");
    await expect(page.locator("#best-notice")).toBeFocused();
    const registry = await page.evaluate(() => {
      const sim = (window as unknown as { __runsheetSim: SimHandle }).__runsheetSim;
      return sim.getValues("Registry", "A2:C2")[0];
    });
    expect(registry?.slice(0, 2)).toEqual(["exp2-s2", "accuracy"]);
    expect(registry?.[2]).toBe(0.82);
    await shot("6-registered");

    // 7. Compare the two best runs: exp2-s2 against exp1-s2 as the baseline.
    await page.getByTestId("tab-compare").click();
    await page.getByTestId("compare-search").fill("-s2");
    await page.getByTestId("compare-pick-exp1-s2").click();
    await page.getByTestId("compare-pick-exp2-s2").click();
    await chooseOption(page, "compare-baseline", "exp1-s2");
    const delta = page.getByTestId("compare-table").locator('tr[data-kind="delta"]').first();
    await expect(delta).toContainText(/\+0\.09 ▲ better/);
    await page.getByTestId("compare-write").click();
    await expect(page.getByTestId("compare-notice")).toContainText("Wrote the Compare sheet");
    const compareSheet = await page.evaluate(() => {
      const sim = (window as unknown as { __runsheetSim: SimHandle }).__runsheetSim;
      return sim.getValues("Compare", "A1:C1")[0];
    });
    expect(compareSheet).toEqual(["column", "exp1-s2 (baseline)", "exp2-s2"]);
    await expectNoSideScroll(page);
    await shot("7-compare");

    // 7b. The Experiments sheet holds the verdict: both experiments listed, exp2 compared with the
    // previous one (and saying so), then with exp1 picked as its baseline in the pane.
    await page.getByTestId("tab-best").click();
    await page.getByTestId("experiments-update").click();
    await expect(page.getByTestId("experiments-notice")).toContainText("added exp1, exp2");
    await expect(page.locator("#experiments-result")).toBeFocused();
    await expect(page.getByTestId("live-region")).toContainText(/Experiments sheet/);
    const experiments = () =>
      page.evaluate(() => {
        const sim = (window as unknown as { __runsheetSim: SimHandle }).__runsheetSim;
        return sim.getValues("Experiments", "A1:J4");
      });
    const listed = await experiments();
    expect(listed[0]).toEqual([
      "id",
      "hypothesis",
      "null_hypothesis",
      "primary_metric",
      "goal",
      "baseline",
      "owner",
      "status",
      "conclusion",
      "verdict",
    ]);
    expect(listed.slice(1).map((r) => r[0])).toEqual(["exp1", "exp2", ""]);
    expect(String(listed[2]?.[9])).toMatch(/^exp2 beats exp1 \(the previous experiment; no baseline set\)/);
    await chooseOption(page, "experiments-baseline-exp2", "exp1");
    await expect(page.getByTestId("experiments-notice")).toContainText("exp2 is now compared with exp1");
    const picked = await experiments();
    expect(picked[2]?.[5]).toBe("exp1");
    expect(String(picked[2]?.[9])).toMatch(
      /^exp2 beats exp1: accuracy \+9\.0 points, 95% CI \+[\d.]+ to \+[\d.]+ points, p [<=] 0\.\d+, n = 3 vs 3\. exp2 changes .*layers 1 -> 2.* at once/,
    );
    expect(String(picked[1]?.[9])).toMatch(/^exp1 is the first experiment/);
    await expect(page.locator('[data-testid="experiments-item"][data-id="exp2"]')).toContainText("at once");
    await expectNoSideScroll(page);
    await page.getByRole("tab", { name: "Experiments", exact: true }).click();
    await page.getByTestId("experiments-section").scrollIntoViewIfNeeded();
    await shot("7b-experiments");

    // 8. Write report: the Report sheet holds exp2's verdict against exp1, confound included.
    await page.getByTestId("write-report").click();
    await expect(page.getByTestId("register-notice")).toContainText(/the Report sheet/);
    const report = await page.evaluate(() => {
      const sim = (window as unknown as { __runsheetSim: SimHandle }).__runsheetSim;
      return sim
        .getValues("Report", "A1:J40")
        .flat()
        .map((v) => String(v))
        .join(" | ");
    });
    expect(report).toMatch(/exp2/);
    expect(report).toMatch(/at once/);
    await shot("8-report");
  });
}
