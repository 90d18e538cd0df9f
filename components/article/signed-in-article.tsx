import { ArticleView } from "@/components/article/article-view";
import { PublicComments } from "@/components/comments/public-comments";
import { ReaderComments } from "@/components/comments/reader-comments";
import { firstParam, type SearchParams } from "@/lib/http/search-params";
import { getViewerForPage } from "@/lib/auth/viewer";

/**
 * An article for a signed-in reader, rendered per request with their forms and controls.
 * A stale cookie (no session behind it) gets the anonymous comments.
 */
export async function SignedInArticle({
  slug,
  searchParams,
  sort,
}: {
  slug: string;
  searchParams: SearchParams;
  sort: "oldest" | "newest";
}) {
  const [query, viewer] = await Promise.all([searchParams, getViewerForPage()]);
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
