import AxeBuilder from "@axe-core/playwright";
import { randomBytes, randomUUID } from "node:crypto";
import { postForm, readForm } from "../../scripts/lib/forms.mjs";
import { withDatabase } from "./support/database";
import { APP_URL } from "./support/env";
import { ARTICLES, commentWith, commentsRegion, marker, postComment } from "./support/comments";
import { mailsTo, waitForMail } from "./support/mail";
import {
  expect,
  signInAsModerator,
  signInWithOidc,
  test,
  uniqueEmail,
  uniqueIdentity,
} from "./support/readers";

/** Notices of illegal content: anyone sends one, moderators decide first, the sender hears. */
const article = ARTICLES.middleEast;

function noticesAbout(commentId: string): { status: string; sender_email: string }[] {
  return withDatabase(
    (db) =>
      db
        .prepare("select status, sender_email from content_notices where comment_id = ?")
        .all(commentId) as { status: string; sender_email: string }[],
  );
}

/** A comment of its own, posted by a reader of its own; its id. */
async function commentToReport(
  browser: import("@playwright/test").Browser,
  text: string,
): Promise<string> {
  const author = await browser.newPage();
  await signInWithOidc(author, uniqueIdentity("Accused Author"), article);
  await postComment(author, text);
  const id = (await commentWith(author, text).getAttribute("id"))!.replace(/^comment-/, "");
  await author.close();
  return id;
}

const forwardedFor = () => {
  const bytes = randomBytes(3);
  return `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`;
};

