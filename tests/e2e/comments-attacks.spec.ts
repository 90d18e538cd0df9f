import type { Locator, Page } from "@playwright/test";
import { postCommentForm, readCommentForm } from "../../scripts/lib/forms.mjs";
import { withDatabase } from "./support/database";
import { APP_URL, OIDC_NAME } from "./support/env";
import { ARTICLES, commentWith, commentsRegion, marker, postComment } from "./support/comments";
import {
  actAs,
  expect,
  signInAsModerator,
  signInWithOidc,
  test,
  uniqueIdentity,
} from "./support/readers";

const { flagship, middleEast } = ARTICLES;

/** Comments stored with this text in them, read straight from the database. */
function storedWith(text: string): number {
  return withDatabase(
    (db) =>
      (
        db.prepare("select count(*) as count from comments where body like ?").get(`%${text}%`) as {
          count: number;
        }
      ).count,
  );
}

async function commentId(comment: Locator): Promise<string> {
  return ((await comment.getAttribute("id")) ?? "").replace(/^comment-/, "");
}

async function expectInert(page: Page, scope: Locator) {
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned),
  ).toBeUndefined();
  await expect(scope.locator("script, img, svg, iframe, object, embed, style")).toHaveCount(0);
  for (const href of await scope
    .locator("a")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href")))) {
    expect(href ?? "").toMatch(/^(https?:|mailto:|\/|#)/);
  }
}

test("script in every form renders inert, for anonymous readers, the author and moderators", async ({
  page,
  browser,
}) => {
  const m = marker("xss");
  const payloads = [
    "<script>window.__pwned = 'script'</script>",
    `<img src=x onerror="window.__pwned = 'img'">`,
    `<svg onload="window.__pwned = 'svg'"></svg>`,
    "[one](javascript:window.__pwned='js')",
    "[two](JaVaScRiPt:window.__pwned='case')",
    "[three](data:text/html,<script>window.__pwned='data'</script>)",
    "![four](javascript:window.__pwned='image')",
    "[five](&#106;avascript:window.__pwned='entity')",
    "&#60;script&#62;window.__pwned='entities'&#60;/script&#62;",
    `<a href="https://evil.example" onclick="window.__pwned='a'">six</a>`,
    "bidi \u202Eecnetnes\u202C here",
    "[fine](https://www.sipri.org/)",
  ];
  const author = uniqueIdentity("<img src=x onerror=\"window.__pwned='name'\">");
  await actAs(page.context(), author);
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(flagship)}`);
  await page.getByRole("button", { name: `Sign in with ${OIDC_NAME}` }).click();
  await expect(page).toHaveURL(flagship);
  await expect(page.getByRole("banner").getByRole("link", { name: author.name })).toBeVisible();
  await postComment(page, `${m}\n\n${payloads.join("\n\n")}`);
  const comment = commentWith(page, m);
  await expectInert(page, comment);
  await expect(comment).not.toContainText("\u202E");
  await expect(comment.getByRole("link", { name: "fine" })).toHaveAttribute(
    "rel",
    "nofollow ugc noopener noreferrer",
  );
  await expect(comment).toContainText("<script>window.__pwned = 'script'</script>");

  const anonymous = await browser.newPage();
  await anonymous.goto(flagship);
  await expectInert(anonymous, commentWith(anonymous, m));
  await anonymous.close();

  const moderator = await browser.newPage();
  await signInAsModerator(moderator, "/admin/comments");
  await expectInert(moderator, moderator.getByRole("main"));
  await moderator.close();
});

test("empty, oversized and link-stuffed comments are refused with a message, and the text is kept", async ({
  page,
}) => {
  await signInWithOidc(page, uniqueIdentity("Verbose"), middleEast);
  const region = commentsRegion(page);
  const field = region.getByRole("textbox", { name: "Comment" }).first();
  const cases: [string, RegExp][] = [
    ["   \n\t  ", /it is empty/],
    // Said at once in the page, without sending (the server says the same without JavaScript).
    ["x".repeat(5001), /at most 5,000 characters; this (one )?has 5,001/i],
    [
      Array.from({ length: 11 }, (_, index) => `https://spam.example/${index}`).join(" "),
      /at most 10 links/,
    ],
  ];
  for (const [text, message] of cases) {
    await field.fill(text);
    await region.getByRole("button", { name: "Post comment" }).click();
    await expect(region.getByText(message)).toBeVisible();
    await expect(field).toHaveValue(text);
    await expect(field).toHaveAttribute("aria-invalid", "true");
  }
  expect(storedWith("https://spam.example/10")).toBe(0);
});

