/**
 * Reproduce a run, end to end in the playground: paste two `pip freeze` outputs into the
 * Recipes tab, log two runs that name those environments, and compare their environments.
 */
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const SHOTS = "tests/e2e/screenshots";
const PIP_A = readFileSync("tests/fixtures/env/pip-freeze.txt", "utf8");
const PIP_B = readFileSync("tests/fixtures/env/pip-freeze-editable.txt", "utf8");

/** Puts text into a textarea the way a paste does: one input event. */
async function pasteInto(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).evaluate((el, value) => {
    const area = el as HTMLTextAreaElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set;
    setter?.call(area, value);
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }, text);
}

/** Pastes an environment, stores it, and returns the id the pane reports. */
async function storeEnvironment(page: Page, text: string): Promise<string> {
  await pasteInto(page, "env-text", text);
  await page.getByTestId("env-store").click();
  const notice = page.getByTestId("env-notice");
  await expect(notice).toBeVisible();
  const id = /env-[0-9a-f]{12}/.exec((await notice.textContent()) ?? "")?.[0];
  expect(id).toBeDefined();
  return id ?? "";
}

test("paste pip freeze twice, log two runs on two environments, and see what changed", async ({ page }) => {
  await page.goto("/playground.html");
  await page.getByTestId("workbook-menu").click();
  await page.getByRole("menuitem", { name: "Empty workbook" }).click();
  await page.getByTestId("tab-runs").click();
  await page.getByTestId("create-tracker").click();
  await expect(page.getByTestId("runs-notice")).toContainText("Created");

  await page.getByTestId("tab-environments").click();
  const a = await storeEnvironment(page, PIP_A);
  await expect(page.getByTestId("env-notice")).toContainText(`Stored ${a} (61 packages`);
  const b = await storeEnvironment(page, PIP_B);
  expect(b).not.toBe(a);
  // The same environment again, lines reversed: same id, nothing written.
  const again = await storeEnvironment(page, PIP_A.trim().split("\n").reverse().join("\n"));
  expect(again).toBe(a);
  await expect(page.getByTestId("env-notice")).toContainText("nothing was written");
  await expect(page.getByTestId("env-count")).toHaveText("2 environments stored");

  // Log two runs through Import, each naming its environment.
  await page.getByTestId("tab-import").click();
  const header =
    "run_id,experiment,model,dataset,n_images,layers,learning_rate,seed,status,accuracy,code_version,data_version,environment,command,owner";
  const csv = [
    header,
    `r1,exp1,mlp,dogs-cats,1000,1,0.01,1,finished,0.70,3f2a9c1,dogs-cats@9b1e77a,${a},python train.py --layers 1,ana`,
    `r2,exp2,mlp,dogs-cats-puppies,2000,2,0.01,1,finished,0.74,8e1d2c4,dogs-cats@77aa12f,${b},python train.py --layers 2,ben`,
  ].join("\n");
  await page.getByTestId("import-text").fill(csv);
  await expect(page.getByTestId("import-button")).toBeEnabled();
  await page.getByTestId("import-button").click();
  await expect(page.getByTestId("import-notice")).toBeVisible();

  await page.getByTestId("tab-environments").click();
  const diff = page.getByTestId("env-diff");
  await expect(diff).toContainText(`r1 (${a}) -> r2 (${b})`);
  const changes = page.getByTestId("env-change");
  await expect(changes.filter({ hasText: "numpy 2.1.3 -> 2.0.2" })).toHaveCount(1);
  await expect(changes.filter({ hasText: "torch removed" })).toHaveCount(1);
  await expect(changes.filter({ hasText: "catdog-utils 0.3.0 added" })).toHaveCount(1);
  // Frameworks before numerical cores before the rest.
  const texts = await changes.allTextContents();
  expect(texts.findIndex((t) => t.includes("torch removed"))).toBeLessThan(
    texts.findIndex((t) => t.includes("numpy 2.1.3 -> 2.0.2")),
  );
  await expect(page.getByTestId("recipe-completeness")).toContainText("exp2: 1 of 1 run reproducible");
  await expect(page.getByTestId("recipe-text")).toHaveValue(new RegExp(`# environment: ${b}`));
  await expect(page.getByTestId("recipe-text")).toHaveValue(/--layers 2 --learning_rate 0.01 --seed 1/);

  // My runs: only ana's run is offered.
  await page.getByTestId("owner-name").fill("ana");
  await page.getByTestId("my-runs").click();
  await expect(page.getByTestId("recipe-text")).toHaveValue(/# run r1/);
  await page.getByTestId("my-runs").click();

  await page.getByTestId("env-compare").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/playground-environment-diff.png` });

  // Compare the two runs: the environment diff sits under the run table, baseline first.
  await page.getByTestId("tab-compare").click();
  await page.getByTestId("compare-pick-r1").click();
  await page.getByTestId("compare-pick-r2").click();
  await expect(page.getByTestId("compare-table")).toBeVisible();
  const compareDiff = page.getByTestId("compare-tab").getByTestId("env-diff");
  await expect(compareDiff).toContainText(`Environment: r1 (${a}) -> r2 (${b})`);
  await expect(compareDiff.getByTestId("env-change").filter({ hasText: "torch removed" })).toHaveCount(1);
  await compareDiff.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/playground-compare-environment-diff.png` });

  // What the pane wrote is plain workbook content: the Environments sheet, one row per package.
  const rows = await page.evaluate(() => {
    const sim = (window as unknown as { __runsheetSim: { getTable(name: string): { rowCount: number } | undefined } })
      .__runsheetSim;
    return sim.getTable("Environments")?.rowCount;
  });
  expect(rows).toBe(61 + 8);
});

test("the Recipes tab has no WCAG 2 A/AA violations", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto("/playground.html");
  await page.addStyleTag({
    content: "*, *::before, *::after { transition: none !important; animation: none !important; }",
  });
  await page.getByTestId("tab-environments").click();
  await expect(page.getByTestId("recipe-completeness")).toBeVisible();
  const result = await new AxeBuilder({ page })
    .include('[data-testid="runsheet-pane"]')
    // Fluent's focus sentinels (tabster) hand focus on at once; axe's aria-hidden-focus flags them, not our markup.
    .exclude("[data-tabster-dummy]")
    .withTags(["wcag2a", "wcag2aa"])
    .analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
