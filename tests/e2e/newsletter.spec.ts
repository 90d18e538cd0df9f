import { createHash } from "node:crypto";
import { withDatabase } from "./support/database";
import { APP_URL, FLAGSHIP } from "./support/env";
import { linkIn, mailsTo, waitForMail } from "./support/mail";
import {
  CHECK_INBOX,
  queuedSignups,
  signUp,
  signupsProcessed,
  signupSection,
} from "./support/newsletter";
import {
  expect,
  signInAsModerator,
  signInByEmail,
  signInWithOidc,
  test,
  uniqueEmail,
  uniqueIdentity,
} from "./support/readers";

function subscriber(email: string) {
  return withDatabase(
    (db) =>
      db.prepare("select status, email from subscribers where email = ?").get(email) as
        { status: string; email: string } | undefined,
  );
}

for (const javaScriptEnabled of [true, false]) {
  test(
    `a reader subscribes from an article, confirms by the button, and is thanked (JavaScript ${javaScriptEnabled ? "on" : "off"})`,
    { tag: "@smoke" },
    async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const email = uniqueEmail("subscriber");
      await page.goto(FLAGSHIP);
      await page.getByRole("link", { name: "newsletter", exact: true }).click();
      await expect(page).toHaveURL(/#newsletter$/);
      await signUp(page, email);

      const mail = await waitForMail(email);
      expect(mail.subject).toBe("Confirm your subscription to The Strategic Ledger");
      expect(mail.html).toContain("Confirm your subscription");
      const link = linkIn(mail, "/newsletter/confirm");

      // Opening the link (as a mail scanner would) confirms nothing.
      await page.goto(link);
      await expect(page.getByRole("button", { name: "Confirm" })).toBeVisible();
      expect(subscriber(email)?.status).toBe("pending");
      await page.getByRole("button", { name: "Confirm" }).click();
      await expect(
        page.getByRole("heading", { name: "Thank you: you are subscribed" }),
      ).toBeVisible();
      expect(subscriber(email)?.status).toBe("confirmed");

      await page.goto(link);
      await expect(page.getByRole("heading", { name: "You are subscribed already" })).toBeVisible();
      await context.close();
    },
  );
}

test("the form answers the same whether the address is new, pending or subscribed", async ({
  page,
}) => {
  const email = uniqueEmail("enumerate");
  await page.goto("/newsletter");
  await expect(page.getByRole("link", { name: "what we keep, and for how long" })).toHaveAttribute(
    "href",
    "/privacy",
  );
  await signUp(page, email);
  const link = linkIn(await waitForMail(email), "/newsletter/confirm");
  await page.reload();
  await signUp(page, email);
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { name: "Thank you: you are subscribed" })).toBeVisible();
  await page.goto("/newsletter");
  await signUp(page, email, CHECK_INBOX);
  await signupsProcessed(email);
  expect(await mailsTo(email)).toHaveLength(1);
});

test("a flood of signups for one address sends one confirmation", async ({ page }) => {
  const email = uniqueEmail("flood");
  await page.goto("/newsletter");
  for (let attempt = 0; attempt < 5; attempt++) await signUp(page, email);
  await waitForMail(email);
  await signupsProcessed(email);
  expect(await mailsTo(email)).toHaveLength(1);
});

test("bad addresses are refused with a message, and nobody is mailed", async ({ page }) => {
  await page.goto("/newsletter");
  const section = signupSection(page);
  for (const [address, message] of [
    ["Mallory <mallory@example.com>", /address only/],
    // Not /name@example\.com/ alone: the first answer says that too, and a match on the
    // previous answer would send the next address while this one is still on its way.
    ["not-an-address", /in the form name@example\.com/],
    [`${"m".repeat(64)}@${"d".repeat(62)}.${"e".repeat(62)}.${"f".repeat(62)}.com`, /too long/],
    ["mallory＠example.com", /plain letters/],
  ] as const) {
    await section.getByLabel("Email").fill(address);
    await section.getByRole("button", { name: "Subscribe" }).click();
    await expect(section.getByText(message)).toBeVisible();
    await expect(section.getByLabel("Email")).toHaveValue(address);
  }
  // A header smuggled into the field on its way to the server.
  await page.route("**/newsletter", async (route) => {
    const body = route.request().postData();
    if (route.request().method() !== "POST" || !body) return route.continue();
    await route.continue({
      postData: body.replace(
        /(name="(?:_?\d+_)?email"\r\n\r\n)[^\r]*/,
        "$1victim@example.com\r\nBcc: mallory@example.com",
      ),
    });
  });
  await section.getByLabel("Email").fill("victim@example.com");
  await section.getByRole("button", { name: "Subscribe" }).click();
  await expect(section.getByText("cannot contain line breaks")).toBeVisible();
  // Refused before anything was queued: no mail can follow.
  expect(queuedSignups("victim@example.com")).toBe(0);
  expect(await mailsTo("victim@example.com")).toEqual([]);
  expect(await mailsTo("mallory@example.com")).toEqual([]);
});

