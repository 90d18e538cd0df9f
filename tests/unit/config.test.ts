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
});
