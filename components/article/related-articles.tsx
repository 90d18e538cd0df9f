import type { Article } from "@/lib/content";
import { ArticleCard } from "./article-card";

export function RelatedArticles({
  articles,
  commentCounts,
}: {
  articles: Article[];
  commentCounts: Record<string, number>;
}) {
  if (articles.length === 0) return null;
  return (
    <section id="related" aria-labelledby="related-heading" className="no-print mt-14">
      <h2
        id="related-heading"
        className="font-sans text-sm font-semibold tracking-widest uppercase"
      >
        Related analysis
      </h2>
      <div className="mt-2">
        {articles.map((article) => (
          <ArticleCard
            key={article.slug}
            article={article}
            headingLevel={3}
            commentCount={commentCounts[article.slug] ?? 0}
          />
        ))}
      </div>
    </section>
  );
}
