import type { Article, ArticleNote } from "./types";

/** A correction with the article it belongs to, for /corrections and its feed. */
export interface SiteCorrection extends ArticleNote {
  article: Pick<Article, "slug" | "title">;
  /** Its place among its article's corrections, from 1: with the slug, a stable id. */
  number: number;
}

/** Every correction on the site, newest first (then by title), at most `limit`. */
export function siteCorrections(articles: readonly Article[], limit = 100): SiteCorrection[] {
  return articles
    .flatMap((article) =>
      article.corrections.map((note, index) => ({
        ...note,
        number: index + 1,
        article: { slug: article.slug, title: article.title },
      })),
    )
    .sort((a, b) => b.date.localeCompare(a.date) || a.article.title.localeCompare(b.article.title))
    .slice(0, limit);
}
