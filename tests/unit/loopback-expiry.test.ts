import { describe, expect, it } from "vitest";
import { expiryRequest, isExpiryKey } from "@/lib/cache/loopback-expiry";

describe("the process's own cache expiry", () => {
  it("takes no key but the process's own", () => {
    for (const key of [null, "", "00".repeat(32), "zz", "00".repeat(4096)]) {
      expect(isExpiryKey(key), String(key).slice(0, 10)).toBe(false);
    }
  });

  it("expires named tags or everything, and nothing else", () => {
    expect(expiryRequest.safeParse({ tags: ["comments:x"] }).success).toBe(true);
    expect(expiryRequest.safeParse({ everything: true }).success).toBe(true);
    for (const body of [
      null,
      {},
      { tags: [] },
      { tags: [""] },
      { tags: ["a"], everything: true },
      { everything: false },
      { tags: Array.from({ length: 1001 }, (_, i) => `t${i}`) },
    ]) {
      expect(expiryRequest.safeParse(body).success, JSON.stringify(body).slice(0, 40)).toBe(false);
    }
  });
});
