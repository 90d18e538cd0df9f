import type { Page, Route } from "@playwright/test";
import { hashedToken, withDatabase } from "./support/database";
import { APP_URL, FLAGSHIP } from "./support/env";
import { mailsTo, waitForMail } from "./support/mail";
import {
  expect,
  requestSignInLink,
  signInAsModerator,
  signInByEmail,
  signInWithOidc,
  test,
  uniqueEmail,
  uniqueIdentity,
} from "./support/readers";

const banner = (page: Page) => page.getByRole("banner");

async function expectSignedOut(page: Page) {
  await page.goto(FLAGSHIP);
  await expect(banner(page).getByRole("link", { name: "Sign in" })).toBeVisible();
}

test.describe("bad addresses are refused with a message, and no mail is sent", () => {
  const cases: [string, string, RegExp][] = [
    ["a display name", "Mallory <mallory@example.com>", /address only/],
    ["a full-width @ (homoglyph)", "mallory＠example.com", /plain letters/],
    ["a Cyrillic letter (homoglyph)", "mаllory@example.com", /plain letters/],
    [
      "over 254 characters",
      `${"m".repeat(64)}@${"d".repeat(62)}.${"e".repeat(62)}.${"f".repeat(62)}.com`,
      /too long/,
    ],
    ["no domain", "mallory@", /name@example\.com/],
    ["nothing", "", /Enter your email address/],
  ];
  for (const javaScriptEnabled of [true, false]) {
    test(`with JavaScript ${javaScriptEnabled ? "on" : "off"}`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      for (const [, address, message] of cases) {
        await page.goto("/signin");
        await page.getByLabel("Email").fill(address);
        await page.getByRole("button", { name: "Sign in with email" }).click();
        await expect(page.getByText(message)).toBeVisible();
        await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
        await expect(page.getByLabel("Email")).toHaveValue(address);
      }
      expect(await mailsTo("mallory@example.com")).toEqual([]);
      await context.close();
    });
  }
});

/** Rewrites the e-mail field of the form POST on its way to the server, as an attacker would. */
async function forgeEmailField(page: Page, value: string) {
  await page.route("**/signin*", async (route: Route) => {
    const request = route.request();
    const body = request.postData();
    if (request.method() !== "POST" || !body) return route.continue();
    // With JavaScript the action's fields are prefixed with a reference ("_1_email").
    const forged = body.replace(/(name="(?:_?\d+_)?email"\r\n\r\n)[^\r]*/, `$1${value}`);
    expect(forged).not.toBe(body);
    await route.continue({ postData: forged });
  });
}

test("an address with a line break and a header (header injection) is refused, and nobody is mailed", async ({
  page,
}) => {
  await forgeEmailField(page, "victim@example.com\r\nBcc: mallory@example.com");
  await page.goto("/signin");
  await page.getByLabel("Email").fill("victim@example.com");
  await page.getByRole("button", { name: "Sign in with email" }).click();
  await expect(page.getByText("cannot contain line breaks")).toBeVisible();
  expect(await mailsTo("victim@example.com")).toEqual([]);
  expect(await mailsTo("mallory@example.com")).toEqual([]);
});

test("a sign-in request naming another host is refused with a 403, and sends nothing", async ({
  browser,
}) => {
  const email = uniqueEmail("forged-host");
  for (const javaScriptEnabled of [false, true]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.route("**/signin*", (route) =>
      route.continue({
        headers: { ...route.request().headers(), "x-forwarded-host": "evil.example" },
      }),
    );
    await page.goto("/signin");
    await page.getByLabel("Email").fill(email);
    const answer = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: "Sign in with email" }).click();
    expect((await answer).status()).toBe(403);
    await context.close();
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await mailsTo(email)).toEqual([]);
});

test("whatever Host a request names, sign-in links point at SITE_URL", async ({ page }) => {
  // Auth.js builds its URLs from SITE_URL (as AUTH_URL), never from the request.
  const csrf = await page.request.get("/api/auth/providers", {
    headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
  });
  const providers = (await csrf.json()) as Record<
    string,
    { signinUrl: string; callbackUrl: string }
  >;
  for (const provider of Object.values(providers)) {
    expect(provider.signinUrl.startsWith(`${APP_URL}/api/auth/`)).toBe(true);
    expect(provider.callbackUrl.startsWith(`${APP_URL}/api/auth/`)).toBe(true);
  }
  const link = await requestSignInLink(page, uniqueEmail("true-host"));
  expect(new URL(link).origin).toBe(APP_URL);
});

for (const target of [
  "https://evil.example/phish",
  "//evil.example/phish",
  "/\\evil.example/phish",
]) {
  test(`a callbackUrl of ${target} lands on the home page after sign-in`, async ({ page }) => {
    await signInWithOidc(page, uniqueIdentity("Redirected Reader"), target);
    expect(page.url()).toBe(`${APP_URL}/`);
  });
}

test("a sign-in link whose callbackUrl was changed to another site still lands on this site", async ({
  page,
}) => {
  const link = new URL(await requestSignInLink(page, uniqueEmail("relink")));
  link.searchParams.set("callbackUrl", "https://evil.example/");
  await page.goto(link.toString());
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(banner(page).getByRole("link", { name: "Sign in" })).toHaveCount(0);
  expect(page.url()).toBe(`${APP_URL}/`);
});

