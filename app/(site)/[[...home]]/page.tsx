import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleCard } from "@/components/article/article-card";
import { publicCommentCounts } from "@/lib/comments/cache";
import { getAllArticles } from "@/lib/content";
import { SITE } from "@/lib/site";

type Props = { params: Promise<{ home?: string[] }> };

export const metadata: Metadata = { alternates: { canonical: "/" } };

/**
 * The home page. It lists comment counts, which live in the database, so the build cannot
 * prerender it: as an optional catch-all that answers only "/", it is rendered on its first
 * request instead, then cached until a count changes. Any other path is a 404.
 */
export function generateStaticParams() {
  return [];
}

export default async function HomePage({ params }: Props) {
  if ((await params).home?.length) notFound();
  const [articles, counts] = await Promise.all([getAllArticles(), publicCommentCounts()]);
  return (
    <div className="mx-auto max-w-3xl px-5 py-10 sm:py-14">
      <h1 className="font-serif text-3xl font-bold sm:text-4xl">Latest analysis</h1>
      <p className="mt-3 font-serif text-lg text-muted">{SITE.description}</p>
      <div className="mt-8">
        {articles.map((article) => (
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
