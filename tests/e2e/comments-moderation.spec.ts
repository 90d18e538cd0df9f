import { postForm, readForm } from "../../scripts/lib/forms.mjs";
import { withDatabase } from "./support/database";
import { APP_URL } from "./support/env";
import { ARTICLES, commentWith, commentsRegion, marker, postComment } from "./support/comments";
import { mailsTo, waitForMail } from "./support/mail";
import {
  expect,
  sessionCookie,
  signInAsModerator,
  signInWithOidc,
  test,
  uniqueEmail,
  uniqueIdentity,
} from "./support/readers";

/** Timed bans and their list, and what a reader who is not a moderator cannot do. */
const article = ARTICLES.europe;

async function anonymousText(path: string): Promise<string> {
  return (await (await fetch(`${APP_URL}${path}`)).text()).replace(/<[^>]+>/g, " ");
}

function decisionsOn(commentId: string): number {
  return withDatabase(
    (db) =>
      (
        db
          .prepare("select count(*) as count from moderation_log where comment_id = ?")
          .get(commentId) as { count: number }
      ).count,
  );
}

function standing(email: string) {
  return withDatabase(
    (db) =>
      db
        .prepare(
          'select "bannedAt" as bannedAt, "bannedUntil" as bannedUntil, "alertModeration" as alerts from "User" where email = ?',
        )
        .get(email) as { bannedAt: string | null; bannedUntil: string | null; alerts: number },
  );
}

test("a ban for a day is listed with its end and reason, and lifting it lets the reader post again", async ({
  page,
  browser,
}) => {
  const m = marker("banned for a day");
  const reader = uniqueIdentity("Hothead");
  await signInWithOidc(page, reader, article);
  await postComment(page, `${m} heated`);

  const moderator = await browser.newPage();
  await signInAsModerator(moderator, article);
  const comment = commentWith(moderator, `${m} heated`);
  await comment.getByRole("button", { name: "Ban author" }).click();
  await comment.getByLabel("How long").selectOption("day");
  await comment.getByLabel("Reason for the ban").fill("Insults in three threads");
  await comment.getByRole("button", { name: "Ban Hothead" }).click();
  await expect(commentWith(moderator, `${m} heated`)).toContainText(
    "Hidden by a moderator: Its author was banned.",
  );
  const ban = standing(reader.email);
  expect(Date.parse(ban.bannedUntil!) - Date.parse(ban.bannedAt!)).toBe(86_400_000);
  await expect
    .poll(async () => (await anonymousText(article)).includes(m), { timeout: 1000 })
    .toBe(false);

  await moderator.goto("/admin/comments");
  const listed = moderator.getByRole("listitem").filter({ hasText: reader.email });
  await expect(listed).toContainText("until");
  await expect(listed).toContainText("Insults in three threads");
  await listed.getByRole("button", { name: "Lift the ban on Hothead" }).click();
  await expect(moderator.getByRole("listitem").filter({ hasText: reader.email })).toHaveCount(0);
  await moderator.close();

  // The comments the ban hid are back, and the reader posts again (signing in anew: the ban
  // ended their sessions).
  await expect
    .poll(async () => (await anonymousText(article)).includes(`${m} heated`), {
      timeout: 1000,
    })
    .toBe(true);
  await signInWithOidc(page, reader, article);
  await postComment(page, `${m} calmer`);
  await expect(commentWith(page, `${m} calmer`)).not.toContainText("Awaiting approval");
});

