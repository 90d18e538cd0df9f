import "server-only";
import { getContent } from "@/lib/content";
import { ArticleSearch } from "./index";

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
