"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { signOut } from "@/auth";
import { displayNameField } from "@/lib/auth/display-name";
import { deleteUser, renameUser } from "@/lib/auth/mutations";
import { publicPagesChanged } from "@/lib/comments/cache";
import { articlesWithCommentsBy } from "@/lib/comments/queries";
import { getDb } from "@/lib/db/client";
import { formAction } from "@/lib/forms/action";

/**
 * The reader's own account: changes that reach beyond sign-in, to the pages their comments
 * are on. Here rather than in lib/auth, so that sign-in never depends on the comments.
 */
export const updateDisplayName = formAction(
  { access: "reader", schema: z.object({ name: displayNameField }) },
  async ({ name }, viewer) => {
    const db = await getDb();
    await renameUser(db, viewer.id, name);
    // The name shows on the reader's comments: those pages change for everyone.
    publicPagesChanged(await articlesWithCommentsBy(db, viewer.id), { counts: false });
    return { ok: true, message: `Saved. Your comments now show “${name}”.` };
  },
);

export const deleteAccount = formAction(
  {
    access: "reader",
    schema: z.object({
      confirm: z
        .string()
        .transform((value) => value.trim().toLowerCase())
        .pipe(z.literal("delete", { error: "Type “delete” to confirm." })),
      // Keep the comments under "deleted account" (the default), or delete their text too.
      comments: z
        .enum(["keep", "delete"], { error: "Choose what happens to your comments." })
        .default("keep"),
    }),
  },
  async ({ comments }, viewer) => {
    const db = await getDb();
    const commentedOn = await articlesWithCommentsBy(db, viewer.id);
    await signOut({ redirect: false });
    await deleteUser(db, viewer.id, { comments });
    // Their comments stay in their threads, signed "deleted account", or go; deleted ones
    // change the counts the listings show.
    publicPagesChanged(commentedOn, { counts: comments === "delete" });
    redirect("/account/deleted");
  },
);
