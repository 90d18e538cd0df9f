import "server-only";
import type { Kysely } from "kysely";
import { authTime } from "@/lib/db/dialect";
import type { Database } from "@/lib/db/schema";

/**
 * Writes to the account tables, called by the server actions once they have checked who
 * is asking. Each takes the user's id from the session, never from a form.
 */

export async function renameUser(
  db: Kysely<Database>,
  userId: string,
  name: string,
): Promise<void> {
  await db.updateTable("User").set({ name }).where("id", "=", userId).execute();
}

/** Ends every session of a user, on every device. */
export async function endAllSessions(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom("Session").where("userId", "=", userId).execute();
}

/**
 * Deletes a user: their address, sessions and linked accounts (by cascade), and any sign-in
 * link still waiting for them, in one transaction.
 */
/**
 * Deletes an account. Its comments stay in their threads under "deleted account", or, with
 * `comments: "delete"`, lose their text as a deleted comment does (the row stays where replies
 * hang on it): in the same transaction, so that nothing is left half done.
 */
export async function deleteUser(
  db: Kysely<Database>,
  userId: string,
  { comments = "keep" }: { comments?: "keep" | "delete" } = {},
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom("User")
      .select("email")
      .where("id", "=", userId)
      .executeTakeFirst();
    if (!user) return;
    if (comments === "delete") {
      await trx
        .updateTable("comments")
        .set({ body: "", body_html: "", status: "deleted" })
        .where("author_id", "=", userId)
        .execute();
    }
    await trx.deleteFrom("VerificationToken").where("identifier", "=", user.email).execute();
    await trx.deleteFrom("Session").where("userId", "=", userId).execute();
    await trx.deleteFrom("Account").where("userId", "=", userId).execute();
    await trx.deleteFrom("User").where("id", "=", userId).execute();
  });
}

/** Sign-in links that expired unused are of no use to anyone: forget them. */
export async function purgeExpiredSignInLinks(
  db: Kysely<Database>,
  now = new Date(),
): Promise<void> {
  await db.deleteFrom("VerificationToken").where("expires", "<", authTime(db, now)).execute();
}