test("a reader who is not a moderator cannot hide, ban, lift a ban or take alerts, whatever the form says", async ({
  page,
  browser,
}) => {
  const m = marker("not a moderator");
  const victim = uniqueIdentity("Target Reader");
  const other = await browser.newPage();
  await signInWithOidc(other, victim, article);
  await postComment(other, m);
  const id = (await commentWith(other, m).getAttribute("id"))!.replace(/^comment-/, "");
  await other.close();

  // The moderators' forms, as a moderator's pages have them.
  const moderator = await browser.newContext();
  await signInAsModerator(await moderator.newPage(), article);
  const moderatorCookie = await sessionCookie(moderator);
  const hide = await readForm(APP_URL, article, { cookie: moderatorCookie, field: "decision" });
  const ban = await readForm(APP_URL, `${article}?ban=${id}`, {
    cookie: moderatorCookie,
    field: "term",
  });
  await moderator.close();

  const attacker = uniqueIdentity("Would-be Moderator");
  await signInWithOidc(page, attacker, article);
  const cookie = await sessionCookie(page.context());
  const attempts = [
    postForm(hide, { ids: id, decision: "hide", reason: "spam", returnTo: article }, { cookie }),
    postForm(
      ban,
      { id, term: "permanent", reason: "Because I can", hideComments: "on", returnTo: article },
      { cookie },
    ),
  ];
  for (const answer of await Promise.all(attempts)) {
    expect(answer.status).toBeLessThan(500);
    expect(answer.location).toBe("");
  }
  expect(decisionsOn(id)).toBe(0);
  expect(standing(victim.email).bannedAt).toBeNull();
  expect(await anonymousText(article)).toContain(m);

  // A notice about the comment, and a ban on its author: the forms that decide a notice and
  // lift a ban, as the moderators' queue has them, replayed by the reader, change nothing.
  const notice = await readForm(APP_URL, `/report/${id}`, { field: "law" });
  await postForm(
    notice,
    {
      law: "A law",
      explanation: "Because",
      name: "Someone",
      email: uniqueEmail("notice-replay"),
      goodFaith: "on",
    },
    { headers: { "x-forwarded-for": `10.9.${Math.floor(Math.random() * 250)}.7` } },
  );
  const noticeId = withDatabase(
    (db) =>
      (db.prepare("select id from content_notices where comment_id = ?").get(id) as { id: string })
        .id,
  );
  expect(
    (
      await postForm(
        ban,
        { id, term: "day", reason: "For the test", hideComments: "", returnTo: article },
        { cookie: moderatorCookie },
      )
    ).status,
  ).toBe(303);
  const queue = async (field: string) =>
    readForm(APP_URL, "/admin/comments", { cookie: moderatorCookie, field });
  const [decideForm, liftForm] = [await queue("outcome"), await queue("userId")];
  const victimId = withDatabase(
    (db) =>
      (db.prepare('select id from "User" where email = ?').get(victim.email) as { id: string }).id,
  );
  for (const answer of [
    await postForm(
      decideForm,
      { id: noticeId, outcome: "removed", note: "Forged", returnTo: "/admin/comments" },
      { cookie },
    ),
    await postForm(liftForm, { userId: victimId, returnTo: "/admin/comments" }, { cookie }),
  ]) {
    expect(answer.status).toBeLessThan(500);
    expect(answer.location).toBe("");
  }
  expect(standing(victim.email).bannedAt).not.toBeNull();
  expect(
    withDatabase(
      (db) =>
        db.prepare("select status from content_notices where id = ?").get(noticeId) as {
          status: string;
        },
    ).status,
  ).toBe("open");
  expect(decisionsOn(id)).toBe(0);

  // Alerts about the queue are the moderators' alone; the account page offers none.
  await page.goto("/account");
  await expect(page.getByRole("button", { name: /moderator alerts|moderation queue/ })).toHaveCount(
    0,
  );
  await expect(page.getByRole("button", { name: "Stop moderation emails" })).toBeVisible();
  const setting = await readForm(APP_URL, "/account", { cookie, field: "setting" });
  const alerts = await postForm(setting, { setting: "alerts", notify: "off" }, { cookie });
  expect(alerts.status).toBeLessThan(500);
  expect(alerts.body).toContain("Only moderators get alerts about the queue.");
  expect(standing(attacker.email).alerts).toBe(1);
});

test("a moderator's note cannot add a recipient or a header to the mail its author gets", async ({
  page,
  browser,
}) => {
  const m = marker("header injection");
  const author = uniqueIdentity("Injected Author");
  await signInWithOidc(page, author, article);
  await postComment(page, m);
  const id = (await commentWith(page, m).getAttribute("id"))!.replace(/^comment-/, "");

  const moderator = await browser.newContext();
  await signInAsModerator(await moderator.newPage(), article);
  const cookie = await sessionCookie(moderator);
  const hide = await readForm(APP_URL, article, { cookie, field: "decision" });
  await moderator.close();
  const victim = uniqueEmail("bcc-victim");
  const answer = await postForm(
    hide,
    {
      ids: id,
      decision: "hide",
      reason: "other",
      note: `Rude\r\nBcc: ${victim}\r\nSubject: injected`,
      returnTo: article,
    },
    { cookie },
  );
  expect(answer.status).toBe(303);
  const mail = await waitForMail(author.email);
  expect(mail.envelopeTo).toEqual([author.email]);
  expect(mail.subject).not.toContain("injected");
  expect(mail.headers.bcc).toBeUndefined();
  expect(await mailsTo(victim)).toEqual([]);
  await page.reload();
  await expect(commentsRegion(page)).toContainText("Removed by a moderator: Other (Rude");
});
