/**
 * The pane's section tabs follow the WAI-ARIA tabs pattern with manual activation
 * (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/): one tab in the Tab order, arrows and Home/End
 * move focus, Enter or Space selects, the panel is labelled by the selected tab.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const SHOTS = "tests/e2e/screenshots";

test("section tabs: roving focus, arrows and Home/End move, Enter selects, the panel names its tab", async ({
  page,
}) => {
  await page.goto("/playground.html");
  const pane = page.getByTestId("runsheet-pane");
  await expect(pane.getByTestId("tracker-status")).toBeVisible();
  const tabs = pane.getByRole("tab");
  await expect(tabs).toHaveCount(7);
  // Exactly one tab is reachable with Tab: the selected one.
  await expect(pane.locator('[role="tab"][tabindex="0"]')).toHaveCount(1);
  await expect(pane.getByTestId("tab-runs")).toHaveAttribute("tabindex", "0");
  await expect(pane.getByRole("tabpanel", { name: "Runs" })).toBeVisible();

  await pane.getByTestId("tab-runs").focus();
  await page.keyboard.press("ArrowRight");
  await expect(pane.getByTestId("tab-log")).toBeFocused();
  // Focus moved; the selection did not (manual activation).
  await expect(pane.getByTestId("tab-runs")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(pane.getByTestId("tab-environments")).toBeFocused();
  await page.keyboard.press("Home");
  await expect(pane.getByTestId("tab-runs")).toBeFocused();
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(pane.getByTestId("tab-best")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(pane.getByTestId("tab-best")).toHaveAttribute("aria-selected", "true");
  await expect(pane.getByTestId("tab-runs")).toHaveAttribute("aria-selected", "false");
  await expect(pane.getByTestId("tab-best")).toHaveAttribute("tabindex", "0");
  await expect(pane.getByRole("tabpanel", { name: "Best" })).toBeVisible();
  await expect(pane.getByTestId("best-metric")).toBeVisible();

  // Space selects too, and a tab keeps its width when its label turns semibold.
  const before = await pane.getByTestId("tab-check").boundingBox();
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press(" ");
  await expect(pane.getByTestId("tab-check")).toHaveAttribute("aria-selected", "true");
  const after = await pane.getByTestId("tab-check").boundingBox();
  expect(after?.width).toBe(before?.width);

  // Leaving the list and tabbing back lands on the selected tab, not the last focused one.
  await page.keyboard.press("ArrowRight");
  await expect(pane.getByTestId("tab-import")).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Shift+Tab");
  await expect(pane.getByTestId("tab-check")).toBeFocused();
  await pane.locator('[role="tablist"]').screenshot({ path: `${SHOTS}/pane-tabs-check-selected.png` });
});

for (const theme of ["dark", "contrast"] as const) {
  test(`section tabs pass axe's WCAG 2 A/AA rules in the ${theme} theme`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto(`/playground.html?theme=${theme}`);
    const pane = page.getByTestId("runsheet-pane");
    await expect(pane.getByTestId("tracker-status")).toBeVisible();
    await pane.getByTestId("tab-best").click();
    await expect(pane.getByTestId("best-metric")).toBeVisible();
    const result = await new AxeBuilder({ page })
      .include('[data-testid="runsheet-pane"] [role="tablist"]')
      .withTags(["wcag2a", "wcag2aa"])
      .analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await pane.locator('[role="tablist"]').screenshot({ path: `${SHOTS}/pane-tabs-${theme}.png` });
  });
}
