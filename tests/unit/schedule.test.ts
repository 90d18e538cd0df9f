import { describe, expect, it } from "vitest";
import { loadArticles } from "@/lib/content/load";
import {
  dateIn,
  isLive,
  isTimeZone,
  nextPublication,
  publicationInstant,
} from "@/lib/content/schedule";
import { articleFixture } from "../support/article";
import { articleSource, contentDir } from "../support/content-dir";

describe("publication times", () => {
  it("reads a date as midnight in the publication's time zone", () => {
    expect(publicationInstant("2026-12-05", "UTC")).toBe("2026-12-05T00:00:00.000Z");
    // London is on GMT in December and on BST (UTC+1) in July.
    expect(publicationInstant("2026-12-05", "Europe/London")).toBe("2026-12-05T00:00:00.000Z");
    expect(publicationInstant("2026-07-05", "Europe/London")).toBe("2026-07-04T23:00:00.000Z");
    expect(publicationInstant("2026-12-05", "Asia/Jerusalem")).toBe("2026-12-04T22:00:00.000Z");
    expect(publicationInstant("2026-12-05", "America/New_York")).toBe("2026-12-05T05:00:00.000Z");
  });

  it("reads a date and time in the zone, or with its own offset", () => {
    expect(publicationInstant("2026-12-05T09:30", "Europe/Paris")).toBe("2026-12-05T08:30:00.000Z");
    expect(publicationInstant("2026-12-05T09:30:15Z", "Europe/Paris")).toBe(
      "2026-12-05T09:30:15.000Z",
    );
    expect(publicationInstant("2026-12-05T09:30+02:00", "UTC")).toBe("2026-12-05T07:30:00.000Z");
    expect(publicationInstant("2026-12-05 09:30-05:00", "UTC")).toBe("2026-12-05T14:30:00.000Z");
  });

  it("finds the right hour on the days the clocks change", () => {
    // Europe/London moves to BST at 01:00 UTC on 29 March 2026.
    expect(publicationInstant("2026-03-29T12:00", "Europe/London")).toBe(
      "2026-03-29T11:00:00.000Z",
    );
    expect(publicationInstant("2026-10-25T12:00", "Europe/London")).toBe(
      "2026-10-25T12:00:00.000Z",
    );
  });

  it("refuses what is not a real date or time", () => {
    for (const value of [
      "2026-02-30",
      "2026-13-01",
      "2026-12-05T24:00",
      "5 December",
      "2026-12-5",
    ]) {
      expect(publicationInstant(value, "UTC"), value).toBeNull();
    }
  });

  it("gives readers the calendar date in the zone", () => {
    expect(dateIn("2026-12-04T22:00:00.000Z", "Asia/Jerusalem")).toBe("2026-12-05");
    expect(dateIn("2026-12-04T22:00:00.000Z", "UTC")).toBe("2026-12-04");
  });

  it("knows time zone names", () => {
    expect(isTimeZone("Europe/London")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});

describe("what is live, with a clock the test controls", () => {
  const at = (iso: string) => Date.parse(iso);
  const scheduled = articleFixture({ slug: "later", publishedAt: "2026-12-05T09:00:00.000Z" });
  const draft = articleFixture({
    slug: "draft",
    draft: true,
    publishedAt: "2026-01-01T00:00:00.000Z",
  });
  const out = articleFixture({ slug: "out", publishedAt: "2026-01-01T00:00:00.000Z" });

  it("a scheduled piece goes live at its moment, and not a millisecond before", () => {
    expect(isLive(scheduled, at("2026-12-05T08:59:59.999Z"))).toBe(false);
    expect(isLive(scheduled, at("2026-12-05T09:00:00.000Z"))).toBe(true);
  });

  it("a draft is never live", () => {
    expect(isLive(draft, at("2099-01-01T00:00:00Z"))).toBe(false);
    expect(isLive(out, at("2026-06-01T00:00:00Z"))).toBe(true);
  });

  it("the next moment to wake for is the earliest piece still to come, drafts aside", () => {
    const soon = articleFixture({ slug: "soon", publishedAt: "2026-12-03T09:00:00.000Z" });
    const all = [scheduled, draft, out, soon];
    expect(nextPublication(all, at("2026-12-01T00:00:00Z"))).toBe(at("2026-12-03T09:00:00Z"));
    expect(nextPublication(all, at("2026-12-03T09:00:00Z"))).toBe(at("2026-12-05T09:00:00Z"));
    expect(nextPublication(all, at("2026-12-06T00:00:00Z"))).toBeNull();
  });
});

describe("drafts and scheduled pieces in the content", () => {
  it("loads them with their state, newest first by the moment they go live", async () => {
    const articles = await loadArticles(
      await contentDir({
        "a.md": articleSource({ published: "2026-01-10" }),
        "b.md": articleSource({ published: "2026-01-10T08:00" }),
        "c.md": articleSource({ published: "2099-01-01T09:00:00Z" }),
        "d.md": articleSource({ published: "2026-01-09", draft: true }),
      }),
      { timeZone: "Europe/Paris" },
    );
    expect(articles.map((article) => [article.slug, article.draft, article.publishedAt])).toEqual([
      ["c", false, "2099-01-01T09:00:00.000Z"],
      ["b", false, "2026-01-10T07:00:00.000Z"],
      ["a", false, "2026-01-09T23:00:00.000Z"],
      ["d", true, "2026-01-08T23:00:00.000Z"],
    ]);
    // Readers see the date in the publication's zone.
    expect(articles.find((article) => article.slug === "a")?.published).toBe("2026-01-10");
  });

  it("refuses a live piece that links to a draft, or to one still to come", async () => {
    const problems = await loadArticles(
      await contentDir({
        "a.md": articleSource({ related: ["d"] }, "See [the next one](/analysis/c)."),
        "c.md": articleSource({ published: "2099-01-01T09:00:00Z" }),
        "d.md": articleSource({ draft: true }),
      }),
    ).then(
      () => [],
      (error: { problems: string[] }) => error.problems,
    );
    expect(problems).toEqual([
      'content/a.md: field "related": "d" is a draft',
      'content/a.md: line 11: link "/analysis/c" names an article that is not published until 2099-01-01T09:00:00.000Z',
    ]);
  });

  it("lets a draft link to anything, and an older piece link to a newer one already out", async () => {
    const articles = await loadArticles(
      await contentDir({
        "old.md": articleSource({ published: "2026-01-01" }, "See [the new one](/analysis/new)."),
        "new.md": articleSource({ published: "2026-02-01" }),
        "d.md": articleSource({ draft: true, related: ["c"] }, "See [c](/analysis/c)."),
        "c.md": articleSource({ published: "2099-01-01" }),
      }),
    );
    expect(articles).toHaveLength(4);
  });

  it("refuses a published value that is no date", async () => {
    const problems = await loadArticles(
      await contentDir({ "a.md": articleSource({ published: "2026-02-30" }) }),
    ).then(
      () => [],
      (error: { problems: string[] }) => error.problems,
    );
    expect(problems).toEqual(['content/a.md: field "published": is not a real date or time']);
  });
});
