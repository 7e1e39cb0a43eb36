/* global window, HTMLTextAreaElement */
// Browser cases of the bench, on the production build in dist/ served over http:
// - bundle: the gzip size of the task pane's JavaScript that loads before its first tab is
//   interactive (every .js the page requests until then, office.js excluded: Office provides it);
// - ui-longest-task: the longest main-thread task (PerformanceObserver "longtask") in the
//   playground while loading the 5,000-run workbook, checking, ranking, pasting and importing
//   50,000 rows. Each step's longest task is kept too, so a regression names its step.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { launchOptions } from "../scripts/chromium.mjs";

/** gzip -9 size of a built file, as a server compresses static assets. */
function gzipBytes(dist, urlPath) {
  return gzipSync(readFileSync(join(dist, urlPath)), { level: 9 }).length;
}

/** Initial pane JS: the .js files the task pane requests until its first tab is interactive. */
export async function measureBundle(baseURL, dist) {
  const browser = await chromium.launch(launchOptions);
  try {
    const page = await browser.newPage();
    // Outside Excel the pane shows only a hint; a stand-in office.js reporting an Excel host (and
    // an Excel.run that never answers) makes it render its first tab, so the chunks that tab
    // loads at start are counted too.
    await page.route("**/office.js", (route) =>
      route.fulfill({
        contentType: "text/javascript",
        body: `window.Office = { HostType: { Excel: "Excel" }, context: { requirements: { isSetSupported: () => true } },
          onReady: (cb) => Promise.resolve(cb ? cb({ host: "Excel", platform: "OfficeOnline" }) : { host: "Excel" }),
          actions: { associate: () => {} } };
          // The pane reads its settings and status with Excel.run as it starts; here they never
          // answer, so what is counted is what loads before any workbook data arrives.
          window.Excel = { run: () => new Promise(() => {}) };`,
      }),
    );
    const scripts = new Set();
    page.on("request", (req) => {
      const path = new URL(req.url()).pathname;
      if (path.endsWith(".js") && !path.includes("/assets/office/")) scripts.add(path);
    });
    await page.goto(`${baseURL}/taskpane.html`);
    await page.getByTestId("runsheet-pane").waitFor({ timeout: 30_000 });
    await page.waitForLoadState("networkidle");
    const files = [...scripts].sort().map((p) => ({ file: p.slice(1), gzip: gzipBytes(dist, p) }));
    return { bytes: files.reduce((s, f) => s + f.gzip, 0), files };
  } finally {
    await browser.close();
  }
}

/** CSV of `rows` runs in the default schema's columns, as a training script prints them. */
function importCsv(rows) {
  const lines = ["run_id,experiment,model,dataset,n_images,layers,learning_rate,seed,status,accuracy,val_loss"];
  for (let i = 0; i < rows; i++) {
    lines.push(
      [
        `bench-${i}`,
        `exp${100 + (i % 7)}`,
        // Choices of the 5,000-run workbook's schema: the preview is validated against it before Import.
        ["mlp-1x256", "cnn-small"][i % 2],
        "dogs-vs-cats-2k",
        1000 * (1 + (i % 3)),
        1 + (i % 4),
        [0.01, 0.001][i % 2],
        i,
        "finished",
        (0.7 + ((i * 37) % 300) / 1000).toFixed(4),
        (0.2 + ((i * 53) % 300) / 1000).toFixed(4),
      ].join(","),
    );
  }
  return lines.join("\n");
}

/** Runs the playground scenario and returns the longest task overall and per step (ms). */
export async function measureLongestTask(baseURL) {
  const browser = await chromium.launch(launchOptions);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: "longtask", buffered: true });
    });
    await page.goto(`${baseURL}/playground.html`);
    await page.getByTestId("runsheet-pane").waitFor({ timeout: 30_000 });
    const marks = [];
    const step = async (name, fn) => {
      marks.push({ name, start: await page.evaluate(() => performance.now()) });
      await fn();
    };
    await step("load 5,000-run workbook", async () => {
      await page.evaluate(() => window.__runsheetPlayground.loadLarge());
      await page.getByTestId("runsheet-pane").waitFor();
    });
    await step("check", async () => {
      await page.getByTestId("tab-check").click();
      await page
        .getByTestId("check-summary")
        .filter({ hasText: /5,?000 runs/ })
        .waitFor({ timeout: 60_000 });
    });
    await step("rank (find best)", async () => {
      await page.getByTestId("tab-best").click();
      await page.getByTestId("find-best").click();
      await page.getByTestId("best-verdict").waitFor({ timeout: 60_000 });
    });
    await step("paste 50,000 rows", async () => {
      await page.getByTestId("tab-import").click();
      const text = importCsv(50_000);
      await page.getByTestId("import-text").evaluate((el, value) => {
        const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set;
        setter?.call(el, value);
        el.dispatchEvent(new Event("input", { bubbles: true }));
      }, text);
      await page
        .getByTestId("import-summary")
        .filter({ hasText: /50,?000/ })
        .waitFor({ timeout: 120_000 });
    });
    await step("import 50,000 rows", async () => {
      const validOnly = page.getByTestId("valid-only");
      if (!(await validOnly.isChecked())) await validOnly.check();
      await page.getByTestId("import-button").click();
      await page.getByTestId("import-notice").waitFor({ timeout: 180_000 });
    });
    // Let the last tasks end and be reported.
    await page.waitForTimeout(1500);
    const end = await page.evaluate(() => performance.now());
    const tasks = await page.evaluate(() => window.__longTasks);
    const steps = marks.map((m, i) => {
      const until = marks[i + 1]?.start ?? end;
      const inStep = tasks.filter((t) => t.start >= m.start && t.start < until);
      return {
        step: m.name,
        longest_ms: Math.round(Math.max(0, ...inStep.map((t) => t.duration))),
        long_tasks: inStep.length,
      };
    });
    return { longest: Math.round(Math.max(0, ...tasks.map((t) => t.duration))), steps };
  } finally {
    await browser.close();
  }
}
