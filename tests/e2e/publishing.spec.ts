import { randomBytes, randomUUID } from "node:crypto";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { withDatabase } from "./support/database";
import { removeDataDir, startServer, type RunningServer } from "./support/server";

/**
 * Drafts and scheduled publishing, on a server of its own whose content folder (CONTENT_DIR)
 * is the site's plus a draft and a piece scheduled a few seconds after the server starts.
 * The build is the tests' own: the scheduled piece goes live with no rebuild or restart.
 */
test.describe.configure({ mode: "serial" });

const MODERATOR = "preview-moderator@example.com";
const SCHEDULED = "/analysis/a-scheduled-piece";
const DRAFT = "/analysis/a-draft-in-progress";
/** How long after the test starts the server the scheduled piece goes live. */
const LEAD_MS = 25_000;

let server: RunningServer;
let contentRoot: string;
let liveAt: number;

function piece(frontmatter: string, body: string): string {
  return `---\n${frontmatter}\ntopics: [Europe]\n---\n\n${body}\n`;
}

test.beforeAll(async () => {
  contentRoot = await mkdtemp(path.join(tmpdir(), "ledger-content-"));
  const content = path.join(contentRoot, "content");
  await cp(path.resolve("content"), content, { recursive: true });
  // Whole seconds, as the frontmatter writes it: the piece goes live at exactly this moment.
  liveAt = Math.ceil((Date.now() + LEAD_MS) / 1000) * 1000;
  await writeFile(
    path.join(content, "a-scheduled-piece.md"),
    piece(
      `title: "A Scheduled Piece"\ndek: "It goes live at its moment."\nkind: analysis\nauthors: [the-strategic-ledger]\npublished: ${new Date(liveAt).toISOString().replace(".000Z", "Z")}`,
      "Words about zeppelinology, which no other piece uses.",
    ),
  );
  await writeFile(
    path.join(content, "a-draft-in-progress.md"),
    piece(
      'title: "A Draft in Progress"\ndek: "Not yet."\nkind: op-ed\nauthor: "A Guest"\npublished: 2026-11-01\ndraft: true',
      "Words about quuxification, which no other piece uses.",
    ),
  );
  server = await startServer(3118, {
    env: { CONTENT_DIR: content, ADMIN_EMAILS: MODERATOR },
  });
});

test.afterAll(async () => {
  await server?.stop();
  if (server) await removeDataDir(server);
  await rm(contentRoot, { recursive: true, force: true });
});

async function status(pathname: string): Promise<number> {
  return (await fetch(`${server.url}${pathname}`)).status;
}

async function text(pathname: string): Promise<string> {
  return (await fetch(`${server.url}${pathname}`)).text();
}

/** A signed-in moderator, made in the server's database: the session cookie. */
function moderatorCookie(): string {
  return withDatabase((db) => {
    const id = randomUUID();
    const token = randomBytes(32).toString("hex");
    db.prepare('insert into "User" (id, name, email) values (?, ?, ?)').run(
      id,
      "Preview",
      MODERATOR,
    );
    db.prepare('insert into "Session" ("sessionToken", "userId", expires) values (?, ?, ?)').run(
      token,
      id,
      new Date(Date.now() + 3_600_000).toISOString(),
    );
    return `authjs.session-token=${token}`;
  }, `${server.dataDir}/site.db`);
}

test("a draft is nowhere in production: no page, listing, feed, sitemap or search", async () => {
  expect(await status(DRAFT)).toBe(404);
  expect(await status(`${DRAFT}/social.png`)).toBe(404);
  for (const listing of [
    "/",
    "/topics/europe",
    "/feed.xml",
    "/sitemap.xml",
    "/search?q=quuxification",
  ]) {
    const body = await text(listing);
    expect(body, listing).not.toContain("A Draft in Progress");
    expect(body, listing).not.toContain("a-draft-in-progress");
  }
});

test("a scheduled piece is a 404 until its moment, then live everywhere, with no restart", async ({
  page,
}) => {
  // The server starts in about 2 s; a start that ate the lead would be a fault of its own.
  expect(Date.now(), "the server started too late to see the piece before its time").toBeLessThan(
    liveAt - 2_000,
  );
  expect(await status(SCHEDULED)).toBe(404);
  for (const listing of [
    "/",
    "/topics/europe",
    "/feed.xml",
    "/sitemap.xml",
    "/authors/the-strategic-ledger",
  ]) {
    expect(await text(listing), listing).not.toContain("a-scheduled-piece");
  }
  expect(await text("/search?q=zeppelinology")).not.toContain("A Scheduled Piece");

  await page.goto(`${server.url}/`);
  await expect(page.getByRole("link", { name: "A Scheduled Piece" })).toHaveCount(0);

  // The moment comes: the very listings cached before it are made again, with it.
  await expect.poll(() => status(SCHEDULED), { timeout: LEAD_MS + 10_000 }).toBe(200);
  expect(Date.now()).toBeGreaterThanOrEqual(liveAt);
  await page.goto(`${server.url}/`);
  await page.getByRole("link", { name: "A Scheduled Piece" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("A Scheduled Piece");
  await expect(page.getByRole("note")).toHaveCount(0);
  for (const listing of [
    "/topics/europe",
    "/feed.xml",
    "/sitemap.xml",
    "/authors/the-strategic-ledger",
  ]) {
    expect(await text(listing), listing).toContain("a-scheduled-piece");
  }
  expect(await text("/search?q=zeppelinology")).toContain("A Scheduled Piece");
  expect(await status(`${SCHEDULED}/social.png`)).toBe(200);
  expect(server.output()).toContain("[publication] a scheduled piece is live");
});

test("moderators preview a draft at an address nobody else can open, never cached or indexed", async ({
  browser,
}) => {
  const preview = `${server.url}/admin/preview/a-draft-in-progress`;
  const anonymous = await fetch(preview, { redirect: "manual" });
  expect(anonymous.status).toBe(307);
  expect(anonymous.headers.get("location")).toContain("/signin");

  const cookie = moderatorCookie();
  const response = await fetch(preview, { headers: { cookie } });
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toMatch(/no-store/);
  const html = await response.text();
  expect(html).toMatch(/<meta name="robots" content="noindex, nofollow"/);

  const context = await browser.newContext();
  const [name, value] = cookie.split("=") as [string, string];
  await context.addCookies([{ name, value, url: server.url }]);
  const page = await context.newPage();
  await page.goto(`${server.url}/admin`);
  await page.getByRole("link", { name: "A Draft in Progress" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("A Draft in Progress");
  await expect(page.getByRole("note").first()).toContainText("Draft.");
  await context.close();
});
