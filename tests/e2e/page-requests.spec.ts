import type { Page, Request } from "@playwright/test";
import { ARTICLES } from "./support/comments";
import { FLAGSHIP } from "./support/env";
import { expect, test } from "./support/readers";

/**
 * A reader who came to read one article costs the server that article: the document, its
 * styles, font and scripts. Links are prefetched when the reader points at them, never for
 * being scrolled past.
 */
function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on("request", (request) => requests.push(request));
  return requests;
}

/**
 * A request the page itself needs: the document, a build asset, the site icon, and an image
 * the reader scrolled to (a related analysis's lead image, loaded lazily).
 */
function needed(request: Request): boolean {
  const url = new URL(request.url());
  if (request.resourceType() === "document") return url.pathname === FLAGSHIP && !url.search;
  if (request.resourceType() === "image" && url.pathname.startsWith("/media/")) return true;
  return url.pathname.startsWith("/_next/static/") || url.pathname === "/icon.svg";
}

/** A prefetch of a page's payload (React Server Components), by query or header. */
/**
 * A barrier for "nothing was requested": Next.js schedules a link's prefetch when the
 * browser is idle after the link scrolls into view, so once two idle periods have passed and
 * the network is quiet, any prefetch would have been requested.
 */
async function browserIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestIdleCallback(() => requestIdleCallback(() => resolve(), { timeout: 2_000 }), {
          timeout: 2_000,
        }),
      ),
  );
}

async function isPrefetch(request: Request): Promise<boolean> {
  const headers = await request.allHeaders();
  return new URL(request.url()).searchParams.has("_rsc") || headers.rsc === "1";
}

test("an anonymous page view requests only what the page needs, though every link is scrolled past", async ({
  page,
}) => {
  const requests = recordRequests(page);
  await page.goto(FLAGSHIP);
  await page.waitForLoadState("networkidle");
  // Every link of the page passes through the viewport: header, topics, body, related, footer.
  for (let y = 0; y < 20; y++) {
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(50);
  }
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await browserIdle(page);
  await page.waitForLoadState("networkidle");

  const unrequested = requests
    .filter((request) => !needed(request))
    .map((request) => request.url());
  expect(unrequested, "requests the reader did not ask for").toEqual([]);
  const prefetches = [];
  for (const request of requests) if (await isPrefetch(request)) prefetches.push(request.url());
  expect(prefetches).toEqual([]);
  expect(requests.filter((request) => request.resourceType() === "document")).toHaveLength(1);
});

test("pointing at a related analysis prefetches it, and it then opens without a full reload", async ({
  page,
}) => {
  const requests = recordRequests(page);
  await page.goto(FLAGSHIP);
  await page.waitForLoadState("networkidle");
  const related = page
    .getByRole("region", { name: "Related analysis" })
    .getByRole("link", { name: /Middle East/ });
  await related.scrollIntoViewIfNeeded();
  await browserIdle(page);
  await page.waitForLoadState("networkidle");
  expect(requests.filter((request) => request.url().includes("_rsc="))).toEqual([]);

  await related.hover();
  await expect
    .poll(
      async () => {
        for (const request of requests) {
          if (request.url().includes(ARTICLES.middleEast) && (await isPrefetch(request)))
            return true;
        }
        return false;
      },
      { message: "a prefetch of the related analysis" },
    )
    .toBe(true);
  await related.click();
  await expect(page).toHaveURL(ARTICLES.middleEast);
  expect(requests.filter((request) => request.resourceType() === "document")).toHaveLength(1);
});

test("every script a page starts with is marked for eager compilation, so V8 compiles it off the main thread", async ({
  page,
}) => {
  const scripts: Promise<{ url: string; source: string }>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script")
      scripts.push(response.text().then((source) => ({ url: response.url(), source })));
  });
  await page.goto(FLAGSHIP);
  await page.waitForLoadState("networkidle");
  const loaded = await Promise.all(scripts);
  expect(loaded.length).toBeGreaterThan(0);
  const lazy = loaded
    .filter(({ source }) => !source.startsWith("//# allFunctionsCalledOnLoad\n"))
    .map(({ url }) => url);
  expect(lazy, "scripts without the compile hint (npm run build adds it)").toEqual([]);
});

test("the document carries the stylesheet twice, in its <style> and in the payload React hydrates from, not a third time", async ({
  request,
}) => {
  const html = await (await request.get(FLAGSHIP)).text();
  // The first rule of the stylesheet, as the <style> and the payload (an escaped string)
  // both hold it. A third copy came from Next.js's built-in global error (scripts/lib/
  // global-error-styles.mjs).
  const copies = html.split("@font-face{font-family:sourceSerif").length - 1;
  expect(copies).toBe(2);
  await expect
    .soft(html.match(/<style[^>]*data-precedence/g) ?? [], "one inlined stylesheet")
    .toHaveLength(1);
});

test("the stylesheet holds utilities for the site's code, not for words in its articles and docs", async ({
  request,
}) => {
  const html = await (await request.get(FLAGSHIP)).text();
  const stylesheet = /<style[^>]*>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
  expect(stylesheet).toContain(".sr-only{");
  // Words of the articles' and docs' prose that are also Tailwind utilities, and that no
  // element of the site uses (app/globals.css names the folders Tailwind reads).
  for (const word of ["blur", "transform", "select-all"])
    expect(stylesheet, `.${word}`).not.toContain(`.${word}{`);
});
