import type { Metadata } from "next";
import { ArticleCard } from "@/components/article/article-card";
import { getAllArticles } from "@/lib/content";
import { SITE } from "@/lib/site";

export const metadata: Metadata = { alternates: { canonical: "/" }, openGraph: { url: "/" } };

export default async function HomePage() {
  const articles = await getAllArticles();
  return (
    <div className="mx-auto max-w-3xl px-5 py-10 sm:py-14">
      <h1 className="font-serif text-3xl font-bold sm:text-4xl">Latest analysis</h1>
      <p className="mt-3 font-serif text-lg text-muted">{SITE.description}</p>
      <div className="mt-8">
        {articles.map((article) => (
          <ArticleCard key={article.slug} article={article} />
        ))}
      </div>
    </div>
  );
}
