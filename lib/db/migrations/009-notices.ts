import { sql, type Kysely, type Migration } from "kysely";

/**
 * Notices of illegal content (the EU Digital Services Act, article 16): anyone, signed in or
 * not, says which comment, which law it breaks and why, with their name and an address for the
 * answer. A moderator decides (remove the comment, or keep it) and the sender is told.
 */
export const notices: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("content_notices")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("comment_id", "text", (column) =>
        column.notNull().references("comments.id").onDelete("cascade"),
      )
      .addColumn("law", "text", (column) => column.notNull())
      .addColumn("explanation", "text", (column) => column.notNull())
      .addColumn("sender_name", "text", (column) => column.notNull())
      .addColumn("sender_email", "text", (column) => column.notNull())
      .addColumn("sender_id", "text", (column) => column.references("User.id").onDelete("set null"))
      .addColumn("status", "text", (column) =>
        column.notNull().check(sql`status in ('open', 'removed', 'kept')`),
      )
      .addColumn("created_at", "text", (column) => column.notNull())
      .addColumn("decided_at", "text")
      .addColumn("decided_by", "text")
      .addColumn("decision_note", "text")
      .execute();
    await db.schema
      .createIndex("content_notices_status_idx")
      .on("content_notices")
      .columns(["status", "created_at"])
      .execute();
  },
};
