import { expect, test, type APIRequestContext } from "@playwright/test";

const ARTICLES = [
  "/analysis/the-end-of-the-blank-check",
  "/analysis/the-evolving-security-architecture-of-the-middle-east",
  "/analysis/europes-defence-industrial-strategy",
];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer) {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function expectSocialPng(request: APIRequestContext, url: string) {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  expect(pngSize(await response.body())).toEqual({ width: 1200, height: 630 });
}

for (const path of ARTICLES) {
  test(`${path} has complete sharing metadata and a 1200×630 image`, async ({ page, request }) => {
    await page.goto(path);
    const meta = (key: string) =>
      page.locator(`meta[property="${key}"], meta[name="${key}"]`).first().getAttribute("content");
    const title = await page.getByRole("heading", { level: 1 }).textContent();

    expect(await meta("og:type")).toBe("article");
    expect(await meta("og:title")).toBe(title);
    expect(await meta("og:url")).toBe(`http://localhost:3100${path}`);
    expect(await meta("og:site_name")).toBe("The Strategic Ledger");
    expect(await meta("og:description")).toBeTruthy();
    expect(await meta("description")).toBe(await meta("og:description"));
    expect(await meta("article:published_time")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await meta("twitter:card")).toBe("summary_large_image");
    expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toBe(
      `http://localhost:3100${path}`,
    );

    const ogImage = await meta("og:image");
    const twitterImage = await meta("twitter:image");
    expect(ogImage).toBe(`http://localhost:3100${path}/social.png`);
    expect(twitterImage).toBe(ogImage);
    // Described by the article's own title, not a text shared by every article.
    expect(await meta("og:image:alt")).toBe(title);
    expect(await meta("twitter:image:alt")).toBe(title);
    await expectSocialPng(request, ogImage!);
    await expectSocialPng(request, twitterImage!);
  });
}

test("the home page has the site-wide social image", async ({ page, request }) => {
  await page.goto("/");
  const image = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(image).toMatch(/^http:\/\/localhost:3100\/opengraph-image/);
  await expectSocialPng(request, image!);
});

test("social images exist only for real articles", async ({ request }) => {
  const response = await request.get("/analysis/made-up-title/social.png");
  expect(response.status()).toBe(404);
});

test("the RSS feed parses and lists every article with title, link, summary and date", async ({
  page,
  request,
}) => {
  const response = await request.get("/feed.xml");
  expect(response.headers()["content-type"]).toContain("application/rss+xml");
  const xml = await response.text();
  await page.goto("/");
  const items = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "application/xml");
    if (doc.querySelector("parsererror")) throw new Error("feed is not well-formed XML");
    if (doc.documentElement.getAttribute("version") !== "2.0") throw new Error("not RSS 2.0");
    return [...doc.querySelectorAll("channel > item")].map((item) => ({
      title: item.querySelector("title")?.textContent,
      link: item.querySelector("link")?.textContent,
      description: item.querySelector("description")?.textContent,
      pubDate: item.querySelector("pubDate")?.textContent,
      // getElementsByTagNameNS: the full text is in the content module's namespace.
      full: item.getElementsByTagNameNS("http://purl.org/rss/1.0/modules/content/", "encoded")[0]
        ?.textContent,
    }));
  }, xml);
  expect(items).toHaveLength(ARTICLES.length);
  expect(items[0]).toMatchObject({
    title:
      "The End of the Blank Check: Why Strategic Defense Independence is the Modern Global Currency",
    link: "http://localhost:3100/analysis/the-end-of-the-blank-check",
    pubDate: "Tue, 24 Nov 2026 00:00:00 GMT",
  });
  for (const item of items) expect(item.description).toBeTruthy();
  // The full text, as on the page, with its links absolute and nothing that runs.
  expect(items[0]!.full).toContain("The Blueprint for “Iron Independence”");
  expect(items[0]!.full).toContain('href="http://localhost:3100/analysis/');
  expect(items[0]!.full).not.toMatch(/<script|href="\//);
});

test("each topic has a feed of its own, advertised by its page", async ({ page, request }) => {
  await page.goto("/topics/middle-east");
  const link = page.locator('link[rel="alternate"][type="application/rss+xml"]');
  await expect(link.last()).toHaveAttribute("href", /\/topics\/middle-east\/feed\.xml$/);
  await page.getByRole("link", { name: "Follow Middle East by RSS" }).click();
  const xml = await (await request.get("/topics/middle-east/feed.xml")).text();
  const titles = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "application/xml");
    if (doc.querySelector("parsererror")) throw new Error("feed is not well-formed XML");
    return [...doc.querySelectorAll("channel > item > title")].map((title) => title.textContent);
  }, xml);
  expect(titles).toContain("The Evolving Security Architecture of the Middle East");
  expect(titles).not.toContain("Europe’s Defence-Industrial Strategy: Targets Before Capacity");
});

test("the sitemap parses and lists the articles and topics", async ({ page, request }) => {
  const xml = await (await request.get("/sitemap.xml")).text();
  await page.goto("/");
  const urls = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "application/xml");
    if (doc.querySelector("parsererror")) throw new Error("sitemap is not well-formed XML");
    return [...doc.getElementsByTagName("loc")].map((loc) => loc.textContent);
  }, xml);
  for (const path of ["/", ...ARTICLES, "/topics/middle-east"]) {
    expect(urls).toContain(`http://localhost:3100${path}`);
  }
});

test("robots.txt allows crawling and points at the sitemap", async ({ request }) => {
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/User-Agent: \*/i);
  expect(robots).toMatch(/^Allow: \/$/m);
  expect(robots).toContain("Sitemap: http://localhost:3100/sitemap.xml");
});
