import type { Article } from "@/lib/content";
import { SITE, absoluteUrl, articlePath } from "@/lib/site";

const XML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => XML_ESCAPES[character] ?? character);
}

function rfc822(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toUTCString();
}

/** RSS 2.0: titles, summaries, dates and topics of every article, newest first. */
export function renderFeed(articles: readonly Article[]): string {
  const items = articles.map((article) => {
    const url = absoluteUrl(articlePath(article.slug));
    const categories = article.topics
      .map((topic) => `      <category>${escapeXml(topic.name)}</category>`)
      .join("\n");
    return `    <item>
      <title>${escapeXml(article.title)}</title>
      <link>${escapeXml(url)}</link>
      <guid isPermaLink="true">${escapeXml(url)}</guid>
      <description>${escapeXml(article.dek)}</description>
      <dc:creator>${escapeXml(article.author)}</dc:creator>
      <pubDate>${rfc822(article.published)}</pubDate>
${categories}
    </item>`;
  });
  const latest = articles[0]?.updated;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${escapeXml(SITE.name)}</title>
    <link>${escapeXml(absoluteUrl("/"))}</link>
    <description>${escapeXml(SITE.description)}</description>
    <language>${SITE.language}</language>
    <atom:link href="${escapeXml(absoluteUrl("/feed.xml"))}" rel="self" type="application/rss+xml"/>
${latest ? `    <lastBuildDate>${rfc822(latest)}</lastBuildDate>\n` : ""}${items.join("\n")}
  </channel>
</rss>
`;
}
