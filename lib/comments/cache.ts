import "server-only";
import { revalidateTag, unstable_cache, updateTag } from "next/cache";
import { after } from "next/server";
import { expireAgainLater } from "@/lib/cache/loopback-expiry";
import { getConfig } from "@/lib/config";
import { pieceAuthorAccounts } from "@/lib/content";
import { describeDatabaseError, getDb, isDatabaseUnavailable } from "@/lib/db/client";
import { commentCounts, commentsForArticle } from "./queries";
import type { CommentView } from "./threads";

/**
 * The comments anonymous readers see are part of the cached article pages. Their reads are
 * tagged, so that a write regenerates exactly the pages it changes: an article's page by its
 * own tag, the listings (which show counts) by the counts tag. Signed-in readers' pages are
 * rendered per request and read the database directly.
 *
 * While the database cannot be reached, the pages are still rendered, without their comments
 * (null) or counts, and cached for a few seconds only, so that they fill in once it is back.
 */
export const COMMENT_COUNTS_TAG = "comment-counts";

/** How soon a page rendered during a database outage is rendered again. */
const OUTAGE_REVALIDATE_SECONDS = 10;

export function commentsTag(slug: string): string {
  return `comments:${slug}`;
}

async function duringOutage<T>(read: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    console.warn(
      `[comments] database unavailable, rendering without comments: ${describeDatabaseError(error)}`,
    );
    // A cached read with a short lifetime shortens the lifetime of the page rendering it.
    await unstable_cache(async () => true, ["database-outage"], {
      revalidate: OUTAGE_REVALIDATE_SECONDS,
    })();
    return fallback;
  }
}

/** The article's comments, or null while the database cannot be reached. */
export function publicComments(slug: string): Promise<CommentView[] | null> {
  return duringOutage<CommentView[] | null>(
    unstable_cache(
      async () =>
        commentsForArticle(
          await getDb(),
          slug,
          null,
          getConfig().auth.adminEmails,
          await pieceAuthorAccounts(slug),
        ),
      ["public-comments", slug],
      { tags: [commentsTag(slug)] },
    ),
    null,
  );
}

const cachedCounts = unstable_cache(
  async (): Promise<Record<string, number>> =>
    Object.fromEntries(await commentCounts(await getDb())),
  ["comment-counts"],
  { tags: [COMMENT_COUNTS_TAG] },
);

/** Visible comments per article; empty while the database cannot be reached. */
export function publicCommentCounts(): Promise<Record<string, number>> {
  return duringOutage(cachedCounts, {});
}

/**
 * The one way to say that what anonymous readers see has changed: the cached pages of these
 * articles (and, with `counts`, the listings, which show comment counts) are rendered again.
 * Every write that changes them calls it: a comment posted, edited, deleted or moderated, a
 * ban, a display name changed, an account deleted. Call it from a server action.
 *
 * updateTag gives the writer their own write at once; the tags are expired again once the
 * response is sent, because Next.js 16.4 drops an action's pending revalidations when the
 * action ends in redirect(), and the cached pages would otherwise keep the old text; and once
 * more a few seconds later, for a render that read the old text before the write and was
 * stored after it (expireAgainLater).
 */
export function publicPagesChanged(slugs: Iterable<string>, { counts = true } = {}): void {
  const tags = [...new Set(slugs)].map(commentsTag);
  if (counts && tags.length) tags.push(COMMENT_COUNTS_TAG);
  for (const tag of tags) updateTag(tag);
  after(() => {
    for (const tag of tags) revalidateTag(tag, { expire: 0 });
  });
  expireAgainLater(tags);
}
