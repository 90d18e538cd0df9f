import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { getArticle } from "@/lib/content";
import type { CommentStatus, Database } from "@/lib/db/schema";
import { renderMail } from "@/lib/mail/layout";
import { enqueueMail } from "@/lib/mail/queue";
import { SITE, absoluteUrl, articlePath } from "@/lib/site";
import { excerpt } from "@/lib/text/excerpt";
import {
  BAN_TERMS,
  BANNED_AUTHOR,
  removalLabel,
  type BanTerm,
  type RemovalReason,
} from "./reasons";

/**
 * Moderators' decisions: each one changes the comments, is written to the moderation log
 * (who, what, when, why) and, for a removal, queues the mail that tells the author why (a
 * statement of reasons), all in one transaction, so that a decision is never half-made.
 */

export type Decision = "hide" | "restore" | "approve" | "delete" | "pick" | "unpick";

export interface DecisionInput {
  ids: string[];
  decision: Decision;
  /** The moderator's address: the log says who. */
  moderator: string;
  /** For "hide": why, and the moderator's note ("other" needs one). */
  reason?: RemovalReason;
  note?: string;
  now?: Date;
}

export function logRow(
  entry: {
    commentId: string | null;
    subjectId: string | null;
    moderator: string;
    action: string;
    reason?: string | null;
    note?: string | null;
  },
  now: Date,
) {
  return {
    id: randomUUID(),
    comment_id: entry.commentId,
    subject_id: entry.subjectId,
    moderator: entry.moderator,
    action: entry.action,
    reason: entry.reason ?? null,
    note: entry.note ?? null,
    created_at: now.toISOString(),
  };
}

/** The statement of reasons: what was decided, on what, why, and how to ask again. */
async function removalMail(comment: {
  id: string;
  slug: string;
  body: string;
  to: string;
  name: string;
  reason: string;
  note: string | null;
}) {
  const title = (await getArticle(comment.slug))?.title ?? comment.slug;
  const why = removalLabel(comment.reason, comment.note);
  const { text, html } = renderMail({
    preview: `A moderator removed your comment: ${why}`,
    greeting: `Hello ${comment.name},`,
    paragraphs: [
      `A moderator of ${SITE.name} removed your comment on “${title}”. Other readers no longer see it; you still do, marked as removed.`,
      `The reason: ${why}.`,
      `Your comment: “${excerpt(comment.body, 400)}”`,
      "The decision was made by a person, not by an automated system. If you think it is wrong, reply to this message and say why: a moderator will look at it again.",
    ],
    action: {
      label: "See the discussion",
      url: absoluteUrl(`${articlePath(comment.slug)}#comment-${comment.id}`),
    },
    footer: [
      `You get this because a moderator decided on one of your comments on ${SITE.name}. You can turn these messages off on your account page.`,
      { text: "Your account:", link: { label: "Account settings", url: absoluteUrl("/account") } },
    ],
  });
  return {
    kind: "decision",
    to: comment.to,
    subject: `Your comment on “${title}” was removed`,
    text,
    html,
  };
}

const STATUS_AFTER: Partial<Record<Decision, CommentStatus>> = {
  hide: "hidden",
  restore: "published",
  approve: "published",
  delete: "deleted",
};

/** Makes a decision on comments; returns the articles whose pages change. */
export async function decide(db: Kysely<Database>, input: DecisionInput): Promise<string[]> {
  if (input.ids.length === 0) return [];
  const apply = await prepareDecision(db, input);
  return db.transaction().execute(apply);
}

/**
 * Reads what a decision needs and writes its mails, outside any transaction; the function it
 * returns makes the decision in the caller's transaction (a notice's decision makes one too).
 */
export async function prepareDecision(
  db: Kysely<Database>,
  input: DecisionInput,
): Promise<(trx: Kysely<Database>) => Promise<string[]>> {
  const now = input.now ?? new Date();
  const at = now.toISOString();
  const before = await db
    .selectFrom("comments")
    .leftJoin("User", "User.id", "comments.author_id")
    .select([
      "comments.id",
      "comments.article_slug",
      "comments.author_id",
      "comments.body",
      "comments.status",
      "User.email",
      "User.name",
      "User.notifyDecisions",
    ])
    .where("comments.id", "in", input.ids)
    .where("comments.status", "!=", "deleted")
    .execute();
  // The authors told why: a comment newly hidden with a reason, whose author takes such mail.
  const mails = new Map(
    input.decision === "hide" && input.reason
      ? await Promise.all(
          before
            .filter((row) => row.status !== "hidden" && row.email && row.notifyDecisions === 1)
            .map(
              async (row) =>
                [
                  row.id,
                  await removalMail({
                    id: row.id,
                    slug: row.article_slug,
                    body: row.body,
                    to: row.email!,
                    name: row.name ?? "reader",
                    reason: input.reason!,
                    note: input.note ?? null,
                  }),
                ] as const,
            ),
        )
      : [],
  );
  return async (trx) => {
    const status = STATUS_AFTER[input.decision];
    let update = trx.updateTable("comments").where("id", "in", input.ids);
    update = update.where("status", "!=", "deleted");
    const rows = await (
      status
        ? update.set({
            status,
            moderated_at: at,
            ...(status === "hidden"
              ? { removal_reason: input.reason ?? "other", removal_note: input.note ?? null }
              : { removal_reason: null, removal_note: null }),
            ...(status === "deleted" ? { body: "", body_html: "", previous_body: null } : {}),
          })
        : update.set({ picked_at: input.decision === "pick" ? at : null })
    )
      .returning(["id", "article_slug", "author_id"])
      .execute();
    if (rows.length === 0) return [];
    await trx
      .insertInto("moderation_log")
      .values(
        rows.map((row) =>
          logRow(
            {
              commentId: row.id,
              subjectId: row.author_id,
              moderator: input.moderator,
              action: input.decision,
              reason: input.decision === "hide" ? (input.reason ?? "other") : null,
              note: input.decision === "hide" ? input.note : null,
            },
            now,
          ),
        ),
      )
      .execute();
    for (const row of rows) {
      const mail = mails.get(row.id);
      if (mail) await enqueueMail(trx, mail, now);
    }
    return [...new Set(rows.map((row) => row.article_slug))];
  };
}

