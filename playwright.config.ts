import { defineConfig } from "@playwright/test";
// Debian's Chromium with the flags this workplace requires; Playwright never downloads a browser.
import { launchOptions } from "./scripts/chromium.mjs";

const port = 3100;

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
