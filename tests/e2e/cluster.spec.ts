import { randomBytes, randomUUID } from "node:crypto";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { findNginx, startCluster, type Cluster } from "../../scripts/lib/cluster.mjs";
import { postCommentForm, postForm, readCommentForm, readForm } from "../../scripts/lib/forms.mjs";
import { ARTICLES, commentWith, marker, postComment } from "./support/comments";
import { AUTH_SECRET, FLAGSHIP, OIDC_ISSUER, OIDC_NAME, SMTP_PORT } from "./support/env";
import { receivedCounts, waitForMail } from "./support/mail";
import {
  createPostgresReaders,
  freshPostgres,
  postgresUrl,
  type TestPostgres,
} from "./support/postgres";
import { expect, test, uniqueEmail } from "./support/readers";
import { redisServer, startRedis, type TestRedis } from "./support/redis";

/**
 * The site as several instances: two `next start` of the same build behind nginx
 * (npm run cluster), on one PostgreSQL database and one Redis of their own.
 */
const FRONT_PORT = 3120;
const REDIS_PORT = 3125;

test.skip(
  !postgresUrl || !redisServer || !findNginx(),
  "needs TEST_POSTGRES_URL, redis-server and nginx, which .ci/run provides",
);
test.describe.configure({ mode: "serial" });

let database: TestPostgres;
let redis: TestRedis;
let cluster: Cluster;
let dataDir: string;
let log = "";
/** A piece scheduled to go live while these tests run, on every instance at once. */
const SCHEDULED = "/analysis/a-piece-for-every-instance";
let liveAt = 0;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = await mkdtemp(path.join(tmpdir(), "ledger-cluster-e2e-"));
  const content = path.join(dataDir, "content");
  await cp(path.resolve("content"), content, { recursive: true });
  liveAt = Date.now() + 100_000;
  await writeFile(
    path.join(content, "a-piece-for-every-instance.md"),
    `---\ntitle: "A Piece for Every Instance"\ndek: "Live on each instance at once."\nkind: analysis\nauthors: [the-strategic-ledger]\npublished: ${new Date(liveAt).toISOString().slice(0, 19)}Z\ntopics: [Europe]\n---\n\nA paragraph.\n`,
  );
  database = await freshPostgres("cluster");
  redis = await startRedis(REDIS_PORT);
  cluster = await startCluster({
    port: FRONT_PORT,
    size: 2,
    log: (line) => (log += line),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      SITE_URL: `http://localhost:${FRONT_PORT}`,
      DATA_DIR: dataDir,
      CONTENT_DIR: content,
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      AUTH_SECRET,
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      EMAIL_SERVER: `smtp://127.0.0.1:${SMTP_PORT}`,
      EMAIL_FROM: "The Strategic Ledger <news@ledger.test>",
      AUTH_OIDC_ISSUER: OIDC_ISSUER,
      AUTH_OIDC_ID: "ledger-e2e",
      AUTH_OIDC_SECRET: "ledger-e2e-secret",
      AUTH_OIDC_NAME: OIDC_NAME,
    },
  });
  // Each instance renders the article page once, as the instances of a running site have.
  // The first render after a start also loads the route's code, which on a busy two-core
  // machine can alone take longer than the second the tests allow a comment to show in.
  // Different articles, so that neither is served the other's render from the shared cache.
  await anonymousHtml(instance(A), ARTICLES.flagship);
  await anonymousHtml(instance(B), ARTICLES.europe);
});