/** When a ban of this term, starting now, ends (null: never). */
export function banEnd(term: BanTerm, now: Date): Date | null {
  const ms = BAN_TERMS.find((option) => option.value === term)?.ms ?? null;
  return ms === null ? null : new Date(now.getTime() + ms);
}

/**
 * Bans a reader for a term, with a reason: their sessions ended, their posting refused until
 * the ban ends, and (unless asked not to) their comments hidden, marked as hidden by the ban.
 * Returns the articles whose pages change.
 */
export async function banReader(
  db: Kysely<Database>,
  ban: {
    userId: string;
    term: BanTerm;
    reason: string;
    hideComments: boolean;
    moderator: string;
    now?: Date;
  },
): Promise<string[]> {
  const now = ban.now ?? new Date();
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable("User")
      .set({
        bannedAt: at,
        bannedUntil: banEnd(ban.term, now)?.toISOString() ?? null,
        banReason: ban.reason,
      })
      .where("id", "=", ban.userId)
      .execute();
    await trx.deleteFrom("Session").where("userId", "=", ban.userId).execute();
    await trx
      .insertInto("moderation_log")
      .values(
        logRow(
          {
            commentId: null,
            subjectId: ban.userId,
            moderator: ban.moderator,
            action: "ban",
            reason: ban.term,
            note: ban.reason,
          },
          now,
        ),
      )
      .execute();
    if (!ban.hideComments) return [];
    const rows = await trx
      .updateTable("comments")
      .set({
        status: "hidden",
        moderated_at: at,
        removal_reason: BANNED_AUTHOR,
        removal_note: null,
      })
      .where("author_id", "=", ban.userId)
      .where("status", "in", ["published", "held"])
      .returning("article_slug")
      .execute();
    return [...new Set(rows.map((row) => row.article_slug))];
  });
}

/** Lifts a ban: the reader may post again, and the comments the ban hid are shown again. */
export async function liftBan(
  db: Kysely<Database>,
  lift: { userId: string; moderator: string; now?: Date },
): Promise<string[]> {
  const now = lift.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const lifted = await trx
      .updateTable("User")
      .set({ bannedAt: null, bannedUntil: null, banReason: null })
      .where("id", "=", lift.userId)
      .where("bannedAt", "is not", null)
      .executeTakeFirst();
    if (Number(lifted.numUpdatedRows) !== 1) return [];
    await trx
      .insertInto("moderation_log")
      .values(
        logRow(
          {
            commentId: null,
            subjectId: lift.userId,
            moderator: lift.moderator,
            action: "lift-ban",
          },
          now,
        ),
      )
      .execute();
    const rows = await trx
      .updateTable("comments")
      .set({
        status: "published",
        moderated_at: now.toISOString(),
        removal_reason: null,
        removal_note: null,
      })
      .where("author_id", "=", lift.userId)
      .where("status", "=", "hidden")
      .where("removal_reason", "=", BANNED_AUTHOR)
      .returning("article_slug")
      .execute();
    return [...new Set(rows.map((row) => row.article_slug))];
  });
}

export interface BannedReader {
  id: string;
  name: string;
  email: string;
  bannedAt: string;
  bannedUntil: string | null;
  reason: string | null;
}

/** Readers whose ban is in force, the most recent first. */
export async function bannedReaders(
  db: Kysely<Database>,
  now = new Date(),
): Promise<BannedReader[]> {
  const rows = await db
    .selectFrom("User")
    .select(["id", "name", "email", "bannedAt", "bannedUntil", "banReason"])
    .where("bannedAt", "is not", null)
    .where((eb) =>
      eb.or([eb("bannedUntil", "is", null), eb("bannedUntil", ">", now.toISOString())]),
    )
    .orderBy("bannedAt", "desc")
    .limit(200)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name ?? "Reader",
    email: row.email,
    bannedAt: row.bannedAt!,
    bannedUntil: row.bannedUntil,
    reason: row.banReason,
  }));
}

export interface LogEntry {
  moderator: string;
  action: string;
  reason: string | null;
  note: string | null;
  at: string;
}

/** Each comment's decisions, oldest first. */
export async function moderationHistory(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, LogEntry[]>> {
  const history = new Map<string, LogEntry[]>();
  if (ids.length === 0) return history;
  const rows = await db
    .selectFrom("moderation_log")
    .select(["comment_id", "moderator", "action", "reason", "note", "created_at"])
    .where("comment_id", "in", ids)
    .orderBy("created_at")
    .execute();
  for (const row of rows) {
    if (!row.comment_id) continue;
    const entries = history.get(row.comment_id) ?? [];
    entries.push({
      moderator: row.moderator,
      action: row.action,
      reason: row.reason,
      note: row.note,
      at: row.created_at,
    });
    history.set(row.comment_id, entries);
  }
  return history;
}
