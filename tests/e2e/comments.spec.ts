import type { Page } from "@playwright/test";
import { APP_URL } from "./support/env";
import { linkIn, mailsTo, waitForMail } from "./support/mail";
import { ARTICLES, commentWith, commentsRegion, marker, postComment } from "./support/comments";
import { expect, signInAsModerator, signInWithOidc, test, uniqueIdentity } from "./support/readers";

const { flagship, middleEast } = ARTICLES;

async function anonymousHtml(path: string) {
  return (await fetch(`${APP_URL}${path}`)).text();
}

async function reply(page: Page, parentText: string, text: string) {
  const parent = commentWith(page, parentText).first();
  await parent.getByRole("button", { name: "Reply" }).click();
  await parent.getByRole("textbox", { name: "Comment" }).fill(text);
  await parent.getByRole("button", { name: "Post reply" }).click();
  await expect(commentWith(page, text)).toBeVisible();
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("an open Reply or Edit keeps the row of controls whole above it, and Cancel puts it back", async ({
      page,
    }) => {
      const m = marker("controls");
      await signInWithOidc(page, uniqueIdentity("Row Keeper"), middleEast);
      await postComment(page, m);
      const comment = commentWith(page, m);
      for (const [button, field] of [
        ["Reply", "Post reply"],
        ["Edit", "Save"],
      ] as const) {
        await comment.getByRole("button", { name: button, exact: true }).click();
        const submit = comment.getByRole("button", { name: field });
        await expect(submit).toBeVisible();
        const formTop = (await submit.boundingBox())!.y;
        // Every control of the row stays on one line, above the open form.
        const rows = new Set<number>();
        for (const name of ["Reply", "Edit", "Delete"]) {
          const box = (await comment.getByRole("button", { name, exact: true }).boundingBox())!;
          expect(box.y, name).toBeLessThan(formTop);
          rows.add(Math.round(box.y));
        }
        expect(rows.size).toBe(1);
        await comment.getByRole("link", { name: "Cancel" }).click();
        await expect(submit).toHaveCount(0);
        await expect(comment.getByRole("button", { name: button, exact: true })).toBeVisible();
      }
    });

    test(
      "a reader posts, replies, edits and deletes, and anonymous readers see each change within a second",
      { tag: "@smoke" },
      async ({ page }) => {
        const m = marker("thread");
        await signInWithOidc(page, uniqueIdentity("Ada Commenter"), `${flagship}#comments`);
        await postComment(page, `${m} opening *view*`);
        const opening = commentWith(page, `${m} opening`);
        await expect(opening.getByText("Ada Commenter")).toBeVisible();
        await expect(opening.locator("em")).toHaveText("view");
        await expect
          .poll(async () => (await anonymousHtml(flagship)).includes(`${m} opening`), {
            timeout: 1000,
          })
          .toBe(true);

        await reply(page, `${m} opening`, `${m} first reply`);
        const replies = commentsRegion(page).getByRole("list", {
          name: "Replies to Ada Commenter",
        });
        await expect(
          replies.getByRole("article").filter({ hasText: `${m} first reply` }),
        ).toBeVisible();

        await reply(page, `${m} first reply`, `${m} deeper reply`);
        const deeper = commentWith(page, `${m} deeper reply`);
        await expect(deeper).toContainText("in reply to Ada Commenter");
        await expect(
          replies.getByRole("article").filter({ hasText: `${m} deeper reply` }),
        ).toBeVisible();

        await opening.getByRole("button", { name: "Edit" }).click();
        const editor = commentWith(page, `${m} opening`).getByRole("textbox", { name: "Comment" });
        await expect(editor).toHaveValue(`${m} opening *view*`);
        await editor.fill(`${m} opening, revised`);
        await commentWith(page, `${m} opening`).getByRole("button", { name: "Save" }).click();
        const revised = commentWith(page, `${m} opening, revised`);
        await expect(revised).toContainText("edited");
        await expect
          .poll(async () => (await anonymousHtml(flagship)).includes(`${m} opening, revised`), {
            timeout: 1000,
          })
          .toBe(true);

        // Deleting asks first; Cancel puts the row back as it was.
        await revised.getByRole("button", { name: "Delete", exact: true }).click();
        await expect(revised.getByText("Delete this comment?")).toBeVisible();
        await revised.getByRole("link", { name: "Cancel" }).click();
        await expect(revised.getByText("Delete this comment?")).toHaveCount(0);
        await expect(revised).toBeVisible();
        await revised.getByRole("button", { name: "Delete", exact: true }).click();
        await revised.getByRole("button", { name: "Delete comment" }).click();
        await expect(commentWith(page, `${m} opening`)).toHaveCount(0);
        await expect(
          replies.getByRole("article").filter({ hasText: `${m} first reply` }),
        ).toBeVisible();
        await expect(
          commentsRegion(page).getByText("deleted", { exact: true }).first(),
        ).toBeVisible();
        await expect
          .poll(async () => (await anonymousHtml(flagship)).includes(`${m} opening`), {
            timeout: 1000,
          })
          .toBe(false);
      },
    );

    test("comments sort oldest or newest first, by links", async ({ page }) => {
      const m = marker("sorted");
      await signInWithOidc(page, uniqueIdentity("Sorter"), `${middleEast}#comments`);
      await postComment(page, `${m} earlier`);
      await postComment(page, `${m} later`);
      const order = async () =>
        (await commentsRegion(page).getByRole("article").allInnerTexts())
          .map((text) =>
            text.includes(`${m} earlier`)
              ? "earlier"
              : text.includes(`${m} later`)
                ? "later"
                : null,
          )
          .filter(Boolean);
      await commentsRegion(page).getByRole("link", { name: "Newest first" }).click();
      await expect(page).toHaveURL(/\/newest#comments$/);
      await expect.poll(order).toEqual(["later", "earlier"]);
      await commentsRegion(page).getByRole("link", { name: "Oldest first" }).click();
      await expect(page).toHaveURL(/-middle-east#comments$/);
      await expect.poll(order).toEqual(["earlier", "later"]);
    });
  });
}

