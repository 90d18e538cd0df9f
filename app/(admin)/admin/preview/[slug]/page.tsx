import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/article/article-view";
import { requireModeratorPage } from "@/lib/auth/guards";
import { getAnyArticle } from "@/lib/content";

type Props = { params: Promise<{ slug: string }> };

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getAnyArticle((await params).slug);
  return {
    title: article ? `Preview: ${article.title}` : "Preview",
    robots: { index: false, follow: false },
  };
}

/**
 * A moderator's preview of any piece, drafts and scheduled ones included: per request, for
 * moderators only (anyone else: sign in, or a 404), never cached and never indexed.
 */
export default async function PreviewPage({ params }: Props) {
  const { slug } = await params;
  await requireModeratorPage(`/admin/preview/${encodeURIComponent(slug)}`);
  if (!(await getAnyArticle(slug))) notFound();
  return (
    <ArticleView
      slug={slug}
      preview
      comments={
        <p className="mt-12 border-t border-rule pt-6 font-sans text-sm text-muted">
          Comments open when the piece is published.
        </p>
      }
    />
  );
}