for (const javaScriptEnabled of [true, false]) {
  test(`an anonymous notice of illegal content gets its receipt, comes first in the queue, and its decision reaches the sender (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({
    browser,
  }) => {
    const m = marker("notice");
    const id = await commentToReport(browser, `${m} defamatory words`);
    const sender = uniqueEmail("notice-sender");

    // An anonymous reader finds "Report illegal content" under the comment, on the cached page.
    const context = await browser.newContext({
      javaScriptEnabled,
      extraHTTPHeaders: { "x-forwarded-for": forwardedFor() },
    });
    const page = await context.newPage();
    await page.goto(article);
    await commentWith(page, `${m} defamatory words`)
      .getByRole("link", { name: /^Report illegal content/ })
      .click();
    await expect(page.getByRole("heading", { name: "Report illegal content" })).toBeVisible();
    await expect(page.locator("blockquote")).toHaveText(`${m} defamatory words`);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    const form = page.getByRole("form", { name: "Notice of illegal content" });
    await form.getByLabel("Which law does it break?").fill("Defamation Act 2013, section 1");
    await form.getByLabel("Why is it illegal?").fill("It says falsely that I took bribes.");
    await form.getByLabel("Your name").fill("Nora Notifier");
    await form.getByLabel("Your email").fill(sender);
    // Without the good-faith statement, it is refused, and what was written stays.
    await form.getByRole("button", { name: "Send the notice" }).click();
    await expect(page.getByText("Confirm that the notice is accurate")).toBeVisible();
    await expect(
      page.getByRole("form", { name: "Notice of illegal content" }).getByLabel("Your name"),
    ).toHaveValue("Nora Notifier");
    await page.getByLabel(/I believe in good faith/).check();
    await page.getByRole("button", { name: "Send the notice" }).click();
    await expect(page.getByText("Your notice is with the moderators")).toBeVisible();
    await context.close();

    const receipt = await waitForMail(sender);
    expect(receipt.subject).toContain("Your notice about a comment on");
    expect(receipt.text).toContain("Defamation Act 2013, section 1");
    expect(noticesAbout(id)).toEqual([{ status: "open", sender_email: sender }]);

    // First on the queue page, above the comments.
    const moderator = await browser.newPage();
    await signInAsModerator(moderator, "/admin/comments");
    const notices = moderator.getByRole("region", { name: /Notices of illegal content/ });
    await expect(notices).toBeVisible();
    const notice = notices.getByRole("listitem").filter({ hasText: `${m} defamatory words` });
    await expect(notice).toContainText("Defamation Act 2013");
    await expect(notice).toContainText("Nora Notifier");
    const box = await notices.boundingBox();
    const firstComment = await moderator.getByRole("checkbox").first().boundingBox();
    expect(box!.y).toBeLessThan(firstComment!.y);
    await notice.getByLabel("Remove the comment (illegal content)").check();
    await notice
      .getByLabel(/Reasons, sent to the sender/)
      .fill("A false statement of fact about a named person.");
    await notice.getByRole("button", { name: "Decide" }).click();
    await expect(
      moderator
        .getByRole("listitem")
        .filter({ hasText: `${m} defamatory words` })
        .first(),
    ).not.toContainText("Law named");
    await moderator.close();

    const decision = await waitForMail(sender, 2);
    expect(decision.subject).toContain("The decision on your notice");
    expect(decision.text).toContain("the comment has been removed");
    expect(decision.text).toContain("A false statement of fact about a named person.");
    expect(noticesAbout(id)).toEqual([{ status: "removed", sender_email: sender }]);
    await expect
      .poll(async () => (await (await fetch(`${APP_URL}${article}`)).text()).includes(m), {
        timeout: 1000,
      })
      .toBe(false);
  });
}

test("a notice about a comment that does not exist is a 404 page, and a forged id is refused", async ({
  browser,
}) => {
  const m = marker("forged notice");
  const id = await commentToReport(browser, m);
  expect((await fetch(`${APP_URL}/report/${randomUUID()}`)).status).toBe(404);
  expect((await fetch(`${APP_URL}/report/not-a-comment`)).status).toBe(404);

  const headers = { "x-forwarded-for": forwardedFor() };
  const form = await readForm(APP_URL, `/report/${id}`, { field: "law" });
  const values = {
    law: "A law",
    explanation: "Because",
    name: "Forger",
    email: uniqueEmail("forger"),
    goodFaith: "on",
  };
  for (const forged of [randomUUID(), "../../admin", `${id}' or '1'='1`]) {
    const answer = await postForm(form, { ...values, id: forged }, { headers });
    expect(answer.status).toBeLessThan(500);
    expect(answer.body).toContain("That comment does not exist.");
  }
  expect(noticesAbout(id)).toEqual([]);
  expect(await mailsTo(values.email)).toEqual([]);
  // An address with a line break in it is refused before anything is stored or sent.
  const injected = await postForm(
    form,
    { ...values, email: `${uniqueEmail("inject")}\r\nBcc: victim@example.com` },
    { headers },
  );
  expect(injected.status).toBeLessThan(500);
  expect(noticesAbout(id)).toEqual([]);
});

test("fifty notices from one client: the first few are taken, the rest told to wait", async ({
  browser,
}) => {
  const m = marker("notice flood");
  const id = await commentToReport(browser, m);
  const form = await readForm(APP_URL, `/report/${id}`, { field: "law" });
  const headers = { "x-forwarded-for": forwardedFor() };
  const answers = [];
  for (let index = 0; index < 50; index++) {
    answers.push(
      await postForm(
        form,
        {
          law: `Law ${index}`,
          explanation: "x".repeat(5000),
          name: "Flooder",
          email: uniqueEmail("flood"),
          goodFaith: "on",
        },
        { headers },
      ),
    );
  }
  expect(answers.every((answer) => answer.status < 500)).toBe(true);
  expect(noticesAbout(id)).toHaveLength(5);
  expect(answers.at(-1)!.body).toContain("Too many notices from here");
  // One character past the limit is refused with the limit in words.
  const tooLong = await postForm(
    form,
    {
      law: "Law",
      explanation: "x".repeat(5001),
      name: "Verbose",
      email: uniqueEmail("verbose"),
      goodFaith: "on",
    },
    { headers: { "x-forwarded-for": forwardedFor() } },
  );
  expect(tooLong.body).toContain("under 5,000 characters");
  expect(noticesAbout(id)).toHaveLength(5);
});

test("a signed-in reader's Report offers a notice of illegal content", async ({
  page,
  browser,
}) => {
  const m = marker("report offers notice");
  await commentToReport(browser, m);
  await signInWithOidc(page, uniqueIdentity("Careful Reader"), article);
  await commentWith(page, m).getByRole("button", { name: "Report" }).click();
  await commentWith(page, m)
    .getByRole("link", { name: "Send a notice of illegal content" })
    .click();
  await expect(page.getByRole("heading", { name: "Report illegal content" })).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue("Careful Reader");
  await expect(commentsRegion(page)).toHaveCount(0);
});

test("the notice page has no accessibility violations, light or dark, and fits 320 px", async ({
  page,
  browser,
}) => {
  const id = await commentToReport(browser, marker("accessible notice"));
  await page.setViewportSize({ width: 320, height: 800 });
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(`/report/${id}`);
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
      .analyze();
    expect(
      results.violations.map(({ id: rule, nodes }) => ({ rule, nodes: nodes.length })),
    ).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
  }
});
