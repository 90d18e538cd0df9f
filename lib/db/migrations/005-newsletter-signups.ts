import type { Kysely, Migration } from "kysely";

/**
 * Signups waiting for their confirmation mail. The form only adds a row, the same for every
 * address, and the sender mails it: a signup takes as long whoever the address belongs to,
 * and a mail server that is down delays the confirmation instead of losing it.
 */
export const newsletterSignups: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("newsletter_signups")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("email", "text", (column) => column.notNull())
      .addColumn("requested_at", "text", (column) => column.notNull())
      .addColumn("attempts", "integer", (column) => column.notNull().defaultTo(0))
      .addColumn("next_attempt_at", "text", (column) => column.notNull())
      .addColumn("claimed_by", "text")
      .addColumn("claimed_until", "text")
      .addColumn("error", "text")
      .execute();
    await db.schema
      .createIndex("newsletter_signups_due_idx")
      .on("newsletter_signups")
      .column("next_attempt_at")
      .execute();
  },
};
