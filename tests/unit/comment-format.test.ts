import { describe, expect, it } from "vitest";
import { cleanCommentBody, commentBodyField, type CommentBody } from "@/lib/comments/body";
import {
  formatComment,
  MAX_EMPHASIS_DEPTH,
  MAX_QUOTE_DEPTH,
  safeHref,
} from "@/lib/comments/format";

function html(source: string): string {
  return formatComment(cleanCommentBody(source)).html;
}

function accepted(source: string): CommentBody {
  const result = commentBodyField.safeParse(source);
  if (!result.success) throw new Error(result.error.issues[0]?.message);
  return result.data;
}

function refusal(source: string): string | undefined {
  return commentBodyField.safeParse(source).error?.issues[0]?.message;
}

function depthOf(markup: string, tags: RegExp): number {
  let depth = 0;
  let deepest = 0;
  for (const [, closing] of markup.matchAll(new RegExp(`<(/?)(?:${tags.source})>`, "g"))) {
    depth += closing ? -1 : 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

describe("comment text", () => {
  it("keeps what the reader wrote, minus control and direction characters", () => {
    expect(cleanCommentBody("  Hello\r\nworld\u202e!\u0007\u200b  ")).toBe("Hello\nworld!");
    expect(cleanCommentBody("tab\there")).toBe("tab    here");
  });

  it.each([
    ["word joiner", "\u2060"],
    ["zero-width non-joiner", "\u200c"],
    ["zero-width joiner", "\u200d"],
    ["Hangul filler", "\u3164"],
    ["Hangul choseong and jungseong fillers", "\u115f\u1160"],
    ["halfwidth Hangul filler", "\uffa0"],
    ["tag characters", "\u{e0041}\u{e0042}\u{e0043}"],
    ["soft hyphen", "\u00ad"],
    ["Mongolian vowel separator", "\u180e"],
    ["Khmer inherent vowels", "\u17b4\u17b5"],
    ["blank Braille pattern", "\u2800"],
    ["variation selectors", "\ufe0f\ufe0e"],
  ])("refuses a comment of nothing but %s, however long", (_name, invisible) => {
    expect(refusal(invisible.repeat(Math.floor(4000 / invisible.length)))).toMatch(/empty/);
    expect(refusal(`${invisible} \n ${invisible}`)).toMatch(/empty/);
  });

  it("keeps joiners and selectors where they join visible text: emoji, Persian, flags", () => {
    for (const text of [
      "👩‍💻 and 👨‍👩‍👧",
      "❤️",
      "می‌خواهم",
      "\u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}",
    ]) {
      expect(cleanCommentBody(text)).toBe(text);
    }
    expect(cleanCommentBody("a\u200d\u200d\u2060b")).toBe("ab");
  });

  it("refuses empty, over-long and link-stuffed comments", () => {
    expect(refusal(" \n\t ")).toMatch(/empty/);
    expect(refusal("\u202e\u200b")).toMatch(/empty/);
    expect(accepted("x".repeat(5000)).text).toHaveLength(5000);
    expect(refusal("x".repeat(5001))).toBe(
      "A comment has at most 5,000 characters; this one has 5,001.",
    );
    expect(refusal("x".repeat(1_200_000))).toBe(
      "A comment has at most 5,000 characters; this one has 1,200,000.",
    );
    const links = Array.from({ length: 11 }, (_, index) => `https://example.com/${index}`).join(
      " ",
    );
    expect(refusal(links)).toBe("A comment can hold at most 10 links.");
    const written = Array.from({ length: 11 }, (_, index) => `[${index}](https://e.x/${index})`);
    expect(refusal(written.join(" "))).toBe("A comment can hold at most 10 links.");
  });

  it("counts as a link exactly what becomes one in the page, whatever its spelling", () => {
    const disguised = [
      "[x](http:spam.example/n)",
      "[x](https:\\\\spam.example/n)",
      "<HTTPS:spam.example/n>",
      "[x](https:/spam.example/n)",
      "[x](//spam.example/n)",
    ];
    // None is a link to a browser through this page: all stay text, and none counts.
    const body = accepted(Array.from({ length: 8 }, () => disguised.join(" ")).join("\n"));
    expect(body.html).not.toContain("<a ");
    expect(body.html).toContain("http:spam.example/n");
    for (const href of ["http:spam.example/n", "https:\\\\spam.example/n", "javascript:x"]) {
      expect(safeHref(href)).toBeNull();
    }
    expect(safeHref("HTTPS://Example.com/a")).toBe("https://example.com/a");
    // Ten links of every form that does link are accepted; the eleventh is refused.
    const ten = [
      "[a](https://a.example)",
      "<https://b.example>",
      "https://c.example/path",
      "[d](mailto:desk@example.com)",
      "<mailto:e@example.com>",
      "[f](http://f.example)",
      "[g](https://g.example)",
      "[h](https://h.example)",
      "[i](https://i.example)",
      "[j](https://j.example)",
    ];
    expect(accepted(ten.join(" ")).html.match(/<a /g)).toHaveLength(10);
    expect(refusal([...ten, "https://k.example"].join(" "))).toBe(
      "A comment can hold at most 10 links.",
    );
  });

  it("renders the small Markdown subset", () => {
    expect(html("Some *emphasis*, **strong** and `code`.")).toBe(
      "<p>Some <em>emphasis</em>, <strong>strong</strong> and <code>code</code>.</p>",
    );
    expect(html("> quoted\n\nafter")).toBe(
      "<blockquote>\n<p>quoted</p>\n</blockquote>\n<p>after</p>",
    );
    expect(html("[SIPRI](https://www.sipri.org/)")).toBe(
      '<p><a href="https://www.sipri.org/" rel="nofollow ugc noopener noreferrer">SIPRI</a></p>',
    );
    expect(html("[write](mailto:desk@example.com)")).toContain('href="mailto:desk@example.com"');
    expect(html("see https://www.sipri.org/databases.")).toBe(
      '<p>see <a href="https://www.sipri.org/databases" rel="nofollow ugc noopener noreferrer">https://www.sipri.org/databases</a>.</p>',
    );
  });

  it("keeps line breaks, and shows headings, lists and code blocks as typed", () => {
    expect(html("one\ntwo")).toBe("<p>one<br>\ntwo</p>");
    expect(html("# Not a heading\n- not a list\n1. nor this")).toBe(
      "<p># Not a heading<br>\n- not a list<br>\n1. nor this</p>",
    );
    expect(html("a\n\n\n\n\nb")).toBe("<p>a</p>\n<p>b</p>");
  });

  it(`nests quotes at most ${MAX_QUOTE_DEPTH} deep, and keeps deeper markers as text`, () => {
    const output = html(`${">".repeat(3000)} hi`);
    expect(depthOf(output, /blockquote/)).toBe(MAX_QUOTE_DEPTH);
    expect(output).toContain(`${"&gt;".repeat(2995)} hi`);
    expect(depthOf(html("> > > one\n> > > > > > > > two"), /blockquote/)).toBe(MAX_QUOTE_DEPTH);
  });

  it(`nests emphasis at most ${MAX_EMPHASIS_DEPTH} deep, and keeps deeper markers as text`, () => {
    const output = html(`${"*".repeat(2000)}x${"*".repeat(2000)}`);
    expect(depthOf(output, /em|strong/)).toBe(MAX_EMPHASIS_DEPTH);
    expect(output.replace(/<[^>]+>/g, "")).toContain("*".repeat(100));
    const nested = html(`${"*a ".repeat(800)}${"a* ".repeat(800)}`);
    expect(depthOf(nested, /em|strong/)).toBe(MAX_EMPHASIS_DEPTH);
    expect(html("***x***")).toBe("<p><em><strong>x</strong></em></p>");
  });

  // Bodies that took the old renderer seconds, or its stack: each is formatted once, when it
  // is written, in a few milliseconds. The bound is a hundred times what they take, so that
  // only a return to superlinear parsing fails it.
  it.each([
    ["nested quotes", `${">".repeat(4990)} hi`],
    ["nested emphasis", `${"*".repeat(2000)}x${"*".repeat(2000)}`],
    ["nested list markers", `${"- ".repeat(2499)}x`],
    ["alternating delimiters", "*_".repeat(2490)],
    ["open brackets", "[".repeat(4999)],
    ["nested link labels", `${"[".repeat(1000)}a${"](https://x.example)".repeat(300)}`],
    ["unclosed links", "[a](".repeat(1249)],
    ["backticks", "`a``".repeat(1249)],
    ["angle brackets", "<a".repeat(2499)],
    ["bare addresses", "https://a.example ".repeat(277)],
    ["line breaks", "a\n".repeat(2500)],
  ])("formats %s in bounded time and depth", (_name, source) => {
    formatComment(source);
    const started = performance.now();
    const { html: output } = formatComment(source);
    expect(performance.now() - started).toBeLessThan(100);
    expect(depthOf(output, /blockquote|em|strong|a [^>]*|a/)).toBeLessThanOrEqual(
      MAX_QUOTE_DEPTH + MAX_EMPHASIS_DEPTH + 1,
    );
  });

  it.each([
    "<script>window.pwned = 1</script>",
    '<img src=x onerror="window.pwned = 1">',
    '<svg onload="window.pwned = 1"></svg>',
    '<iframe src="javascript:alert(1)"></iframe>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](java\tscript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    "![x](javascript:alert(1))",
    '![x](https://evil.example/x.png "t" onerror=alert(1))',
    '[x](https://evil.example/ "a\\" onmouseover=\\"alert(1)")',
    "<https://ok.example> <javascript:alert(1)>",
    "[a]: javascript:alert(1)\n\n[a]",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    '<a href="https://evil.example" onclick="alert(1)">x</a>',
    "```\n<script>alert(1)</script>\n```",
    'https://evil.example/"onmouseover="alert(1)',
  ])("renders %j inert", (source) => {
    const output = html(source);
    expect(output).not.toMatch(/<(script|img|svg|iframe|object|embed|style)\b/i);
    const tags = output.match(/<[a-z][^>]*>/gi) ?? [];
    for (const tag of tags) {
      expect(tag).toMatch(
        /^<(p|br|em|strong|code|blockquote|a href="[^"]*" rel="nofollow ugc noopener noreferrer")>$/,
      );
    }
    for (const [, href] of output.matchAll(/href="([^"]*)"/g)) {
      expect(href).toMatch(/^(https?:\/\/|mailto:)/);
    }
  });
});
