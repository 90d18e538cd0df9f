import "server-only";
import { getContent } from "@/lib/content";
import { ArticleSearch } from "./index";

let search: Promise<ArticleSearch> | undefined;

/**
 * The site's search index, made from the content on first use and kept for the process.
 * It holds scheduled pieces too, so that they are found from the moment they go live:
 * search with `visible: isPublished`.
 */
export function siteSearch(): Promise<ArticleSearch> {
  search ??= getContent().then(
    ({ articles }) => new ArticleSearch(articles.filter((article) => !article.draft)),
  );
  return search;
}
