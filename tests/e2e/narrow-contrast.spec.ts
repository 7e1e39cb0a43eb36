/**
 * Every tab at 320 x 450 px without horizontal scrolling, and the Check tab's errors and warnings
 * told apart by icon and word in forced-colours (Windows high contrast) mode.
 */
import { expect, test, type Page } from "@playwright/test";

/** Each tab and an element that shows it has finished its first render. */
const tabs = {
  runs: "tracker-status",
  log: "logrun-submit",
  check: "check-summary",
  import: "import-text",
  compare: "compare-search",
  environments: "tab-environments",
} as const;

/** Elements that scroll sideways: the pane's body, or any scroll container inside the tab. */
async function sideScrollers(page: Page): Promise<string[]> {
  return page.getByTestId("pane-body").evaluate((body) => {
    const boxes = [body, ...Array.from(body.querySelectorAll('[role="tabpanel"] *'))];
    return boxes
      .filter((el) => el === body || getComputedStyle(el).overflowX !== "visible")
      .filter((el) => el.scrollWidth > el.clientWidth)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}[data-testid=${el.getAttribute("data-testid") ?? ""}] ${el.scrollWidth} > ${el.clientWidth}`,
      );
  });
}

for (const [tab, ready] of Object.entries(tabs)) {
  test(`the ${tab} tab fits 320 x 450 px without horizontal scrolling`, async ({ page }) => {
    await page.setViewportSize({ width: 1000, height: 450 });
    await page.goto("/playground.html?pane=320");
    await page.getByTestId(`tab-${tab}`).click();
    await expect(page.getByTestId(ready)).toBeVisible();
    const pane = await page.getByTestId("pane-body").evaluate((el) => el.getBoundingClientRect().width);
    expect(pane).toBeLessThanOrEqual(320);
    expect(await sideScrollers(page)).toEqual([]);
  });
}

test("the best tab fits 320 x 450 px without horizontal scrolling, ranking and experiments shown", async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 450 });
  await page.goto("/playground.html?pane=320");
  await page.getByTestId("tab-best").click();
  await page.getByTestId("find-best").click();
  const ranking = page.getByTestId("best-ranking");
  await expect(ranking).toBeVisible();
  await page.getByTestId("experiments-update").click();
  await expect(page.getByTestId("experiments-list")).toBeVisible();
  await page.getByTestId("best-excluded").locator("summary").click();
  // Every column keeps its header and every configuration its label, rows, mean, interval and std.
  await expect(ranking.getByRole("columnheader")).toHaveText(["#", "Configuration", "n", "mean ± 95% CI", "std"]);
  const first = ranking.locator("tbody tr").first().getByRole("cell");
  await expect(first).toHaveCount(5);
  await expect(first.nth(1)).toContainText(/layers=2.*rows? \d/);
  await expect(first.nth(3)).toContainText(/±.*\[.*, .*\]/);
  // The std has the CI half-width's precision: 2 significant digits (0.0061, not 0.006083).
  const std = (await first.nth(4).innerText()).trim();
  expect(std.replace(/^[0.]+/, "").replace(".", "")).toMatch(/^\d{1,2}$/);
  // Numeric headers sit at the right edge of their column, over the numbers.
  for (const name of ["n", "mean ± 95% CI", "std"]) {
    const header = ranking.getByRole("columnheader", { name, exact: true });
    const edges = await header.evaluate((th) => {
      const label = th.querySelector(".fui-TableHeaderCell__button") ?? th;
      const range = document.createRange();
      range.selectNodeContents(label);
      const style = getComputedStyle(th);
      return {
        text: range.getBoundingClientRect().right,
        cell: th.getBoundingClientRect().right - parseFloat(style.paddingRight),
      };
    });
    expect(Math.abs(edges.cell - edges.text), name).toBeLessThanOrEqual(2);
  }
  const fits = await page.getByTestId("pane-body").evaluate((body) => {
    const table = body.querySelector('[data-testid="best-ranking"]');
    return {
      pane: body.clientWidth,
      table: table?.scrollWidth ?? Infinity,
      box: table?.parentElement?.clientWidth ?? 0,
    };
  });
  expect(fits.table).toBeLessThanOrEqual(fits.box);
  expect(fits.box).toBeLessThanOrEqual(fits.pane);
  expect(await sideScrollers(page)).toEqual([]);
  await ranking.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "tests/e2e/screenshots/narrow-best.png" });
});

test.describe("forced colours", () => {
  test.use({ forcedColors: "active" });

  test("Check tells errors and warnings apart by icon and word, both visible", async ({ page }) => {
    await page.goto("/playground.html?pane=320");
    expect(await page.evaluate(() => matchMedia("(forced-colors: active)").matches)).toBe(true);
    await page.getByTestId("tab-check").click();
    await expect(page.getByTestId("check-summary")).toBeVisible();
    for (const severity of ["error", "warning"] as const) {
      const item = page.locator(`[data-testid="issue-item"][data-severity="${severity}"]`).first();
      const mark = item.getByTestId("issue-severity");
      await expect(mark).toBeVisible();
      await expect(mark).toHaveText(severity === "error" ? "Error" : "Warning");
      const icon = mark.locator("svg");
      await expect(icon).toBeVisible();
      const drawn = await icon.evaluate((svg) => {
        const box = svg.getBoundingClientRect();
        const style = getComputedStyle(svg);
        return { w: box.width, h: box.height, fill: style.fill, color: getComputedStyle(svg.parentElement!).color };
      });
      expect(drawn.w).toBeGreaterThan(8);
      expect(drawn.h).toBeGreaterThan(8);
      // Drawn in the text colour the system picks, never transparent.
      expect(drawn.fill).toBe(drawn.color);
      expect(drawn.fill).not.toBe("rgba(0, 0, 0, 0)");
    }
    await page.screenshot({ path: "tests/e2e/screenshots/forced-colors-check.png" });
  });
});

test("Validate moves focus to the summary and announces it", async ({ page }) => {
  await page.goto("/playground.html");
  await page.getByTestId("tab-check").click();
  await expect(page.getByTestId("check-summary")).toBeVisible();
  await page.getByTestId("validate").click();
  await expect(page.getByTestId("check-summary")).toBeFocused();
  await expect(page.getByTestId("live-region")).toHaveText(/\d+ errors?, \d+ warnings? in \d+ runs\./);
});
