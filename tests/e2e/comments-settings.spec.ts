import { randomBytes } from "node:crypto";
import path from "node:path";
import { withDatabase } from "./support/database";
import { FLAGSHIP, MODERATOR_EMAIL, OIDC_ISSUER, OIDC_NAME, SMTP_PORT } from "./support/env";
import { mailsTo, waitForMail } from "./support/mail";
import { commentWith, commentsRegion, marker, postComment } from "./support/comments";
import { actAs, expect, MODERATOR, test, uniqueIdentity, type Identity } from "./support/readers";
import { removeDataDir, startServer, type RunningServer } from "./support/server";
import type { Page } from "@playwright/test";

/** A server of its own, with the first comment of each reader held for approval. */
test.describe.configure({ mode: "serial" });

let server: RunningServer;
/** A second moderator, this server's own: its alerts are counted. */
const DESK = `desk-${randomBytes(4).toString("hex")}@example.com`;

test.beforeAll(async () => {
  server = await startServer(3115, {
    env: {
      HOLD_FIRST_COMMENT: "true",
      AUTH_OIDC_ISSUER: OIDC_ISSUER,
      AUTH_OIDC_ID: "ledger-e2e",
      AUTH_OIDC_SECRET: "ledger-e2e-secret",
      AUTH_OIDC_NAME: OIDC_NAME,
      ADMIN_EMAILS: `${MODERATOR_EMAIL},${DESK}`,
      EMAIL_SERVER: `smtp://127.0.0.1:${SMTP_PORT}`,
    },
  });
});

test.afterAll(async () => {
  await server.stop();
  await removeDataDir(server);
});

async function signIn(page: Page, identity: Identity, path: string) {
  await actAs(page.context(), identity);
  await page.goto(`${server.url}/signin?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByRole("button", { name: `Sign in with ${OIDC_NAME}` }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: identity.name })).toBeVisible();
}

// First in the file: the alert window starts with the first comment held here.
test("moderators are mailed about the queue at once, then at most once per 15 minutes", async ({
  page,
  browser,
}) => {
  const m = marker("alert");
  const before = (await mailsTo(DESK)).length;
  await signIn(page, uniqueIdentity("First Timer"), FLAGSHIP);
  await postComment(page, `${m} first`);
  // The first alert goes at once, and links to the comment in the queue.
  const alert = await waitForMail(DESK, before + 1);
  expect(alert.subject).toMatch(/needs? a moderator/);
  expect(alert.text).toContain("Awaiting approval, on “The End of the Blank Check:");
  expect(alert.text).toContain(`${server.url}/admin/comments?filter=held#queue-`);

  // A second held comment inside the window: no new mail; one alert waits for the window's end.
  const other = await browser.newPage();
  await signIn(other, uniqueIdentity("Second Timer"), FLAGSHIP);
  await postComment(other, `${m} second`);
  await other.close();
  const waiting = withDatabase(
    (db) =>
      db
        .prepare(
          "select not_before from mail_queue where kind = 'moderator-alert' and recipient = ? and status = 'pending'",
        )
        .all(DESK) as { not_before: string }[],
    path.join(server.dataDir, "site.db"),
  );
  expect(waiting).toHaveLength(1);
  expect(Date.parse(waiting[0]!.not_before) - Date.parse(alert.receivedAt)).toBeGreaterThan(
    14 * 60_000,
  );
  expect(await mailsTo(DESK)).toHaveLength(before + 1);
});

test("a reader's first comment waits for approval, and says so; later ones do not", async ({
  page,
  browser,
}) => {
  const m = marker("held");
  await signIn(page, uniqueIdentity("Newcomer"), FLAGSHIP);
  await postComment(page, `${m} first`);
  await expect(commentWith(page, `${m} first`)).toContainText("Awaiting approval by a moderator");
  expect(await (await fetch(`${server.url}${FLAGSHIP}`)).text()).not.toContain(m);

  const moderator = await browser.newPage();
  await signIn(moderator, MODERATOR, "/admin/comments?filter=held");
  const row = moderator.getByRole("listitem").filter({ hasText: `${m} first` });
  await row.getByRole("checkbox").check();
  await moderator.getByRole("button", { name: "Approve selected" }).click();
  await expect(moderator.getByText(`${m} first`)).toHaveCount(0);
  await moderator.close();

  await expect
    .poll(
      async () => (await (await fetch(`${server.url}${FLAGSHIP}`)).text()).includes(`${m} first`),
      {
        timeout: 1000,
      },
    )
    .toBe(true);
  await page.reload();
  await postComment(page, `${m} second`);
  await expect(commentWith(page, `${m} second`)).not.toContainText("Awaiting approval");
  await expect(commentsRegion(page).getByText("Awaiting approval")).toHaveCount(0);
});

