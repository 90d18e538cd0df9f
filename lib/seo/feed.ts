import type { Article } from "@/lib/content";
import type { SiteCorrection } from "@/lib/content/corrections";
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
      <atom:updated>${article.updated}T00:00:00Z</atom:updated>
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

/** RSS 2.0 of /corrections: one item per correction, linking to it on its article. */
export function renderCorrectionsFeed(corrections: readonly SiteCorrection[]): string {
  const items = corrections.map((correction) => {
    const url = absoluteUrl(`${articlePath(correction.article.slug)}#corrections`);
    return `    <item>
      <title>${escapeXml(`Correction: ${correction.article.title}`)}</title>
      <link>${escapeXml(url)}</link>
      <guid isPermaLink="false">${escapeXml(`${absoluteUrl(articlePath(correction.article.slug))}#correction-${correction.number}`)}</guid>
      <description>${escapeXml(correction.text)}</description>
      <pubDate>${rfc822(correction.date)}</pubDate>
    </item>`;
  });
  const latest = corrections[0]?.date;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(`${SITE.name}: corrections`)}</title>
    <link>${escapeXml(absoluteUrl("/corrections"))}</link>
    <description>${escapeXml(`Every correction ${SITE.name} has made to a published piece.`)}</description>
    <language>${SITE.language}</language>
    <atom:link href="${escapeXml(absoluteUrl("/corrections/feed.xml"))}" rel="self" type="application/rss+xml"/>
${latest ? `    <lastBuildDate>${rfc822(latest)}</lastBuildDate>\n` : ""}${items.join("\n")}
  </channel>
</rss>
`;
}
