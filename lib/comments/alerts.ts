import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { getArticle } from "@/lib/content";
import type { Database } from "@/lib/db/schema";
import { renderMail } from "@/lib/mail/layout";
import { enqueueMail, type Composer } from "@/lib/mail/queue";
import { SITE, absoluteUrl } from "@/lib/site";
import { reasonLabel } from "./reasons";

/**
 * Moderators hear about the queue without watching it: a report or a comment held for
 * approval queues an alert for every moderator who takes them (ADMIN_EMAILS, less those who
 * turned alerts off on their account page). The first goes at once; then at most one per
 * moderator per ALERT_WINDOW_MS, which collects everything since the last, each item linking
 * to it in the queue. A moderator has at most one alert waiting (moderator_alerts.pending_id),
 * claimed in one statement, so two reports at the same moment on two instances make one.
 */
export const ALERT_WINDOW_MS = 15 * 60_000;
export const ALERT_KIND = "moderator-alert";

/** The moderators who take alerts: the configured addresses, less those who turned them off. */
async function alertedModerators(
  db: Kysely<Database>,
  moderators: readonly string[],
): Promise<string[]> {
  if (moderators.length === 0) return [];
  const off = await db
    .selectFrom("User")
    .select("email")
    .where("alertModeration", "=", 0)
    .execute();
  const silent = new Set(off.map((row) => row.email.toLowerCase()));
  return [...new Set(moderators.map((address) => address.toLowerCase()))].filter(
    (address) => !silent.has(address),
  );
}

/** Queues an alert for each moderator who has none waiting; in the caller's transaction. */
export async function queueModeratorAlerts(
  db: Kysely<Database>,
  moderators: readonly string[],
  now = new Date(),
): Promise<void> {
  for (const moderator of await alertedModerators(db, moderators)) {
    const id = randomUUID();
    // Takes the moderator's one waiting place, unless an alert already holds it.
    const taken = await db
      .insertInto("moderator_alerts")
      .values({ moderator, last_sent_at: null, pending_id: id })
      .onConflict((conflict) =>
        conflict
          .column("moderator")
          .doUpdateSet({ pending_id: id })
          // Free, or held by an alert that will not go (given up after its attempts).
          .where((eb) =>
            eb.or([
              eb("moderator_alerts.pending_id", "is", null),
              eb.not(
                eb.exists(
                  eb
                    .selectFrom("mail_queue")
                    .select("mail_queue.id")
                    .whereRef("mail_queue.id", "=", "moderator_alerts.pending_id")
                    .where("mail_queue.status", "in", ["pending", "claimed"]),
                ),
              ),
            ]),
          ),
      )
      .returning("last_sent_at")
      .executeTakeFirst();
    if (!taken) continue;
    const last = taken.last_sent_at ? Date.parse(taken.last_sent_at) : 0;
    const notBefore = new Date(Math.max(now.getTime(), last + ALERT_WINDOW_MS));
    // Its text is written when it goes (composeModeratorAlert).
    await enqueueMail(
      db,
      { id, kind: ALERT_KIND, to: moderator, subject: "", text: "", notBefore },
      now,
    );
  }
}

interface AlertItem {
  commentId: string;
  slug: string;
  what: string;
  at: string;
  /** Where it is on the queue page, when not the comment itself. */
  anchor?: string;
}

/** What came into the queue after `since`: reports, and comments held (or edited back). */
async function itemsSince(db: Kysely<Database>, since: string): Promise<AlertItem[]> {
  const reports = await db
    .selectFrom("comment_reports")
    .innerJoin("comments", "comments.id", "comment_reports.comment_id")
    .select([
      "comments.id",
      "comments.article_slug",
      "comment_reports.reason",
      "comment_reports.created_at",
    ])
    .where("comment_reports.created_at", ">", since)
    .orderBy("comment_reports.created_at")
    .limit(200)
    .execute();
  const held = await db
    .selectFrom("comments")
    .select(["id", "article_slug", "created_at", "edited_at"])
    .where("status", "=", "held")
    .where((eb) => eb.or([eb("created_at", ">", since), eb("edited_at", ">", since)]))
    .orderBy("created_at")
    .limit(200)
    .execute();
  const notices = await db
    .selectFrom("content_notices")
    .innerJoin("comments", "comments.id", "content_notices.comment_id")
    .select([
      "content_notices.id",
      "comments.id as comment_id",
      "comments.article_slug",
      "content_notices.created_at",
    ])
    .where("content_notices.created_at", ">", since)
    .orderBy("content_notices.created_at")
    .limit(200)
    .execute();
  return [
    ...notices.map((row) => ({
      commentId: row.comment_id,
      slug: row.article_slug,
      what: "Notice of illegal content",
      at: row.created_at,
      anchor: `notice-${row.id}`,
    })),
    ...reports.map((row) => ({
      commentId: row.id,
      slug: row.article_slug,
      what: `Reported: ${reasonLabel(row.reason)}`,
      at: row.created_at,
    })),
    ...held.map((row) => ({
      commentId: row.id,
      slug: row.article_slug,
      what:
        row.edited_at && row.edited_at > since
          ? "Edited, awaiting approval again"
          : "Awaiting approval",
      at: row.edited_at ?? row.created_at,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
}

/** Writes a moderator's alert when it goes: everything since their last one. */
export const composeModeratorAlert: Composer = async (mail, db) => {
  const composedAt = new Date().toISOString();
  const state = await db
    .selectFrom("moderator_alerts")
    .select("last_sent_at")
    .where("moderator", "=", mail.recipient)
    .executeTakeFirst();
  const since = state?.last_sent_at ?? new Date(Date.parse(composedAt) - 86_400_000).toISOString();
  const items = await itemsSince(db, since);
  const also = async (connection: Kysely<Database>) => {
    await connection
      .updateTable("moderator_alerts")
      .set({ last_sent_at: composedAt, pending_id: null })
      .where("moderator", "=", mail.recipient)
      .where("pending_id", "=", mail.id)
      .execute();
    // Anything that came in while this one was written goes in the next.
    if ((await itemsSince(connection, composedAt)).length > 0) {
      await queueModeratorAlerts(connection, [mail.recipient], new Date(composedAt));
    }
  };
  if (items.length === 0) return { message: null, also };
  const titles = new Map<string, string>();
  for (const item of items) {
    if (!titles.has(item.slug))
      titles.set(item.slug, (await getArticle(item.slug))?.title ?? item.slug);
  }
  const lines = items.map(
    (item) =>
      `${item.what}, on “${titles.get(item.slug)}”: ${absoluteUrl(
        item.anchor
          ? `/admin/comments#${item.anchor}`
          : `/admin/comments?filter=${item.what.startsWith("Reported") ? "reported" : "held"}#queue-${item.commentId}`,
      )}`,
  );
  const count = items.length === 1 ? "One comment needs" : `${items.length} comments need`;
  const { text, html } = renderMail({
    preview: `${count} a moderator`,
    greeting: "Hello,",
    paragraphs: [`${count} a moderator on ${SITE.name}:`, ...lines],
    action: { label: "Open the queue", url: absoluteUrl("/admin/comments") },
    footer: [
      `You get this because you are a moderator of ${SITE.name}: at most one every ${ALERT_WINDOW_MS / 60_000} minutes.`,
      {
        text: "Turn these alerts off:",
        link: { label: "Account settings", url: absoluteUrl("/account") },
      },
    ],
  });
  return {
    message: {
      to: mail.recipient,
      subject: `${count} a moderator on ${SITE.name}`,
      text,
      html,
      messageId: `<${mail.id}@queue.invalid>`,
    },
    also,
  };
};
