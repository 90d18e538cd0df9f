import { randomBytes } from "node:crypto";
import { expect, test as base, type BrowserContext, type Page } from "@playwright/test";
import { OIDC_ISSUER, OIDC_NAME } from "./env";
import { linkIn, mailsTo, waitForMail } from "./mail";

/**
 * Each test is a different reader on a different client: its own address, and its own
 * client address (X-Forwarded-For, as the front proxy would set it), so that the per-client
 * sign-in limits count each test on its own.
 */
export const test = base.extend({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, provide) => {
    const bytes = randomBytes(3);
    await provide({
      ...extraHTTPHeaders,
      "x-forwarded-for": `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`,
    });
  },
});

export { expect };

export function uniqueEmail(label = "reader"): string {
  return `${label}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}@example.com`;
}

/** Asks for a sign-in link on /signin, as a reader would, and waits for the mail. */
export async function requestSignInLink(
  page: Page,
  email: string,
  callbackUrl?: string,
): Promise<string> {
  const before = (await mailsTo(email)).length;
  await page.goto(
    callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signin",
  );
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Sign in with email" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  return linkIn(await waitForMail(email, before + 1), "/signin/verify");
}

/** The whole e-mail sign-in: ask, open the link from the mail, press "Sign in". */
export async function signInByEmail(
  page: Page,
  email: string,
  callbackUrl?: string,
): Promise<void> {
  const link = await requestSignInLink(page, email, callbackUrl);
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toHaveCount(0);
}

export interface Identity {
  sub: string;
  email: string;
  name: string;
}

export function uniqueIdentity(name = "Olive Reader"): Identity {
  return { sub: `sub-${randomBytes(6).toString("hex")}`, email: uniqueEmail("oidc"), name };
}

/** Tells the test OpenID Connect provider who is signing in (or that it should refuse). */
export async function actAs(context: BrowserContext, identity: Identity | { refuse: true }) {
  await context.addCookies([
    { name: "identity", value: encodeURIComponent(JSON.stringify(identity)), url: OIDC_ISSUER },
  ]);
}

export async function signInWithOidc(page: Page, identity: Identity, callbackUrl?: string) {
  await actAs(page.context(), identity);
  await page.goto(
    callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signin",
  );
  await page.getByRole("button", { name: `Sign in with ${OIDC_NAME}` }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: identity.name })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
}

/** The moderator of the e2e server (ADMIN_EMAILS), always through the OpenID Connect provider. */
export const MODERATOR: Identity = {
  sub: "moderator-sub",
  email: "moderator@example.com",
  name: "Mod Erator",
};

export async function signInAsModerator(page: Page, callbackUrl?: string) {
  await signInWithOidc(page, MODERATOR, callbackUrl);
}

/** A browser context's session cookie, as a Cookie header. */
export async function sessionCookie(context: BrowserContext): Promise<string> {
  return (await context.cookies())
    .filter((cookie) => cookie.name.includes("session-token"))
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join("; ");
}
