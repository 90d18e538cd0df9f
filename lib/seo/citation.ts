import "server-only";
import type { Article } from "@/lib/content";
import type { CitationSource } from "@/lib/content/citation";
import { SITE, absoluteUrl, articlePath } from "@/lib/site";

export function citationSource(article: Article): CitationSource {
  return { article, siteName: SITE.name, url: absoluteUrl(articlePath(article.slug)) };
}

/**
 * The meta tags reference managers and scholarly indexes read (Highwire Press tags, which
 * Zotero and Google Scholar take), so that a saved page is an article with its author and
 * date rather than a bare web page.
 */
export function citationMeta(article: Article): Record<string, string> {
  return {
    citation_title: article.title,
    citation_author: article.author,
    citation_publication_date: article.published.replaceAll("-", "/"),
    citation_journal_title: SITE.name,
    citation_publisher: SITE.name,
    citation_language: SITE.language,
    citation_public_url: absoluteUrl(articlePath(article.slug)),
  };
}
