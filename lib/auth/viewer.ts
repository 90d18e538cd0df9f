import "server-only";
import { cache } from "react";
import { auth } from "@/auth";
import { isModeratorEmail } from "./roles";

/** The signed-in reader, as the rest of the site sees them. */
export interface Viewer {
  id: string;
  name: string;
  email: string;
  isModerator: boolean;
}

/**
 * The reader behind this request, from their session in the database (so that signing
 * out elsewhere, a ban or a role change counts at once), or null. Once per request.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const user = (await auth())?.user;
  if (!user?.id || !user.email) return null;
  return {
    id: user.id,
    name: user.name || "Reader",
    email: user.email,
    isModerator: isModeratorEmail(user.email),
  };
});
