import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import type { CommentBody } from "./body";
import { MAIL_SETTINGS, type MailSetting } from "./mail-settings";

/**
 * Writes to the comment tables. The server actions call these once they have checked who
 * is asking and what they may do; each write is one statement or one transaction, so a
 * refused or failed request leaves nothing half-written.
 */

export interface NewComment {
  articleSlug: string;
  parentId: string | null;
  authorId: string;
  body: CommentBody;
  status: "published" | "held";
  /** The form's one-time key: the same form submitted twice stores one comment. */
  requestKey: string;
}

/** Stores a comment once per form key, and returns its id (the earlier one on a resubmission). */
export async function insertComment(
  db: Kysely<Database>,
  comment: NewComment,
): Promise<{ id: string; created: boolean }> {
  const id = randomUUID();
  const inserted = await db
    .insertInto("comments")
    .values({
      id,
      article_slug: comment.articleSlug,
      parent_id: comment.parentId,
      author_id: comment.authorId,
      body: comment.body.text,
      body_html: comment.body.html,
      status: comment.status,
      created_at: new Date().toISOString(),
      edited_at: null,
      moderated_at: null,
      request_key: comment.requestKey,
    })
    .onConflict((conflict) => conflict.columns(["author_id", "request_key"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await db
    .selectFrom("comments")
    .select("id")
    .where("author_id", "=", comment.authorId)
    .where("request_key", "=", comment.requestKey)
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

/**
 * Edits the author's own comment, keeping the text before it for the moderators; with
 * `backToQueue` the comment waits for a moderator again. False when it is not theirs or no
 * longer editable.
 */
export async function editComment(
  db: Kysely<Database>,
  id: string,
  authorId: string,
  body: CommentBody,
  { backToQueue = false }: { backToQueue?: boolean } = {},
): Promise<boolean> {
  const result = await db
    .updateTable("comments")
    .set((eb) => ({
      previous_body: eb.ref("body"),
      body: body.text,
      body_html: body.html,
      edited_at: new Date().toISOString(),
      ...(backToQueue ? { status: "held" as const } : {}),
    }))
    .where("id", "=", id)
    .where("author_id", "=", authorId)
    .where("status", "in", ["published", "held"])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Deletes a comment: the row stays so that its replies keep their place, the text goes.
 * With an author id, only that author's comment is deleted.
 */
export async function deleteComment(
  db: Kysely<Database>,
  id: string,
  authorId?: string,
): Promise<boolean> {
  let query = db
    .updateTable("comments")
    .set({ body: "", body_html: "", status: "deleted" })
    .where("id", "=", id)
    .where("status", "!=", "deleted");
  if (authorId) query = query.where("author_id", "=", authorId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records a reader's report; a second report of the same comment by the same reader is ignored. */
export async function reportComment(
  db: Kysely<Database>,
  report: { commentId: string; reporterId: string; reason: string },
): Promise<boolean> {
  const result = await db
    .insertInto("comment_reports")
    .values({
      comment_id: report.commentId,
      reporter_id: report.reporterId,
      reason: report.reason,
      created_at: new Date().toISOString(),
    })
    .onConflict((conflict) => conflict.columns(["comment_id", "reporter_id"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Turns one of the reader's mail choices (lib/comments/mail-settings.ts) on or off. */
export async function setMailSetting(
  db: Kysely<Database>,
  userId: string,
  setting: MailSetting,
  on: boolean,
): Promise<void> {
  await db
    .updateTable("User")
    .set({ [MAIL_SETTINGS[setting]]: on ? 1 : 0 })
    .where("id", "=", userId)
    .execute();
}
