import { sql, type Kysely, type Migration } from "kysely";

/**
 * What a subscriber follows: everything (every existing subscriber, and the default), or the
 * topics and authors they chose, one row each. A signup carries its choice through the queue
 * to the confirmation, as JSON, until the subscriber row takes it.
 */
export const newsletterFollows: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable("subscribers")
      .addColumn("follows_everything", "integer", (column) => column.notNull().defaultTo(1))
      .execute();
    await db.schema.alterTable("newsletter_signups").addColumn("follows", "text").execute();
    await db.schema
      .createTable("subscriber_follows")
      .addColumn("subscriber_id", "text", (column) =>
        column.notNull().references("subscribers.id").onDelete("cascade"),
      )
      .addColumn("kind", "text", (column) =>
        column.notNull().check(sql`kind in ('topic', 'author')`),
      )
      .addColumn("slug", "text", (column) => column.notNull())
      .addPrimaryKeyConstraint("subscriber_follows_pkey", ["subscriber_id", "kind", "slug"])
      .execute();
    await db.schema
      .createIndex("subscriber_follows_slug_idx")
      .on("subscriber_follows")
      .columns(["kind", "slug"])
      .execute();
  },
};
