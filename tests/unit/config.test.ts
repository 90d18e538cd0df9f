import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";

describe("settings", () => {
  it("defaults to an SQLite file and a localhost URL on PORT", () => {
    const config = parseConfig({ PORT: "4000" });
    expect(config.database).toEqual({ kind: "sqlite", path: "data/site.db" });
    expect(config.siteUrl).toBe("http://localhost:4000");
  });

  it("reads PostgreSQL from DATABASE_URL and drops a trailing slash from SITE_URL", () => {
    const config = parseConfig({
      DATABASE_URL: "postgres://db.internal/ledger",
      SITE_URL: "https://ledger.example/",
    });
    expect(config.database).toEqual({
      kind: "postgres",
      connectionString: "postgres://db.internal/ledger",
    });
    expect(config.siteUrl).toBe("https://ledger.example");
  });

  it("names every malformed setting in one message", () => {
    expect(() =>
      parseConfig({ PORT: "eighty", SITE_URL: "ledger.example", DATABASE_URL: "mysql://x" }),
    ).toThrow(/PORT: .*; SITE_URL: must be an absolute http\(s\) URL; DATABASE_URL: must start/);
  });

  it("enables GitHub and OpenID Connect only with all of their settings", () => {
    const none = parseConfig({});
    expect(none.auth.github).toBeUndefined();
    expect(none.auth.oidc).toBeUndefined();
    const both = parseConfig({
      AUTH_GITHUB_ID: "id",
      AUTH_GITHUB_SECRET: "secret",
      AUTH_OIDC_ISSUER: "https://id.example",
      AUTH_OIDC_ID: "client",
      AUTH_OIDC_SECRET: "secret",
    });
    expect(both.auth.github).toEqual({ clientId: "id", clientSecret: "secret" });
    expect(both.auth.oidc?.name).toBe("OpenID Connect");
    expect(() =>
      parseConfig({ AUTH_OIDC_ISSUER: "https://id.example", AUTH_OIDC_ID: "client" }),
    ).toThrow(
      /AUTH_OIDC_SECRET: OpenID Connect sign-in needs all of AUTH_OIDC_ISSUER, AUTH_OIDC_ID, AUTH_OIDC_SECRET/,
    );
  });

  it("reads mail, moderators and the secret, and treats an empty value as unset", () => {
    const config = parseConfig({
      SITE_URL: "https://ledger.example",
      EMAIL_SERVER: "",
      ADMIN_EMAILS: " Editor@Example.com, second@example.com ,",
      AUTH_SECRET: "x".repeat(32),
    });
    expect(config.mail).toEqual({
      server: undefined,
      from: "The Strategic Ledger <no-reply@ledger.example>",
    });
    expect(config.auth.adminEmails).toEqual(["editor@example.com", "second@example.com"]);
    expect(config.auth.secret).toBe("x".repeat(32));
    expect(config.dataDir).toBe("data");
  });

  it("refuses a malformed mail server, sender, moderator list or short secret", () => {
    const attempt = () =>
      parseConfig({
        EMAIL_SERVER: "http://mail.example",
        EMAIL_FROM: "a@example.com\r\nBcc: x@example.com",
        ADMIN_EMAILS: "editor@example.com, not-an-address",
        AUTH_SECRET: "short",
      });
    expect(attempt).toThrow(/EMAIL_SERVER: must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(attempt).toThrow(/EMAIL_FROM: must be one line/);
    expect(attempt).toThrow(/ADMIN_EMAILS: "not-an-address" is not an e-mail address/);
    expect(attempt).toThrow(/AUTH_SECRET: must be at least 32 characters/);
  });

  it("runs as one instance without REDIS_URL, and as several with it and the shared keys", () => {
    expect(parseConfig({}).redisUrl).toBeUndefined();
    const shared = parseConfig({
      REDIS_URL: "redis://127.0.0.1:6379/2",
      AUTH_SECRET: "x".repeat(32),
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
    });
    expect(shared.redisUrl).toBe("redis://127.0.0.1:6379/2");
  });

  it("refuses REDIS_URL without the keys every instance must share, or with a malformed key", () => {
    expect(() => parseConfig({ REDIS_URL: "redis://127.0.0.1:6379" })).toThrow(
      /AUTH_SECRET: must be set, the same on every instance, when REDIS_URL is set; NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: must be set/,
    );
    expect(() =>
      parseConfig({
        REDIS_URL: "http://cache.internal",
        AUTH_SECRET: "x".repeat(32),
        NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "c2hvcnQ=",
      }),
    ).toThrow(
      /REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL; NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: must be a base64 AES key/,
    );
  });

  it("closes discussions after COMMENTS_CLOSE_AFTER_DAYS, a whole number of days, or never", () => {
    expect(parseConfig({}).comments.closeAfterDays).toBeNull();
    expect(parseConfig({ COMMENTS_CLOSE_AFTER_DAYS: "30" }).comments.closeAfterDays).toBe(30);
    for (const value of ["0", "-3", "2.5", "soon"]) {
      expect(() => parseConfig({ COMMENTS_CLOSE_AFTER_DAYS: value })).toThrow(
        /COMMENTS_CLOSE_AFTER_DAYS: must be a whole number of days, 1 or more/,
      );
    }
  });

  it("reads the content folder and the publication's time zone, refusing a zone it does not know", () => {
    expect(parseConfig({}).content).toEqual({ directory: "content", timeZone: "UTC" });
    expect(
      parseConfig({ CONTENT_DIR: "/srv/ledger/content", TIME_ZONE: "Europe/London" }).content,
    ).toEqual({ directory: "/srv/ledger/content", timeZone: "Europe/London" });
    expect(() => parseConfig({ TIME_ZONE: "Europe/Atlantis" })).toThrow(
      /TIME_ZONE: must be a time zone name, such as UTC or Europe\/London/,
    );
  });
});
