import { describe, expect, it } from "vitest";
import { rankRelated } from "@/lib/content/related";
import { slugify } from "@/lib/content/slug";
import { articleFixture } from "../support/article";

function article(slug: string, published: string, topics: string[], related: string[] = []) {
  return articleFixture({
    slug,
    published,
    topics: topics.map((name) => ({ name, slug: slugify(name) })),
    related,
  });
}

describe("rankRelated", () => {
  const all = [
    article("subject", "2026-03-01", ["Europe", "Industry", "Navy"], ["picked-old", "subject"]),
    article("picked-old", "2020-01-01", ["Space"]),
    article("two-shared-old", "2025-01-01", ["Europe", "Industry"]),
    article("two-shared-new", "2026-01-01", ["Industry", "Navy"]),
    article("one-shared-newest", "2026-02-01", ["Europe"]),
    article("unrelated", "2026-02-15", ["Space"]),
  ];
  const subject = all[0]!;

  it("puts explicit picks first, then most shared topics, newest first, never itself", () => {
    expect(rankRelated(subject, all, 10).map((a) => a.slug)).toEqual([
      "picked-old",
      "two-shared-new",
      "two-shared-old",
      "one-shared-newest",
    ]);
  });

  it("respects the limit and does not list a pick twice", () => {
    const picks = rankRelated({ ...subject, related: ["two-shared-old"] }, all, 2);
    expect(picks.map((a) => a.slug)).toEqual(["two-shared-old", "two-shared-new"]);
  });

  it("ignores picks that no longer exist", () => {
    const picks = rankRelated({ ...subject, related: ["gone"] }, all, 1);
    expect(picks.map((a) => a.slug)).toEqual(["two-shared-new"]);
  });
});
