import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = 3100;
const BASE_URL = `http://localhost:${PORT}`;

/**
 * Debian's Chromium where the machine has it (CI here cannot download browsers);
 * elsewhere Playwright's own, installed with `npx playwright install chromium`.
 */
const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const launchOptions = existsSync(SYSTEM_CHROMIUM)
  ? {
      executablePath: SYSTEM_CHROMIUM,
      args: [
        ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
        "--disable-background-networking",
        "--disable-component-update",
      ],
    }
  : {};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions } }],
  webServer: {
    // The production build, on a throwaway database, with SITE_URL pointing at itself so
    // that absolute URLs in metadata can be followed.
    command: "rm -rf .tmp/e2e && npm run build && npm start",
    url: `${BASE_URL}/api/health`,
    env: {
      PORT: String(PORT),
      SITE_URL: BASE_URL,
      DATABASE_URL: "file:.tmp/e2e/site.db",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
  },
});
