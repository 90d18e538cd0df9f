import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { cleanCommentBody, commentBodyField } from "@/lib/comments/body";
import { renderCommentBody } from "@/lib/comments/render";

function html(source: string): string {
  return renderToStaticMarkup(<>{renderCommentBody(cleanCommentBody(source))}</>);
}

describe("comment text", () => {
  it("keeps what the reader wrote, minus control and direction characters", () => {
    expect(cleanCommentBody("  Hello\r\nworld\u202e!\u0007\u200b  ")).toBe("Hello\nworld!");
    expect(cleanCommentBody("tab\there")).toBe("tab    here");
  });

  it("refuses empty, whitespace-only, over-long and link-stuffed comments", () => {
    expect(commentBodyField.safeParse(" \n\t ").error?.issues[0]?.message).toMatch(/empty/);
    expect(commentBodyField.safeParse("\u202e\u200b").error?.issues[0]?.message).toMatch(/empty/);
    expect(commentBodyField.safeParse("x".repeat(5000)).success).toBe(true);
    expect(commentBodyField.safeParse("x".repeat(5001)).error?.issues[0]?.message).toBe(
      "A comment has at most 5,000 characters; this one has 5,001.",
    );
    const links = Array.from({ length: 11 }, (_, index) => `https://example.com/${index}`).join(
      " ",
    );
    expect(commentBodyField.safeParse(links).error?.issues[0]?.message).toBe(
      "A comment can hold at most 10 links.",
    );
  });

  it("renders the small Markdown subset", () => {
    expect(html("Some *emphasis*, **strong** and `code`.")).toBe(
      "<p>Some <em>emphasis</em>, <strong>strong</strong> and <code>code</code>.</p>",
    );
    expect(html("> quoted\n\nafter")).toBe("<blockquote><p>quoted</p></blockquote><p>after</p>");
    expect(html("[SIPRI](https://www.sipri.org/)")).toBe(
      '<p><a href="https://www.sipri.org/" rel="nofollow ugc noopener noreferrer">SIPRI</a></p>',
    );
    expect(html("[write](mailto:desk@example.com)")).toContain('href="mailto:desk@example.com"');
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
    "<https://ok.example> <javascript:alert(1)>",
    "[a]: javascript:alert(1)\n\n[a]",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    '<a href="https://evil.example" onclick="alert(1)">x</a>',
    "```\n<script>alert(1)</script>\n```",
  ])("renders %j inert", (source) => {
    const output = html(source);
    expect(output).not.toMatch(/<(script|img|svg|iframe|object|embed|style)\b/i);
    const tags = output.match(/<[a-z][^>]*>/gi) ?? [];
    for (const tag of tags) expect(tag).not.toMatch(/\son[a-z]+=/i);
    for (const [, href] of output.matchAll(/href="([^"]*)"/g)) {
      expect(href).toMatch(/^(https?:|mailto:)/);
    }
  });
});
