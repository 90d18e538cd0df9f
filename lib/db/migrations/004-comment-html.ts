import type { Kysely, Migration } from "kysely";
import { formatComment } from "@/lib/comments/format";

/**
 * Comments keep the HTML their page shows, made once when the comment is written: rendering
 * a page no longer parses anyone's Markdown. Existing comments are formatted here, in pages.
 */
export const commentHtml: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable("comments")
      .addColumn("body_html", "text", (column) => column.notNull().defaultTo(""))
      .execute();
    const comments = db as unknown as Kysely<{
      comments: { id: string; body: string; body_html: string };
    }>;
    let after = "";
    for (;;) {
      const page = await comments
        .selectFrom("comments")
        .select(["id", "body"])
        .where("id", ">", after)
        .where("body", "!=", "")
        .orderBy("id")
        .limit(500)
        .execute();
      if (page.length === 0) break;
      for (const row of page) {
        await comments
          .updateTable("comments")
          .set({ body_html: formatComment(row.body).html })
          .where("id", "=", row.id)
          .execute();
      }
      after = page.at(-1)!.id;
    }
  },
};