test("tokens are stored hashed; a tampered token signs nobody in and spares the real one", async ({
  page,
}) => {
  const email = uniqueEmail("tamper");
  const link = new URL(await requestSignInLink(page, email));
  const token = link.searchParams.get("token")!;
  const stored = withDatabase((db) =>
    db.prepare('select token from "VerificationToken" where identifier = ?').all(email),
  ) as { token: string }[];
  expect(stored).toEqual([{ token: hashedToken(token) }]);

  const tampered = new URL(link);
  tampered.searchParams.set("token", `${token.slice(0, -1)}${token.endsWith("0") ? "1" : "0"}`);
  await page.goto(tampered.toString());
  await expect(
    page.getByRole("heading", { name: "This sign-in link cannot be used" }),
  ).toBeVisible();

  // Even posted straight to Auth.js, the tampered token fails in words, not a 500.
  const callback = `/api/auth/callback/email${tampered.search}`;
  const response = await page.request.post(callback, {
    headers: { Origin: APP_URL },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers().location).toContain("/signin/error?error=Verification");
  await expectSignedOut(page);

  await page.goto(link.toString());
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(banner(page).getByRole("link", { name: "Sign in" })).toHaveCount(0);
});

test("an expired link says so, offers a new one, and signs nobody in", async ({ page }) => {
  const email = uniqueEmail("expired");
  const link = new URL(await requestSignInLink(page, email));
  withDatabase((db) =>
    db
      .prepare('update "VerificationToken" set expires = ? where identifier = ?')
      .run(new Date(Date.now() - 60_000).toISOString(), email),
  );
  await page.goto(link.toString());
  await expect(page.getByRole("heading", { name: "This sign-in link has expired" })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);

  const response = await page.request.post(`/api/auth/callback/email${link.search}`, {
    headers: { Origin: APP_URL },
    maxRedirects: 0,
  });
  expect(response.headers().location).toContain("error=Verification");
  await expectSignedOut(page);
});

test("a GET of Auth.js's callback signs nobody in and spends nothing; it leads to the button", async ({
  page,
}) => {
  const email = uniqueEmail("scanner");
  const link = new URL(await requestSignInLink(page, email));
  const direct = await page.request.get(`/api/auth/callback/email${link.search}`, {
    maxRedirects: 0,
  });
  expect(direct.status()).toBe(303);
  expect(direct.headers().location).toBe(`${APP_URL}/signin/verify${link.search}`);
  expect(direct.headers()["set-cookie"] ?? "").not.toContain("session-token");

  await page.goto(`/api/auth/callback/email${link.search}`);
  await expect(page).toHaveURL(/\/signin\/verify\?/);
  await expect(banner(page).getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(banner(page).getByRole("link", { name: "Sign in" })).toHaveCount(0);
});

test("a sign-in POST from another site is refused and spends nothing", async ({ page }) => {
  const email = uniqueEmail("cross-site");
  const link = new URL(await requestSignInLink(page, email));
  const response = await page.request.post(`/api/auth/callback/email${link.search}`, {
    headers: { Origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(response.headers()["set-cookie"] ?? "").not.toContain("session-token");
  await page.goto(link.toString());
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
});

test("Auth.js's own sign-in endpoint is closed: it cannot be used to skip the limits", async ({
  page,
}) => {
  const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const email = uniqueEmail("bypass");
  const response = await page.request.post("/api/auth/signin/email", {
    form: { email, csrfToken: csrf.csrfToken },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(404);
  expect(await mailsTo(email)).toEqual([]);
});

test("a flood of sign-in requests for one address sends at most three links, then says when to retry", async ({
  page,
}) => {
  const email = uniqueEmail("flood");
  for (let attempt = 0; attempt < 3; attempt++) await requestSignInLink(page, email);
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Sign in with email" }).click();
    await expect(
      page.getByText(/Too many sign-in links have been requested\. Try again in \d+ minutes\./),
    ).toBeVisible();
  }
  await waitForMail(email, 3);
  // A barrier through the same path: once a link asked for afterwards has arrived, any mail
  // the refused requests had sent would have too.
  const sentinel = uniqueEmail("flood-sentinel");
  await requestSignInLink(page, sentinel);
  expect(await mailsTo(email)).toHaveLength(3);
});

test("moderator pages refuse readers who are not moderators, and send anonymous readers to sign in", async ({
  page,
  browser,
}) => {
  const anonymous = await page.request.get("/admin", { maxRedirects: 0 });
  expect([303, 307]).toContain(anonymous.status());
  expect(anonymous.headers().location).toContain("/signin?callbackUrl=%2Fadmin");

  await signInByEmail(page, uniqueEmail("not-a-moderator"));
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

  const moderator = await browser.newPage();
  await signInAsModerator(moderator);
  await moderator.goto("/admin");
  await expect(moderator.getByRole("heading", { name: "Moderation" })).toBeVisible();
  await moderator.close();
});

test("the hop to a sign-in provider only goes where the site itself signed it", async ({
  page,
}) => {
  const forged = new URLSearchParams({ to: "https://evil.example/", sig: "forged" });
  await page.goto(`/signin/continue?${forged}`);
  await expect(page).toHaveURL(/\/signin$/);
});
