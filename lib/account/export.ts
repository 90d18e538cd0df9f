import "server-only";
import type { Kysely } from "kysely";
import { isBanned } from "@/lib/comments/ban";
import { removalLabel } from "@/lib/comments/reasons";
import type { Database } from "@/lib/db/schema";
import { followsOf } from "@/lib/newsletter/follows";
import { addressHash } from "@/lib/newsletter/tokens";

/**
 * Everything the site keeps about one reader, as they can take it with them: the account,
 * how they sign in, their comments (with what they wrote and their state), their reply-mail
 * choice and their newsletter subscription. Only rows that are theirs: nothing about other
 * readers, not even who reported or replied to them.
 */
export interface ReaderData {
  exportedAt: string;
  account: {
    id: string;
    displayName: string | null;
    email: string;
    emailVerified: boolean;
    signInMethods: string[];
    replyMail: boolean;
    /** Whether a moderator's removal of a comment is explained by mail. */
    decisionMail: boolean;
    banned: boolean;
    /** When the ban ends; null when there is none, or it is permanent. */
    bannedUntil: string | null;
  };
  comments: {
    id: string;
    article: string;
    inReplyTo: string | null;
    text: string;
    status: string;
    createdAt: string;
    editedAt: string | null;
    /** The text before the last edit, kept for the moderators. */
    previousText: string | null;
    /** Why a moderator removed it, when they did. */
    removedBecause: string | null;
  }[];
  /** The discussions (articles) whose new comments the reader gets by mail. */
  followedDiscussions: string[];
  /** Notices of illegal content this reader sent while signed in, and their decisions. */
  notices: {
    id: string;
    comment: string;
    law: string;
    explanation: string;
    status: string;
    sentAt: string;
    decidedAt: string | null;
  }[];
  newsletter: {
    status: string;
    subscribedAt: string;
    confirmedAt: string | null;
    /** "everything", or the topics and authors (slugs) chosen. */
    follows: "everything" | { topics: string[]; authors: string[] };
  } | null;
}

export async function readerData(
  db: Kysely<Database>,
  userId: string,
  now = new Date(),
): Promise<ReaderData | null> {
  const user = await db
    .selectFrom("User")
    .select([
      "id",
      "name",
      "email",
      "emailVerified",
      "notifyReplies",
      "notifyDecisions",
      "bannedAt",
      "bannedUntil",
    ])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user) return null;
  const [accounts, comments, subscriber, notices, followed] = await Promise.all([
    db.selectFrom("Account").select("provider").where("userId", "=", userId).execute(),
    db
      .selectFrom("comments")
      .select([
        "id",
        "article_slug",
        "parent_id",
        "body",
        "status",
        "created_at",
        "edited_at",
        "previous_body",
        "removal_reason",
        "removal_note",
      ])
      .where("author_id", "=", userId)
      .orderBy("created_at")
      .execute(),
    db
      .selectFrom("subscribers")
      .select(["id", "status", "created_at", "confirmed_at"])
      .where("email_hash", "=", addressHash(user.email))
      .where("status", "!=", "unsubscribed")
      .executeTakeFirst(),
    db
      .selectFrom("content_notices")
      .select(["id", "comment_id", "law", "explanation", "status", "created_at", "decided_at"])
      .where("sender_id", "=", userId)
      .orderBy("created_at")
      .execute(),
    db
      .selectFrom("discussion_follows")
      .select("article_slug")
      .where("user_id", "=", userId)
      .orderBy("created_at")
      .execute(),
  ]);
  const follows = subscriber ? await followsOf(db, subscriber.id) : null;
  return {
    exportedAt: now.toISOString(),
    account: {
      id: user.id,
      displayName: user.name,
      email: user.email,
      emailVerified: user.emailVerified !== null,
      signInMethods: ["email", ...accounts.map((account) => account.provider)],
      replyMail: user.notifyReplies === 1,
      decisionMail: user.notifyDecisions === 1,
      banned: isBanned(user, now),
      bannedUntil: isBanned(user, now) ? user.bannedUntil : null,
    },
    comments: comments.map((comment) => ({
      id: comment.id,
      article: comment.article_slug,
      inReplyTo: comment.parent_id,
      text: comment.body,
      status: comment.status,
      createdAt: comment.created_at,
      editedAt: comment.edited_at,
      previousText: comment.previous_body,
      removedBecause:
        comment.status === "hidden"
          ? removalLabel(comment.removal_reason, comment.removal_note)
          : null,
    })),
    followedDiscussions: followed.map((row) => row.article_slug),
    notices: notices.map((notice) => ({
      id: notice.id,
      comment: notice.comment_id,
      law: notice.law,
      explanation: notice.explanation,
      status: notice.status,
      sentAt: notice.created_at,
      decidedAt: notice.decided_at,
    })),
    newsletter: subscriber
      ? {
          status: subscriber.status,
          subscribedAt: subscriber.created_at,
          confirmedAt: subscriber.confirmed_at,
          // Everything, or the topics and authors chosen.
          follows: follows ?? "everything",
        }
      : null,
  };
}
