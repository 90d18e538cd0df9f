import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { hashedToken, withDatabase } from "./support/database";
import { SMTP_PORT } from "./support/env";
import { mailsTo } from "./support/mail";
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

test("on SITE_URL=http://127.0.0.1:PORT, every sign-in redirect stays on that origin, and a token that cannot be stored sends no mail", async ({
  page,
}) => {
  const server = await startServer(3138, {
    env: { SITE_URL: "http://127.0.0.1:3138", EMAIL_SERVER: `smtp://127.0.0.1:${SMTP_PORT}` },
  });
  const origin = "http://127.0.0.1:3138";
  try {
    // A used or tampered link, and Auth.js's own endpoints without a CSRF token.
    const query = new URLSearchParams({
      callbackUrl: "/",
      token: "0".repeat(64),
      email: "nobody@example.com",
    });
    for (const [method, pathname] of [
      ["POST", `/api/auth/callback/email?${query}`],
      ["POST", "/api/auth/signout"],
      ["GET", "/api/auth/error?error=Verification"],
      ["GET", "/api/auth/signin"],
    ] as const) {
      const response = await fetch(`${origin}${pathname}`, {
        method,
        headers: { origin },
        redirect: "manual",
      });
      const location = response.headers.get("location") ?? "";
      expect(location, pathname).not.toBe("");
      expect(new URL(location, origin).origin, pathname).toBe(origin);
    }

    // The token's insert fails (a fault injected as a trigger): the reader is told, and no
    // mail with a link that cannot work is sent.
    const email = uniqueEmail("no-token");
    withDatabase(
      (db) =>
        db.exec(`create trigger refuse_token before insert on "VerificationToken"
                 when new.identifier = '${email}'
                 begin select raise(abort, 'injected fault'); end`),
      path.join(server.dataDir, "site.db"),
    );
    await page.goto(`${origin}/signin`);
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Sign in with email" }).click();
    await expect(page.getByText("We could not send the sign-in link just now")).toBeVisible();
    // The mail would have been sent before the answer: none was.
    expect(await mailsTo(email)).toEqual([]);
  } finally {
    await server.stop();
    await removeDataDir(server);
  }
});
