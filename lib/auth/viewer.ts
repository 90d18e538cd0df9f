import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { getConfig } from "@/lib/config";
import { getDb, isDatabaseUnavailable } from "@/lib/db/client";
import { authTime } from "@/lib/db/dialect";
import { sessionCookieFor } from "./cookies";
import { isModeratorEmail } from "./roles";

/** The signed-in reader, as the rest of the site sees them. */
export interface Viewer {
  id: string;
  name: string;
  email: string;
  /** Whether the reader proved they own the address (signed in by an e-mail link). */
  emailVerified: boolean;
  isModerator: boolean;
}

/**
 * The reader behind this request, or null: their session cookie, looked up in the
 * sessions table with its user, as Auth.js's database strategy does, in one query. Signing
 * out elsewhere, an expired session, a ban (which ends sessions) or a role change counts
 * at once. Once per request.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const token = (await cookies()).get(sessionCookieFor(getConfig().siteUrl))?.value;
  return token ? viewerBySessionToken(token) : null;
});

/** The reader whose live session this token is, or null. */
export async function viewerBySessionToken(token: string): Promise<Viewer | null> {
  const db = await getDb();
  const row = await db
    .selectFrom("Session")
    .innerJoin("User", "User.id", "Session.userId")
    .select(["User.id", "User.name", "User.email", "User.emailVerified"])
    .where("Session.sessionToken", "=", token)
    .where("Session.expires", ">", authTime(db, new Date()))
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    name: row.name || "Reader",
    email: row.email,
    emailVerified: row.emailVerified !== null,
    isModerator: isModeratorEmail(row.email),
  };
}

/**
 * The reader for rendering a public page: while the database cannot be reached, the page
 * is rendered as anyone gets it, rather than failing.
 */
export const getViewerForPage = cache(async (): Promise<Viewer | null> => {
  try {
    return await getViewer();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return null;
  }
});