test("anonymous readers see the comments in the cached page, with a way to sign in and reply", async ({
  page,
  browser,
}) => {
  const m = marker("anon");
  const writer = await browser.newPage();
  await signInWithOidc(writer, uniqueIdentity("Writer"), flagship);
  await postComment(writer, m);
  await writer.close();

  await page.goto(flagship);
  const region = commentsRegion(page);
  await expect(commentWith(page, m)).toBeVisible();
  await expect(region.getByRole("link", { name: "Sign in to comment" })).toHaveAttribute(
    "href",
    "/signin?callbackUrl=%2Fanalysis%2Fthe-end-of-the-blank-check%23comments",
  );
  await expect(region.getByRole("textbox")).toHaveCount(0);
  await commentWith(page, m).getByRole("button", { name: "Reply" }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  expect(new URL(page.url()).searchParams.get("callbackUrl")).toMatch(
    /^\/analysis\/the-end-of-the-blank-check\?reply=[0-9a-f-]+#comment-[0-9a-f-]+$/,
  );

  const first = await page.request.get(flagship);
  const second = await page.request.get(flagship);
  expect(second.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(await second.text()).toContain(m);
  expect(first.status()).toBe(200);
});

test("the count shows in the heading, the article's header and the listings", async ({
  page,
  browser,
}) => {
  await signInWithOidc(page, uniqueIdentity("Counter"), flagship);
  await postComment(page, marker("counted"));
  const anonymous = await browser.newPage();
  await anonymous.goto(flagship);
  await expect(anonymous.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  const headingElement = commentsRegion(anonymous).getByRole("heading", { level: 2 });
  await expect.poll(() => headingElement.innerText()).toMatch(/^Comments \(\d+\)$/);
  const count = Number(/\d+/.exec(await headingElement.innerText())?.[0]);
  expect(count).toBeGreaterThan(0);
  const label = `${count} ${count === 1 ? "comment" : "comments"}`;
  await expect(
    anonymous.locator("article header").getByRole("link", { name: label }),
  ).toBeVisible();
  await anonymous.goto("/");
  const listed = await anonymous
    .getByRole("article")
    .filter({ hasText: "The End of the Blank Check" })
    .getByRole("link", { name: /^\d+ comments?$/ })
    .innerText();
  expect(Number.parseInt(listed, 10)).toBeGreaterThanOrEqual(count);
  await anonymous.close();
});

test("a reader reports a comment once, and moderators find it in the queue with the reason", async ({
  page,
  browser,
}) => {
  const m = marker("reportable");
  const author = await browser.newPage();
  await signInWithOidc(author, uniqueIdentity("Provocateur"), middleEast);
  await postComment(author, m);
  await author.close();

  await signInWithOidc(page, uniqueIdentity("Watchful Reader"), middleEast);
  const comment = commentWith(page, m);
  await comment.getByRole("button", { name: "Report" }).click();
  await comment.getByLabel("Reason").selectOption("spam");
  await comment.getByRole("button", { name: "Send report" }).click();
  await expect(
    comment.getByText("Thank you. The moderators will look at this comment."),
  ).toBeVisible();
  await page.reload();
  await expect(commentWith(page, m).getByText("Reported", { exact: true })).toBeVisible();
  await expect(commentWith(page, m).getByRole("button", { name: "Report" })).toHaveCount(0);

  const moderator = await browser.newPage();
  await signInAsModerator(moderator, "/admin/comments?filter=reported");
  const item = moderator.getByRole("article").filter({ hasText: m });
  await expect(item).toContainText("Reported 1×: Spam or advertising");
  await moderator.close();
});

test("moderators hide, restore and delete any comment, and anonymous pages follow", async ({
  page,
  browser,
}) => {
  const m = marker("moderated");
  const author = await browser.newPage();
  await signInWithOidc(author, uniqueIdentity("Hasty Author"), middleEast);
  await postComment(author, m);
  await author.close();

  await signInAsModerator(page, middleEast);
  const comment = commentWith(page, m);
  await comment.getByRole("button", { name: "Hide", exact: true }).click();
  await comment.getByLabel("Reason for removing").selectOption("off-topic");
  await comment.getByRole("button", { name: "Hide comment" }).click();
  await expect(commentWith(page, m)).toContainText("Hidden by a moderator: Off topic.");
  await expect
    .poll(async () => (await anonymousHtml(middleEast)).includes(m), { timeout: 1000 })
    .toBe(false);

  await commentWith(page, m).getByRole("button", { name: "Restore" }).click();
  await expect(
    commentWith(page, m).getByRole("button", { name: "Hide", exact: true }),
  ).toBeVisible();
  await expect
    .poll(async () => (await anonymousHtml(middleEast)).includes(m), { timeout: 1000 })
    .toBe(true);

  await commentWith(page, m).getByRole("button", { name: "Delete", exact: true }).click();
  await commentWith(page, m).getByRole("button", { name: "Delete comment" }).click();
  await expect(commentWith(page, m)).toHaveCount(0);
  await expect
    .poll(async () => (await anonymousHtml(middleEast)).includes(m), { timeout: 1000 })
    .toBe(false);
});

test("a moderator bans a reader: comments hidden, sessions ended, posting refused", async ({
  page,
  browser,
}) => {
  const m = marker("banned");
  const troll = uniqueIdentity("Troll");
  await signInWithOidc(page, troll, flagship);
  await postComment(page, `${m} one`);
  await postComment(page, `${m} two`);

  const moderator = await browser.newPage();
  await signInAsModerator(moderator, flagship);
  await commentWith(moderator, `${m} one`).getByRole("button", { name: "Ban author" }).click();
  await commentWith(moderator, `${m} one`).getByLabel("How long").selectOption("permanent");
  await commentWith(moderator, `${m} one`).getByLabel("Reason for the ban").fill("Trolling");
  await commentWith(moderator, `${m} one`).getByRole("button", { name: "Ban Troll" }).click();
  await expect(commentWith(moderator, `${m} two`)).toContainText(
    "Hidden by a moderator: Its author was banned.",
  );
  await moderator.close();

  await expect
    .poll(async () => (await anonymousHtml(flagship)).includes(m), { timeout: 1000 })
    .toBe(false);
  await page.goto(flagship);
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();

  await signInWithOidc(page, troll, flagship);
  await commentsRegion(page).getByRole("textbox", { name: "Comment" }).first().fill(`${m} three`);
  await commentsRegion(page).getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByText("Your account can no longer post comments.")).toBeVisible();
  await expect(commentsRegion(page).getByRole("textbox", { name: "Comment" }).first()).toHaveValue(
    `${m} three`,
  );
  expect(await anonymousHtml(flagship)).not.toContain(`${m} three`);
});

test("the moderation queue filters, and acts on several comments at once", async ({
  page,
  browser,
}) => {
  const m = marker("bulk");
  const author = await browser.newPage();
  await signInWithOidc(author, uniqueIdentity("Prolific"), ARTICLES.europe);
  await postComment(author, `${m} alpha`);
  await postComment(author, `${m} beta`);
  await author.close();

  await signInAsModerator(page, "/admin/comments");
  await expect(page.getByRole("heading", { name: "Comments", level: 1 })).toBeVisible();
  for (const word of ["alpha", "beta"]) {
    const row = page.getByRole("listitem").filter({ hasText: `${m} ${word}` });
    await row.getByRole("checkbox").check();
  }
  // Hiding needs a reason, which the authors are told.
  await page.getByRole("button", { name: "Hide selected" }).click();
  await expect(page.getByText("Choose why these comments are removed")).toBeVisible();
  await page.getByLabel("Reason for removing").selectOption("spam");
  await page.getByRole("button", { name: "Hide selected" }).click();
  await page.getByRole("link", { name: "Hidden" }).click();
  await expect(page.getByRole("article").filter({ hasText: `${m} alpha` })).toContainText("Hidden");
  await expect(page.getByRole("article").filter({ hasText: `${m} beta` })).toContainText("Hidden");
  expect(await anonymousHtml(ARTICLES.europe)).not.toContain(m);
});

for (const javaScriptEnabled of [true, false]) {
  test(`the moderation queue names articles by title, and selects all and none (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({
    browser,
  }) => {
    const m = marker("select-all");
    const author = await browser.newPage();
    await signInWithOidc(author, uniqueIdentity("Selectable"), ARTICLES.europe);
    await postComment(author, m);
    await author.close();

    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await signInAsModerator(page, "/admin/comments");
    const item = page.getByRole("listitem").filter({ hasText: m });
    await expect(
      item.getByRole("link", {
        name: "Europe’s Defence-Industrial Strategy: Targets Before Capacity",
      }),
    ).toHaveAttribute("href", /^\/analysis\/europes-defence-industrial-strategy#comment-/);
    const boxes = page.getByRole("checkbox", { name: /^Select the comment by/ });
    expect(await boxes.count()).toBeGreaterThan(1);

    await page.getByRole("link", { name: "Select all" }).click();
    await expect(item.getByRole("checkbox")).toBeChecked();
    for (const box of await boxes.all()) await expect(box).toBeChecked();
    await page.getByRole("link", { name: "Select none" }).click();
    for (const box of await boxes.all()) await expect(box).not.toBeChecked();
    await context.close();
  });
}

test("a reader who asked is mailed about replies, and stops the mail in one click", async ({
  page,
  browser,
  request,
}) => {
  const m = marker("mailed");
  const ada = uniqueIdentity("Ada Mailable");
  await signInWithOidc(page, ada, "/account");
  await expect(page.getByText("We do not email you about replies to your comments.")).toBeVisible();
  await page.getByRole("button", { name: "Email me when someone replies" }).click();
  await expect(page.getByRole("status").filter({ hasText: "We will email you" })).toBeVisible();
  await page.goto(flagship);
  await postComment(page, `${m} question`);

  const other = await browser.newPage();
  const bea = uniqueIdentity("Bea Replier");
  await signInWithOidc(other, bea, flagship);
  await reply(other, `${m} question`, `${m} answer`);
  const mail = await waitForMail(ada.email);
  expect(mail.subject).toBe("Bea Replier replied to your comment");
  expect(mail.text).toContain(`${m} answer`);
  expect(mail.text).toMatch(new RegExp(`${APP_URL}${flagship}#comment-[0-9a-f-]+`));
  expect(mail.html).toContain("Read the reply");
  expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  const oneClick = /<([^>]+)>/.exec(mail.headers["list-unsubscribe"] ?? "")?.[1] ?? "";
  expect(oneClick.startsWith(`${APP_URL}/api/replies/unsubscribe?`)).toBe(true);
  const visible = linkIn(mail, "/replies/unsubscribe");

  // Following the links (as a mail scanner would) changes nothing.
  expect((await request.get(oneClick, { maxRedirects: 0 })).status()).toBe(303);
  const scanner = await browser.newPage();
  await scanner.goto(visible);
  await expect(scanner.getByRole("button", { name: "Stop reply emails" })).toBeVisible();
  await page.goto("/account");
  await expect(
    page.getByText("We email you when someone replies to one of your comments."),
  ).toBeVisible();

  const forged = new URL(oneClick);
  forged.searchParams.set("t", "forged");
  expect(
    (await request.post(forged.toString(), { form: { "List-Unsubscribe": "One-Click" } })).status(),
  ).toBe(400);
  const post = await request.post(oneClick, { form: { "List-Unsubscribe": "One-Click" } });
  expect(post.status()).toBe(200);
  await page.reload();
  await expect(page.getByText("We do not email you about replies to your comments.")).toBeVisible();

  await reply(other, `${m} question`, `${m} second answer`);
  // A barrier through the same path: Bea asks for reply mail, and once Ada's reply to her
  // reaches her, the reply mail for Bea's second answer would have reached Ada too.
  await other.goto("/account");
  await other.getByRole("button", { name: "Email me when someone replies" }).click();
  await expect(other.getByRole("status").filter({ hasText: "We will email you" })).toBeVisible();
  await page.goto(flagship);
  await reply(page, `${m} second answer`, `${m} sentinel`);
  await waitForMail(bea.email);
  expect(await mailsTo(ada.email)).toHaveLength(1);
  await scanner.getByRole("button", { name: "Stop reply emails" }).click();
  await expect(
    scanner.getByText("Done: you will not get mail about replies any more."),
  ).toBeVisible();
  await other.close();
  await scanner.close();
});

test("deleting an account keeps its comments in their threads, signed “deleted account”", async ({
  page,
  browser,
}) => {
  const m = marker("departed");
  await signInWithOidc(page, uniqueIdentity("Departing Reader"), ARTICLES.europe);
  await postComment(page, `${m} last words`);
  const other = await browser.newPage();
  await signInWithOidc(other, uniqueIdentity("Staying Reader"), ARTICLES.europe);
  await reply(other, `${m} last words`, `${m} reply stays`);
  await other.close();

  await page.goto("/account");
  await page.getByLabel("Type “delete” to confirm").fill("delete");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("heading", { name: "Your account has been deleted" })).toBeVisible();

  await page.goto(ARTICLES.europe);
  const departed = commentWith(page, `${m} last words`);
  await expect(departed).toContainText("deleted account");
  await expect(departed).not.toContainText("Departing Reader");
  await expect(commentWith(page, `${m} reply stays`)).toBeVisible();
});

test("each comment's time is a link to it, and Copy link copies its address", async ({
  page,
  context,
}) => {
  const m = marker("shareable");
  await signInWithOidc(page, uniqueIdentity("Sharer"), ARTICLES.europe);
  await postComment(page, m);
  const comment = commentWith(page, m);
  const permalink = comment.getByRole("link", { name: /\d{4} at \d{2}:\d{2}/ });
  const href = await permalink.getAttribute("href");
  expect(href).toMatch(/^#comment-[0-9a-f-]+$/);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await comment.getByRole("button", { name: "Copy link to the comment by Sharer" }).click();
  await expect(comment.getByText("Copied")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `http://localhost:3100${ARTICLES.europe}${href}`,
  );
  // Anonymous readers get the same link, in the cached page.
  const anonymous = await (await fetch(`http://localhost:3100${ARTICLES.europe}`)).text();
  expect(anonymous).toContain(`href="${href}"`);
});