test.afterAll(async () => {
  await cluster?.stop();
  await redis?.stop();
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test.afterEach(() => {
  // No request in these tests may end in a 500 on any instance.
  expect(log).not.toMatch(/\b500 Internal Server Error\b|⨯ .*Error/);
});

const [A, B] = [0, 1];
const instance = (index: number) => cluster.instanceUrls[index]!;

async function anonymousHtml(base: string, pathname = FLAGSHIP): Promise<string> {
  const response = await fetch(`${base}${pathname}`);
  expect(response.status).toBe(200);
  return response.text();
}

/**
 * Signs in by e-mail through the front, as readers do (an instance on its own address is not
 * the site's origin, and refuses the sign-in): the front spreads the steps over both.
 */
async function signInThroughFront(page: Page, email: string) {
  await page.goto(`${cluster.url}/signin?callbackUrl=${encodeURIComponent(FLAGSHIP)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Sign in with email" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  const mail = await waitForMail(email);
  const link = mail.text
    .match(/https?:\/\/[^\s<>"]+/g)
    ?.find((url) => url.startsWith(`${cluster.url}/signin/verify`));
  expect(link, "the link points at the front (SITE_URL)").toBeTruthy();
  await page.goto(link!);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${cluster.url}${FLAGSHIP}`);
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toHaveCount(0);
}

/**
 * Sends the page's posts (server actions, forms) to the other instance, with the page's own
 * cookies and the other instance's origin, and gives the page its answer.
 */
async function postThrough(page: Page, from: string, to: string) {
  await page.route(`${from}/**`, async (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    const headers = await request.allHeaders();
    delete headers.host;
    const response = await route.fetch({
      url: request.url().replace(from, to),
      headers: { ...headers, origin: to },
      maxRedirects: 0,
    });
    expect(response.status(), "the other instance accepted the post").toBeLessThan(400);
    await route.fulfill({ response });
  });
}

for (const javaScriptEnabled of [true, false]) {
  test(`JavaScript ${javaScriptEnabled ? "on" : "off"}: a comment posted through one instance is on the other and the front within a second; a reply form rendered by one posts through the other`, async ({
    browser,
  }: {
    browser: Browser;
  }) => {
    test.setTimeout(60_000);
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    try {
      await signInThroughFront(page, uniqueEmail("cluster"));

      // The session made through the front holds on each instance.
      await page.goto(`${instance(B)}${FLAGSHIP}`);
      await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toHaveCount(0);
      const text = marker(`Across instances, JS ${javaScriptEnabled ? "on" : "off"}`);
      await postComment(page, text);
      // Each of them, asked at the same time, shows it within a second of the acknowledgement.
      await Promise.all(
        [instance(A), cluster.url, instance(B)].map((base) =>
          expect
            .poll(async () => (await anonymousHtml(base)).includes(text), {
              message: `the comment is on ${base}`,
              timeout: 1_000,
              intervals: [50],
            })
            .toBe(true),
        ),
      );

      // The reply form, rendered by A, posted to B.
      const commentId = /#comment-([0-9a-f-]+)$/.exec(page.url())![1]!;
      await page.goto(`${instance(A)}${FLAGSHIP}?reply=${commentId}#comment-${commentId}`);
      await postThrough(page, instance(A), instance(B));
      const comment = commentWith(page, text);
      const reply = marker("Reply through the other instance");
      // ?reply= opens the reply form, with JavaScript or without.
      await comment.getByRole("textbox", { name: "Comment" }).fill(reply);
      await comment.getByRole("button", { name: "Post reply" }).click();
      await expect(
        page
          .getByRole("list", { name: /^Replies to / })
          .getByRole("article")
          .filter({ hasText: reply }),
      ).toBeVisible();
      await expect
        .poll(async () => (await anonymousHtml(instance(A))).includes(reply), { timeout: 1_000 })
        .toBe(true);
    } finally {
      await context.close();
    }
  });
}

test("the comment limit holds across instances: posts alternating between them count as one reader's", async () => {
  const [cookie] = await createPostgresReaders(database, 1, "Alternating");
  const form = await readCommentForm(instance(A), FLAGSHIP, cookie!);
  const through = (index: number) => ({
    ...form,
    action: form.action.replace(instance(A), instance(index)),
    origin: new URL(instance(index)).origin,
  });
  const statuses: number[] = [];
  for (let index = 0; index < 10; index++) {
    statuses.push(
      (await postCommentForm(through(index % 2), cookie!, `alternating ${index}`)).status,
    );
  }
  expect(statuses).toEqual(Array(10).fill(303));
  const refused = await postForm(
    through(B),
    { requestKey: randomUUID(), body: "one too many" },
    { cookie: cookie! },
  );
  expect(refused.status).toBe(200);
  expect(refused.body).toContain("You are commenting faster than we allow");
  const stored = await database.query<{ count: string }>(
    "select count(*) as count from comments where body like 'alternating %' or body = 'one too many'",
  );
  expect(Number(stored[0]!.count)).toBe(10);
});

test("one instance killed during a load of 20 concurrent commenters: the front routes to the other, and every comment is stored exactly once", async () => {
  test.setTimeout(120_000);
  const cookies = await createPostgresReaders(database, 20, "Under load");
  const forms = await Promise.all(
    cookies.map((cookie) => readCommentForm(cluster.url, FLAGSHIP, cookie)),
  );
  const statuses: number[] = [];
  let acknowledged = 0;
  /** Posts one comment; a failed attempt is sent again with the same form key, as a reader would press again. */
  async function post(reader: number, body: string) {
    const key = randomUUID();
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        const answer = await postCommentForm(forms[reader]!, cookies[reader]!, body, key);
        statuses.push(answer.status);
        if (answer.status === 303 && answer.id) {
          acknowledged++;
          return { body, id: answer.id };
        }
      } catch {
        statuses.push(0);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`"${body}" was never acknowledged: ${statuses.join(" ")}`);
  }
  let killed: Promise<unknown> | undefined;
  const load = Promise.all(
    cookies.map(async (_, reader) => {
      const answers = [];
      for (let index = 0; index < 8; index++) {
        answers.push(await post(reader, `under load ${reader}-${index}`));
        if (!killed && acknowledged >= 60) killed = cluster.kill(A, "SIGKILL");
      }
      return answers;
    }),
  );
  const answers = (await load).flat();
  expect(killed, "an instance was killed during the load").toBeDefined();
  await killed;
  expect(statuses).not.toContain(500);

  const stored = await database.query<{ id: string; body: string }>(
    "select id, body from comments where body like 'under load %'",
  );
  expect(stored).toHaveLength(160);
  const byId = new Map(stored.map((row) => [row.id, row.body]));
  for (const answer of answers) expect(byId.get(answer.id)).toBe(answer.body);
  await cluster.waitForInstance(A);
});

test("sending to 2,000 subscribers from two instances, one killed halfway, mails each exactly once", async () => {
  test.setTimeout(240_000);
  const run = `cl${Date.now().toString(36)}`;
  const sendId = randomUUID();
  const now = new Date().toISOString();
  await database.query(
    `insert into subscribers (id, email, email_hash, status, source, created_at, confirmed_at)
     select gen_random_uuid()::text, $1 || '-' || n || '@example.com', $1 || '-' || n, 'confirmed', 'form', $2, $2
     from generate_series(1, 2000) as n`,
    [run, now],
  );
  await database.query(
    "insert into newsletter_sends (id, article_slug, subject, created_by, created_at) values ($1, $2, $3, $4, $5)",
    [
      sendId,
      "the-end-of-the-blank-check",
      "The End of the Blank Check",
      "moderator@example.com",
      now,
    ],
  );
  await database.query(
    `insert into newsletter_deliveries (send_id, subscriber_id, status)
     select $1, id, 'pending' from subscribers where email like $2`,
    [sendId, `${run}-%`],
  );

  const received = () => receivedCounts(`${run}-`);
  const senders = async () =>
    (
      await database.query<{ worker: string }>(
        "select distinct split_part(claimed_by, ':', 2) as worker from newsletter_deliveries where send_id = $1 and claimed_by is not null",
        [sendId],
      )
    ).length;

  await expect
    .poll(async () => (await received()).size, { timeout: 60_000, intervals: [100] })
    .toBeGreaterThanOrEqual(1000);
  await cluster.kill(A, "SIGKILL");
  expect((await received()).size).toBeLessThan(2000);

  await expect
    .poll(async () => (await received()).size, { timeout: 120_000, intervals: [500] })
    .toBe(2000);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const counts = await received();
  expect(counts.size).toBe(2000);
  expect([...counts.values()].filter((count) => count !== 1)).toEqual([]);
  expect(await senders(), "both instances sent").toBeGreaterThanOrEqual(2);
  const statuses = await database.query<{ status: string; count: string }>(
    "select status, count(*) as count from newsletter_deliveries where send_id = $1 group by status",
    [sendId],
  );
  expect(statuses).toEqual([{ status: "sent", count: "2000" }]);
  await cluster.waitForInstance(A);
});

test("the front never keeps a signed-in reader's page, shares anonymous ones, compresses and serves static files", async () => {
  const [cookie] = await createPostgresReaders(database, 1, "Private Reader");
  for (let index = 0; index < 3; index++) {
    const response = await fetch(`${cluster.url}${FLAGSHIP}`, { headers: { cookie: cookie! } });
    expect(response.headers.get("x-cache")).toBe("BYPASS");
    expect(await response.text()).toContain("Private Reader 1");
  }
  const anonymous = await fetch(`${cluster.url}${FLAGSHIP}`);
  expect(await anonymous.text()).not.toContain("Private Reader 1");
  // Anonymous readers share one render for the rest of the second.
  const seen = new Set<string | null>();
  for (let index = 0; index < 5; index++) {
    seen.add((await fetch(`${cluster.url}${FLAGSHIP}`)).headers.get("x-cache"));
  }
  expect(seen).toContain("HIT");
  // Compressed by the front, and the static files served by it for a year.
  const compressed = await fetch(`${cluster.url}${FLAGSHIP}`, {
    headers: { "accept-encoding": "gzip" },
  });
  expect(compressed.headers.get("content-encoding")).toBe("gzip");
  const html = await compressed.text();
  // The kept page is kept compressed; a client that takes no gzip gets it decompressed.
  const plain = await fetch(`${cluster.url}${FLAGSHIP}`, {
    headers: { "accept-encoding": "identity" },
  });
  expect(plain.headers.get("content-encoding")).toBeNull();
  expect(await plain.text()).toContain("The End of the Blank Check");
  // A signed-in reader's page, never kept, is compressed too.
  const signedIn = await fetch(`${cluster.url}${FLAGSHIP}`, {
    headers: { cookie: cookie!, "accept-encoding": "gzip" },
  });
  expect(signedIn.headers.get("content-encoding")).toBe("gzip");
  expect(await signedIn.text()).toContain("Private Reader 1");
  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1]!;
  const asset = await fetch(`${cluster.url}${script}`);
  expect(asset.status).toBe(200);
  expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
});