test("a reader cannot edit or delete someone else's comment, whatever the form says", async ({
  page,
  browser,
}) => {
  const m = marker("victim");
  const victim = await browser.newPage();
  await signInWithOidc(victim, uniqueIdentity("Victim"), flagship);
  await postComment(victim, `${m} original`);
  const victimId = await commentId(commentWith(victim, `${m} original`));
  await victim.close();

  await signInWithOidc(page, uniqueIdentity("Forger"), flagship);
  await postComment(page, `${m} mine`);
  const mine = commentWith(page, `${m} mine`);
  await mine.getByRole("button", { name: "Edit" }).click();
  await mine
    .locator('input[name="id"]')
    .first()
    .evaluate((input, id) => ((input as HTMLInputElement).value = id), victimId);
  await mine.getByRole("textbox", { name: "Comment" }).fill(`${m} defaced`);
  await mine.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("You can only edit your own comments.")).toBeVisible();

  await commentWith(page, `${m} mine`).getByRole("button", { name: "Delete", exact: true }).click();
  const deleteForm = commentWith(page, `${m} mine`)
    .locator("form")
    .filter({ has: page.getByRole("button", { name: "Delete comment" }) });
  await deleteForm
    .locator('input[name="id"]')
    .evaluate((input, id) => ((input as HTMLInputElement).value = id), victimId);
  await deleteForm.getByRole("button", { name: "Delete comment" }).click();
  await expect(page.getByText("You can only delete your own comments.")).toBeVisible();

  expect(storedWith(`${m} original`)).toBe(1);
  expect(storedWith(`${m} defaced`)).toBe(0);
  expect(await (await fetch(`${APP_URL}${flagship}`)).text()).toContain(`${m} original`);
});

test("a forged author or a parent from another article is ignored or refused", async ({
  page,
  browser,
}) => {
  const m = marker("forged");
  const other = await browser.newPage();
  await signInWithOidc(other, uniqueIdentity("Elsewhere"), flagship);
  await postComment(other, `${m} on the flagship`);
  const foreignId = await commentId(commentWith(other, `${m} on the flagship`));
  await other.close();

  await signInWithOidc(page, uniqueIdentity("Honest Name"), middleEast);
  const region = commentsRegion(page);
  const composer = region
    .locator("form")
    .filter({ has: page.getByRole("button", { name: "Post comment" }) });
  await composer.evaluate((form) => {
    for (const [name, value] of [
      ["authorId", "someone-else"],
      ["author_id", "someone-else"],
      ["userId", "someone-else"],
      ["status", "published"],
    ]) {
      const input = document.createElement("input");
      Object.assign(input, { type: "hidden", name, value });
      form.append(input);
    }
  });
  await postComment(page, `${m} signed honestly`);
  await expect(commentWith(page, `${m} signed honestly`)).toContainText("Honest Name");

  await postComment(page, `${m} parent here`);
  const parent = commentWith(page, `${m} parent here`);
  await parent.getByRole("button", { name: "Reply" }).click();
  await parent
    .locator('input[name="parentId"]')
    .evaluate((input, id) => ((input as HTMLInputElement).value = id), foreignId);
  await parent.getByRole("textbox", { name: "Comment" }).fill(`${m} misplaced reply`);
  await parent.getByRole("button", { name: "Post reply" }).click();
  await expect(page.getByText("That comment can no longer be replied to.")).toBeVisible();
  expect(storedWith(`${m} misplaced reply`)).toBe(0);
});