test("an approved first comment edited by its author waits for approval again, its earlier text kept for moderators", async ({
  page,
  browser,
}) => {
  const m = marker("held edit");
  await signIn(page, uniqueIdentity("Rewriter"), FLAGSHIP);
  await postComment(page, `${m} harmless`);
  const moderator = await browser.newPage();
  await signIn(moderator, MODERATOR, "/admin/comments?filter=held");
  const row = moderator.getByRole("listitem").filter({ hasText: `${m} harmless` });
  await row.getByRole("checkbox").check();
  await moderator.getByRole("button", { name: "Approve selected" }).click();
  await expect(moderator.getByText(`${m} harmless`)).toHaveCount(0);

  await page.reload();
  const comment = commentWith(page, `${m} harmless`);
  await comment.getByRole("button", { name: "Edit" }).click();
  await comment.getByRole("textbox", { name: "Comment" }).fill(`${m} buy pills`);
  await comment.getByRole("button", { name: "Save" }).click();
  await expect(commentWith(page, `${m} buy pills`)).toContainText(
    "Awaiting approval by a moderator",
  );
  await expect
    .poll(async () => (await (await fetch(`${server.url}${FLAGSHIP}`)).text()).includes(m), {
      timeout: 1000,
    })
    .toBe(false);

  await moderator.goto(`${server.url}/admin/comments?filter=held`);
  const queued = moderator.getByRole("listitem").filter({ hasText: `${m} buy pills` });
  await queued.getByText("Text before the last edit").click();
  await expect(queued).toContainText(`${m} harmless`);
  await queued.getByText(/Moderation log/).click();
  await expect(queued).toContainText(`Approved by ${MODERATOR_EMAIL}`);
  await moderator.close();
});

// Here, on a server of its own whose tests run one at a time, no other test's comment can
// reach the follower's digest first.
test("a reader follows a discussion: new comments by others come by mail, and one click stops them", async ({
  page,
  browser,
}) => {
  const m = marker("followed");
  const follower = uniqueIdentity("Follower");
  await signIn(page, follower, FLAGSHIP);
  await commentsRegion(page).getByRole("button", { name: "Follow this discussion" }).click();
  await expect(
    commentsRegion(page).getByRole("button", { name: "Stop following this discussion" }),
  ).toBeVisible();

  // Another reader's first comment, held, then approved: the digest has it once it shows.
  const other = await browser.newPage();
  await signIn(other, uniqueIdentity("Talker"), FLAGSHIP);
  await postComment(other, `${m} something new`);
  await other.close();
  const moderator = await browser.newPage();
  await signIn(moderator, MODERATOR, "/admin/comments?filter=held");
  await moderator
    .getByRole("listitem")
    .filter({ hasText: `${m} something new` })
    .getByRole("checkbox")
    .check();
  await moderator.getByRole("button", { name: "Approve selected" }).click();
  await expect(moderator.getByText(`${m} something new`)).toHaveCount(0);
  await moderator.close();

  const digest = await waitForMail(follower.email);
  expect(digest.subject).toContain("New comments on");
  expect(digest.text).toContain(`Talker: “${m} something new”`);
  expect(digest.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  const oneClick = /<([^>]+)>/.exec(digest.headers["list-unsubscribe"] ?? "")?.[1] ?? "";
  const stopped = await fetch(oneClick, {
    method: "POST",
    body: "List-Unsubscribe=One-Click",
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  expect(stopped.status).toBe(200);
  await page.reload();
  await expect(
    commentsRegion(page).getByRole("button", { name: "Follow this discussion" }),
  ).toBeVisible();
  const follows = withDatabase(
    (db) =>
      db
        .prepare(
          'select count(*) as count from discussion_follows join "User" on "User".id = user_id where email = ?',
        )
        .get(follower.email) as { count: number },
    path.join(server.dataDir, "site.db"),
  );
  expect(follows.count).toBe(0);
});
