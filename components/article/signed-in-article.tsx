import { ArticleView } from "@/components/article/article-view";
import { PublicComments } from "@/components/comments/public-comments";
import { PANELS, ReaderComments, type OpenPanel } from "@/components/comments/reader-comments";
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
  // The panel under a comment opened without JavaScript (?reply=ID, ?delete=ID, …).
  const panel = PANELS.find((name) => firstParam(query[name]));
  const open: OpenPanel = panel ? { panel, commentId: firstParam(query[panel]) ?? "" } : null;
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