for (const javaScriptEnabled of [true, false]) {
  test(`a comment sent after signing out is refused and stores nothing (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const m = marker("replayed");
    await signInWithOidc(page, uniqueIdentity("Leaving Soon"), flagship);
    const other = await context.newPage();
    await other.goto("/account");
    await other.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(other.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();

    await commentsRegion(page).getByRole("textbox", { name: "Comment" }).first().fill(m);
    await commentsRegion(page).getByRole("button", { name: "Post comment" }).click();
    await expect(page.getByText(/Your session has ended/).first()).toBeVisible();
    expect(storedWith(m)).toBe(0);
    await context.close();
  });
}

test("a comment posted from another site is refused with a 403 and stores nothing", async ({
  page,
}) => {
  const m = marker("cross-site");
  await signInWithOidc(page, uniqueIdentity("Target"), flagship);
  const cookie = (await page.context().cookies())
    .map((entry) => `${entry.name}=${entry.value}`)
    .join("; ");
  const form = await readCommentForm(APP_URL, flagship, cookie);
  // The same form, sent by a page on another site with the reader's cookie.
  const answer = await postCommentForm({ ...form, origin: "https://evil.example" }, cookie, m);
  expect(answer.status).toBe(403);
  expect(storedWith(m)).toBe(0);
  expect((await postCommentForm(form, cookie, `${m} from here`)).status).toBe(303);
});

test("a reader posting too fast is told when to try again", async ({ page }) => {
  const m = marker("fast");
  await signInWithOidc(page, uniqueIdentity("Speedy"), ARTICLES.europe);
  for (let index = 0; index < 10; index++) await postComment(page, `${m} ${index}`);
  const region = commentsRegion(page);
  await region.getByRole("textbox", { name: "Comment" }).first().fill(`${m} eleventh`);
  await region.getByRole("button", { name: "Post comment" }).click();
  await expect(
    region.getByText(/You are commenting faster than we allow\. Try again in \d+ seconds\./),
  ).toBeVisible();
  expect(storedWith(`${m} eleventh`)).toBe(0);
  expect(storedWith(m)).toBe(10);
});

for (const javaScriptEnabled of [true, false]) {
  test(`a 1.2 MB paste is refused with a message and the text is kept (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    try {
      await signInWithOidc(page, uniqueIdentity("Paster"), middleEast);
      const region = commentsRegion(page);
      const field = region.getByRole("textbox", { name: "Comment" }).first();
      const pasted = `${marker("paste")} ${"x".repeat(1_200_000)}`;
      await field.fill(pasted);
      await region.getByRole("button", { name: "Post comment" }).click();
      if (javaScriptEnabled) {
        // Nothing is sent: the field says by how much it is over, and keeps the text.
        await expect(
          region.getByText(/At most 5,000 characters; this has 1,200,0\d\d\./),
        ).toBeVisible();
        await expect(field).toBeFocused();
      } else {
        // Past the server's body limit: a page that says so, and the text is back on Back.
        await expect(page.getByRole("heading", { name: "Too long to send" })).toBeVisible();
        await expect(page.getByText("your text is still in the form")).toBeVisible();
        await page.goBack();
      }
      expect((await field.inputValue()).length).toBe(pasted.length);
      expect(storedWith(pasted.slice(0, 30))).toBe(0);
    } finally {
      await context.close();
    }
  });
}

test("a 5,000-character word and a 4,000-character address wrap at 320 px: nothing scrolls sideways", async ({
  page,
}) => {
  const m = marker("long-word");
  await signInWithOidc(page, uniqueIdentity("Wordsmith"), middleEast);
  const word = `${m} ${"w".repeat(4900)}`;
  await postComment(page, word);
  await postComment(page, `${m} https://example.com/${"p".repeat(3970)}`);
  await page.setViewportSize({ width: 320, height: 800 });
  for (const text of [word, `${m} https://example.com/`]) {
    await commentWith(page, text.slice(0, 40)).first().scrollIntoViewIfNeeded();
  }
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.viewport);
  const box = await commentWith(page, m).first().boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(320);
});
