import { sql, type Kysely, type Migration } from "kysely";

/**
 * Moderation that can be explained and undone, and the mail it sends:
 * - a hidden comment keeps why (removal_reason, removal_note); an edited comment keeps its
 *   previous text for the moderators (previous_body);
 * - a ban has an end (bannedUntil; null with bannedAt: permanent) and a reason;
 * - a reader can turn off the mails that explain a decision on their comments
 *   (notifyDecisions), and a moderator the alerts about the queue (alertModeration);
 * - every decision is one row of moderation_log: who, what, when, why;
 * - mail_queue holds mail that must go once and not be lost (decisions, alerts): the
 *   decision and its mail are written in one transaction, and a sender claims rows for a
 *   lease, as the newsletter's deliveries are claimed;
 * - moderator_alerts remembers each moderator's last alert, so that they get at most one
 *   every 15 minutes.
 */
export const moderation: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("comments").addColumn("removal_reason", "text").execute();
    await db.schema.alterTable("comments").addColumn("removal_note", "text").execute();
    await db.schema.alterTable("comments").addColumn("previous_body", "text").execute();
    await db.schema.alterTable("User").addColumn("bannedUntil", "text").execute();
    await db.schema.alterTable("User").addColumn("banReason", "text").execute();
    await db.schema
      .alterTable("User")
      .addColumn("notifyDecisions", "integer", (column) => column.notNull().defaultTo(1))
      .execute();
    await db.schema
      .alterTable("User")
      .addColumn("alertModeration", "integer", (column) => column.notNull().defaultTo(1))
      .execute();

    await db.schema
      .createTable("moderation_log")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("comment_id", "text", (column) =>
        column.references("comments.id").onDelete("cascade"),
      )
      .addColumn("subject_id", "text", (column) =>
        column.references("User.id").onDelete("set null"),
      )
      .addColumn("moderator", "text", (column) => column.notNull())
      .addColumn("action", "text", (column) => column.notNull())
      .addColumn("reason", "text")
      .addColumn("note", "text")
      .addColumn("created_at", "text", (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex("moderation_log_comment_idx")
      .on("moderation_log")
      .columns(["comment_id", "created_at"])
      .execute();

    await db.schema
      .createTable("mail_queue")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("kind", "text", (column) => column.notNull())
      .addColumn("recipient", "text", (column) => column.notNull())
      .addColumn("subject", "text", (column) => column.notNull())
      .addColumn("text", "text", (column) => column.notNull())
      .addColumn("html", "text")
      .addColumn("headers", "text")
      .addColumn("status", "text", (column) =>
        column.notNull().check(sql`status in ('pending', 'claimed', 'sent', 'failed')`),
      )
      .addColumn("not_before", "text", (column) => column.notNull())
      .addColumn("attempts", "integer", (column) => column.notNull().defaultTo(0))
      .addColumn("claimed_by", "text")
      .addColumn("claimed_until", "text")
      .addColumn("created_at", "text", (column) => column.notNull())
      .addColumn("sent_at", "text")
      .addColumn("error", "text")
      .execute();
    await db.schema
      .createIndex("mail_queue_due_idx")
      .on("mail_queue")
      .columns(["status", "not_before"])
      .execute();

    await db.schema
      .createTable("moderator_alerts")
      .addColumn("moderator", "text", (column) => column.primaryKey())
      .addColumn("last_sent_at", "text")
      .addColumn("pending_id", "text")
      .execute();
  },
};
