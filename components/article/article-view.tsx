import type { ReactNode } from "react";
import { ArticleBody } from "@/components/article/article-body";
import { ArticleHeader } from "@/components/article/article-header";
import { ArticleNotes } from "@/components/article/article-notes";
import { CiteBox } from "@/components/article/cite-box";
import { Picture } from "@/components/article/picture";
import { RelatedArticles } from "@/components/article/related-articles";
import { ShareLinks } from "@/components/article/share-links";
import { JsonLd } from "@/components/json-ld";
import { publicCommentCounts } from "@/lib/comments/cache";
import { UnpublishedBanner } from "@/components/article/unpublished-banner";
import { getAnyArticle, getArticle, getRelatedArticles } from "@/lib/content";
import { articleStructuredData, faqStructuredData } from "@/lib/seo/structured-data";
import { absoluteUrl, articlePath } from "@/lib/site";

/**
 * An article page around its comments: the anonymous page passes PublicComments (cached
 * with the page, no client code), the signed-in page ReaderComments (per request). A
 * moderator's `preview` shows a draft or a scheduled piece too.
 */
export async function ArticleView({
  slug,
  comments,
  preview = false,
}: {
  slug: string;
  comments: ReactNode;
  preview?: boolean;
}) {
  const article = preview ? await getAnyArticle(slug) : await getArticle(slug);
  // An unknown article never gets here (lib/routes.ts, lib/http/front-door.ts).
  if (!article) return null;
  const [related, counts] = await Promise.all([getRelatedArticles(article), publicCommentCounts()]);
  const faqData = faqStructuredData(article);

  return (
    <article className="mx-auto max-w-2xl px-5 py-10 sm:py-14">
      <UnpublishedBanner article={article} />
      <JsonLd data={articleStructuredData(article)} />
      {faqData && <JsonLd data={faqData} />}
      <ArticleHeader article={article} commentCount={counts[slug] ?? 0} />
      {article.image && (
        <figure className="lead-image mt-8">
          <Picture
            picture={article.image}
            sizes="(min-width: 42rem) 40rem, 100vw"
            priority
            className="h-auto w-full border border-rule bg-white"
          />
          {article.image.credit && (
            <figcaption className="mt-2 font-sans text-xs text-muted">
              {article.image.credit}
            </figcaption>
          )}
        </figure>
      )}
      <div className="mt-10">
        <ArticleBody article={article} />
        <ArticleNotes article={article} />
      </div>
      <CiteBox article={article} />
      <ShareLinks url={absoluteUrl(articlePath(article.slug))} title={article.title} />
      <RelatedArticles articles={related} commentCounts={counts} />
      {comments}
    </article>
  );
}
