import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";

const folder = mkdtempSync(path.join(tmpdir(), "ledger-health-"));
const database = `file:${path.join(folder, "site.db")}`;

/** Loads the health route afresh with the given settings. */
async function healthWith(databaseUrl: string, env: Record<string, string> = {}) {
  vi.resetModules();
  vi.stubEnv("DATABASE_URL", databaseUrl);
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const { GET } = await import("@/app/api/health/route");
  return GET();
}

describe("GET /api/health", () => {
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  afterEach(async () => {
    const { closeDatabase } = await import("@/lib/db/client");
    await closeDatabase();
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("answers 200 ok when the database answers", async () => {
    const response = await healthWith(database);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 when the database does not, with the reason but not the address", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const response = await healthWith("postgres://nobody:secret@127.0.0.1:1/none");
    expect(response.status).toBe(503);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({
      status: "unavailable",
      database: "down",
      reason: "the database cannot be reached",
    });
    expect(body).not.toContain("secret");
    expect(body).not.toContain("127.0.0.1");
  });

  it("answers 503 for an SQLite file that is not a database, and says so", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const damaged = path.join(folder, "damaged.db");
    writeFileSync(damaged, Buffer.alloc(8192, 0x5a));
    const response = await healthWith(`file:${damaged}`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: "unavailable",
      database: "down",
      reason: "the database file is damaged",
    });
  });

  it("says when the shared Redis is down, and stays 200 while the database answers", async () => {
    // Port 1: nothing listens, so every connection is refused.
    const response = await healthWith(database, {
      REDIS_URL: "redis://127.0.0.1:1",
      AUTH_SECRET: "x".repeat(32),
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", redis: "down" });
  });
});
