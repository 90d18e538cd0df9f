import { getConfig } from "@/lib/config";
import type { Article } from "@/lib/content/types";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a piece's discussion is closed: by its editor (`comments: closed`), or because it
 * was published more than COMMENTS_CLOSE_AFTER_DAYS ago (unset: never). A closed discussion
 * keeps its comments and takes no new ones.
 */
export function commentsClosed(
  article: Pick<Article, "commentsClosed" | "published"> | null,
  closeAfterDays: number | null = getConfig().comments.closeAfterDays,
  now = new Date(),
): boolean {
  if (!article || article.commentsClosed) return true;
  if (closeAfterDays === null) return false;
  const published = new Date(`${article.published}T00:00:00Z`).getTime();
  return now.getTime() >= published + closeAfterDays * DAY_MS;
}

export const CLOSED_MESSAGE = "Comments are closed on this piece. Its discussion stays as it is.";
