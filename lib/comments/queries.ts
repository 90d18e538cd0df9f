import "server-only";
import { sql, type Kysely } from "kysely";
import type { CommentStatus, Database } from "@/lib/db/schema";
import { isBanned } from "./ban";
import { removalLabel } from "./reasons";
import type { CommentView } from "./threads";

export interface CommentReader {
  id: string;
  isModerator: boolean;
}

/**
 * The comments under an article that this reader may see: published ones, placeholders
 * for deleted and hidden ones (their text withheld), held and hidden ones to their author;
 * moderators see everything, with the number of reports.
 */
export async function commentsForArticle(
  db: Kysely<Database>,
  slug: string,
  reader: CommentReader | null,
  /** The moderators' addresses: their comments are labelled "Editor". */
  editors: readonly string[] = [],
  /** The piece's authors' addresses: their comments are labelled "Author". */
  pieceAuthors: readonly string[] = [],
): Promise<CommentView[]> {
  const editorAddresses = new Set(editors.map((address) => address.toLowerCase()));
  const authorAddresses = new Set(pieceAuthors.map((address) => address.toLowerCase()));
  const query = db
    .selectFrom("comments")
    .leftJoin("User", "User.id", "comments.author_id")
    .select([
      "comments.id",
      "comments.parent_id",
      "comments.author_id",
      "comments.body",
      "comments.body_html",
      "comments.status",
      "comments.created_at",
      "comments.edited_at",
      "comments.picked_at",
      "comments.removal_reason",
      "comments.removal_note",
      "User.name as author_name",
      "User.email as author_email",
    ])
    .select((eb) => [
      eb
        .selectFrom("comment_reports")
        .select((inner) => inner.fn.countAll<string | number>().as("count"))
        .whereRef("comment_reports.comment_id", "=", "comments.id")
        .as("reports"),
      eb
        .selectFrom("comment_reports")
        .select("comment_reports.reporter_id")
        .whereRef("comment_reports.comment_id", "=", "comments.id")
        .where("comment_reports.reporter_id", "=", reader?.id ?? "")
        .limit(1)
        .as("reported_by_viewer"),
    ])
    .where("comments.article_slug", "=", slug)
    .orderBy("comments.created_at")
    .orderBy("comments.id");
  const rows = await (
    reader?.isModerator
      ? query
      : query.where((eb) =>
          eb.or([
            eb("comments.status", "!=", "held"),
            eb("comments.author_id", "=", reader?.id ?? ""),
          ]),
        )
  ).execute();

  return rows.map((row) => {
    // A hidden comment's text: for moderators, and for its author, who is told it was removed.
    const withheld =
      row.status === "deleted" ||
      (row.status === "hidden" && !reader?.isModerator && row.author_id !== reader?.id);
    return {
      id: row.id,
      parentId: row.parent_id,
      authorId: row.author_id,
      authorName: row.author_id ? (row.author_name ?? "Reader") : null,
      body: withheld ? "" : row.body,
      bodyHtml: withheld ? "" : row.body_html,
      status: row.status,
      createdAt: row.created_at,
      editedAt: row.edited_at,
      reports: reader?.isModerator ? Number(row.reports ?? 0) : 0,
      reportedByViewer: !!row.reported_by_viewer,
      picked: row.picked_at !== null,
      byEditor: !!row.author_email && editorAddresses.has(row.author_email.toLowerCase()),
      byAuthor: !!row.author_email && authorAddresses.has(row.author_email.toLowerCase()),
      removal:
        row.status === "hidden" && (reader?.isModerator || row.author_id === reader?.id)
          ? removalLabel(row.removal_reason, row.removal_note)
          : null,
    };
  });
}

/** Published comments per article, for headers and listings. */
export async function commentCounts(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("comments")
    .select(["article_slug", (eb) => eb.fn.countAll<string | number>().as("count")])
    .where("status", "=", "published")
    .groupBy("article_slug")
    .execute();
  return new Map(rows.map((row) => [row.article_slug, Number(row.count)]));
}

export interface StoredComment {
  id: string;
  articleSlug: string;
  parentId: string | null;
  authorId: string | null;
  status: CommentStatus;
  body: string;
}

