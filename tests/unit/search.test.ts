import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadArticles } from "@/lib/content/load";
import type { Article } from "@/lib/content/types";
import { articleFixture } from "../support/article";
import { ArticleSearch, SEARCH_PAGE_SIZE, snippetOf } from "@/lib/search";

const CONTENT = path.resolve(__dirname, "../../content");

function piece(slug: string, overrides: Partial<Article> = {}): Article {
  return articleFixture({
    slug,
    title: `Piece ${slug}`,
    author: "The Strategic Ledger",
    text: "Nothing in particular.",
    ...overrides,
  });
}

describe("search", () => {
  it("finds the flagship first for its own words, and with a typo in a longer word", async () => {
    const search = new ArticleSearch(await loadArticles(CONTENT));
    expect(search.search("Iron Beam").hits[0]?.article.slug).toBe("the-end-of-the-blank-check");
    expect(search.search("sovereignity").hits[0]?.article.slug).toBe("the-end-of-the-blank-check");
  });

  it("ranks a title above a body, and a phrase above scattered words", () => {
    const search = new ArticleSearch([
      piece("body", { text: "The arms embargo was discussed among other things." }),
      piece("title", { title: "The arms embargo" }),
      piece("scattered", { text: "Arms were sold. Later an embargo came." }),
    ]);
    expect(search.search("arms embargo").hits.map((hit) => hit.article.slug)).toEqual([
      "title",
      "body",
      "scattered",
    ]);
  });

  it("matches other forms of a word by its stem", () => {
    const search = new ArticleSearch([piece("a", { text: "New sanctions were imposed." })]);
    expect(search.search("sanctioning").hits).toHaveLength(1);
    expect(search.search("sanction").hits[0]?.snippet.filter((part) => part.marked)).toEqual([
      { text: "sanctions", marked: true },
    ]);
  });

  it("finds British and American spellings of a word alike, and still corrects a typo", () => {
    const search = new ArticleSearch([
      piece("us", { text: "Missile defense and armored brigades." }),
      piece("uk", { text: "The organisation of air defence." }),
    ]);
    expect(
      search
        .search("defence")
        .hits.map((hit) => hit.article.slug)
        .sort(),
    ).toEqual(["uk", "us"]);
    expect(search.search("armoured").hits.map((hit) => hit.article.slug)).toEqual(["us"]);
    expect(search.search("organization").hits.map((hit) => hit.article.slug)).toEqual(["uk"]);
    expect(search.search("organizaton").hits.map((hit) => hit.article.slug)).toEqual(["uk"]);
    // A word the pieces hold is not stretched to others that merely start like it.
    const exact = new ArticleSearch([
      piece("drone", { text: "A drone flew." }),
      piece("dronelike", { text: "Dronescapes of the future." }),
    ]);
    expect(exact.search("drone").hits.map((hit) => hit.article.slug)).toEqual(["drone"]);
    expect(exact.search("dronesc").hits.map((hit) => hit.article.slug)).toEqual(["dronelike"]);
  });

  it("filters by topic and kind, and pages by twenty", () => {
    const articles = Array.from({ length: 45 }, (_, index) =>
      piece(`p${index}`, {
        text: "Deterrence again.",
        kind: index % 3 === 0 ? "op-ed" : "analysis",
        topics: [index % 2 ? { name: "Asia", slug: "asia" } : { name: "Europe", slug: "europe" }],
      }),
    );
    const search = new ArticleSearch(articles);
    const all = search.search("deterrence");
    expect(all).toMatchObject({ total: 45, pages: 3, page: 1 });
    expect(all.hits).toHaveLength(SEARCH_PAGE_SIZE);
    expect(search.search("deterrence", {}, 3).hits).toHaveLength(5);
    expect(search.search("deterrence", {}, 99).page).toBe(3);
    const asia = search.search("deterrence", { topic: "asia" });
    expect(asia.total).toBe(22);
    expect(asia.hits.every((hit) => hit.article.topics[0]!.slug === "asia")).toBe(true);
    expect(search.search("deterrence", { kind: "op-ed" }).total).toBe(15);
  });

  it("answers an empty or whitespace query with nothing, and takes hostile text as words", () => {
    const search = new ArticleSearch([piece("a", { text: "script alert" })]);
    expect(search.search("   ").hits).toEqual([]);
    expect(() => search.search("<script>alert(1)</script> (( [ \\ .* ")).not.toThrow();
    const started = performance.now();
    search.search("a".repeat(10_000));
    search.search(Array.from({ length: 500 }, (_, index) => `w${index}`).join(" "));
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("makes a snippet around the first match, at word boundaries, with regular-expression characters taken literally", () => {
    const text = `${"lead ".repeat(40)}the (crucial) point here ${"tail ".repeat(80)}`;
    const snippet = snippetOf(text, ["(crucial)", "point"]);
    const joined = snippet.map((part) => part.text).join("");
    expect(joined.startsWith("…lead")).toBe(true);
    expect(joined.endsWith("…")).toBe(true);
    expect(snippet.filter((part) => part.marked).map((part) => part.text)).toEqual(["point"]);
    expect(snippetOf("No match here.", ["zzz"])).toEqual([
      { text: "No match here.", marked: false },
    ]);
  });
});
