import { describe, expect, it } from "vitest";
import { renderFeed } from "@/lib/seo/feed";
import type { Article } from "@/lib/content/types";

const article: Article = {
  slug: "arms-and-allies",
  title: 'Arms & allies: "<b>bold</b>" claims',
  dek: "Why <script>alert(1)</script> never runs in a feed reader.",
  kind: "analysis",
  author: "A. Writer",
  published: "2026-11-17",
  updated: "2026-11-17",
  topics: [{ name: "Middle East", slug: "middle-east" }],
  related: [],
  faq: null,
  body: [],
  wordCount: 10,
  readingMinutes: 1,
};

describe("renderFeed", () => {
  const xml = renderFeed([article]);

  it("escapes text so that titles and summaries cannot inject markup", () => {
    expect(xml).toContain(
      "<title>Arms &amp; allies: &quot;&lt;b&gt;bold&lt;/b&gt;&quot; claims</title>",
    );
    expect(xml).not.toContain("<script>");
  });

  it("gives each item an absolute link, a permalink guid, an RFC 822 date and its topics", () => {
    expect(xml).toMatch(/<link>http:\/\/localhost:\d+\/analysis\/arms-and-allies<\/link>/);
    expect(xml).toContain('<guid isPermaLink="true">');
    expect(xml).toContain("<pubDate>Tue, 17 Nov 2026 00:00:00 GMT</pubDate>");
    expect(xml).toContain("<category>Middle East</category>");
  });
});
