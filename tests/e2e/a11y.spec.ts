/**
 * Accessibility: axe-core's WCAG 2 A/AA rules on the task pane, each tab,
 * in Debian's Chromium.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

/** Each tab and an element that shows it has finished its first render. */
const tabs = {
  runs: "tracker-status",
  log: "logrun-submit",
  check: "check-summary",
  import: "import-text",
  best: "best-metric",
  compare: "compare-search",
} as const;

for (const [tab, ready] of Object.entries(tabs)) {
  test(`the ${tab} tab has no WCAG 2 A/AA violations`, async ({ page }) => {
    // Colour contrast is judged on the settled state: no transition caught half-way.
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto("/playground.html");
    await page.addStyleTag({
      content: "*, *::before, *::after { transition: none !important; animation: none !important; }",
    });
    await page.getByTestId(`tab-${tab}`).click();
    await expect(page.getByTestId(ready)).toBeVisible();
    if (tab === "best") await expect(page.getByTestId("find-best")).toBeEnabled();
    const result = await new AxeBuilder({ page })
      .include('[data-testid="runsheet-pane"]')
      // Fluent's focus manager (tabster) inserts aria-hidden <i tabindex=0 data-tabster-dummy> sentinels
      // that hand focus on at once; axe's aria-hidden-focus flags them, not our markup.
      .exclude("[data-tabster-dummy]")
      .withTags(["wcag2a", "wcag2aa"])
      .analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}
