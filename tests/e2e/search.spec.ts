import { expect, test } from "@playwright/test";
import { FLAGSHIP } from "./support/env";

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
