import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

/** Loads the health route afresh with the given database setting. */
async function healthWith(databaseUrl: string) {
  vi.resetModules();
  vi.stubEnv("DATABASE_URL", databaseUrl);
  const { GET } = await import("@/app/api/health/route");
  return GET();
}

describe("GET /api/health", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("answers 200 ok when the database answers", async () => {
    const response = await healthWith(
      `file:${path.join(tmpdir(), `ledger-health-${process.pid}.db`)}`,
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 when the database does not, without leaking why", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const response = await healthWith("postgres://nobody:secret@127.0.0.1:1/none");
    expect(response.status).toBe(503);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ status: "unavailable" });
    expect(body).not.toContain("secret");
  });
});