test("the hidden field robots fill in gets the same answer, and nothing is stored or sent", async ({
  page,
}) => {
  const email = uniqueEmail("robot");
  await page.goto("/newsletter");
  await signupSection(page)
    .locator('input[name="website"]')
    .fill("https://spam.example", { force: true });
  await signUp(page, email);
  expect(queuedSignups(email)).toBe(0);
  expect(await mailsTo(email)).toEqual([]);
  expect(subscriber(email)).toBeUndefined();
});

test("forged, tampered and expired confirmation links confirm nobody", async ({
  page,
  request,
}) => {
  const email = uniqueEmail("tokens");
  await page.goto("/newsletter");
  await signUp(page, email);
  const link = new URL(linkIn(await waitForMail(email), "/newsletter/confirm"));
  const tampered = new URL(link);
  tampered.searchParams.set("t", `${link.searchParams.get("t")!.slice(0, -2)}xx`);
  await page.goto(tampered.toString());
  await expect(page.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
  const forged = new URL(link);
  forged.searchParams.set("s", "00000000-0000-4000-8000-000000000000");
  await page.goto(forged.toString());
  await expect(page.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();

  withDatabase((db) =>
    db
      .prepare("update subscribers set confirm_expires_at = ? where email = ?")
      .run(new Date(Date.now() - 1000).toISOString(), email),
  );
  await page.goto(link.toString());
  await expect(page.getByRole("heading", { name: "This link has expired" })).toBeVisible();
  expect(subscriber(email)?.status).toBe("pending");
  expect((await request.get(link.toString())).status()).toBe(200);
  expect(subscriber(email)?.status).toBe("pending");
});

test("a signed-in reader whose address is verified subscribes with one press", async ({ page }) => {
  const email = uniqueEmail("verified");
  await signInByEmail(page, email);
  await page.goto("/newsletter");
  await expect(signupSection(page).getByLabel("Email")).toHaveValue(email);
  await signupSection(page).getByRole("button", { name: "Subscribe" }).click();
  await expect(signupSection(page).getByText("You are subscribed")).toBeVisible();
  expect(subscriber(email)?.status).toBe("confirmed");
  expect(queuedSignups(email)).toBe(0);
  expect((await mailsTo(email)).filter((mail) => mail.subject.startsWith("Confirm"))).toEqual([]);
});

test("too many sign-ups from one client are told when to try again", async ({ page }) => {
  await page.goto("/newsletter");
  for (let attempt = 0; attempt < 10; attempt++) await signUp(page, uniqueEmail("busy"));
  const section = signupSection(page);
  await section.getByLabel("Email").fill(uniqueEmail("busy"));
  await section.getByRole("button", { name: "Subscribe" }).click();
  await expect(
    section.getByText(/Too many sign-ups from here\. Try again in \d+ minutes\./),
  ).toBeVisible();
});

test("moderators preview, test and send an article; subscribers unsubscribe in one click and can come back", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const email = uniqueEmail("reader-of-issues");
  const reader = await browser.newPage();
  await reader.goto("/newsletter");
  await signUp(reader, email);
  await reader.goto(linkIn(await waitForMail(email), "/newsletter/confirm"));
  await reader.getByRole("button", { name: "Confirm" }).click();
  await expect(
    reader.getByRole("heading", { name: "Thank you: you are subscribed" }),
  ).toBeVisible();

  await signInAsModerator(page, "/admin/newsletter");
  await expect(page.getByRole("heading", { name: "Newsletter", level: 1 })).toBeVisible();
  await page
    .getByLabel("Article")
    .selectOption({ label: "Europe’s Defence-Industrial Strategy: Targets Before Capacity" });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("region", { name: /^Preview/ })).toContainText("Read it on the site");
  await page.getByRole("button", { name: "Send a test to me" }).click();
  await expect(page.getByText("A test copy is on its way to moderator@example.com.")).toBeVisible();
  const testCopy = await waitForMail("moderator@example.com");
  expect(testCopy.subject).toBe(
    "[Test] Europe’s Defence-Industrial Strategy: Targets Before Capacity",
  );

  await page.getByRole("button", { name: /^Send to \d+ subscribers?$/ }).click();
  await expect(page.getByText("Tick the box to confirm")).toBeVisible();
  await page.getByLabel("I have read the preview and the test").check();
  await page.getByRole("button", { name: /^Send to \d+ subscribers?$/ }).click();
  const issue = await waitForMail(email, 2);
  expect(issue.subject).toBe("Europe’s Defence-Industrial Strategy: Targets Before Capacity");
  expect(issue.text).toContain(`${APP_URL}/analysis/europes-defence-industrial-strategy`);
  expect(issue.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  const oneClick = /<([^>]+)>/.exec(issue.headers["list-unsubscribe"] ?? "")?.[1] ?? "";
  expect(oneClick.startsWith(`${APP_URL}/api/newsletter/unsubscribe?`)).toBe(true);
  const visible = linkIn(issue, "/newsletter/unsubscribe");
  await page.reload();
  await expect(page.getByRole("cell", { name: /sent/ }).first()).toBeVisible();

  // Following the links changes nothing; a forged token unsubscribes nobody.
  expect((await request.get(oneClick, { maxRedirects: 0 })).status()).toBe(303);
  await reader.goto(visible);
  await expect(reader.getByRole("button", { name: "Unsubscribe" })).toBeVisible();
  expect(subscriber(email)?.status).toBe("confirmed");
  const forged = new URL(oneClick);
  forged.searchParams.set("t", "forged");
  expect(
    (await request.post(forged.toString(), { form: { "List-Unsubscribe": "One-Click" } })).status(),
  ).toBe(400);
  expect(subscriber(email)?.status).toBe("confirmed");

  expect(
    (await request.post(oneClick, { form: { "List-Unsubscribe": "One-Click" } })).status(),
  ).toBe(200);
  expect(subscriber(email)).toBeUndefined();
  const hash = createHash("sha256").update(email).digest("hex");
  const kept = withDatabase((db) =>
    db.prepare("select status, email from subscribers where email_hash = ?").get(hash),
  );
  expect(kept).toEqual({ status: "unsubscribed", email: null });

  await reader.goto("/newsletter");
  await signUp(reader, email);
  await reader.goto(linkIn(await waitForMail(email, 3), "/newsletter/confirm"));
  await reader.getByRole("button", { name: "Confirm" }).click();
  await expect(
    reader.getByRole("heading", { name: "Thank you: you are subscribed" }),
  ).toBeVisible();
  expect(subscriber(email)?.status).toBe("confirmed");

  const csv = await page.request.get("/admin/newsletter/subscribers.csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toBe("email,email_sha256,status,source,created_at,confirmed_at,unsubscribed_at");
  expect(lines.some((line) => line.startsWith(`"${email}",`) && line.includes('"confirmed"'))).toBe(
    true,
  );
  await reader.close();
});

test("the newsletter's admin pages refuse readers who are not moderators", async ({ page }) => {
  await signInWithOidc(page, uniqueIdentity("Curious Reader"));
  expect((await page.goto("/admin/newsletter"))?.status()).toBe(404);
  expect((await page.request.get("/admin/newsletter/subscribers.csv")).status()).toBe(404);
  expect(
    (await page.request.get("/admin/newsletter/preview?slug=the-end-of-the-blank-check")).status(),
  ).toBe(404);
});
