import { expect, test } from "@playwright/test";
import { FLAGSHIP } from "./support/env";

const DESK = "/authors/the-strategic-ledger";

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("the byline leads to the author's page: who they are, and their pieces", async ({
      page,
    }) => {
      await page.goto(FLAGSHIP);
      await page
        .getByRole("main")
        .getByRole("link", { name: "The Strategic Ledger", exact: true })
        .first()
        .click();
      await expect(page).toHaveURL(DESK);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("The Strategic Ledger");
      await expect(page.getByRole("main")).toContainText("Editorial desk");
      // The desk's photo is its mark, beside its name (so it has no text of its own), loaded.
      const photo = page
        .getByRole("main")
        .locator('img[src="/media/_authors/the-strategic-ledger.svg"]');
      await expect(photo).toHaveAttribute("alt", "");
      await expect
        .poll(() => photo.evaluate((image: HTMLImageElement) => image.naturalWidth))
        .toBeGreaterThan(0);
      await expect(page.getByRole("main")).toContainText("written and edited by its desk");
      await expect(page.getByRole("main").getByRole("listitem").first()).toBeVisible();
      const pieces = page.getByRole("main").getByRole("article");
      await expect(pieces).toHaveCount(3);
      await expect(
        page.locator('link[rel="alternate"][type="application/rss+xml"]').last(),
      ).toHaveAttribute("href", `http://localhost:3100${DESK}/feed.xml`);
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
        "href",
        `http://localhost:3100${DESK}`,
      );
    });
  });
}

test("every author is listed at /authors, linked from the footer", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Authors" }).click();
  await expect(page).toHaveURL("/authors");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Authors");
  await expect(page.getByRole("link", { name: /The Strategic Ledger.*3 pieces/ })).toHaveAttribute(
    "href",
    DESK,
  );
});

test("an author's feed carries their pieces in full, and parses", async ({ page, request }) => {
  const response = await request.get(`${DESK}/feed.xml`);
  expect(response.headers()["content-type"]).toContain("application/rss+xml");
  await page.goto("/");
  const items = await page.evaluate(
    async (source) => {
      const doc = new DOMParser().parseFromString(source, "application/xml");
      if (doc.querySelector("parsererror")) throw new Error("feed is not well-formed XML");
      return [...doc.querySelectorAll("channel > item")].map((item) => ({
        title: item.querySelector("title")?.textContent,
        creator: item.getElementsByTagName("dc:creator")[0]?.textContent,
        full: item.getElementsByTagName("content:encoded")[0]?.textContent ?? "",
      }));
    },
    await response.text(),
  );
  expect(items).toHaveLength(3);
  expect(items.every((item) => item.creator === "The Strategic Ledger")).toBe(true);
  expect(items.every((item) => item.full.length > 1000)).toBe(true);
});

test("the article names its author with their page in its structured data", async ({ page }) => {
  await page.goto(FLAGSHIP);
  const data = await page
    .locator('script[type="application/ld+json"]')
    .first()
    .evaluate((script) => JSON.parse(script.textContent ?? "{}") as { author: unknown });
  expect(data.author).toEqual([
    {
      "@type": "Organization",
      name: "The Strategic Ledger",
      url: "http://localhost:3100/authors/the-strategic-ledger",
    },
  ]);
});

test("an author's page names them with their photo in its structured data, and /authors shows it", async ({
  page,
}) => {
  await page.goto(DESK);
  const data = await page
    .locator('script[type="application/ld+json"]')
    .first()
    .evaluate((script) => JSON.parse(script.textContent ?? "{}") as { mainEntity: unknown });
  expect(data.mainEntity).toMatchObject({
    "@type": "Organization",
    name: "The Strategic Ledger",
    logo: "http://localhost:3100/media/_authors/the-strategic-ledger.svg",
  });
  await page.goto("/authors");
  const photo = page.getByRole("link", { name: /The Strategic Ledger/ }).locator("img");
  await expect(photo).toHaveAttribute("src", "/media/_authors/the-strategic-ledger.svg");
  const box = await photo.boundingBox();
  expect(box?.width).toBe(48);
  expect(box?.height).toBe(48);
});

test("an unknown author, their feed and a page past the end are 404s", async ({ request }) => {
  for (const path of ["/authors/nobody", "/authors/nobody/feed.xml", `${DESK}/page/2`]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  const first = await request.get(`${DESK}/page/1`, { maxRedirects: 0 });
  expect(first.status()).toBe(308);
  expect(first.headers().location).toBe(DESK);
});
