import type { CommentStatus } from "@/lib/db/schema";

/** A comment as the pages show it. */
export interface CommentView {
  id: string;
  parentId: string | null;
  authorId: string | null;
  /** The author's display name; null once their account is deleted. */
  authorName: string | null;
  /**
   * What the reader wrote, and the HTML the page shows for it: both empty for a deleted
   * comment, and for a hidden one shown to a reader who is not a moderator.
   */
  body: string;
  bodyHtml: string;
  status: CommentStatus;
  createdAt: string;
  editedAt: string | null;
  /** How many readers reported it (moderators only; 0 for others). */
  reports: number;
  reportedByViewer: boolean;
  /** An editors' pick: shown first among the threads, labelled. */
  picked: boolean;
  /** Written by a moderator: labelled "Editor". */
  byEditor: boolean;
  /** Written by one of the piece's authors (their `account`): labelled "Author". */
  byAuthor: boolean;
  /** Why a moderator hid it, in words: for its author and the moderators; null for others. */
  removal: string | null;
}

export interface Reply extends CommentView {
  /** Whom a reply deeper than the second level answers, shown as "in reply to NAME". */
  inReplyTo: string | null;
}

export interface Thread {
  comment: CommentView;
  replies: Reply[];
}

export type CommentSort = "oldest" | "newest";

/**
 * Whether a reader who is not a moderator sees a comment's text: published or held ones, and
 * a hidden one whose text came with it (its author's, marked removed).
 */
export function isReadable(comment: CommentView): boolean {
  return (
    comment.status === "published" ||
    comment.status === "held" ||
    (comment.status === "hidden" && comment.bodyHtml !== "")
  );
}

/**
 * Threads for the page: top-level comments in the chosen order, each with its replies,
 * oldest first, at one level of nesting; a reply to a reply says whom it answers. Deleted
 * or hidden comments stay only as placeholders where a reply hangs on them (for moderators,
 * hidden ones stay, with their text).
 */
export function buildThreads(
  comments: CommentView[],
  sort: CommentSort,
  { showAll = false }: { showAll?: boolean } = {},
): Thread[] {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const rootOf = (comment: CommentView): CommentView => {
    let current = comment;
    const seen = new Set<string>();
    while (current.parentId && byId.has(current.parentId) && !seen.has(current.id)) {
      seen.add(current.id);
      current = byId.get(current.parentId)!;
    }
    return current;
  };
  const chronological = [...comments].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  const threads = new Map<string, Thread>();
  for (const comment of chronological) {
    const root = rootOf(comment);
    if (root.id === comment.id) {
      threads.set(comment.id, { comment, replies: [] });
    }
  }
  for (const comment of chronological) {
    const root = rootOf(comment);
    if (root.id === comment.id) continue;
    const parent = comment.parentId ? byId.get(comment.parentId) : undefined;
    const inReplyTo =
      parent && parent.id !== root.id ? (parent.authorName ?? "deleted account") : null;
    threads.get(root.id)?.replies.push({ ...comment, inReplyTo });
  }
  const ordered = [...threads.values()];
  if (sort === "newest") ordered.reverse();
  // Editors' picks first, in the same order among themselves.
  ordered.sort((a, b) => Number(isPick(b.comment)) - Number(isPick(a.comment)));
  if (showAll) {
    // Moderators see every comment, but a deleted one only where replies still hang on it.
    const hasReplies = new Set(comments.map((comment) => comment.parentId));
    const kept = (comment: CommentView) =>
      comment.status !== "deleted" || hasReplies.has(comment.id);
    return ordered
      .map((thread) => ({ ...thread, replies: thread.replies.filter(kept) }))
      .filter((thread) => kept(thread.comment) || thread.replies.length > 0);
  }
  return ordered
    .map((thread) => ({
      ...thread,
      replies: thread.replies.filter(
        (reply) => isReadable(reply) || hasReadableReplyAfter(reply, thread),
      ),
    }))
    .filter((thread) => isReadable(thread.comment) || thread.replies.some(isReadable));
}

function hasReadableReplyAfter(reply: Reply, thread: Thread): boolean {
  return thread.replies.some((other) => other.parentId === reply.id && isReadable(other));
}

/** A pick that readers see as one: picked, and still published. */
export function isPick(comment: CommentView): boolean {
  return comment.picked && comment.status === "published";
}

/** Comments that count: published ones. */
export function countVisible(comments: CommentView[]): number {
  return comments.filter((comment) => comment.status === "published").length;
}
