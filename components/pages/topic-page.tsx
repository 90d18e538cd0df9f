import type { Metadata } from "next";
import { ArticleList } from "@/components/article/article-list";
import { publicCommentCounts } from "@/lib/comments/cache";
import { getTopic } from "@/lib/content";
import { SITE, topicPath } from "@/lib/site";

export async function topicMetadata(slug: string): Promise<Metadata> {
  const found = await getTopic(slug);
  if (!found) return {};
  const path = topicPath(found.topic.slug);
  return {
    title: found.topic.name,
    description: `Analysis and op-eds on ${found.topic.name}.`,
    alternates: {
      canonical: path,
      types: {
        "application/rss+xml": [
          { url: `${path}/feed.xml`, title: `${SITE.name}: ${found.topic.name}` },
        ],
      },
    },
    openGraph: { url: path, title: found.topic.name },
  };
}

/** A topic's articles, newest first. An unknown topic never gets here (lib/routes.ts). */
export async function TopicPage({ slug }: { slug: string }) {
  const found = await getTopic(slug);
  if (!found) return null;
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
      <ArticleList articles={found.articles} counts={counts} />
    </div>
  );
}
