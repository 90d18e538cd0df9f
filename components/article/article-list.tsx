import type { Article } from "@/lib/content";
import { ArticleCard } from "./article-card";

/** A listing of articles with their comment counts: the home page's, a topic's. */
export function ArticleList({
  articles,
  counts,
}: {
  articles: Article[];
  counts: Record<string, number>;
}) {
  return (
    <div className="mt-8">
      {articles.map((article) => (
        <ArticleCard
          key={article.slug}
          article={article}
          commentCount={counts[article.slug] ?? 0}
        />
      ))}
    </div>
  );
}
