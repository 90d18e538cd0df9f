import "server-only";
import { unstable_cache } from "next/cache";
import { getDb } from "@/lib/db/client";
import { commentCounts, commentsForArticle } from "./queries";
import type { CommentView } from "./threads";

/**
 * The comments anonymous readers see are part of the cached article pages. Their reads are
 * tagged, so that a write regenerates exactly the pages it changes: an article's page by its
 * own tag, the listings (which show counts) by the counts tag. Signed-in readers' pages are
 * rendered per request and read the database directly.
 */
export const COMMENT_COUNTS_TAG = "comment-counts";

export function commentsTag(slug: string): string {
  return `comments:${slug}`;
}

export function publicComments(slug: string): Promise<CommentView[]> {
  return unstable_cache(
    async () => commentsForArticle(await getDb(), slug, null),
    ["public-comments", slug],
    { tags: [commentsTag(slug)] },
  )();
}

export const publicCommentCounts = unstable_cache(
  async (): Promise<Record<string, number>> =>
    Object.fromEntries(await commentCounts(await getDb())),
  ["comment-counts"],
  { tags: [COMMENT_COUNTS_TAG] },
);
