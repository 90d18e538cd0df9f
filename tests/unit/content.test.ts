import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ContentError, loadArticles } from "@/lib/content/load";
import type { Article } from "@/lib/content/types";
import { articleSource, contentDir } from "../support/content-dir";

const CONTENT = path.resolve(__dirname, "../../content");

async function problemsOf(files: Record<string, string | Buffer>): Promise<string[]> {
  try {
    await loadArticles(await contentDir(files));
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  throw new Error("expected the content to be refused");
}

function textOf(article: Article): string {
  return JSON.stringify(article.body);
}

describe("the site's own content", () => {
  it("loads the flagship op-ed with its sections, list, links and FAQ", async () => {
    const articles = await loadArticles(CONTENT);
    const flagship = articles.find((article) => article.slug === "the-end-of-the-blank-check");
    expect(flagship).toBeDefined();
    if (!flagship) return;
    expect(flagship.kind).toBe("op-ed");
    expect(flagship.title).toBe(
      "The End of the Blank Check: Why Strategic Defense Independence is the Modern Global Currency",
    );
    expect(flagship.faq?.title).toBe("FAQ: Understanding Strategic Defense Autonomy");
    expect(flagship.faq?.items.map((item) => item.question)).toEqual([
      "Does defense independence mean isolating oneself from allies?",
      "Why is domestic production harder than buying from the US?",
      "Can a minor country truly be independent in arms production?",
    ]);
    // The FAQ sits where the author put it: after the SIPRI paragraph, before the close.
    expect(flagship.body.map((block) => block.type)).toEqual(["html", "faq", "html"]);
    expect(textOf(flagship)).toContain("https://www.sipri.org/publications");
    expect(flagship.readingMinutes).toBe(4);
  });

  it("lists articles newest first", async () => {
    const articles = await loadArticles(CONTENT);
    const dates = articles.map((article) => article.published);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe("frontmatter validation", () => {
  it("names the file and the field that is missing", async () => {
    const problems = await problemsOf({ "broken.md": articleSource({ title: undefined }) });
    expect(problems).toEqual([expect.stringMatching(/^content\/broken\.md: field "title": /)]);
  });

  it("reports a broken article once, not again in every link to it", async () => {
    const problems = await problemsOf({
      "broken.md": articleSource({ kind: "news" }),
      "linking.md": articleSource({ related: ["broken"] }, "See [it](/analysis/broken)."),
    });
    expect(problems).toEqual([expect.stringMatching(/^content\/broken\.md: field "kind"/)]);
  });

  it("names a wrong kind and a malformed date", async () => {
    const problems = await problemsOf({
      "broken.md": articleSource({ kind: "news", published: "10/01/2026" }),
    });
    expect(problems).toHaveLength(2);
    expect(problems.join("\n")).toMatch(/field "kind"/);
    expect(problems.join("\n")).toMatch(/field "published": must be a date \(YYYY-MM-DD\)/);
  });

  it("refuses unknown fields, so a typo is not silently ignored", async () => {
    const problems = await problemsOf({ "typo.md": articleSource({ topcs: ["Europe"] }) });
    expect(problems.join("\n")).toMatch(/content\/typo\.md: .*topcs/);
  });

  it("refuses an update dated before publication", async () => {
    const problems = await problemsOf({
      "dates.md": articleSource({ published: "2026-02-01", updated: "2026-01-01" }),
    });
    expect(problems).toEqual([expect.stringContaining('field "updated"')]);
  });

  it("refuses a file without frontmatter and a file name that is not a slug", async () => {
    const problems = await problemsOf({ "no-frontmatter.md": "Just text.", "Bad Name.md": "" });
    expect(problems.join("\n")).toMatch(/no-frontmatter\.md: missing frontmatter/);
    expect(problems.join("\n")).toMatch(/Bad Name\.md: the file name must be a slug/);
  });

  it("requires the FAQ in the frontmatter and its ::faq placement to go together", async () => {
    const faq = { title: "FAQ", items: [{ question: "Why?", answer: "Because." }] };
    const problems = await problemsOf({
      "faq-unplaced.md": articleSource({ faq }),
      "faq-missing.md": articleSource({}, "Text.\n\n::faq\n"),
    });
    expect(problems.join("\n")).toMatch(/faq-unplaced\.md: .*no ::faq line/);
    expect(problems.join("\n")).toMatch(/faq-missing\.md: .*no faq in its frontmatter/);
  });
});

describe("links and body", () => {
  it("fails on an internal link to an article that does not exist", async () => {
    const problems = await problemsOf({
      "a.md": articleSource({}, "See [the other piece](/analysis/does-not-exist)."),
    });
    expect(problems).toEqual([
      // Line 10 of the file: the default frontmatter takes lines 1 to 8, then a blank line.
      'content/a.md: line 10: link "/analysis/does-not-exist" names no article',
    ]);
  });

  it("accepts links to articles, topics and sections that exist", async () => {
    const articles = await loadArticles(
      await contentDir({
        "a.md": articleSource(
          {},
          "## Background\n\nSee [b](/analysis/b), [its context](/analysis/b#context), [Europe](/topics/europe), [above](#background) and [comments](#comments).",
        ),
        "b.md": articleSource({ related: ["a"] }, "## Context\n\nText."),
      }),
    );
    expect(articles.map((article) => article.slug).sort()).toEqual(["a", "b"]);
  });

  it("refuses unsafe or dead links: javascript:, plain http, missing anchors, unknown related", async () => {
    const problems = await problemsOf({
      "a.md": articleSource(
        { related: ["ghost"] },
        "[x](javascript:alert(1)) [y](http://example.com) [z](#nowhere) [t](/topics/none)",
      ),
    });
    expect(problems).toHaveLength(5);
    expect(problems.join("\n")).toMatch(/"javascript:alert\(1\)" is neither/);
    expect(problems.join("\n")).toMatch(/"http:\/\/example.com" is neither/);
    expect(problems.join("\n")).toMatch(/"#nowhere" points to no section/);
    expect(problems.join("\n")).toMatch(/"\/topics\/none" names no topic/);
    expect(problems.join("\n")).toMatch(/field "related": no article "ghost"/);
  });

  it("refuses raw HTML and unknown directives rather than dropping them", async () => {
    const problems = await problemsOf({
      "a.md": articleSource({}, "<script>alert(1)</script>\n\n::chart\n\nA ratio :abc here."),
    });
    expect(problems.join("\n")).toMatch(/line 10: raw HTML is not allowed/);
    expect(problems.join("\n")).toMatch(/line 12: unknown directive ::chart/);
    expect(problems.join("\n")).toMatch(/unknown directive :abc/);
  });

  it("keeps colons followed by a space as plain text", async () => {
    const [article] = await loadArticles(
      await contentDir({ "a.md": articleSource({}, "- India: The initiative.\n- Q: A question?") }),
    );
    expect(textOf(article!)).toContain("India: The initiative.");
    expect(textOf(article!)).toContain("Q: A question?");
  });

  it("makes the body HTML the page can carry as it is: headings with ids, safe links, text escaped", async () => {
    const articles = await loadArticles(
      await contentDir({
        "a.md": articleSource(
          {},
          [
            "## A section",
            "",
            "See [SIPRI](https://www.sipri.org/) and [our other piece](/analysis/b), or [the FAQ](#a-section).",
            "",
            "Ratios 3 < 4 & \\<b>not bold\\</b>.",
          ].join("\n"),
        ),
        "b.md": articleSource({}, "Text."),
      }),
    );
    const article = articles.find((candidate) => candidate.slug === "a");
    const html = article!.body.map((block) => (block.type === "html" ? block.html : "")).join("");
    expect(html).toContain('<h2 id="a-section">A section</h2>');
    expect(html).toContain('<a href="https://www.sipri.org/" rel="noopener noreferrer">SIPRI</a>');
    expect(html).toContain('<a href="/analysis/b">our other piece</a>');
    expect(html).toContain('<a href="#a-section">the FAQ</a>');
    expect(html).toContain("Ratios 3 &#x3C; 4 &#x26; &#x3C;b>not bold&#x3C;/b>.");
    expect(html).not.toContain("<b>");
  });

  it("makes a captioned table: its caption inside, header cells naming columns, in a scrolling region", async () => {
    const [article] = await loadArticles(
      await contentDir({
        "a.md": articleSource(
          {},
          [
            ":::table[Pledges by country, in “€ billions”]",
            "| Country | Pledge |",
            "| --- | ---: |",
            "| Poland | 4 |",
            ":::",
          ].join("\n"),
        ),
      }),
    );
    const html = textOf(article!);
    expect(html).toContain(
      '<div class=\\"table-scroll\\" role=\\"region\\" tabindex=\\"0\\" aria-labelledby=\\"table-1-caption\\"><table class=\\"data-table\\"><caption id=\\"table-1-caption\\">Pledges by country, in “€ billions”</caption>',
    );
    expect(html).toContain('<th scope=\\"col\\">Country</th>');
    expect(html).toContain('<th scope=\\"col\\" class=\\"align-right\\">Pledge</th>');
    expect(html).toContain('<td class=\\"align-right\\">4</td>');
  });

  it("refuses a table without a caption, and a table directive without exactly one table", async () => {
    const problems = await problemsOf({
      "a.md": articleSource(
        {},
        ["| a | b |", "| - | - |", "| 1 | 2 |", "", ":::table[Caption]", "Just text.", ":::"].join(
          "\n",
        ),
      ),
    });
    expect(problems.join("\n")).toMatch(/a\.md: line 10: a table needs a caption/);
    expect(problems.join("\n")).toMatch(
      /a\.md: line 14: :::table needs a caption in brackets and exactly one table inside/,
    );
  });

  it("makes footnotes: numbered references, the notes under Notes, links back that say so", async () => {
    const [article] = await loadArticles(
      await contentDir({
        "a.md": articleSource(
          {},
          [
            "A claim.[^src] Another.[^2]",
            "",
            "[^src]: [The report](https://example.org/report), p. 4.",
            "[^2]: Our reading.",
          ].join("\n"),
        ),
      }),
    );
    const html = article!.body.map((block) => (block.type === "html" ? block.html : "")).join("");
    expect(html).toContain(
      '<sup><a href="#fn-src" id="fnref-src" data-footnote-ref aria-label="Note 1">1</a></sup>',
    );
    expect(html).toContain('<h2 class="notes-heading" id="footnote-label">Notes</h2>');
    expect(html).toMatch(
      /<li id="fn-src">\s*<p><a href="https:\/\/example.org\/report" rel="noopener noreferrer">The report<\/a>, p\. 4\./,
    );
    expect(html).toContain('aria-label="Back to where note 1 is cited"');
    expect(html).toContain('aria-label="Back to where note 2 is cited"');
  });

  it("checks links in footnotes like links in the text, and bare web addresses too", async () => {
    const problems = await problemsOf({
      "a.md": articleSource(
        {},
        ["A claim.[^1] See www.example.com.", "", "[^1]: [Bad](javascript:alert(1))."].join("\n"),
      ),
    });
    expect(problems.join("\n")).toMatch(/line 10: link "http:\/\/www\.example\.com" is neither/);
    expect(problems.join("\n")).toMatch(/line 12: link "javascript:alert\(1\)" is neither/);
  });

  it("takes corrections and updates, and the latest of them as the date modified", async () => {
    const [article] = await loadArticles(
      await contentDir({
        "a.md": articleSource({
          published: "2026-01-10",
          corrections: [{ date: "2026-01-12", text: "It said 3; it is 4." }],
          updates: [{ date: "2026-01-15", text: "Added the March figures." }],
        }),
      }),
    );
    expect(article!.corrections).toEqual([{ date: "2026-01-12", text: "It said 3; it is 4." }]);
    expect(article!.updates).toEqual([{ date: "2026-01-15", text: "Added the March figures." }]);
    expect(article!.updated).toBe("2026-01-15");
  });

  it("refuses corrections dated before publication or in the future, and notes without text", async () => {
    const problems = await problemsOf({
      "a.md": articleSource({
        published: "2026-01-10",
        corrections: [
          { date: "2026-01-09", text: "Too early." },
          { date: "2999-01-01", text: "Too late." },
        ],
        updates: [{ date: "2026-01-11", text: " " }],
      }),
    });
    expect(problems).toContain(
      'content/a.md: field "corrections.0.date": must not be earlier than published',
    );
    expect(problems).toContain(
      'content/a.md: field "corrections.1.date": must not be in the future',
    );
    expect(problems).toContain('content/a.md: field "updates.0.text": must not be empty');
  });

  it("takes a lead image checked like a figure, and names the field when it is wrong", async () => {
    const files = {
      "a.md": articleSource({ image: { src: "lead.png", alt: "A lead", credit: "Photo: A" } }),
      "b.md": articleSource({ image: { src: "gone.png", alt: "Gone" } }),
      "media/a/lead.png": await sharp({
        create: { width: 900, height: 500, channels: 3, background: "#000" },
      })
        .png()
        .toBuffer(),
    };
    const problems = await problemsOf(files);
    expect(problems).toEqual([
      'content/b.md: field "image": image "gone.png": no file content/media/b/gone.png',
    ]);
    delete (files as Record<string, unknown>)["b.md"];
    const [article] = await loadArticles(await contentDir(files));
    expect(article!.image).toMatchObject({
      src: "/media/a/lead.png",
      width: 900,
      height: 500,
      alt: "A lead",
      credit: "Photo: A",
    });
    expect(article!.image!.sources.map((source) => source.type)).toEqual([
      "image/avif",
      "image/webp",
    ]);
  });

  describe("figures", () => {
    const png = (width: number, height: number) =>
      sharp({ create: { width, height, channels: 3, background: "#8c1c13" } })
        .png()
        .toBuffer();
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="400" viewBox="0 0 800 400"><rect width="800" height="400"/></svg>',
    );

    it("makes a figure: AVIF and WebP at each width up to its own, sized, lazy, linked to the full file, captioned and credited", async () => {
      const [article] = await loadArticles(
        await contentDir({
          "a.md": articleSource(
            {},
            '::figure[Where the *plants* are.]{src="map.png" alt="A map of Europe" credit="Map: The Ledger"}',
          ),
          "media/a/map.png": await png(1000, 500),
        }),
      );
      const html = article!.body.map((block) => (block.type === "html" ? block.html : "")).join("");
      expect(html).toMatch(
        /^<figure class="figure"><a href="\/media\/a\/map.png" class="figure-link"><picture>/,
      );
      expect(html).toContain(
        '<source type="image/avif" srcset="/media/a/map.png/480.avif 480w, /media/a/map.png/828.avif 828w, /media/a/map.png/1000.avif 1000w" sizes="(min-width: 42rem) 40rem, 100vw">',
      );
      expect(html).toContain(
        '<source type="image/webp" srcset="/media/a/map.png/480.webp 480w, /media/a/map.png/828.webp 828w, /media/a/map.png/1000.webp 1000w"',
      );
      expect(html).toContain(
        '<img src="/media/a/map.png" width="1000" height="500" alt="A map of Europe" loading="lazy" decoding="async"></picture>',
      );
      expect(html).toContain('<span class="sr-only"> (open the full-size image)</span></a>');
      expect(html).toContain(
        '<figcaption>Where the <em>plants</em> are. <span class="figure-credit">Map: The Ledger</span></figcaption></figure>',
      );
    });

    it("serves an SVG as an image, not through the optimiser, and takes an explicitly empty alt", async () => {
      const [article] = await loadArticles(
        await contentDir({
          "a.md": articleSource({}, '::figure[A rule.]{src="rule.svg" alt=""}'),
          "media/a/rule.svg": svg,
        }),
      );
      const html = article!.body.map((block) => (block.type === "html" ? block.html : "")).join("");
      expect(html).toContain('<img src="/media/a/rule.svg" width="800" height="400" alt=""');
      expect(html).not.toContain("srcset");
    });

    it("refuses a figure without alt, a missing file, another kind of file, a false image and an oversized one, naming file and line", async () => {
      const problems = await problemsOf({
        "a.md": articleSource(
          {},
          [
            '::figure[No alt.]{src="map.png"}',
            '::figure[Missing.]{src="gone.png" alt="x"}',
            '::figure[A GIF.]{src="anim.gif" alt="x"}',
            '::figure[Not an image.]{src="fake.png" alt="x"}',
            '::figure[Too big.]{src="big.jpg" alt="x"}',
            '::figure[Outside.]{src="../b/map.png" alt="x"}',
            '::figure{src="map.png" alt="x"}',
          ].join("\n\n"),
        ),
        "media/a/map.png": await png(10, 10),
        "media/a/fake.png": "not an image",
        "media/a/big.jpg": Buffer.alloc(3 * 1024 * 1024),
      });
      const text = problems.join("\n");
      expect(text).toMatch(/content\/a\.md: line 10: image "map.png" needs alt="…"/);
      expect(text).toMatch(
        /content\/a\.md: line 12: image "gone.png": no file content\/media\/a\/gone.png/,
      );
      expect(text).toMatch(
        /content\/a\.md: line 14: image "anim.gif" must be a PNG, JPEG, WebP, AVIF or SVG file/,
      );
      expect(text).toMatch(/content\/a\.md: line 16: image "fake.png" is not a readable image/);
      expect(text).toMatch(/content\/a\.md: line 18: image "big.jpg" is 3.0 MB; the limit is 2 MB/);
      expect(text).toMatch(
        /content\/a\.md: line 20: image src "..\/b\/map.png" must be a file name/,
      );
      expect(text).toMatch(/content\/a\.md: line 22: ::figure needs a caption/);
    });
  });
});
