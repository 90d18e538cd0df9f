import type { Kysely, Migration } from "kysely";

/**
 * Readers who follow a piece's discussion: a digest of new comments by mail, at most daily.
 * last_sent_at is the cutoff of the last digest (null: none yet; the follow's start counts).
 */
export const discussionFollows: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("discussion_follows")
      .addColumn("user_id", "text", (column) =>
        column.notNull().references("User.id").onDelete("cascade"),
      )
      .addColumn("article_slug", "text", (column) => column.notNull())
      .addColumn("created_at", "text", (column) => column.notNull())
      .addColumn("last_sent_at", "text")
      .addPrimaryKeyConstraint("discussion_follows_pkey", ["user_id", "article_slug"])
      .execute();
    await db.schema
      .createIndex("discussion_follows_slug_idx")
      .on("discussion_follows")
      .column("article_slug")
      .execute();
  },
};
