import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleCard } from "@/components/article/article-card";
import { publicCommentCounts } from "@/lib/comments/cache";
import { getTopic } from "@/lib/content";
import { topicPath } from "@/lib/site";

type Props = { params: Promise<{ topic: string }> };

/** Rendered on first request, like the home page: the listing shows comment counts. */
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await getTopic((await params).topic);
  if (!found) return {};
  const path = topicPath(found.topic.slug);
  return {
    title: found.topic.name,
    description: `Analysis and op-eds on ${found.topic.name}.`,
    alternates: { canonical: path },
    openGraph: { url: path, title: found.topic.name },
  };
}

export default async function TopicPage({ params }: Props) {
  const found = await getTopic((await params).topic);
  if (!found) notFound();
  const counts = await publicCommentCounts();
  return (
    <div className="mx-auto max-w-3xl px-5 py-10 sm:py-14">
      <p className="font-sans text-xs font-semibold tracking-widest text-accent uppercase">Topic</p>
      <h1 className="mt-2 font-serif text-3xl font-bold sm:text-4xl">{found.topic.name}</h1>
      <div className="mt-8">
        {found.articles.map((article) => (
          <ArticleCard
            key={article.slug}
            article={article}
            commentCount={counts[article.slug] ?? 0}
          />
        ))}
      </div>
    </div>
  );
}
