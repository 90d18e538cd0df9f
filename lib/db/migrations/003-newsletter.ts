import { sql, type Kysely, type Migration } from "kysely";

/**
 * Newsletter subscribers, the sends of an article to them, and one delivery row per
 * subscriber and send: the queue that makes each send reach each subscriber once.
 */
export const newsletter: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("subscribers")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("email", "text", (column) => column.unique())
      .addColumn("email_hash", "text", (column) => column.notNull().unique())
      .addColumn("status", "text", (column) =>
        column.notNull().check(sql`status in ('pending', 'confirmed', 'unsubscribed')`),
      )
      .addColumn("source", "text", (column) => column.notNull())
      .addColumn("confirm_token_hash", "text")
      .addColumn("confirm_expires_at", "text")
      .addColumn("confirm_sent_at", "text")
      .addColumn("created_at", "text", (column) => column.notNull())
      .addColumn("confirmed_at", "text")
      .addColumn("unsubscribed_at", "text")
      .execute();
    await db.schema
      .createIndex("subscribers_status_idx")
      .on("subscribers")
      .columns(["status", "created_at"])
      .execute();

    await db.schema
      .createTable("newsletter_sends")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("article_slug", "text", (column) => column.notNull().unique())
      .addColumn("subject", "text", (column) => column.notNull())
      .addColumn("created_by", "text", (column) => column.notNull())
      .addColumn("created_at", "text", (column) => column.notNull())
      .addColumn("finished_at", "text")
      .execute();

    await db.schema
      .createTable("newsletter_deliveries")
      .addColumn("send_id", "text", (column) =>
        column.notNull().references("newsletter_sends.id").onDelete("cascade"),
      )
      .addColumn("subscriber_id", "text", (column) =>
        column.notNull().references("subscribers.id").onDelete("cascade"),
      )
      .addColumn("status", "text", (column) =>
        column.notNull().check(sql`status in ('pending', 'claimed', 'sent', 'failed', 'skipped')`),
      )
      .addColumn("attempts", "integer", (column) => column.notNull().defaultTo(0))
      .addColumn("claimed_by", "text")
      .addColumn("claimed_until", "text")
      .addColumn("sent_at", "text")
      .addColumn("error", "text")
      .addPrimaryKeyConstraint("newsletter_deliveries_pkey", ["send_id", "subscriber_id"])
      .execute();
    await db.schema
      .createIndex("newsletter_deliveries_queue_idx")
      .on("newsletter_deliveries")
      .columns(["status", "claimed_until"])
      .execute();
  },
};
