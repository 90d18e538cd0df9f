import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { ArticleBody } from "@/components/article/article-body";
import { ArticleHeader } from "@/components/article/article-header";
import { RelatedArticles } from "@/components/article/related-articles";
import { ShareLinks } from "@/components/article/share-links";
import { JsonLd } from "@/components/json-ld";
import { publicCommentCounts } from "@/lib/comments/cache";
import { getArticle, getRelatedArticles } from "@/lib/content";
import { articleStructuredData, faqStructuredData } from "@/lib/seo/structured-data";
import { SITE, absoluteUrl, articlePath } from "@/lib/site";

export async function articleMetadata(slug: string): Promise<Metadata> {
  const article = await getArticle(slug);
  if (!article) return {};
  const path = articlePath(article.slug);
  return {
    title: article.title,
    description: article.dek,
    authors: [{ name: article.author }],
    keywords: article.topics.map((topic) => topic.name),
    alternates: { canonical: path },
    openGraph: {
      type: "article",
      url: path,
      siteName: SITE.name,
      locale: SITE.locale,
      title: article.title,
      description: article.dek,
      publishedTime: article.published,
      modifiedTime: article.updated,
      authors: [article.author],
      section: article.topics[0]?.name,
      tags: article.topics.map((topic) => topic.name),
    },
    twitter: { card: "summary_large_image", title: article.title, description: article.dek },
  };
}

/**
 * An article page around its comments: the anonymous page passes PublicComments (cached
 * with the page, no client code), the signed-in page ReaderComments (per request).
 */
export async function ArticleView({ slug, comments }: { slug: string; comments: ReactNode }) {
  const article = await getArticle(slug);
  if (!article) notFound();
  const [related, counts] = await Promise.all([getRelatedArticles(article), publicCommentCounts()]);
  const faqData = faqStructuredData(article);

  return (
    <article className="mx-auto max-w-2xl px-5 py-10 sm:py-14">
      <JsonLd data={articleStructuredData(article)} />
      {faqData && <JsonLd data={faqData} />}
      <ArticleHeader article={article} commentCount={counts[slug] ?? 0} />
      <div className="mt-10">
        <ArticleBody article={article} />
      </div>
      <ShareLinks url={absoluteUrl(articlePath(article.slug))} title={article.title} />
      <RelatedArticles articles={related} commentCounts={counts} />
      {comments}
    </article>
  );
}
