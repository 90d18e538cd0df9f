import { sql, type Kysely, type Migration } from "kysely";

/** Comments, readers' reports on them, and the reader's ban and reply-mail choice. */
export const comments: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("User").addColumn("bannedAt", "text").execute();
    await db.schema
      .alterTable("User")
      .addColumn("notifyReplies", "integer", (column) => column.notNull().defaultTo(0))
      .execute();

    await db.schema
      .createTable("comments")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("article_slug", "text", (column) => column.notNull())
      .addColumn("parent_id", "text", (column) => column.references("comments.id"))
      .addColumn("author_id", "text", (column) => column.references("User.id").onDelete("set null"))
      .addColumn("body", "text", (column) => column.notNull())
      .addColumn("status", "text", (column) =>
        column.notNull().check(sql`status in ('published', 'held', 'hidden', 'deleted')`),
      )
      .addColumn("created_at", "text", (column) => column.notNull())
      .addColumn("edited_at", "text")
      .addColumn("moderated_at", "text")
      .addColumn("request_key", "text")
      .addUniqueConstraint("comments_author_request_key", ["author_id", "request_key"])
      .execute();
    await db.schema
      .createIndex("comments_article_idx")
      .on("comments")
      .columns(["article_slug", "created_at"])
      .execute();
    await db.schema
      .createIndex("comments_status_idx")
      .on("comments")
      .columns(["status", "created_at"])
      .execute();
    await db.schema.createIndex("comments_author_idx").on("comments").column("author_id").execute();
    await db.schema.createIndex("comments_parent_idx").on("comments").column("parent_id").execute();

    await db.schema
      .createTable("comment_reports")
      .addColumn("comment_id", "text", (column) =>
        column.notNull().references("comments.id").onDelete("cascade"),
      )
      .addColumn("reporter_id", "text", (column) =>
        column.notNull().references("User.id").onDelete("cascade"),
      )
      .addColumn("reason", "text", (column) => column.notNull())
      .addColumn("created_at", "text", (column) => column.notNull())
      .addPrimaryKeyConstraint("comment_reports_pkey", ["comment_id", "reporter_id"])
      .execute();
  },
};
