import { ArticleView } from "@/components/article/article-view";
import { PublicComments } from "@/components/comments/public-comments";
import { ReaderComments } from "@/components/comments/reader-comments";
import { firstParam, type SearchParams } from "@/lib/auth/search-params";
import { getViewerForPage } from "@/lib/auth/viewer";

/**
 * An article for a signed-in reader, rendered per request with their forms and controls.
 * A stale cookie (no session behind it) gets the anonymous comments.
 */
export async function SignedInArticle({
  params,
  searchParams,
  sort,
}: {
  params: Promise<{ slug: string }>;
  searchParams: SearchParams;
  sort: "oldest" | "newest";
}) {
  const [{ slug }, query, viewer] = await Promise.all([params, searchParams, getViewerForPage()]);
  const open = {
    reply: firstParam(query.reply),
    edit: firstParam(query.edit),
    report: firstParam(query.report),
  };
  return (
    <ArticleView
      slug={slug}
      comments={
        viewer ? (
          <ReaderComments slug={slug} viewer={viewer} sort={sort} open={open} />
        ) : (
          <PublicComments slug={slug} sort={sort} />
        )
      }
    />
  );
}
