import { describe, expect, it } from "vitest";
import { renderIndex, renderUrlset, SITEMAP_SIZE, sitemapParts } from "@/lib/seo/sitemap";

describe("the sitemap", () => {
  it("is one file up to SITEMAP_SIZE addresses, and splits past it", () => {
    expect(SITEMAP_SIZE).toBe(1000);
    expect(sitemapParts(0)).toBe(1);
    expect(sitemapParts(1000)).toBe(1);
    expect(sitemapParts(1001)).toBe(2);
    expect(sitemapParts(5004)).toBe(6);
  });

  it("writes an index of its parts, with absolute addresses", () => {
    const xml = renderIndex(3, "2026-12-01");
    expect(xml).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml.match(/<sitemap>/g)).toHaveLength(3);
    expect(xml).toContain(
      "<sitemap><loc>http://localhost:3000/sitemaps/3.xml</loc><lastmod>2026-12-01</lastmod></sitemap>",
    );
  });

  it("escapes what it lists", () => {
    const xml = renderUrlset([{ url: "http://localhost:3000/a?b=1&c=<2>" }]);
    expect(xml).toContain("<loc>http://localhost:3000/a?b=1&amp;c=&lt;2&gt;</loc>");
  });
});
