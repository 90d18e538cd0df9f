import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { getArticle } from "@/lib/content";
import type { Database, NoticeStatus } from "@/lib/db/schema";
import { renderMail } from "@/lib/mail/layout";
import { enqueueMail } from "@/lib/mail/queue";
import { SITE, absoluteUrl, articlePath } from "@/lib/site";
import { excerpt } from "@/lib/text/excerpt";
import { queueModeratorAlerts } from "./alerts";
import { logRow, prepareDecision } from "./moderation";

/**
 * Notices of illegal content: the sender's notice, its receipt and the moderators' alert
 * are written together; the decision (remove the comment, or keep it), its log, the author's
 * statement of reasons and the answer to the sender are written together too.
 */

export interface NewNotice {
  commentId: string;
  law: string;
  explanation: string;
  senderName: string;
  senderEmail: string;
  senderId: string | null;
}

async function titleOf(slug: string): Promise<string> {
  return (await getArticle(slug))?.title ?? slug;
}

/** Stores a notice, its receipt to the sender and the moderators' alert; returns its id. */
export async function createNotice(
  db: Kysely<Database>,
  notice: NewNotice & { articleSlug: string },
  moderators: readonly string[],
  now = new Date(),
): Promise<string> {
  const id = randomUUID();
  const title = await titleOf(notice.articleSlug);
  const commentUrl = absoluteUrl(`${articlePath(notice.articleSlug)}#comment-${notice.commentId}`);
  const { text, html } = renderMail({
    preview: `We received your notice about a comment on “${title}”`,
    greeting: `Hello ${notice.senderName},`,
    paragraphs: [
      `We received your notice of illegal content about a comment on “${title}”, on ${now.toUTCString()}. Its reference is ${id}.`,
      `The law you named: “${excerpt(notice.law, 300)}”.`,
      `A moderator, a person, will look at it and email you the decision and its reasons.`,
    ],
    action: { label: "The comment", url: commentUrl },
    footer: [`You get this because this address was given on a notice sent to ${SITE.name}.`],
  });
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("content_notices")
      .values({
        id,
        comment_id: notice.commentId,
        law: notice.law,
        explanation: notice.explanation,
        sender_name: notice.senderName,
        sender_email: notice.senderEmail,
        sender_id: notice.senderId,
        status: "open",
        created_at: now.toISOString(),
        decided_at: null,
        decided_by: null,
        decision_note: null,
      })
      .execute();
    await enqueueMail(
      trx,
      {
        kind: "notice-receipt",
        to: notice.senderEmail,
        subject: `Your notice about a comment on “${title}”`,
        text,
        html,
      },
      now,
    );
    await queueModeratorAlerts(trx, moderators, now);
  });
  return id;
}

export interface OpenNotice {
  id: string;
  commentId: string;
  articleSlug: string;
  commentBody: string;
  commentStatus: string;
  authorName: string | null;
  law: string;
  explanation: string;
  senderName: string;
  senderEmail: string;
  createdAt: string;
}

/** Notices waiting for a decision, oldest first (the queue shows them before anything else). */
export async function openNotices(db: Kysely<Database>, limit = 50): Promise<OpenNotice[]> {
  const rows = await db
    .selectFrom("content_notices")
    .innerJoin("comments", "comments.id", "content_notices.comment_id")
    .leftJoin("User", "User.id", "comments.author_id")
    .select([
      "content_notices.id",
      "content_notices.comment_id",
      "content_notices.law",
      "content_notices.explanation",
      "content_notices.sender_name",
      "content_notices.sender_email",
      "content_notices.created_at",
      "comments.article_slug",
      "comments.body",
      "comments.status",
      "comments.author_id",
      "User.name as author_name",
    ])
    .where("content_notices.status", "=", "open")
    .orderBy("content_notices.created_at")
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    commentId: row.comment_id,
    articleSlug: row.article_slug,
    commentBody: row.body,
    commentStatus: row.status,
    authorName: row.author_id ? (row.author_name ?? "Reader") : null,
    law: row.law,
    explanation: row.explanation,
    senderName: row.sender_name,
    senderEmail: row.sender_email,
    createdAt: row.created_at,
  }));
}

/** How many notices wait for a decision. */
export async function openNoticeCount(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("content_notices")
    .select((eb) => eb.fn.countAll<string | number>().as("count"))
    .where("status", "=", "open")
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Decides a notice: "removed" hides the comment for illegal content (its author is told, as
 * for any removal), "kept" leaves it; the sender gets the decision and its reasons. Returns
 * the articles whose pages change, or null when the notice was already decided.
 */
export async function decideNotice(
  db: Kysely<Database>,
  decision: {
    noticeId: string;
    outcome: Exclude<NoticeStatus, "open">;
    note: string;
    moderator: string;
  },
  now = new Date(),
): Promise<string[] | null> {
  const notice = await db
    .selectFrom("content_notices")
    .innerJoin("comments", "comments.id", "content_notices.comment_id")
    .select([
      "content_notices.comment_id",
      "content_notices.sender_name",
      "content_notices.sender_email",
      "content_notices.law",
      "content_notices.status",
      "comments.article_slug",
    ])
    .where("content_notices.id", "=", decision.noticeId)
    .executeTakeFirst();
  if (!notice || notice.status !== "open") return null;
  const apply =
    decision.outcome === "removed"
      ? await prepareDecision(db, {
          ids: [notice.comment_id],
          decision: "hide",
          reason: "illegal",
          note: decision.note,
          moderator: decision.moderator,
          now,
        })
      : null;
  const title = await titleOf(notice.article_slug);
  const { text, html } = renderMail({
    preview: `The decision on your notice about a comment on “${title}”`,
    greeting: `Hello ${notice.sender_name},`,
    paragraphs: [
      `A moderator has decided on your notice of illegal content about a comment on “${title}” (reference ${decision.noticeId}), which named “${excerpt(notice.law, 300)}”.`,
      decision.outcome === "removed"
        ? "The decision: the comment has been removed. Readers no longer see it."
        : "The decision: the comment stays. The moderator did not find that it breaks the law you named.",
      `The reasons: ${excerpt(decision.note, 2_000)}`,
      "The decision was made by a person, not by an automated system. If you disagree, reply to this message and say why.",
    ],
    footer: [`You get this because this address was given on a notice sent to ${SITE.name}.`],
  });
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("content_notices")
      .set({
        status: decision.outcome,
        decided_at: now.toISOString(),
        decided_by: decision.moderator,
        decision_note: decision.note,
      })
      .where("id", "=", decision.noticeId)
      .where("status", "=", "open")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return null;
    const slugs = apply ? await apply(trx) : [];
    if (!apply) {
      await trx
        .insertInto("moderation_log")
        .values(
          logRow(
            {
              commentId: notice.comment_id,
              subjectId: null,
              moderator: decision.moderator,
              action: "keep",
              reason: "notice",
              note: decision.note,
            },
            now,
          ),
        )
        .execute();
    }
    await enqueueMail(
      trx,
      {
        kind: "notice-decision",
        to: notice.sender_email,
        subject: `The decision on your notice about a comment on “${title}”`,
        text,
        html,
      },
      now,
    );
    return slugs;
  });
}
