import { FLAGSHIP, OIDC_NAME } from "./support/env";
import { linkIn, waitForMail } from "./support/mail";
import {
  actAs,
  expect,
  signInByEmail,
  signInWithOidc,
  signOut,
  test,
  uniqueEmail,
  uniqueIdentity,
} from "./support/readers";

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test(
      "a reader signs in by email from an article, returns to it with their name in the header, and signs out",
      { tag: "@smoke" },
      async ({ page, context }) => {
        const email = uniqueEmail();
        await page.goto(FLAGSHIP);
        const banner = page.getByRole("banner");
        await banner.getByRole("link", { name: "Sign in" }).click();
        await expect(page).toHaveURL(/\/signin$/);
        await page.getByLabel("Email").fill(email);
        await page.getByRole("button", { name: "Sign in with email" }).click();
        await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();

        const mail = await waitForMail(email);
        expect(mail.subject).toBe("Sign in to The Strategic Ledger");
        expect(mail.from).toContain("news@ledger.test");
        const link = linkIn(mail, "/signin/verify");
        expect(mail.html).toContain(link.replaceAll("&", "&amp;"));

        // Opening the link (as a mail scanner would) signs nobody in and spends nothing.
        await page.goto(link);
        await expect(banner.getByRole("link", { name: "Sign in" })).toBeVisible();
        await page.reload();
        await page.getByRole("button", { name: "Sign in", exact: true }).click();

        await expect(page).toHaveURL(FLAGSHIP);
        const name = email.split("@")[0]!;
        await expect(banner.getByRole("link", { name })).toHaveAttribute("href", "/account");
        await expect(banner.getByRole("link", { name: "Sign in" })).toHaveCount(0);

        const session = (await context.cookies()).find(
          (cookie) => cookie.name === "authjs.session-token",
        );
        expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });

        // The link worked once.
        await page.goto(link);
        await expect(
          page.getByRole("heading", { name: "This sign-in link cannot be used" }),
        ).toBeVisible();
        await expect(page.getByRole("button", { name: "Sign in", exact: true })).toHaveCount(0);

        await signOut(page);
        await page.goto(FLAGSHIP);
        await expect(banner.getByRole("link", { name: "Sign in" })).toBeVisible();
        expect(
          (await context.cookies()).some((cookie) => cookie.name === "authjs.session-token"),
        ).toBe(false);
      },
    );

    test("a reader signs in with the OpenID Connect provider, returns to the article, and signs out", async ({
      page,
    }) => {
      const identity = uniqueIdentity("Olive Reader");
      await actAs(page.context(), identity);
      await page.goto(FLAGSHIP);
      await page.getByRole("banner").getByRole("link", { name: "Sign in" }).click();
      await page.getByRole("button", { name: `Sign in with ${OIDC_NAME}` }).click();
      await expect(page).toHaveURL(FLAGSHIP);
      await expect(
        page.getByRole("banner").getByRole("link", { name: "Olive Reader" }),
      ).toBeVisible();
      await signOut(page);
    });
  });
}

test("sign-in brings the reader back to the article's comments, whichever the provider", async ({
  page,
  browser,
}) => {
  const target = `${FLAGSHIP}#comments`;
  await signInByEmail(page, uniqueEmail(), target);
  await expect(page).toHaveURL(target);

  const other = await browser.newPage();
  await signInWithOidc(other, uniqueIdentity("Otto Reader"), target);
  await expect(other).toHaveURL(target);
  await other.close();
});

test("a signed-in reader's name shows on every public page, which anonymous readers still get prerendered", async ({
  page,
  playwright,
}) => {
  const email = uniqueEmail("everywhere");
  await signInByEmail(page, email);
  const name = email.split("@")[0]!;
  for (const path of ["/", FLAGSHIP, "/topics", "/topics/europe"]) {
    await page.goto(path);
    await expect(page.getByRole("banner").getByRole("link", { name })).toBeVisible();
  }
  const signedIn = await page.request.get(FLAGSHIP);
  expect(await signedIn.text()).toContain(name);

  const anonymous = await playwright.request.newContext();
  const response = await anonymous.get(FLAGSHIP);
  expect(response.headers()["x-nextjs-cache"]).toBe("HIT");
  const html = await response.text();
  expect(html).not.toContain(name);
  expect(html).toContain(">Sign in</a>");
  await anonymous.dispose();
});

test("the sign-in page offers GitHub and the OpenID Connect provider when they are configured", async ({
  page,
}) => {
  await page.goto("/signin");
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in with email" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in with GitHub" })).toBeVisible();
  await expect(page.getByRole("button", { name: `Sign in with ${OIDC_NAME}` })).toBeVisible();
});

test("a provider that refuses the sign-in is explained in words, with a new way in", async ({
  page,
}) => {
  await actAs(page.context(), { refuse: true });
  await page.goto("/signin");
  await page.getByRole("button", { name: `Sign in with ${OIDC_NAME}` }).click();
  await expect(page.getByText("The provider did not sign you in")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in with email" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("an address that signed up by email cannot be taken over through a provider with the same address", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("owner");
  await signInByEmail(page, email);
  const intruder = await browser.newPage();
  await actAs(intruder.context(), { sub: "intruder", email, name: "Intruder" });
  await intruder.goto("/signin");
  await intruder.getByRole("button", { name: `Sign in with ${OIDC_NAME}` }).click();
  await expect(intruder.getByText("This address already has an account")).toBeVisible();
  await expect(intruder.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await intruder.close();
});

test("the sign-in page says once, beside the address field, that there is no password", async ({
  page,
}) => {
  await page.goto("/signin");
  const text = await page.getByRole("main").innerText();
  expect(text.match(/password/gi)).toHaveLength(1);
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription(/There is no password/);
});
