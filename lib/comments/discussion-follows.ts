import "server-only";
import type { Kysely } from "kysely";
import { sign, verifySignature } from "@/lib/crypto/signed";
import { getArticle } from "@/lib/content";
import type { Database } from "@/lib/db/schema";
import { renderMail } from "@/lib/mail/layout";
import { enqueueMail } from "@/lib/mail/queue";
import { SITE, absoluteUrl, articlePath } from "@/lib/site";
import { excerpt } from "@/lib/text/excerpt";

/**
 * Following a discussion: a signed-in reader asks for a digest of a piece's new comments, by
 * mail, at most once a day. Each instance's mail sender looks for due digests on every turn
 * (queueDigests); a digest is claimed by moving the follow's cutoff in the same transaction
 * that queues its mail, so that two instances never send the same one. Every digest has a
 * one-click way out, signed, not stored.
 */
export const DIGEST_INTERVAL_MS = 24 * 60 * 60_000;
const DIGEST_MAX_COMMENTS = 20;
const PURPOSE = "discussion-mail";

export async function setFollowing(
  db: Kysely<Database>,
  userId: string,
  slug: string,
  on: boolean,
  now = new Date(),
): Promise<void> {
  if (!on) {
    await db
      .deleteFrom("discussion_follows")
      .where("user_id", "=", userId)
      .where("article_slug", "=", slug)
      .execute();
    return;
  }
  await db
    .insertInto("discussion_follows")
    .values({
      user_id: userId,
      article_slug: slug,
      created_at: now.toISOString(),
      last_sent_at: null,
    })
    .onConflict((conflict) => conflict.columns(["user_id", "article_slug"]).doNothing())
    .execute();
}

export async function isFollowing(
  db: Kysely<Database>,
  userId: string,
  slug: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("discussion_follows")
    .select("user_id")
    .where("user_id", "=", userId)
    .where("article_slug", "=", slug)
    .executeTakeFirst();
  return !!row;
}

/** The value a digest's stop link signs: who, and which discussion. */
function followKey(userId: string, slug: string): string {
  return `${userId}:${slug}`;
}

export function verifyDiscussionMailToken(key: string, token: string): boolean {
  return verifySignature(PURPOSE, key, token);
}

/** Ends a follow from its signed key (the digest's stop link). */
export async function stopFollowingByKey(db: Kysely<Database>, key: string): Promise<void> {
  const [userId = "", slug = ""] = key.split(":");
  await setFollowing(db, userId, slug, false);
}

export function discussionStopUrls(userId: string, slug: string) {
  const key = followKey(userId, slug);
  const query = new URLSearchParams({ f: key, t: sign(PURPOSE, key) });
  return {
    page: absoluteUrl(`/discussions/unfollow?${query}`),
    oneClick: absoluteUrl(`/api/discussions/unfollow?${query}`),
  };
}

/**
 * Queues the digests that are due: a follow with new published comments by others since its
 * cutoff, whose last digest is a day old (or which has had none). Returns how many.
 */
export async function queueDigests(db: Kysely<Database>, now = new Date()): Promise<number> {
  const dayAgo = new Date(now.getTime() - DIGEST_INTERVAL_MS).toISOString();
  const due = await db
    .selectFrom("discussion_follows as f")
    .innerJoin("User", "User.id", "f.user_id")
    .select([
      "f.user_id",
      "f.article_slug",
      "f.created_at",
      "f.last_sent_at",
      "User.email",
      "User.name",
    ])
    .where((eb) => eb.or([eb("f.last_sent_at", "is", null), eb("f.last_sent_at", "<=", dayAgo)]))
    .where(({ exists, selectFrom, ref, fn }) =>
      exists(
        selectFrom("comments")
          .select("comments.id")
          .whereRef("comments.article_slug", "=", "f.article_slug")
          .where("comments.status", "=", "published")
          .where(({ or, eb }) =>
            or([
              eb("comments.author_id", "is", null),
              eb("comments.author_id", "!=", ref("f.user_id")),
            ]),
          )
          .where("comments.created_at", ">", fn.coalesce("f.last_sent_at", "f.created_at")),
      ),
    )
    .where((eb) =>
      eb.or([eb("User.bannedAt", "is", null), eb("User.bannedUntil", "<=", now.toISOString())]),
    )
    .limit(100)
    .execute();
  let queued = 0;
  for (const follow of due) {
    const cutoff = follow.last_sent_at ?? follow.created_at;
    const article = await getArticle(follow.article_slug);
    if (!article) continue;
    const sent = await db.transaction().execute(async (trx) => {
      // The claim: only the instance that moves the cutoff sends this digest.
      const claimed = await trx
        .updateTable("discussion_follows")
        .set({ last_sent_at: now.toISOString() })
        .where("user_id", "=", follow.user_id)
        .where("article_slug", "=", follow.article_slug)
        .where((eb) =>
          follow.last_sent_at === null
            ? eb("last_sent_at", "is", null)
            : eb("last_sent_at", "=", follow.last_sent_at),
        )
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return false;
      const comments = await trx
        .selectFrom("comments")
        .leftJoin("User", "User.id", "comments.author_id")
        .select(["comments.id", "comments.body", "comments.created_at", "User.name"])
        .where("comments.article_slug", "=", follow.article_slug)
        .where("comments.status", "=", "published")
        .where((eb) =>
          eb.or([
            eb("comments.author_id", "is", null),
            eb("comments.author_id", "!=", follow.user_id),
          ]),
        )
        .where("comments.created_at", ">", cutoff)
        .where("comments.created_at", "<=", now.toISOString())
        .orderBy("comments.created_at")
        .limit(DIGEST_MAX_COMMENTS + 1)
        .execute();
      if (comments.length === 0) return false;
      const shown = comments.slice(0, DIGEST_MAX_COMMENTS);
      const stop = discussionStopUrls(follow.user_id, follow.article_slug);
      const count =
        comments.length > DIGEST_MAX_COMMENTS
          ? `More than ${DIGEST_MAX_COMMENTS}`
          : String(shown.length);
      const { text, html } = renderMail({
        preview: `${count} new ${shown.length === 1 ? "comment" : "comments"} on “${article.title}”`,
        greeting: `Hello ${follow.name ?? "reader"},`,
        paragraphs: [
          `${count} new ${shown.length === 1 ? "comment" : "comments"} on “${article.title}”, which you follow:`,
          ...shown.map(
            (comment) => `${comment.name ?? "A deleted account"}: “${excerpt(comment.body, 280)}”`,
          ),
        ],
        action: {
          label: "Read the discussion",
          url: absoluteUrl(`${articlePath(follow.article_slug)}#comment-${shown[0]!.id}`),
        },
        footer: [
          `You get this because you follow this discussion on ${SITE.name}: at most one message a day.`,
          { text: "Do not want them any more?", link: { label: "Stop following", url: stop.page } },
        ],
      });
      await enqueueMail(
        trx,
        {
          kind: "discussion-digest",
          to: follow.email,
          subject: `New comments on “${article.title}”`,
          text,
          html,
          headers: {
            "List-Unsubscribe": `<${stop.oneClick}>`,
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          },
        },
        now,
      );
      return true;
    });
    if (sent) queued++;
  }
  return queued;
}
