import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import {
  APP_PORT,
  APP_URL,
  AUTH_SECRET,
  E2E_BUILD_DIR,
  E2E_DATA_DIR,
  E2E_DATABASE,
  MAIL_HTTP_PORT,
  MAIL_URL,
  MODERATOR_EMAIL,
  OIDC_ISSUER,
  OIDC_NAME,
  OIDC_PORT,
  SMTP_PORT,
} from "./tests/e2e/support/env";

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

const reuseExistingServer = !process.env.CI;

// Every server the tests start, here and in the tests themselves, runs the tests' own build.
process.env.NEXT_DIST_DIR = E2E_BUILD_DIR;

export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/support/skips.ts",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // On CI a test that fails once is run once more and, if it then passes, reported as
  // "flaky" in the list (not hidden): a two-core machine running the build, three servers
  // and two browsers at once has slow moments that are not the site's. A test that fails
  // twice fails the run. Locally nothing is retried, so a flaky test shows itself.
  retries: process.env.CI ? 1 : 0,
  // Many tests are whole conversations (three readers signing in, a moderator, mail); on two
  // cores beside the other servers one can take 30 s without anything being wrong.
  timeout: 60_000,
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      grepInvert: /@quiet/,
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
    // Tests that compare timings (a signup's, a page's under a lock or with hostile comments)
    // run once everything else has finished, so that other tests' load does not blur them.
    {
      name: "quiet",
      grep: /@quiet/,
      dependencies: ["chromium"],
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
  ],
  webServer: [
    {
      command: "node tests/support/mail-sink.mjs",
      url: `${MAIL_URL}/health`,
      env: { MAIL_SINK_SMTP_PORT: String(SMTP_PORT), MAIL_SINK_HTTP_PORT: String(MAIL_HTTP_PORT) },
      reuseExistingServer,
    },
    {
      command: "node tests/support/oidc-provider.mjs",
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      env: { OIDC_PORT: String(OIDC_PORT) },
      reuseExistingServer,
    },
    {
      // The production build, on a throwaway database, with SITE_URL pointing at itself so
      // that absolute URLs in metadata and mail can be followed.
      command: `rm -rf ${E2E_DATA_DIR} && npm run build && npm start`,
      url: `${APP_URL}/api/health`,
      env: {
        PORT: String(APP_PORT),
        SITE_URL: APP_URL,
        DATABASE_URL: `file:${E2E_DATABASE}`,
        DATA_DIR: E2E_DATA_DIR,
        EMAIL_SERVER: `smtp://127.0.0.1:${SMTP_PORT}`,
        EMAIL_FROM: "The Strategic Ledger <news@ledger.test>",
        AUTH_SECRET,
        AUTH_OIDC_ISSUER: OIDC_ISSUER,
        AUTH_OIDC_ID: "ledger-e2e",
        AUTH_OIDC_SECRET: "ledger-e2e-secret",
        AUTH_OIDC_NAME: OIDC_NAME,
        // GitHub cannot be reached from the tests; its settings make its button appear.
        AUTH_GITHUB_ID: "e2e-github-client",
        AUTH_GITHUB_SECRET: "e2e-github-secret",
        ADMIN_EMAILS: MODERATOR_EMAIL,
        NEXT_TELEMETRY_DISABLED: "1",
      },
      timeout: 300_000,
      reuseExistingServer,
      stdout: "pipe",
    },
  ],
});
