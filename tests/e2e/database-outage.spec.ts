import { createHmac, randomUUID } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { postCommentForm, postForm, readCommentForm, readForm } from "../../scripts/lib/forms.mjs";
import { AUTH_SECRET, FLAGSHIP } from "./support/env";
import { createPostgresReaders, freshPostgres, postgresUrl } from "./support/postgres";
import { expect, test, uniqueEmail } from "./support/readers";
import { removeDataDir, startServer } from "./support/server";
import { startTcpProxy } from "./support/tcp-proxy";

/**
 * The database unreachable when the server starts, or gone later: the server stays up,
 * serves its pages, says what is wrong, refuses writes with "try again shortly", and
 * carries on by itself once the database is back. Each test runs a server of its own.
 */
test.describe.configure({ mode: "serial" });

const UNAVAILABLE = "We cannot save anything just now: our database is not answering.";

/** The page's text as a reader reads it (React separates text parts with empty comments). */
async function pageText(url: string): Promise<string> {
  return (await (await fetch(url)).text()).replaceAll("<!-- -->", "");
}

async function health(base: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}/api/health`);
  return { status: response.status, body: await response.json() };
}

test("PostgreSQL unreachable at start, then back, then gone again: pages served, writes refused, no restart", async () => {
  test.skip(!postgresUrl, "needs TEST_POSTGRES_URL, which .ci/run sets");
  test.setTimeout(120_000);
  const database = await freshPostgres("outage");
  const target = new URL(database.url);
  // The server reaches PostgreSQL through a relay the test cuts and restores.
  const relay = await startTcpProxy(
    3131,
    { host: target.hostname, port: Number(target.port || 5432) },
    { open: false },
  );
  const relayed = new URL(database.url);
  relayed.port = "3131";
  const server = await startServer(3130, {
    env: { DATABASE_URL: relayed.toString(), AUTH_SECRET },
    ready: "listening",
  });
  try {
    // Down at start: the article is served without its comments, health says why.
    expect(await health(server.url)).toEqual({
      status: 503,
      body: { status: "unavailable", database: "down", reason: "the database cannot be reached" },
    });
    const page = await fetch(`${server.url}${FLAGSHIP}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("The End of the Blank Check");
    expect(html).toContain("Comments cannot be shown just now. They will be back shortly.");

    // A write is refused in words, and a one-click unsubscribe with a 503 to retry.
    const signup = await readForm(server.url, "/newsletter", { field: "email" });
    const refused = await postForm(signup, { email: uniqueEmail("outage") });
    expect(refused.body).toContain(UNAVAILABLE);
    const subscriber = randomUUID();
    const token = createHmac("sha256", AUTH_SECRET)
      .update(`unsubscribe:${subscriber}`)
      .digest("base64url");
    const oneClick = await fetch(
      `${server.url}/api/newsletter/unsubscribe?s=${subscriber}&t=${token}`,
      { method: "POST", body: "List-Unsubscribe=One-Click" },
    );
    expect(oneClick.status).toBe(503);
    expect(oneClick.headers.get("retry-after")).toBe("10");
    expect(await oneClick.text()).toContain(UNAVAILABLE);

    // Back: the server connects and migrates by itself; the article fills in its comments.
    await relay.restore();
    await expect.poll(async () => (await health(server.url)).status, { timeout: 15_000 }).toBe(200);
    const migrations = await database.query("select name from kysely_migration");
    expect(migrations.length).toBeGreaterThanOrEqual(3);
    expect(await database.query("select id from subscribers")).toEqual([]);
    await expect
      .poll(async () => (await pageText(`${server.url}${FLAGSHIP}`)).includes("Comments (0)"), {
        timeout: 30_000,
        intervals: [1_000],
      })
      .toBe(true);

    // Gone again later: cached pages still served, a comment refused and not stored.
    const [cookie] = await createPostgresReaders(database, 1, "Outage reader");
    const form = await readCommentForm(server.url, FLAGSHIP, cookie!);
    await relay.cut();
    expect((await health(server.url)).status).toBe(503);
    const cached = await fetch(`${server.url}${FLAGSHIP}`);
    expect(cached.status).toBe(200);
    expect(await pageText(`${server.url}${FLAGSHIP}`)).toContain("Comments (0)");
    const comment = await postForm(
      form,
      { requestKey: randomUUID(), body: "written while the database is away" },
      { cookie: cookie! },
    );
    expect(comment.status).toBe(200);
    expect(comment.body).toContain(UNAVAILABLE);

    await relay.restore();
    await expect.poll(async () => (await health(server.url)).status, { timeout: 15_000 }).toBe(200);
    expect(await database.query("select id from comments")).toEqual([]);
    const posted = await postCommentForm(form, cookie!, "written once it is back");
    expect(posted.status).toBe(303);
    expect(server.output()).not.toMatch(/⨯/);
  } finally {
    await server.stop();
    await removeDataDir(server);
    await relay.close();
    await database.drop();
  }
});

test("an SQLite file that cannot be opened: pages served, health 503, and fine once it can be", async () => {
  test.setTimeout(60_000);
  const dataDir = await mkdtemp(path.join(tmpdir(), "ledger-e2e-"));
  // A file where the database's folder should be: the database cannot be created.
  const blocker = path.join(dataDir, "db");
  await writeFile(blocker, "not a folder");
  const server = await startServer(3132, {
    dataDir,
    env: { DATABASE_URL: `file:${path.join(blocker, "site.db")}` },
    ready: "listening",
  });
  try {
    expect(await health(server.url)).toEqual({
      status: 503,
      body: {
        status: "unavailable",
        database: "down",
        reason: "the database file cannot be opened",
      },
    });
    expect((await fetch(`${server.url}${FLAGSHIP}`)).status).toBe(200);
    expect((await fetch(`${server.url}/`)).status).toBe(200);

    await rm(blocker);
    await mkdir(blocker);
    await expect.poll(async () => (await health(server.url)).status, { timeout: 15_000 }).toBe(200);
    expect(server.output()).not.toMatch(/⨯/);
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
