import { publicComments } from "@/lib/comments/cache";
import { getArticle } from "@/lib/content";
import { renderCommentsFeed } from "@/lib/seo/comments-feed";

/**
 * A piece's comments as a feed: cached like the anonymous page, and made again by the same
 * writes (its reads carry the article's comments tag). Rendered on first request; an address
 * for a piece that does not exist never gets here (lib/content/routes.ts).
 */
export const dynamic = "force-static";
export const dynamicParams = true;

export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const article = await getArticle((await params).slug);
  if (!article) return new Response("There is no such article.", { status: 404 });
  const comments = await publicComments(article.slug);
  return new Response(renderCommentsFeed(article, comments ?? []), {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8" },
  });
}
