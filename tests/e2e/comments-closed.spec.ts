import { postForm, readCommentForm } from "../../scripts/lib/forms.mjs";
import { ARTICLES } from "./support/comments";
import { withDatabase } from "./support/database";
import { APP_URL, E2E_DATABASE } from "./support/env";
import { expect, test } from "./support/readers";
import { removeDataDir, startServer, type RunningServer } from "./support/server";
import { createReaders } from "./support/sessions";

/**
 * A server of its own whose discussions close a day after publication: every article here
 * was published longer ago, so every discussion is closed.
 */
test.describe.configure({ mode: "serial" });

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer(3116, { env: { COMMENTS_CLOSE_AFTER_DAYS: "1" } });
});

test.afterAll(async () => {
  await server.stop();
  await removeDataDir(server);
});

const commentsIn = (file: string) =>
  withDatabase(
    (db) => (db.prepare("select count(*) as count from comments").get() as { count: number }).count,
    file,
  );

test("a closed discussion says so to everyone, and offers no box and no Reply", async ({
  page,
}) => {
  const [cookie] = createReaders(`${server.dataDir}/site.db`, 1, "Closed reader");
  for (const headers of [{}, { cookie: cookie! }] as Record<string, string>[]) {
    const html = await (await fetch(`${server.url}${ARTICLES.europe}`, { headers })).text();
    expect(html).toContain("Comments are closed.");
    expect(html).not.toContain("Sign in to comment");
    expect(html).not.toContain('name="body"');
  }
  await page.goto(`${server.url}${ARTICLES.europe}`);
  await expect(page.getByRole("note")).toHaveText(/^Comments are closed\./);
});

test("a post to a closed discussion, replayed from a form rendered while it was open, stores nothing", async () => {
  // The same build, open on the main server: its form is what a reader had on screen.
  const [openCookie] = createReaders(E2E_DATABASE, 1, "Replayer");
  const form = await readCommentForm(APP_URL, ARTICLES.europe, openCookie!);
  const [closedCookie] = createReaders(`${server.dataDir}/site.db`, 1, "Replayer");
  const replay = {
    ...form,
    action: form.action.replace(APP_URL, server.url),
    origin: server.url,
  };
  const before = commentsIn(`${server.dataDir}/site.db`);
  const answer = await postForm(
    replay,
    { body: "Posted after closing" },
    { cookie: closedCookie! },
  );
  expect(answer.status).toBe(200);
  expect(answer.location).toBe("");
  expect(answer.body).toContain("Comments are closed on this piece.");
  expect(commentsIn(`${server.dataDir}/site.db`)).toBe(before);
});
