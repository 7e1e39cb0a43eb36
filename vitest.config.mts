import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Only the unit folders: Playwright's *.spec.ts files in tests/e2e must not be picked up here.
    include: ["tests/{core,excel,sim,cli,taskpane,scripts,lint,bench}/**/*.test.{ts,tsx}"],
    environment: "node",
    testTimeout: 30_000,
    pool: "forks",
  },
});
