import { describe, expect, it } from "vitest";
import { siteCorrections } from "@/lib/content/corrections";
import { FEED_SIZE, feedHtml, renderCorrectionsFeed, renderFeed } from "@/lib/seo/feed";
import type { Article } from "@/lib/content/types";
import type { CommentView } from "@/lib/comments/threads";
import { renderCommentsFeed } from "@/lib/seo/comments-feed";
import { articleFixture } from "../support/article";
import { commentFixture } from "../support/comment";

const article: Article = articleFixture({
  slug: "arms-and-allies",
  title: 'Arms & allies: "<b>bold</b>" claims',
  dek: "Why <script>alert(1)</script> never runs in a feed reader.",
  published: "2026-11-17",
  topics: [{ name: "Middle East", slug: "middle-east" }],
  wordCount: 10,
});

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

  it("names each author, and dates a piece by the moment it went live", () => {
    const byTwo = renderFeed([
      {
        ...article,
        author: "Dana Example and Lee <Sample>",
        authors: [
          { slug: "dana-example", name: "Dana Example", kind: "person", sameAs: [] },
          { slug: "lee-sample", name: "Lee <Sample>", kind: "person", sameAs: [] },
        ],
        publishedAt: "2026-11-17T09:30:00.000Z",
      },
    ]);
    expect(byTwo).toContain("<dc:creator>Dana Example</dc:creator>");
    expect(byTwo).toContain("<dc:creator>Lee &lt;Sample&gt;</dc:creator>");
    expect(byTwo).toContain("<pubDate>Tue, 17 Nov 2026 09:30:00 GMT</pubDate>");
    expect(xml).toContain("<dc:creator>A. Writer</dc:creator>");
  });
});

describe("the feeds and corrections", () => {
  const corrected: Article = {
    ...article,
    slug: "corrected",
    title: "Corrected <piece>",
    updated: "2026-11-20",
    corrections: [
      { date: "2026-11-18", text: "An earlier version said 3 & 4; it is 3 and 5." },
      { date: "2026-11-20", text: "The second <correction>." },
    ],
  };

  it("gives each item of /feed.xml its latest update date", () => {
    expect(renderFeed([corrected])).toContain("<atom:updated>2026-11-20T00:00:00Z</atom:updated>");
  });

  it("lists every correction newest first, each linking to its article's corrections, escaped", () => {
    const corrections = siteCorrections([article, corrected]);
    expect(corrections.map((correction) => correction.date)).toEqual(["2026-11-20", "2026-11-18"]);
    const xml = renderCorrectionsFeed(corrections);
    expect(xml).toContain("<title>Correction: Corrected &lt;piece&gt;</title>");
    expect(xml).toContain("<description>The second &lt;correction&gt;.</description>");
    expect(xml).toMatch(/<link>http:\/\/localhost:\d+\/analysis\/corrected#corrections<\/link>/);
    expect(xml).toMatch(/<guid isPermaLink="false">[^<]+#correction-2<\/guid>/);
    expect(xml.indexOf("The second")).toBeLessThan(xml.indexOf("An earlier version"));
  });
});

describe("full text in the feeds", () => {
  const full: Article = {
    ...article,
    slug: "full",
    body: [
      {
        type: "html",
        html: '<p>See <a href="/analysis/other">this</a>, <a href="#fn-1">note</a> and <a href="https://example.org/">that</a>. Not ]]> the end.</p><picture><source srcset="/media/full/a.png/480.avif 480w, /media/full/a.png/828.avif 828w"><img src="/media/full/a.png" alt="A"></picture>',
      },
      { type: "faq" },
    ],
    faq: {
      title: "FAQ: <Full>",
      items: [{ question: "Why & how?", answer: "Because <b>.", anchor: "faq-why" }],
    },
  };

  it("carries the page's HTML with every address absolute, and the FAQ as text", () => {
    const html = feedHtml(full);
    expect(html).toMatch(/href="http:\/\/localhost:\d+\/analysis\/other"/);
    expect(html).toMatch(/href="http:\/\/localhost:\d+\/analysis\/full#fn-1"/);
    expect(html).toContain('href="https://example.org/"');
    expect(html).toMatch(/src="http:\/\/localhost:\d+\/media\/full\/a.png"/);
    expect(html).toMatch(
      /srcset="http:\/\/localhost:\d+\/media\/full\/a.png\/480.avif 480w, http:\/\/localhost:\d+\/media\/full\/a.png\/828.avif 828w"/,
    );
    expect(html).toContain("<h2>FAQ: &lt;Full&gt;</h2>");
    expect(html).toContain("<h3>Why &amp; how?</h3>\n<p>Because &lt;b&gt;.</p>");
  });

  it("puts it in content:encoded, where no text can close the section early", () => {
    const xml = renderFeed([full]);
    expect(xml).toContain('xmlns:content="http://purl.org/rss/1.0/modules/content/"');
    const encoded = /<content:encoded>([\s\S]*?)<\/content:encoded>/.exec(xml)?.[1] ?? "";
    expect(encoded.startsWith("<![CDATA[<p>See")).toBe(true);
    expect(encoded).toContain("Not ]]]]><![CDATA[> the end.");
  });

  it("carries the newest FEED_SIZE pieces, not the whole archive", () => {
    const many = Array.from({ length: FEED_SIZE + 5 }, (_, index) => ({
      ...article,
      slug: `piece-${index}`,
    }));
    expect(renderFeed(many).match(/<item>/g)).toHaveLength(FEED_SIZE);
  });
});

describe("a piece's comment feed", () => {
  const comment = (id: string, overrides: Partial<CommentView> = {}): CommentView =>
    commentFixture({
      id,
      authorName: "Ada <Reader>",
      bodyHtml: "<p>A comment ]]> with <em>emphasis</em></p>",
      createdAt: `2026-11-2${id}T10:00:00.000Z`,
      ...overrides,
    });

  it("carries the published comments, newest first, each linking to itself, escaped", () => {
    const xml = renderCommentsFeed(article, [
      comment("1"),
      comment("2", { status: "hidden", bodyHtml: "<p>hidden text</p>" }),
      comment("3"),
    ]);
    const links = [...xml.matchAll(/<link>([^<]+)<\/link>/g)].map((match) => match[1]);
    expect(links.slice(1)).toEqual([
      "http://localhost:3000/analysis/arms-and-allies#comment-3",
      "http://localhost:3000/analysis/arms-and-allies#comment-1",
    ]);
    expect(xml).not.toContain("hidden text");
    expect(xml).toContain("<dc:creator>Ada &lt;Reader&gt;</dc:creator>");
    // A comment cannot close its CDATA section early.
    expect(xml).toContain("<![CDATA[<p>A comment ]]]]><![CDATA[> with <em>emphasis</em></p>]]>");
  });
});
