import type { Metadata } from "next";
import { ArticleList } from "@/components/article/article-list";
import { publicCommentCounts } from "@/lib/comments/cache";
import { Pagination } from "@/components/site/pagination";
import { getTopic } from "@/lib/content";
import { HOME_PAGE_SIZE, pageCount } from "@/lib/content/routes";
import { publicRoutePath } from "@/lib/routes";
import { SITE, topicPath } from "@/lib/site";

const pagePath = (slug: string, number: number) => publicRoutePath({ page: "topic", slug, number });

export async function topicMetadata(slug: string, number: number): Promise<Metadata> {
  const found = await getTopic(slug);
  if (!found) return {};
  const path = topicPath(found.topic.slug);
  return {
    title: number > 1 ? `${found.topic.name}, page ${number}` : found.topic.name,
    description: `Analysis and op-eds on ${found.topic.name}.`,
    alternates: {
      canonical: pagePath(found.topic.slug, number),
      types: {
        "application/rss+xml": [
          { url: `${path}/feed.xml`, title: `${SITE.name}: ${found.topic.name}` },
        ],
      },
    },
    openGraph: { url: path, title: found.topic.name },
  };
}

/**
 * A topic's articles, newest first, HOME_PAGE_SIZE a page. An unknown topic or a page past
 * the end never gets here (lib/routes.ts).
 */
export async function TopicPage({ slug, number }: { slug: string; number: number }) {
  const found = await getTopic(slug);
  if (!found) return null;
  const shown = found.articles.slice((number - 1) * HOME_PAGE_SIZE, number * HOME_PAGE_SIZE);
  const counts = await publicCommentCounts();
  return (
    <div className="mx-auto max-w-3xl px-5 py-10 sm:py-14">
      <p className="font-sans text-xs font-semibold tracking-widest text-accent uppercase">Topic</p>
      <h1 className="mt-2 font-serif text-3xl font-bold sm:text-4xl">{found.topic.name}</h1>
      <p className="mt-3 font-sans text-sm">
        <a href={`${topicPath(found.topic.slug)}/feed.xml`} className="text-accent underline">
          Follow {found.topic.name} by RSS
        </a>
      </p>
      <ArticleList articles={shown} counts={counts} />
      <Pagination
        page={number}
        pages={pageCount(found.articles.length)}
        pathOf={(page) => pagePath(found.topic.slug, page)}
      />
    </div>
  );
}
