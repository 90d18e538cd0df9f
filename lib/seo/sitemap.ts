import "server-only";
import { getAllArticles, getAllAuthors, getAllTopics } from "@/lib/content";
import { absoluteUrl, articlePath, authorPath, topicPath } from "@/lib/site";
import { escapeXml } from "./xml";

/**
 * The sitemap: one file while the site has up to SITEMAP_SIZE addresses, and past that a
 * sitemap index at /sitemap.xml pointing to /sitemaps/<n>.xml, SITEMAP_SIZE each (the
 * protocol allows 50,000 a file; smaller files are quicker to make and to read).
 */
export const SITEMAP_SIZE = 1000;

interface Entry {
  url: string;
  lastModified?: string;
}

export async function sitemapEntries(): Promise<Entry[]> {
  const [articles, topics, authors] = await Promise.all([
    getAllArticles(),
    getAllTopics(),
    getAllAuthors(),
  ]);
  const latest = articles[0]?.updated;
  return [
    { url: absoluteUrl("/"), lastModified: latest },
    { url: absoluteUrl("/topics"), lastModified: latest },
    { url: absoluteUrl("/authors"), lastModified: latest },
    { url: absoluteUrl("/corrections") },
    ...articles.map((article) => ({
      url: absoluteUrl(articlePath(article.slug)),
      lastModified: article.updated,
    })),
    ...topics.map((topic) => ({ url: absoluteUrl(topicPath(topic.slug)) })),
    ...authors
      .filter(({ count }) => count > 0)
      .map(({ author }) => ({ url: absoluteUrl(authorPath(author.slug)) })),
  ];
}

export function sitemapParts(entries: number): number {
  return Math.max(1, Math.ceil(entries / SITEMAP_SIZE));
}

const XML = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

export function renderUrlset(entries: readonly Entry[]): string {
  const urls = entries.map(
    (entry) =>
      `<url><loc>${escapeXml(entry.url)}</loc>${entry.lastModified ? `<lastmod>${entry.lastModified}</lastmod>` : ""}</url>`,
  );
  return `${XML}<urlset ${NS}>\n${urls.join("\n")}\n</urlset>\n`;
}

export function renderIndex(parts: number, lastModified: string | undefined): string {
  const maps = Array.from(
    { length: parts },
    (_, index) =>
      `<sitemap><loc>${escapeXml(absoluteUrl(`/sitemaps/${index + 1}.xml`))}</loc>${lastModified ? `<lastmod>${lastModified}</lastmod>` : ""}</sitemap>`,
  );
  return `${XML}<sitemapindex ${NS}>\n${maps.join("\n")}\n</sitemapindex>\n`;
}

export const SITEMAP_HEADERS = { "Content-Type": "application/xml; charset=utf-8" };
