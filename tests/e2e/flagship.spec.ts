import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

const FLAGSHIP = "/analysis/the-end-of-the-blank-check";
const seed = readFileSync(path.join(__dirname, "../fixtures/flagship-seed.txt"), "utf8")
  .split("\n")
  .map((line) => line.trim())
  .filter(Boolean);
const [title = "", ...lines] = seed;

const normalise = (text: string) => text.replace(/\s+/g, " ").trim();

test.describe("the flagship op-ed, word for word", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(FLAGSHIP);
  });

  test("shows its title as the page heading", async ({ page }) => {
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page).toHaveTitle(new RegExp(`^${title.replace(/[:]/g, ".")}`));
  });

  test("contains every line of the seed text", { tag: "@smoke" }, async ({ page }) => {
    const text = normalise((await page.locator("main").textContent()) ?? "");
    for (const line of lines) {
      // List items start with "- " in the seed: the page shows them as list items.
      expect(text, `missing: ${line}`).toContain(normalise(line.replace(/^- /, "")));
    }
  });

  test("has its four section headings and the FAQ heading, in order", async ({ page }) => {
    const headings = page.locator("article h2");
    await expect(headings.first()).toBeVisible();
    const names = (await headings.allTextContents()).map(normalise);
    const expected = [
      "The Blueprint for “Iron Independence”",
      "From Dependency to Partnership",
      "The Global Trend: Strategic Decoupling in Defense",
      "The Economic Engine of Sovereignty",
      "FAQ: Understanding Strategic Defense Autonomy",
    ];
    expect(names.filter((name) => expected.includes(name))).toEqual(expected);
  });

  test("lists the three regions as list items", async ({ page }) => {
    const items = page.locator(".article-body ul > li");
    await expect(items).toHaveCount(3);
    for (const line of lines.filter((candidate) => candidate.startsWith("- "))) {
      await expect(items.filter({ hasText: line.slice(2, 30) })).toHaveText(line.slice(2));
    }
  });

  test("links the Middle East analysis to a real article on this site", async ({ page }) => {
    const link = page.getByRole("link", {
      name: "see our analysis on the evolving security architecture of the Middle East",
    });
    await link.click();
    await expect(page).toHaveURL(
      /\/analysis\/the-evolving-security-architecture-of-the-middle-east$/,
    );
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "The Evolving Security Architecture of the Middle East",
    );
  });

  test("links SIPRI to its publications", async ({ page }) => {
    const link = page.getByRole("link", {
      name: /Stockholm International Peace Research Institute/,
    });
    await expect(link).toHaveAttribute("href", "https://www.sipri.org/publications");
    await expect(link).toHaveAttribute("rel", /noopener/);
  });

  test("leads the closing call to the comments and newsletter sections", async ({ page }) => {
    await page.getByRole("link", { name: "comments below" }).click();
    await expect(page).toHaveURL(/#comments$/);
    await expect(page.getByRole("heading", { name: /^Comments/ })).toBeInViewport();

    await page.getByRole("link", { name: "newsletter", exact: true }).click();
    await expect(page).toHaveURL(/#newsletter$/);
    await expect(page.getByRole("region", { name: "Newsletter" })).toBeVisible();
  });

  test("shows the kind, author, date, reading time and topics", async ({ page }) => {
    const header = page.locator("article header").first();
    await expect(header).toContainText("Op-ed");
    await expect(header).toContainText("The Strategic Ledger");
    await expect(header.locator("time")).toHaveAttribute("datetime", "2026-11-24");
    await expect(header).toContainText("4 min read");
    await expect(page.getByRole("list", { name: "Topics" }).getByRole("link")).toHaveText([
      "Strategic Autonomy",
      "Defense Industry",
      "Israel",
      "United States",
    ]);
  });
});
