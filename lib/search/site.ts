import "server-only";
import { getContent, isPublished } from "@/lib/content";
import { ArticleSearch, type SearchFilters, type SearchPage } from "./index";

/** One index per process, shared by the pages and instrumentation (which makes it at start). */
const INDEX = Symbol.for("the-strategic-ledger.search-index");
type Holder = typeof globalThis & { [INDEX]?: Promise<ArticleSearch> };

/**
 * The site's search index, made from the content once and kept for the process: at start
 * (instrumentation.ts), so that no reader waits for it. It holds scheduled pieces too, so that
 * they are found from the moment they go live: search with `visible: isPublished`.
 */
export function siteSearch(): Promise<ArticleSearch> {
  const holder = globalThis as Holder;
  holder[INDEX] ??= getContent().then(({ articles }) =>
    ArticleSearch.create(articles.filter((article) => !article.draft)),
  );
  return holder[INDEX];
}

/**
 * A page of results among the pieces readers can open now. One moment for the whole search:
 * the visibility check runs once per matching piece, thousands of times for a common word.
 */
export async function searchPublished(
  query: string,
  filters: Omit<SearchFilters, "visible">,
  page: number,
): Promise<SearchPage> {
  const now = Date.now();
  return (await siteSearch()).search(
    query,
    { ...filters, visible: (article) => isPublished(article, now) },
    page,
  );
}
