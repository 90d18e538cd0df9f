import { readFile } from "node:fs/promises";
import { describe, expect, it, vi } from "vitest";

describe("files served as they are", () => {
  it("security.txt follows RFC 9116: a contact, and an expiry in the future within a year", async () => {
    vi.resetModules();
    vi.stubEnv("SITE_URL", "https://ledger.example");
    const { GET } = await import("@/app/.well-known/security.txt/route");
    const response = GET();
    vi.unstubAllEnvs();
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const text = await response.text();
    expect(text).toContain("Contact: mailto:security@ledger.example");
    const fields = text
      .split("\n")
      .filter((line) => line && !line.startsWith("#"))
      .map((line) => line.split(/:\s*/, 1)[0]);
    expect(fields).toContain("Contact");
    expect(text).toMatch(/^Contact: (mailto:|https:\/\/)\S+$/m);
    const expires = new Date(/^Expires: (\S+)$/m.exec(text)?.[1] ?? "");
    const now = Date.now();
    expect(expires.getTime()).toBeGreaterThan(now);
    expect(expires.getTime()).toBeLessThanOrEqual(now + 366 * 24 * 60 * 60 * 1000);
  });

  it("apple-touch-icon.png is a 180×180 PNG", async () => {
    const png = await readFile("public/apple-touch-icon.png");
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(180);
    expect(png.readUInt32BE(20)).toBe(180);
  });
});
