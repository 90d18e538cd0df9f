import type { Kysely, Migration } from "kysely";

/** Editors' picks: when a moderator picked a comment (null: not picked). */
export const commentPicks: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("comments").addColumn("picked_at", "text").execute();
  },
};