test("malformed addresses are refused through the front (nginx: 400) and by each instance (404), never 500", async () => {
  for (const base of [cluster.url, ...cluster.instanceUrls]) {
    for (const malformed of ["/analysis/%ff", "/topics/%E0%A4%A", "/%c0%af", "/analysis/%"]) {
      const response = await fetch(`${base}${malformed}`);
      expect(base === cluster.url ? [400, 404] : [404], `${base}${malformed}`).toContain(
        response.status,
      );
    }
  }
});

test("a client cannot escape the signup limit by forging X-Forwarded-For through the front", async () => {
  const form = await readForm(cluster.url, "/newsletter", { field: "email" });
  const answers: string[] = [];
  for (let index = 0; index < 11; index++) {
    const { body } = await postForm(
      form,
      { email: uniqueEmail("forged") },
      { headers: { "x-forwarded-for": `203.0.113.${index + 1}` } },
    );
    answers.push(body.includes("Too many sign-ups from here") ? "limited" : "accepted");
  }
  expect(answers).toEqual([...Array(10).fill("accepted"), "limited"]);
});

test("a scheduled piece goes live on every instance at its moment, and the shared cache keeps no listing from before", async () => {
  test.setTimeout(180_000);
  const bases = [instance(A), instance(B), cluster.url];
  if (Date.now() < liveAt - 2_000) {
    for (const base of bases) {
      expect((await fetch(`${base}${SCHEDULED}`)).status).toBe(404);
      expect(await anonymousHtml(base, "/")).not.toContain("A Piece for Every Instance");
    }
  }
  await expect
    .poll(async () => (await fetch(`${instance(A)}${SCHEDULED}`)).status, {
      timeout: Math.max(0, liveAt - Date.now()) + 15_000,
    })
    .toBe(200);
  for (const base of bases) {
    expect((await fetch(`${base}${SCHEDULED}`)).status).toBe(200);
    // Within two seconds of the moment, on each instance and through the front.
    await expect
      .poll(async () => (await anonymousHtml(base, "/")).includes("A Piece for Every Instance"), {
        timeout: 2_000,
      })
      .toBe(true);
  }
  expect(log).toContain("[publication] a scheduled piece is live");
});

