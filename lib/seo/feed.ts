import { escapeXml } from "./xml";
import type { Article } from "@/lib/content";
import type { SiteCorrection } from "@/lib/content/corrections";
import { SITE, absoluteUrl, articlePath } from "@/lib/site";

/** How many pieces a feed carries: the newest, so that no feed grows with the archive. */
export const FEED_SIZE = 30;

/** Text inside CDATA: the one sequence that would end it is split across two sections. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

/**
 * The article as feed readers show it: the same HTML as the page (made by the content
 * loader, raw HTML refused, so no script), with every address made absolute, and the FAQ
 * as headings and paragraphs.
 */
export function feedHtml(article: Article): string {
  const page = absoluteUrl(articlePath(article.slug));
  const origin = absoluteUrl("/").replace(/\/$/, "");
  const absolute = (url: string) =>
    url.startsWith("#") ? `${page}${url}` : url.startsWith("/") ? `${origin}${url}` : url;
  const parts = article.body.map((block) => {
    if (block.type === "html") return block.html;
    if (!article.faq) return "";
    const items = article.faq.items
      .map((item) => `<h3>${escapeXml(item.question)}</h3>\n<p>${escapeXml(item.answer)}</p>`)
      .join("\n");
    return `<h2>${escapeXml(article.faq.title)}</h2>\n${items}`;
  });
  return parts
    .join("\n")
    .replace(
      /\b(href|src)="([^"]*)"/g,
      (_, name: string, url: string) => `${name}="${absolute(url)}"`,
    )
    .replace(
      /\bsrcset="([^"]*)"/g,
      (_, list: string) =>
        `srcset="${list
          .split(", ")
          .map((entry) => {
            const [url = "", width] = entry.split(" ");
            return [absolute(url), width].filter(Boolean).join(" ");
          })
          .join(", ")}"`,
    );
}

function rfc822(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toUTCString();
}

/**
 * RSS 2.0 of the newest FEED_SIZE articles, newest first: title, summary, the full text
 * (content:encoded), author, topics and dates. `channel` names the feed: the whole site's, or
 * a topic's.
 */
export function renderFeed(
  articles: readonly Article[],
  channel: { title: string; path: string; feedPath: string } = {
    title: SITE.name,
    path: "/",
    feedPath: "/feed.xml",
  },
): string {
  const items = articles.slice(0, FEED_SIZE).map((article) => {
    const url = absoluteUrl(articlePath(article.slug));
    const categories = article.topics
      .map((topic) => `      <category>${escapeXml(topic.name)}</category>`)
      .join("\n");
    return `    <item>
      <title>${escapeXml(article.title)}</title>
      <link>${escapeXml(url)}</link>
      <guid isPermaLink="true">${escapeXml(url)}</guid>
      <description>${escapeXml(article.dek)}</description>
      <content:encoded>${cdata(feedHtml(article))}</content:encoded>
${(article.authors.length > 0 ? article.authors.map((author) => author.name) : [article.author])
  .map((name) => `      <dc:creator>${escapeXml(name)}</dc:creator>`)
  .join("\n")}
      <pubDate>${new Date(article.publishedAt).toUTCString()}</pubDate>
      <atom:updated>${article.updated}T00:00:00Z</atom:updated>
${categories}
    </item>`;
  });
  const latest = articles
    .slice(0, FEED_SIZE)
    .map((article) => article.updated)
    .sort()
    .at(-1);
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${escapeXml(channel.title)}</title>
    <link>${escapeXml(absoluteUrl(channel.path))}</link>
    <description>${escapeXml(SITE.description)}</description>
    <language>${SITE.language}</language>
    <atom:link href="${escapeXml(absoluteUrl(channel.feedPath))}" rel="self" type="application/rss+xml"/>
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
