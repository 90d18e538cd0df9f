import { readFile } from "node:fs/promises";
import { ARTICLES, commentWith, marker, postComment } from "./support/comments";
import { userByEmail, withDatabase } from "./support/database";
import { FLAGSHIP } from "./support/env";
import { expect, signInByEmail, test, uniqueEmail } from "./support/readers";

for (const javaScriptEnabled of [true, false]) {
  test(`a reader sets a display name, cleaned of control and direction characters (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const email = uniqueEmail("rename");
    await signInByEmail(page, email);
    await page.goto("/account");
    await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();

    const field = page.getByLabel("Display name");
    await expect(field).toHaveAttribute("maxlength", "50");
    // The server holds the limit even for a request that ignores the field's own.
    await field.evaluate((input) => input.removeAttribute("maxlength"));
    await field.fill("x".repeat(51));
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByText("A display name has at most 50 characters.")).toBeVisible();
    await expect(page.getByLabel("Display name")).toHaveValue("x".repeat(51));

    await page.getByLabel("Display name").fill("   ");
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByText("Enter a display name.")).toBeVisible();

    await page.getByLabel("Display name").fill("  Ada \u202eLovelace\u0007  ");
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByRole("region", { name: "Profile" }).getByRole("status")).toHaveText(
      "Saved. Your comments now show “Ada Lovelace”.",
    );
    expect(userByEmail(email)?.name).toBe("Ada Lovelace");
    await page.goto(FLAGSHIP);
    await expect(
      page.getByRole("banner").getByRole("link", { name: "Ada Lovelace" }),
    ).toBeVisible();
    await context.close();
  });
}

test("the address is never shown to other readers: the header shows the display name only", async ({
  page,
}) => {
  const email = uniqueEmail("private");
  await signInByEmail(page, email);
  await page.goto(FLAGSHIP);
  await expect(page.getByRole("banner")).not.toContainText(email);
});

test("sign out everywhere ends the reader's sessions on every device", async ({ browser }) => {
  const email = uniqueEmail("everywhere");
  const laptop = await browser.newPage();
  const phone = await browser.newPage();
  await signInByEmail(laptop, email);
  await signInByEmail(phone, email);
  await laptop.goto("/account");
  await expect(laptop.getByText("Signed in on 2 devices")).toBeVisible();
  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await phone.goto(FLAGSHIP);
  await expect(phone.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  const user = userByEmail(email)!;
  const sessions = withDatabase((db) =>
    db.prepare('select count(*) as count from "Session" where "userId" = ?').get(user.id),
  ) as { count: number };
  expect(sessions.count).toBe(0);
  await laptop.close();
  await phone.close();
});

test("a reader deletes their account: address and sessions gone, signed out", async ({ page }) => {
  const email = uniqueEmail("leaving");
  await signInByEmail(page, email);
  await page.goto("/account");
  await page.getByLabel("Type “delete” to confirm").fill("keep");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("Type “delete” to confirm.")).toBeVisible();
  expect(userByEmail(email)).toBeDefined();

  await page.getByLabel("Type “delete” to confirm").fill("delete");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("heading", { name: "Your account has been deleted" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(userByEmail(email)).toBeUndefined();
});

test("the account page sends anonymous readers to sign in, and back", async ({ page }) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);
  const email = uniqueEmail("back");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Sign in with email" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
});

// The cached page never expires on its own: seeing the new name at all shows the write expired
// it. The limit is generous, because on a busy two-core machine one page load can take seconds.
const WITHOUT_WAITING_OUT_THE_CACHE = { timeout: 10_000, intervals: [250] };

test("an anonymous reader's cached page shows a renamed, then a deleted, commenter, without waiting out the cache", async ({
  page,
  browser,
}) => {
  const m = marker("renamed");
  await signInByEmail(page, uniqueEmail("renamer"), FLAGSHIP);
  await page.goto(FLAGSHIP);
  await postComment(page, m);
  // The page as anyone gets it, cached, with the first name.
  const anonymous = await browser.newPage();
  const cachedName = async () => {
    await anonymous.goto(FLAGSHIP);
    return (await commentWith(anonymous, m).locator("p").first().innerText()).split(" · ")[0];
  };
  const first = await cachedName();
  expect(first).toMatch(/^renamer-/);
  // Cached (other tests' comments on the same page may have just expired it: asked again).
  await expect
    .poll(async () => (await anonymous.request.get(FLAGSHIP)).headers()["x-nextjs-cache"])
    .toBe("HIT");

  await page.goto("/account");
  await page.getByLabel("Display name").fill("Renamed Reader");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Saved. Your comments now show “Renamed Reader”.")).toBeVisible();
  await expect.poll(cachedName, WITHOUT_WAITING_OUT_THE_CACHE).toBe("Renamed Reader");

  await page.getByLabel("Type “delete” to confirm").fill("delete");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("heading", { name: "Your account has been deleted" })).toBeVisible();
  await expect.poll(cachedName, WITHOUT_WAITING_OUT_THE_CACHE).toBe("deleted account");
  await anonymous.close();
});

test("a reader who deletes their account with their comments takes the text off every page, cached ones too", async ({
  page,
  browser,
}) => {
  // An article of its own among these tests, so that its writes do not expire the flagship
  // that the test above watches.
  const article = ARTICLES.middleEast;
  const m = marker("taken-back");
  await signInByEmail(page, uniqueEmail("retractor"), article);
  await page.goto(article);
  await postComment(page, m);
  const anonymous = await browser.newPage();
  const cachedText = async () => (await anonymous.goto(article))?.text() ?? "";
  expect(await cachedText()).toContain(m);
  // Cached (other tests' comments on the same page may have just expired it: asked again).
  await expect
    .poll(async () => (await anonymous.request.get(article)).headers()["x-nextjs-cache"])
    .toBe("HIT");

  await page.goto("/account");
  await page.getByRole("radio", { name: /^Delete them too/ }).check();
  await page.getByLabel("Type “delete” to confirm").fill("delete");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("heading", { name: "Your account has been deleted" })).toBeVisible();
  await expect.poll(cachedText, WITHOUT_WAITING_OUT_THE_CACHE).not.toContain(m);
  const stored = withDatabase((db) =>
    db.prepare("select body, status from comments where body like ?").all(`%${m}%`),
  );
  expect(stored).toEqual([]);
  await anonymous.close();
});

test("a reader downloads their own data, and only theirs; nobody else can", async ({
  page,
  browser,
  request,
}) => {
  const other = await browser.newPage();
  const theirs = marker("not-yours");
  await signInByEmail(other, uniqueEmail("other"), ARTICLES.europe);
  await postComment(other, theirs);
  await other.close();

  const email = uniqueEmail("export");
  const mine = marker("mine");
  await signInByEmail(page, email, ARTICLES.europe);
  await postComment(page, mine);
  await page.goto("/account");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my data (JSON)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("strategic-ledger-my-data.json");
  const data = JSON.parse(await readFile((await file.path())!, "utf8"));
  expect(data.account.email).toBe(email);
  expect(data.comments.map((comment: { text: string }) => comment.text)).toEqual([mine]);
  expect(data.comments[0]).toMatchObject({
    article: "europes-defence-industrial-strategy",
    status: "published",
  });
  expect(JSON.stringify(data)).not.toContain(theirs);

  // Without a session there is nothing to download: the reader is the cookie's, never a parameter's.
  const anonymous = await request.get("/account/data.json?user=anyone", {
    headers: { cookie: "" },
  });
  expect(anonymous.status()).toBe(401);
});
