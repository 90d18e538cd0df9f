import { expect, test } from "@playwright/test";

test("the home page lists the latest analyses, newest first", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Latest analysis");
  await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveText([
    "The End of the Blank Check: Why Strategic Defense Independence is the Modern Global Currency",
    "The Evolving Security Architecture of the Middle East",
    "Europe’s Defence-Industrial Strategy: Targets Before Capacity",
  ]);
});

test("related analysis links lead to other articles, never the article itself", async ({
  page,
}) => {
  await page.goto("/analysis/the-end-of-the-blank-check");
  const related = page.getByRole("region", { name: "Related analysis" });
  const links = related.getByRole("heading").getByRole("link");
  // The author's pick first, then the piece sharing the most topics.
  await expect(links).toHaveText([
    "The Evolving Security Architecture of the Middle East",
    "Europe’s Defence-Industrial Strategy: Targets Before Capacity",
  ]);
  await links.first().click();
  await expect(page).toHaveURL(
    /\/analysis\/the-evolving-security-architecture-of-the-middle-east$/,
  );
  await expect(
    page.getByRole("region", { name: "Related analysis" }).getByRole("heading").getByRole("link"),
  ).toHaveText([
    "The End of the Blank Check: Why Strategic Defense Independence is the Modern Global Currency",
  ]);
});

test("topic pages list the articles on that topic", async ({ page }) => {
  await page.goto("/analysis/the-end-of-the-blank-check");
  await page.getByRole("list", { name: "Topics" }).getByRole("link", { name: "Israel" }).click();
  await expect(page).toHaveURL(/\/topics\/israel$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Israel");
  await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveCount(2);

  await page.goto("/topics/strategic-autonomy");
  await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveText([
    "The End of the Blank Check: Why Strategic Defense Independence is the Modern Global Currency",
    "Europe’s Defence-Industrial Strategy: Targets Before Capacity",
  ]);

  await page.goto("/topics/middle-east");
  await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveText([
    "The Evolving Security Architecture of the Middle East",
  ]);
});

test("the first page of a listing is its bare address, for the home page and a topic", async ({
  page,
}) => {
  for (const [path, target] of [
    ["/page/1", "/"],
    ["/topics/middle-east/page/1", "/topics/middle-east"],
  ]) {
    const response = await page.goto(path!);
    expect(new URL(response!.url()).pathname).toBe(target);
    expect(response!.status()).toBe(200);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
    expect(new URL(canonical!).pathname).toBe(target);
  }
});

test("the topics index links every topic", async ({ page }) => {
  await page.goto("/topics");
  await page.getByRole("link", { name: /Strategic Autonomy/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Strategic Autonomy");
});

for (const path of [
  "/analysis/does-not-exist",
  "/analysis/..%2f..%2fetc%2fpasswd",
  "/analysis/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  "/topics/not-a-topic",
  "/topics/middle-east/page/2",
  "/page/2",
  "/no/such/page",
  "/account/no-such-page",
]) {
  test(`${path} answers 404 with the site's own page`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(page.getByRole("link", { name: "Read the latest analysis" })).toBeVisible();
    await expect(page.getByRole("main")).toHaveCount(1);
    await expect(
      page.getByRole("banner").getByRole("link", { name: "The Strategic Ledger" }),
    ).toBeVisible();
  });
}

test("health answers ok while the database answers", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});

test("responses carry the security headers", async ({ request }) => {
  const response = await request.get("/analysis/the-end-of-the-blank-check");
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  for (const directive of [
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "default-src 'self'",
  ]) {
    expect(csp).toContain(directive);
  }
  expect(csp).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["strict-transport-security"]).toContain("max-age=");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("the article page is prerendered, not rendered per request", async ({ request }) => {
  const response = await request.get("/analysis/the-end-of-the-blank-check");
  expect(
    response.headers()["x-nextjs-cache"] ?? response.headers()["x-nextjs-prerender"],
  ).toBeTruthy();
});

test("/analysis on its own leads to the list of analyses", async ({ page }) => {
  await page.goto("/analysis");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Latest analysis");
});

test("pages load without console errors, so the CSP blocks nothing the site needs", async ({
  page,
}) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  for (const path of ["/", "/analysis/the-end-of-the-blank-check", "/topics/europe"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  expect(errors).toEqual([]);
});
