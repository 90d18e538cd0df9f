import "server-only";
import { getAllArticles } from "@/lib/content";
import { ArticleSearch } from "./index";

let search: Promise<ArticleSearch> | undefined;

/** The site's search index, made from the content on first use and kept for the process. */
export function siteSearch(): Promise<ArticleSearch> {
  search ??= getAllArticles().then((articles) => new ArticleSearch(articles));
  return search;
}