export async function findComment(db: Kysely<Database>, id: string): Promise<StoredComment | null> {
  const row = await db
    .selectFrom("comments")
    .select(["id", "article_slug", "parent_id", "author_id", "status", "body"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        articleSlug: row.article_slug,
        parentId: row.parent_id,
        authorId: row.author_id,
        status: row.status,
        body: row.body,
      }
    : null;
}

/**
 * The comment a reader already stored with this form key: a form sent again (a retry after
 * a timeout, a second press) is answered with it, without counting against their limit.
 */
export async function commentByRequestKey(
  db: Kysely<Database>,
  authorId: string,
  requestKey: string,
): Promise<{ id: string; articleSlug: string } | null> {
  const row = await db
    .selectFrom("comments")
    .select(["id", "article_slug"])
    .where("author_id", "=", authorId)
    .where("request_key", "=", requestKey)
    .executeTakeFirst();
  return row ? { id: row.id, articleSlug: row.article_slug } : null;
}

/** Whether the reader has a published comment already (the first one may be held). */
export async function hasPublishedComment(
  db: Kysely<Database>,
  authorId: string,
  /** Not counting this comment (the one being edited). */
  { besides }: { besides?: string } = {},
): Promise<boolean> {
  let query = db
    .selectFrom("comments")
    .select("id")
    .where("author_id", "=", authorId)
    .where("status", "=", "published");
  if (besides) query = query.where("id", "!=", besides);
  const row = await query.limit(1).executeTakeFirst();
  return !!row;
}

export interface ReaderStanding {
  bannedAt: string | null;
  /** When a timed ban ends; null with bannedAt: permanent (see isBanned). */
  bannedUntil: string | null;
  banReason: string | null;
  notifyReplies: boolean;
  notifyDecisions: boolean;
  alertModeration: boolean;
  name: string;
  email: string;
}

export async function readerStanding(
  db: Kysely<Database>,
  userId: string,
): Promise<ReaderStanding | null> {
  const row = await db
    .selectFrom("User")
    .select([
      "bannedAt",
      "bannedUntil",
      "banReason",
      "notifyReplies",
      "notifyDecisions",
      "alertModeration",
      "name",
      "email",
    ])
    .where("id", "=", userId)
    .executeTakeFirst();
  return row
    ? {
        bannedAt: row.bannedAt,
        bannedUntil: row.bannedUntil,
        banReason: row.banReason,
        notifyReplies: row.notifyReplies === 1,
        notifyDecisions: row.notifyDecisions === 1,
        alertModeration: row.alertModeration === 1,
        name: row.name ?? "Reader",
        email: row.email,
      }
    : null;
}

export type QueueFilter = "all" | "reported" | "held" | "hidden";

export interface QueueItem {
  id: string;
  articleSlug: string;
  authorId: string | null;
  authorName: string | null;
  authorBanned: boolean;
  body: string;
  status: CommentStatus;
  createdAt: string;
  editedAt: string | null;
  /** The text before its author's last edit, or null. */
  previousBody: string | null;
  /** Why a moderator hid it, in words; null unless hidden. */
  removal: string | null;
  reports: number;
  reasons: string[];
}

export const QUEUE_PAGE_SIZE = 50;

/** The moderators' queue, newest first, filtered; `before` pages back through older ones. */
export async function moderationQueue(
  db: Kysely<Database>,
  filter: QueueFilter,
  before?: string,
): Promise<QueueItem[]> {
  let query = db
    .selectFrom("comments")
    .leftJoin("User", "User.id", "comments.author_id")
    .select([
      "comments.id",
      "comments.article_slug",
      "comments.author_id",
      "comments.body",
      "comments.status",
      "comments.created_at",
      "comments.edited_at",
      "comments.previous_body",
      "comments.removal_reason",
      "comments.removal_note",
      "User.name as author_name",
      "User.bannedAt as author_banned_at",
      "User.bannedUntil as author_banned_until",
    ])
    .select((eb) =>
      eb
        .selectFrom("comment_reports")
        .select((inner) => inner.fn.countAll<string | number>().as("count"))
        .whereRef("comment_reports.comment_id", "=", "comments.id")
        .as("reports"),
    )
    .where("comments.status", "!=", "deleted");
  if (filter === "held" || filter === "hidden") query = query.where("comments.status", "=", filter);
  if (filter === "reported") {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("comment_reports")
          .select(sql`1`.as("one"))
          .whereRef("comment_reports.comment_id", "=", "comments.id"),
      ),
    );
  }
  if (before) query = query.where("comments.created_at", "<", before);
  const rows = await query
    .orderBy("comments.created_at", "desc")
    .orderBy("comments.id", "desc")
    .limit(QUEUE_PAGE_SIZE)
    .execute();

  const ids = rows.map((row) => row.id);
  const reasons = ids.length
    ? await db
        .selectFrom("comment_reports")
        .select(["comment_id", "reason"])
        .where("comment_id", "in", ids)
        .orderBy("created_at")
        .execute()
    : [];
  return rows.map((row) => ({
    id: row.id,
    articleSlug: row.article_slug,
    authorId: row.author_id,
    authorName: row.author_id ? (row.author_name ?? "Reader") : null,
    authorBanned: isBanned({
      bannedAt: row.author_banned_at,
      bannedUntil: row.author_banned_until,
    }),
    body: row.body,
    status: row.status,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    previousBody: row.previous_body,
    removal: row.status === "hidden" ? removalLabel(row.removal_reason, row.removal_note) : null,
    reports: Number(row.reports ?? 0),
    reasons: reasons
      .filter((report) => report.comment_id === row.id)
      .map((report) => report.reason),
  }));
}

/** Articles on which a reader has comments: the pages to regenerate when their name changes. */
export async function articlesWithCommentsBy(
  db: Kysely<Database>,
  authorId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom("comments")
    .select("article_slug")
    .distinct()
    .where("author_id", "=", authorId)
    .execute();
  return rows.map((row) => row.article_slug);
}

/** What waits for the moderators: comments reported and not yet decided, and held ones. */
export async function queueCounts(
  db: Kysely<Database>,
): Promise<{ reported: number; held: number }> {
  const [reported, held] = await Promise.all([
    db
      .selectFrom("comments")
      .select((eb) => eb.fn.countAll<string | number>().as("count"))
      .where("status", "=", "published")
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("comment_reports")
            .select(sql`1`.as("one"))
            .whereRef("comment_reports.comment_id", "=", "comments.id")
            .where((inner) =>
              inner.or([
                inner("comments.moderated_at", "is", null),
                inner("comment_reports.created_at", ">", inner.ref("comments.moderated_at")),
              ]),
            ),
        ),
      )
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("comments")
      .select((eb) => eb.fn.countAll<string | number>().as("count"))
      .where("status", "=", "held")
      .executeTakeFirstOrThrow(),
  ]);
  return { reported: Number(reported.count), held: Number(held.count) };
}
