import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { FLAGSHIP } from "./support/env";
import { removeDataDir, startServer, type RunningServer } from "./support/server";

const FLAGSHIP_TITLE =
  "The End of the Blank Check: Why Strategic Defense Independence is the Modern Global Currency";

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("a reader searches from the header and finds the flagship first, words marked", async ({
      page,
    }) => {
      await page.goto(FLAGSHIP);
      const header = page.getByRole("banner");
      await header.getByRole("searchbox", { name: "Search" }).fill("Iron Beam");
      await header.getByRole("button", { name: "Search" }).click();
      await expect(page).toHaveURL(/\/search\?q=Iron\+Beam$/);
      await expect(page.locator("#results-heading")).toHaveText(/^\d+ pieces? for “Iron Beam”$/);
      const first = page.getByRole("listitem").first();
      await expect(first.getByRole("heading", { level: 3 })).toHaveText(FLAGSHIP_TITLE);
      await expect(first.locator("mark").first()).toHaveText(/^(Iron|Beam)/);
      await expect(page).toHaveTitle(/^Search: Iron Beam/);
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    });

    test("a misspelt word still finds its piece, and filters narrow the results", async ({
      page,
    }) => {
      await page.goto("/search?q=sovereignity");
      await expect(page.getByRole("listitem").first().getByRole("heading")).toHaveText(
        FLAGSHIP_TITLE,
      );
      await page.getByLabel("Kind").selectOption({ label: "Analysis" });
      await page.getByRole("main").getByRole("button", { name: "Search" }).click();
      await expect(page).toHaveURL(/kind=analysis/);
      await expect(page.getByRole("main")).not.toContainText(FLAGSHIP_TITLE);
    });
  });
}

test("on a phone the header's search leads to the search page's box", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto("/");
  await page.getByRole("banner").getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("heading", { name: "Search", level: 1 })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Search the analyses" })).toBeVisible();
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    ),
  ).toBe(0);
});

test("hostile queries are answered safely: markup as text, 10,000 characters refused, undecodable bytes", async ({
  page,
  request,
}) => {
  await page.goto(`/search?q=${encodeURIComponent("<script>window.hacked=1</script>")}`);
  await expect(page.locator("#results-heading")).toContainText("<script>window.hacked=1</script>");
  expect(await page.evaluate(() => "hacked" in window)).toBe(false);

  const long = await request.get(`/search?q=${"a".repeat(10_000)}`);
  expect(long.status()).toBe(400);
  expect(await long.text()).toContain("a search takes at most 200");

  const bytes = await request.get("/search?q=%ff");
  expect(bytes.status()).toBe(200);

  const empty = await request.get("/search?q=%20%20");
  expect(empty.status()).toBe(200);
  expect(await empty.text()).not.toContain("Nothing found");
});

test.describe("a search with more than one page of results", () => {
  // One server for both tests: in parallel, each worker would start its own on the same port.
  test.describe.configure({ mode: "serial" });
  /** A server whose content folder (CONTENT_DIR) is the site's plus 25 pieces on one word. */
  let server: RunningServer;
  let contentRoot: string;

  test.beforeAll(async () => {
    contentRoot = await mkdtemp(path.join(tmpdir(), "ledger-search-"));
    const content = path.join(contentRoot, "content");
    await cp(path.resolve("content"), content, { recursive: true });
    for (let index = 1; index <= 25; index++) {
      await writeFile(
        path.join(content, `quillwort-note-${index}.md`),
        `---\ntitle: "Quillwort note ${index}"\ndek: "Number ${index}."\nkind: analysis\nauthor: "A Botanist"\npublished: 2026-10-${String(index).padStart(2, "0")}\ntopics: [Europe]\n---\n\nOn quillwort, note ${index}.\n`,
      );
    }
    server = await startServer(3119, { env: { CONTENT_DIR: content } });
  });

  test.afterAll(async () => {
    await server?.stop();
    if (server) await removeDataDir(server);
    await rm(contentRoot, { recursive: true, force: true });
  });

  for (const javaScriptEnabled of [true, false]) {
    test(`pages by twenty, the next page from its link, JavaScript ${javaScriptEnabled ? "on" : "off"}`, async ({
      browser,
    }) => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${server.url}/search?q=quillwort`);
      await expect(page.locator("#results-heading")).toHaveText("25 pieces for “quillwort”");
      const results = page.getByRole("main").getByRole("listitem");
      await expect(results).toHaveCount(20);
      await page.getByRole("link", { name: "More results →" }).click();
      await expect(page).toHaveURL(`${server.url}/search?q=quillwort&page=2`);
      await expect(results).toHaveCount(5);
      await expect(page.getByRole("link", { name: "← Previous results" })).toBeVisible();
      await context.close();
    });
  }
});
