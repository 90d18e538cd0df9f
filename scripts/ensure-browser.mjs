#!/usr/bin/env node
/**
 * The end-to-end tests use the system's Chromium where there is one (/usr/bin/chromium, as
 * on CI, which cannot download browsers); elsewhere Playwright's own, fetched once here.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

if (existsSync("/usr/bin/chromium") || existsSync(chromium.executablePath())) process.exit(0);
console.log("No Chromium found: installing Playwright's (once).");
const result = spawnSync("npx", ["playwright", "install", "chromium"], { stdio: "inherit" });
process.exit(result.status ?? 1);
