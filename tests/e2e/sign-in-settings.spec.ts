import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { hashedToken, withDatabase } from "./support/database";
import { removeDataDir, startServer } from "./support/server";
import { expect, test, uniqueEmail } from "./support/readers";

/** These start servers of their own, from the same build, with other settings. */
test.describe.configure({ mode: "serial" });

test("a newcomer with no mail server signs in with the link from the log or the outbox", async ({
  page,
}) => {
  const server = await startServer(3110);
  try {
    expect(server.output()).toContain("EMAIL_SERVER is not set: mail is NOT being delivered");
    expect(server.output()).toContain("AUTH_SECRET is not set: generated one");
    const email = uniqueEmail("newcomer");
    await page.goto(`${server.url}/signin`);
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Sign in with email" }).click();
    await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();

    const outbox = path.join(server.dataDir, "outbox");
    const [file] = await readdir(outbox);
    const message = await readFile(path.join(outbox, file!), "utf8");
    expect(message).toMatch(/^To: newcomer-/m);
    expect(message).toContain("Content-Type: text/plain");
    expect(message).toContain("Content-Type: text/html");
    await expect.poll(() => server.output()).toContain("[mail]   link: ");
    const link = /\[mail\] {3}link: (\S+)/.exec(server.output())![1]!;
    expect(link.startsWith(`${server.url}/signin/verify?`)).toBe(true);

    await page.goto(link);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(
      page.getByRole("banner").getByRole("link", { name: email.split("@")[0] }),
    ).toBeVisible();
  } finally {
    await server.stop();
    await removeDataDir(server);
  }
});

test("behind https the session cookie is Secure, HttpOnly and SameSite=Lax", async ({
  request,
}) => {
  const secret = "https-test-secret-that-is-long-enough-0123456789";
  const server = await startServer(3111, {
    env: { SITE_URL: "https://ledger.test", AUTH_SECRET: secret },
  });
  try {
    const email = uniqueEmail("https");
    const token = "a".repeat(64);
    // A sign-in link as the site would have mailed it (no mail server here to read it from).
    withDatabase(
      (db) => {
        db.prepare('insert into "User" (id, name, email) values (?, ?, ?)').run(
          "https-user",
          "Https",
          email,
        );
        db.prepare(
          'insert into "VerificationToken" (identifier, token, expires) values (?, ?, ?)',
        ).run(email, hashedToken(token, secret), new Date(Date.now() + 600_000).toISOString());
      },
      path.join(server.dataDir, "site.db"),
    );
    const response = await request.post(
      `${server.url}/api/auth/callback/email?${new URLSearchParams({ token, email, callbackUrl: "/" })}`,
      // As the https front would pass it: the public Host, and the page's Origin.
      { headers: { Origin: "https://ledger.test", Host: "ledger.test" }, maxRedirects: 0 },
    );
    expect(response.headers().location).toBe("https://ledger.test/");
    const session = response
      .headersArray()
      .filter((header) => header.name.toLowerCase() === "set-cookie")
      .map((header) => header.value)
      .find((cookie) => cookie.startsWith("__Secure-authjs.session-token="));
    expect(session).toBeDefined();
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
  } finally {
    await server.stop();
    await removeDataDir(server);
  }
});
