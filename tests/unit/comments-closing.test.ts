import { describe, expect, it } from "vitest";
import { commentsClosed } from "@/lib/comments/closing";

describe("closing a discussion", () => {
  const piece = { commentsClosed: false, published: "2026-11-10" };

  it("is closed when the editor closed it, whatever the setting", () => {
    expect(commentsClosed({ ...piece, commentsClosed: true }, null)).toBe(true);
  });

  it("never closes by itself without COMMENTS_CLOSE_AFTER_DAYS", () => {
    expect(commentsClosed(piece, null, new Date("2036-01-01T00:00:00Z"))).toBe(false);
  });

  it("closes N days after publication, to the second", () => {
    expect(commentsClosed(piece, 30, new Date("2026-12-09T23:59:59Z"))).toBe(false);
    expect(commentsClosed(piece, 30, new Date("2026-12-10T00:00:00Z"))).toBe(true);
  });
});
