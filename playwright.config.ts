import { defineConfig } from "@playwright/test";
// Debian's Chromium with the flags this workplace requires; Playwright never downloads a browser.
import { launchOptions } from "./scripts/chromium.mjs";

// E2E_PORT lets several checkouts run their browser tests side by side.
const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions,
    ignoreHTTPSErrors: true,
    viewport: { width: 1400, height: 860 },
  },
  webServer: {
    command: `node scripts/serve-dist.mjs dist`,
    url: `http://127.0.0.1:${port}/index.html`,
    env: { PORT: String(port) },
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
