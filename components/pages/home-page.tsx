import type { Metadata } from "next";
import { ArticleList } from "@/components/article/article-list";
import { Pagination } from "@/components/site/pagination";
import { publicCommentCounts } from "@/lib/comments/cache";
import { getAllArticles } from "@/lib/content";
import { HOME_PAGE_SIZE, pageCount } from "@/lib/content/routes";
import { publicRoutePath } from "@/lib/routes";
import { SITE } from "@/lib/site";

const pagePath = (number: number) => publicRoutePath({ page: "home", number });

export function homeMetadata(number: number): Metadata {
  return {
    ...(number > 1 ? { title: `Latest analysis, page ${number}` } : {}),
    alternates: { canonical: pagePath(number) },
  };
}

/** The latest analyses, newest first, HOME_PAGE_SIZE a page. */
export async function HomePage({ number }: { number: number }) {
  const [articles, counts] = await Promise.all([getAllArticles(), publicCommentCounts()]);
  const shown = articles.slice((number - 1) * HOME_PAGE_SIZE, number * HOME_PAGE_SIZE);
  return (
    <div className="mx-auto max-w-3xl px-5 py-10 sm:py-14">
      <h1 className="font-serif text-3xl font-bold sm:text-4xl">Latest analysis</h1>
      {number === 1 && <p className="mt-3 font-serif text-lg text-muted">{SITE.description}</p>}
      <ArticleList articles={shown} counts={counts} />
      <Pagination page={number} pages={pageCount(articles.length)} pathOf={pagePath} />
    </div>
  );
}
