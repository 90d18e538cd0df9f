import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError, loadArticles } from "@/lib/content/load";
import type { Article } from "@/lib/content/types";
import { articleSource, contentDir } from "../support/content-dir";

const CONTENT = path.resolve(__dirname, "../../content");

async function problemsOf(files: Record<string, string>): Promise<string[]> {
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
    expect(problems.join("\n")).toMatch(/field "published": must be a date written YYYY-MM-DD/);
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
});
