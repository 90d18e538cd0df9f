import { postForm, readForm } from "../../scripts/lib/forms.mjs";
import { withDatabase } from "./support/database";
import { waitForMail } from "./support/mail";
import { APP_URL } from "./support/env";
import { ARTICLES, commentsRegion, commentWith, marker, postComment } from "./support/comments";
import {
  expect,
  sessionCookie,
  signInAsModerator,
  signInWithOidc,
  test,
  uniqueIdentity,
} from "./support/readers";

function pickedAt(id: string): string | null {
  return withDatabase(
    (db) =>
      (
        db.prepare("select picked_at from comments where id = ?").get(id) as {
          picked_at: string | null;
        }
      ).picked_at,
  );
}

/** The comments as an anonymous reader's cached page has them, in order. */
async function anonymousComments(path: string): Promise<string> {
  return (await (await fetch(`http://localhost:3100${path}`)).text()).replace(/<[^>]+>/g, " ");
}

test("an editors' pick goes first, labelled, for anonymous readers within a second; a moderator's comment says Editor", async ({
  page,
  browser,
}) => {
  const article = ARTICLES.europe;
  const first = marker("an early comment");
  const second = marker("the comment to pick");
  const reader = await browser.newPage();
  await signInWithOidc(reader, uniqueIdentity("Pickable Reader"), article);
  await postComment(reader, first);
  await postComment(reader, second);
  await reader.close();

  await signInAsModerator(page, article);
  await commentWith(page, second).getByRole("button", { name: "Pick", exact: true }).click();
  await expect(commentWith(page, second)).toContainText("Editors' pick");
  await expect(commentWith(page, second).getByRole("button", { name: "Unpick" })).toBeVisible();

  // The cached page: the pick first of all the comments, with its label, within a second.
  await expect
    .poll(
      async () => {
        const text = await anonymousComments(article);
        const pick = text.indexOf(second);
        return pick > -1 && pick < text.indexOf(first) && /Editors.{1,6}pick/.test(text);
      },
      { timeout: 1000, intervals: [100] },
    )
    .toBe(true);
  const anonymous = await browser.newPage();
  await anonymous.goto(article);
  await expect(commentsRegion(anonymous).getByRole("article").first()).toContainText(second);
  await expect(commentsRegion(anonymous).getByRole("article").first()).toContainText(
    "Editors' pick",
  );

  const fromTheDesk = marker("a word from the desk");
  await postComment(page, fromTheDesk);
  await anonymous.reload();
  await expect(commentWith(anonymous, fromTheDesk)).toContainText("Editor");
  await expect(commentWith(anonymous, first)).not.toContainText("Editor");

  await commentWith(page, second).getByRole("button", { name: "Unpick" }).click();
  await expect
    .poll(async () => (await anonymousComments(article)).includes("Editors"), { timeout: 1000 })
    .toBe(false);
  await anonymous.close();
});

test("a reader who is not a moderator cannot pick: no button, and a replayed moderator's form is refused", async ({
  page,
  browser,
}) => {
  const m = marker("not to be picked");
  await signInWithOidc(page, uniqueIdentity("Would-be Picker"), ARTICLES.middleEast);
  await postComment(page, m);
  await expect(commentWith(page, m).getByRole("button", { name: "Pick", exact: true })).toHaveCount(
    0,
  );
  const id = (await commentWith(page, m).getAttribute("id"))!.replace(/^comment-/, "");

  // A moderator's Pick form, as their page has it, posted with this reader's session.
  const moderator = await browser.newContext();
  await signInAsModerator(await moderator.newPage(), ARTICLES.middleEast);
  const form = await readForm(APP_URL, ARTICLES.middleEast, {
    cookie: await sessionCookie(moderator),
    field: "decision",
  });
  await moderator.close();
  const readerCookie = await sessionCookie(page.context());
  const answer = await postForm(
    form,
    { ids: id, decision: "pick", returnTo: ARTICLES.middleEast },
    { cookie: readerCookie },
  );
  expect(answer.status).toBeLessThan(500);
  expect(answer.location).toBe("");
  expect(pickedAt(id)).toBeNull();
});

test("a comment a moderator removed is marked so for its author, and gone for everyone else", async ({
  page,
  browser,
}) => {
  const m = marker("to be removed");
  const article = ARTICLES.europe;
  const removed = uniqueIdentity("Removed Reader");
  await signInWithOidc(page, removed, article);
  await postComment(page, m);

  const moderator = await browser.newPage();
  await signInAsModerator(moderator, article);
  await commentWith(moderator, m).getByRole("button", { name: "Hide", exact: true }).click();
  await commentWith(moderator, m).getByLabel("Reason for removing").selectOption("other");
  await commentWith(moderator, m).getByRole("button", { name: "Hide comment" }).click();
  // "Other" needs a note: refused, and nothing hidden yet.
  await expect(commentWith(moderator, m).getByRole("alert")).toContainText("Say in the note why");
  await commentWith(moderator, m).getByLabel("Note to the author").fill("Names a private person");
  await commentWith(moderator, m).getByRole("button", { name: "Hide comment" }).click();
  await expect(commentWith(moderator, m)).toContainText(
    "Hidden by a moderator: Other (Names a private person).",
  );
  await moderator.close();

  await page.reload();
  await expect(commentWith(page, m)).toContainText(
    "Removed by a moderator: Other (Names a private person).",
  );
  // The statement of reasons reaches the author, once, with the reason and their text.
  const mail = await waitForMail(removed.email);
  expect(mail.subject).toContain("was removed");
  expect(mail.text).toContain("The reason: Other (Names a private person).");
  expect(mail.text).toContain(m);
  expect(mail.text).toContain("reply to this message");
  await expect
    .poll(async () => (await anonymousComments(article)).includes(m), { timeout: 1000 })
    .toBe(false);
  const other = await browser.newPage();
  await signInWithOidc(other, uniqueIdentity("Other Reader"), article);
  await expect(commentsRegion(other)).not.toContainText(m);
  await other.close();
});

test("each piece's comments have a feed, advertised by the page, that follows new comments", async ({
  page,
}) => {
  const article = ARTICLES.middleEast;
  const m = marker("for the comment feed");
  await signInWithOidc(page, uniqueIdentity("Feed Reader"), article);
  await postComment(page, m);
  const anonymous = await page.context().browser()!.newPage();
  await anonymous.goto(article);
  await expect(
    anonymous.locator('link[rel="alternate"][type="application/rss+xml"]').last(),
  ).toHaveAttribute("href", `${APP_URL}${article}/comments.xml`);
  const feed = async () => {
    const response = await fetch(`${APP_URL}${article}/comments.xml`);
    expect(response.headers.get("content-type")).toContain("application/rss+xml");
    return anonymous.evaluate(
      (source) => {
        const doc = new DOMParser().parseFromString(source, "application/xml");
        if (doc.querySelector("parsererror")) throw new Error("feed is not well-formed XML");
        return [...doc.querySelectorAll("channel > item")].map(
          (item) => item.querySelector("description")?.textContent ?? "",
        );
      },
      await response.text(),
    );
  };
  await expect
    .poll(async () => (await feed()).some((text) => text.includes(m)), {
      timeout: 2_000,
    })
    .toBe(true);
  expect((await fetch(`${APP_URL}/analysis/no-such-piece/comments.xml`)).status).toBe(404);
  await anonymous.close();
});
