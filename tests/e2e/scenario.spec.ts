/**
 * The seeds' scenario from an empty workbook, as a new user walks it in the playground: Create
 * tracker; log exp1 (one hidden layer, 1,000 images) for 3 seeds through the form; paste exp2
 * (two hidden layers, 2,000 images) for 3 seeds as Hugging Face Trainer lines; ... The workbook
 * is checked through the simulator after each step, and each step is screenshotted, in the
 * default 350 px pane and again at 320 x 450 px.
 */
import { expect, test, type Page } from "@playwright/test";

const SHOTS = "tests/e2e/screenshots";

interface SimHandle {
  getValues(sheet: string, address: string): unknown[][];
  getNumberFormats(sheet: string, address: string): unknown[][];
  getTable(name: string): { rowCount: number } | undefined;
}

/** The Runs table as records (header -> value), read through the simulator. */
async function runsTable(page: Page): Promise<Record<string, unknown>[]> {
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

/** The pane never scrolls sideways. */
async function expectNoSideScroll(page: Page): Promise<void> {
  const overflow = await page
    .getByTestId("pane-body")
    .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
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
  });
}
