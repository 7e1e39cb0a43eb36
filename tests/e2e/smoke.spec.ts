/**
 * Smoke: the built pages load in Debian's Chromium and render. Outside Office the task pane
 * page must explain itself (Office.onReady resolves with host null); the playground must show
 * the simulated workbook and the real pane side by side.
 */
import { expect, test, type ConsoleMessage, type Page } from "@playwright/test";

const SHOTS = "tests/e2e/screenshots";

/** Collects page errors and console errors so a broken bundle fails the test. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m: ConsoleMessage) => {
    // office.js outside Office tries telemetry endpoints that this closed network refuses.
    if (m.type() === "error" && !/ERR_|net::|Failed to load resource/.test(m.text()))
      errors.push(`console: ${m.text()}`);
  });
  return errors;
}

test("the task pane page loads office.js from its own origin and explains itself outside Excel", async ({ page }) => {
  const errors = watchErrors(page);
  const officeRequests: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("office.js")) officeRequests.push(r.url());
  });
  await page.goto("/taskpane.html");
  await expect(page).toHaveTitle(/RunSheet/);
  await expect(page.getByText(/open .*in excel/i).first()).toBeVisible();
  await expect(page.getByRole("link", { name: /playground/i })).toBeVisible();
  expect(officeRequests.every((u) => new URL(u).pathname.startsWith("/assets/office/"))).toBe(true);
  expect(officeRequests.length).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/taskpane-outside-excel.png` });
  expect(errors).toEqual([]);
});

test("the playground shows the simulated workbook and the task pane", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto("/playground.html");
  await expect(page.getByRole("grid").first()).toBeVisible();
  await expect(page.locator('[data-address="A1"]').first()).toBeVisible();
  await expect(page.getByRole("tab", { name: /check/i })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/playground.png` });
  expect(errors).toEqual([]);
});

test("the playground page shares the pane's template: its own title, the pane's root, and no Office.js", async ({
  page,
}) => {
  const officeRequests: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("office.js")) officeRequests.push(r.url());
  });
  await page.goto("/playground.html");
  await expect(page).toHaveTitle("RunSheet playground: the task pane on a simulated workbook");
  await expect(page.locator("#root")).toHaveCount(1);
  await expect(page.locator('script[src*="office.js"]')).toHaveCount(0);
  await expect(page.locator('meta[http-equiv="X-UA-Compatible"]')).toHaveCount(0);
  await expect(page.getByRole("tab", { name: /check/i })).toBeVisible();
  expect(officeRequests).toEqual([]);
});