test("Redis stops: pages are served, comments are stored, health says so; back, it is used again", async () => {
  test.setTimeout(60_000);
  const [cookie] = await createPostgresReaders(database, 1, "Redis outage");
  const form = await readCommentForm(instance(A), FLAGSHIP, cookie!);
  await redis.stop();
  try {
    for (const base of [cluster.url, ...cluster.instanceUrls]) {
      expect((await fetch(`${base}${FLAGSHIP}`)).status).toBe(200);
    }
    for (const base of cluster.instanceUrls) {
      const health = await fetch(`${base}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: "ok", redis: "down" });
    }
    const text = marker("Posted while Redis was down");
    const answer = await postCommentForm(form, cookie!, text);
    expect(answer.status).toBe(303);
    expect((await anonymousHtml(instance(A))).includes(text)).toBe(true);
    const stored = await database.query("select id from comments where id = $1", [answer.id]);
    expect(stored).toHaveLength(1);

    await redis.start();
    for (const base of cluster.instanceUrls) {
      await expect
        .poll(async () => (await (await fetch(`${base}/api/health`)).json()) as unknown, {
          timeout: 10_000,
        })
        .toEqual({ status: "ok", redis: "up" });
    }
    // What changed while Redis was away is seen by every instance once it is back.
    for (const base of [instance(B), cluster.url]) {
      await expect
        .poll(async () => (await anonymousHtml(base)).includes(text), { timeout: 5_000 })
        .toBe(true);
    }
  } finally {
    await redis.start().catch(() => undefined);
  }
});
